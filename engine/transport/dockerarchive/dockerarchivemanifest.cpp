#include "dockerarchivemanifest.h"

#include "content/manifest.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

Error malformed(const QString &archive, const QString &what)
{
    return Error(ErrorCode::MalformedContent, EngineText::tr("%1: its manifest.json %2").arg(archive, what));
}

// A member name as manifest.json may write it, cleaned; nullopt when it leaves the archive.
std::optional<QString> memberName(const QJsonValue &v)
{
    if (!v.isString())
        return std::nullopt;
    const QString clean = QDir::cleanPath(v.toString());
    if (clean.isEmpty() || clean == u"."_s || QDir::isAbsolutePath(clean) || clean == u".."_s || clean.startsWith(u"../"_s))
        return std::nullopt;
    return clean;
}

QString listed(const QList<DockerArchiveEntry> &entries)
{
    QStringList names;
    for (qsizetype i = 0; i < entries.size(); ++i)
        names.append(entries.at(i).repoTags.isEmpty() ? u"@%1"_s.arg(i) : entries.at(i).repoTags.join(u", "_s));
    return names.join(u"; "_s).left(600);
}

} // namespace

Result<QList<DockerArchiveEntry>> parseDockerArchiveManifest(const QByteArray &bytes, const QString &archive)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(malformed(archive, EngineText::tr("is not JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset)));
    if (!doc.isArray())
        return fail(malformed(archive, EngineText::tr("is not a list of images")));
    const QJsonArray array = doc.array();
    if (array.isEmpty())
        return fail(malformed(archive, EngineText::tr("lists no image")));
    QList<DockerArchiveEntry> entries;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        DockerArchiveEntry e;
        const auto config = memberName(o.value(u"Config"_s));
        if (!config)
            return fail(malformed(archive, EngineText::tr("entry %1 has no valid Config file name").arg(i)));
        e.config = *config;
        const QJsonValue layers = o.value(u"Layers"_s);
        if (!layers.isArray())
            return fail(malformed(archive, EngineText::tr("entry %1 has no Layers list").arg(i)));
        for (const QJsonValue &l : layers.toArray()) {
            const auto layer = memberName(l);
            if (!layer)
                return fail(malformed(archive, EngineText::tr("entry %1 names a layer that is no file of the archive").arg(i)));
            e.layers.append(*layer);
        }
        const QJsonValue tags = o.value(u"RepoTags"_s);
        if (!tags.isUndefined() && !tags.isNull() && !tags.isArray())
            return fail(malformed(archive, EngineText::tr("entry %1 has a RepoTags that is not a list").arg(i)));
        for (const QJsonValue &t : tags.toArray()) {
            if (!t.isString())
                return fail(malformed(archive, EngineText::tr("entry %1 has a tag that is not a string").arg(i)));
            e.repoTags.append(t.toString());
        }
        entries.append(e);
    }
    return entries;
}

Result<DockerArchiveEntry> chooseDockerArchiveEntry(const QList<DockerArchiveEntry> &entries, const QString &pathRef,
                                                    const std::optional<ImageReference> &image, const QString &archive)
{
    if (pathRef.isEmpty()) {
        if (entries.size() == 1)
            return entries.first();
        return fail(ErrorCode::InvalidArgument,
                    EngineText::tr("%1 holds %2 images (%3); name one, as docker-archive:%1:NAME:TAG or docker-archive:%1:@N")
                        .arg(archive)
                        .arg(entries.size())
                        .arg(listed(entries)));
    }
    if (pathRef.startsWith(u'@')) {
        bool ok = false;
        const qsizetype n = pathRef.mid(1).toLongLong(&ok);
        if (!ok || n < 0)
            return fail(ErrorCode::InvalidReference, EngineText::tr("\"%1\" is not an image number (@0, @1, …)").arg(pathRef.left(40)));
        if (n >= entries.size())
            return fail(ErrorCode::NotFound, EngineText::tr("%1 holds %2 images; there is no @%3").arg(archive).arg(entries.size()).arg(n));
        return entries.at(n);
    }
    if (image) {
        for (const DockerArchiveEntry &e : entries) {
            for (const QString &tag : e.repoTags) {
                auto parsed = ImageReference::parse(tag);
                if (parsed && parsed->toString() == image->toString())
                    return e;
            }
        }
    }
    return fail(ErrorCode::NotFound, EngineText::tr("%1 holds no image tagged %2 (it holds: %3)")
                                         .arg(archive, pathRef.left(200), listed(entries)));
}

QByteArray serializeDockerArchiveManifest(const QList<DockerArchiveEntry> &entries)
{
    QJsonArray array;
    for (const DockerArchiveEntry &e : entries) {
        QJsonObject o;
        o.insert(u"Config"_s, e.config);
        o.insert(u"RepoTags"_s, e.repoTags.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonArray::fromStringList(e.repoTags));
        o.insert(u"Layers"_s, QJsonArray::fromStringList(e.layers));
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace stevedore
