#include "manifestlist.h"

#include "content/manifest.h"
#include "content/platformnames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace stevedore {

QByteArray ManifestList::toBytes() const
{
    QJsonObject o;
    o.insert(QLatin1String("schemaVersion"), 2);
    o.insert(QLatin1String("mediaType"), mediaType);
    QJsonArray manifests;
    for (const ListEntry &e : entries)
        manifests.append(e.descriptor.toJson());
    o.insert(QLatin1String("manifests"), manifests);
    if (!annotations.isEmpty()) {
        QJsonObject a;
        for (auto it = annotations.cbegin(); it != annotations.cend(); ++it)
            a.insert(it.key(), it.value());
        o.insert(QLatin1String("annotations"), a);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<ManifestList> ManifestList::fromBytes(const QByteArray &bytes, const QHash<QString, QString> &sources,
                                             const QString &what)
{
    auto raw = makeRawManifest(bytes, QString(mediatype::OciIndex));
    if (!raw)
        return fail(raw.error().withContext(what));
    if (!raw->isIndex())
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("%1: not a manifest list or image index (%2)").arg(what, raw->mediaType));
    auto index = ImageIndex::parse(*raw);
    if (!index)
        return fail(index.error().withContext(what));
    ManifestList list;
    list.mediaType = index->mediaType;
    list.annotations = index->annotations;
    for (const Descriptor &d : std::as_const(index->manifests))
        list.entries.append(ListEntry{d, sources.value(d.digest.toString())});
    return list;
}

QHash<QString, QString> ManifestList::sources() const
{
    QHash<QString, QString> out;
    for (const ListEntry &e : entries)
        if (!e.source.isEmpty())
            out.insert(e.descriptor.digest.toString(), e.source);
    return out;
}

qsizetype ManifestList::indexOf(const Digest &digest) const
{
    for (qsizetype i = 0; i < entries.size(); ++i)
        if (entries.at(i).descriptor.digest == digest)
            return i;
    return -1;
}

void ManifestList::add(const ListEntry &entry)
{
    const qsizetype at = indexOf(entry.descriptor.digest);
    if (at >= 0)
        entries[at] = entry;
    else
        entries.append(entry);
}

QString platformKey(const std::optional<Platform> &p)
{
    if (!p)
        return EngineText::tr("no platform");
    QString key = p->toString();
    if (!p->osVersion.isEmpty())
        key += QStringLiteral(" os.version ") + p->osVersion;
    if (!p->osFeatures.isEmpty())
        key += QStringLiteral(" os.features ") + p->osFeatures.join(QLatin1Char(','));
    return key;
}

namespace {

// The platform as runtimes match it: containerd takes arm64 without a variant for arm64/v8, and arm for arm/v7.
std::optional<Platform> normalisedForMatching(std::optional<Platform> p)
{
    if (p && p->variant.isEmpty()) {
        if (p->architecture == QLatin1String("arm64"))
            p->variant = QStringLiteral("v8");
        else if (p->architecture == QLatin1String("arm"))
            p->variant = QStringLiteral("v7");
    }
    return p;
}

} // namespace

QStringList ManifestList::duplicatePlatforms() const
{
    QStringList order;
    QHash<QString, int> count;
    for (const ListEntry &e : entries) {
        const QString key = platformKey(normalisedForMatching(e.descriptor.platform));
        if (!count.contains(key))
            order.append(key);
        ++count[key];
    }
    QStringList out;
    for (const QString &key : std::as_const(order))
        if (count.value(key) > 1)
            out.append(EngineText::tr("%1 (%2 entries)").arg(key).arg(count.value(key)));
    return out;
}

bool PlatformEdit::isEmpty() const
{
    return !os && !architecture && !variant && !osVersion && !osFeatures && annotations.isEmpty();
}

Status applyPlatformEdit(ListEntry &entry, const PlatformEdit &edit)
{
    Platform p = entry.descriptor.platform.value_or(Platform{});
    if (edit.os)
        p.os = *edit.os;
    if (edit.architecture)
        p.architecture = *edit.architecture;
    if (edit.variant)
        p.variant = *edit.variant;
    if (edit.osVersion)
        p.osVersion = *edit.osVersion;
    if (edit.osFeatures)
        p.osFeatures = *edit.osFeatures;
    if (auto ok = checkPlatform(p); !ok)
        return ok;
    // An index entry's platform names both (OCI: os and architecture are REQUIRED): one cleared alone would leave
    // {"architecture": "", "os": "linux"}, which no client matches.
    if ((edit.os || edit.architecture) && p.os.isEmpty() != p.architecture.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    EngineText::tr("a platform needs both an operating system and an architecture, not %1 alone: set "
                                   "both, or clear both (--os \"\" --arch \"\") for an entry without a platform")
                        .arg(p.os.isEmpty() ? QStringLiteral("architecture \"%1\"").arg(p.architecture)
                                            : QStringLiteral("os \"%1\"").arg(p.os)));
    for (auto it = edit.annotations.cbegin(); it != edit.annotations.cend(); ++it)
        if (it.key().isEmpty())
            return fail(ErrorCode::InvalidArgument, EngineText::tr("an annotation needs a key (KEY=VALUE)"));
    Descriptor d = entry.descriptor;
    const bool any = !p.os.isEmpty() || !p.architecture.isEmpty() || !p.variant.isEmpty() || !p.osVersion.isEmpty()
                     || !p.osFeatures.isEmpty();
    d.platform = any ? std::optional<Platform>(p) : std::nullopt;
    for (auto it = edit.annotations.cbegin(); it != edit.annotations.cend(); ++it) {
        if (it.value().isEmpty())
            d.annotations.remove(it.key());
        else
            d.annotations.insert(it.key(), it.value());
    }
    entry.descriptor = d;
    return {};
}

} // namespace stevedore
