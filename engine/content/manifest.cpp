#include "manifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace stevedore {

Result<QJsonObject> parseJsonObject(const QByteArray &bytes, const QString &what)
{
    if (bytes.size() > kMaxManifestSize)
        return fail(ErrorCode::TooLarge,
                    formatText(EngineText::tr("%1 is %2 bytes, over the limit of %3"), what, bytes.size(), kMaxManifestSize));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        return fail(ErrorCode::MalformedContent,
                    formatText(EngineText::tr("%1 is not valid JSON: %2 at offset %3"), what, err.errorString(), err.offset));
    if (!doc.isObject())
        return fail(ErrorCode::MalformedContent, EngineText::tr("%1 is not a JSON object").arg(what));
    return doc.object();
}

namespace {
Result<QJsonObject> parseObject(const QByteArray &bytes, const QString &what)
{
    return parseJsonObject(bytes, what);
}
} // namespace

Result<QString> detectManifestMediaType(const QByteArray &bytes, const QString &hint)
{
    auto obj = parseObject(bytes, EngineText::tr("manifest"));
    if (!obj)
        return fail(obj.error());
    const QString declared = obj->value(QLatin1String("mediaType")).toString();
    if (!declared.isEmpty())
        return declared;
    const int schemaVersion = obj->value(QLatin1String("schemaVersion")).toInt();
    if (schemaVersion == 1)
        return QString(mediatype::DockerV2S1Signed);
    QString h = hint.section(QLatin1Char(';'), 0, 0).trimmed();
    if (mediatype::isIndex(h) || mediatype::isImageManifest(h))
        return h;
    if (obj->contains(QLatin1String("manifests")))
        return QString(mediatype::OciIndex);
    if (obj->contains(QLatin1String("config")) && obj->contains(QLatin1String("layers")))
        return QString(mediatype::OciManifest);
    return fail(ErrorCode::MalformedContent, EngineText::tr("cannot tell what kind of manifest this is"));
}

Result<RawManifest> makeRawManifest(const QByteArray &bytes, const QString &hint)
{
    auto mt = detectManifestMediaType(bytes, hint);
    if (!mt)
        return fail(mt.error());
    return RawManifest{bytes, *mt};
}

Result<ImageManifest> ImageManifest::parse(const RawManifest &raw)
{
    if (!mediatype::isImageManifest(raw.mediaType)) {
        if (raw.mediaType == mediatype::DockerV2S1 || raw.mediaType == mediatype::DockerV2S1Signed)
            return fail(ErrorCode::NotSupportedYet, EngineText::tr("Docker schema 1 manifests are not supported yet"));
        return fail(ErrorCode::MalformedContent, EngineText::tr("\"%1\" is not an image manifest type").arg(raw.mediaType.left(200)));
    }
    auto obj = parseObject(raw.bytes, EngineText::tr("manifest"));
    if (!obj)
        return fail(obj.error());
    if (obj->value(QLatin1String("schemaVersion")).toInt() != 2)
        return fail(ErrorCode::MalformedContent, EngineText::tr("manifest schemaVersion is not 2"));
    ImageManifest m;
    m.mediaType = raw.mediaType;
    const QString declared = obj->value(QLatin1String("mediaType")).toString();
    if (!declared.isEmpty() && declared != raw.mediaType)
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("manifest declares media type %1 but was served as %2").arg(declared.left(200), raw.mediaType));
    if (!obj->value(QLatin1String("config")).isObject())
        return fail(ErrorCode::MalformedContent, EngineText::tr("manifest has no config descriptor"));
    auto config = Descriptor::fromJson(obj->value(QLatin1String("config")).toObject());
    if (!config)
        return fail(config.error().withContext(EngineText::tr("manifest config")));
    m.config = *config;
    const QJsonValue layers = obj->value(QLatin1String("layers"));
    if (!layers.isArray())
        return fail(ErrorCode::MalformedContent, EngineText::tr("manifest has no layers array"));
    int i = 0;
    for (const QJsonValue &l : layers.toArray()) {
        auto d = Descriptor::fromJson(l.toObject());
        if (!d)
            return fail(d.error().withContext(EngineText::tr("manifest layer %1").arg(i)));
        m.layers.append(*d);
        ++i;
    }
    const QJsonObject ann = obj->value(QLatin1String("annotations")).toObject();
    for (auto it = ann.begin(); it != ann.end(); ++it)
        m.annotations.insert(it.key(), it.value().toString());
    m.artifactType = obj->value(QLatin1String("artifactType")).toString();
    if (obj->value(QLatin1String("subject")).isObject()) {
        auto s = Descriptor::fromJson(obj->value(QLatin1String("subject")).toObject());
        if (!s)
            return fail(s.error().withContext(EngineText::tr("manifest subject")));
        m.subject = *s;
    }
    return m;
}

Result<ImageIndex> ImageIndex::parse(const RawManifest &raw)
{
    if (!mediatype::isIndex(raw.mediaType))
        return fail(ErrorCode::MalformedContent, EngineText::tr("\"%1\" is not an index type").arg(raw.mediaType.left(200)));
    auto obj = parseObject(raw.bytes, EngineText::tr("index"));
    if (!obj)
        return fail(obj.error());
    if (obj->value(QLatin1String("schemaVersion")).toInt() != 2)
        return fail(ErrorCode::MalformedContent, EngineText::tr("index schemaVersion is not 2"));
    const QJsonValue manifests = obj->value(QLatin1String("manifests"));
    if (!manifests.isArray())
        return fail(ErrorCode::MalformedContent, EngineText::tr("index has no manifests array"));
    ImageIndex idx;
    idx.mediaType = raw.mediaType;
    int i = 0;
    for (const QJsonValue &v : manifests.toArray()) {
        auto d = Descriptor::fromJson(v.toObject());
        if (!d)
            return fail(d.error().withContext(EngineText::tr("index entry %1").arg(i)));
        idx.manifests.append(*d);
        ++i;
    }
    const QJsonObject ann = obj->value(QLatin1String("annotations")).toObject();
    for (auto it = ann.begin(); it != ann.end(); ++it)
        idx.annotations.insert(it.key(), it.value().toString());
    return idx;
}

Result<ImageConfig> ImageConfig::parse(const QByteArray &bytes)
{
    auto obj = parseObject(bytes, EngineText::tr("image config"));
    if (!obj)
        return fail(obj.error());
    ImageConfig c;
    c.raw = bytes;
    c.json = *obj;
    c.os = obj->value(QLatin1String("os")).toString();
    c.architecture = obj->value(QLatin1String("architecture")).toString();
    c.variant = obj->value(QLatin1String("variant")).toString();
    c.created = obj->value(QLatin1String("created")).toString();
    for (const QJsonValue &v : obj->value(QLatin1String("rootfs")).toObject().value(QLatin1String("diff_ids")).toArray()) {
        auto d = Digest::parse(v.toString());
        if (!d)
            return fail(d.error().withContext(EngineText::tr("image config diff_ids")));
        c.diffIds.append(*d);
    }
    return c;
}

Platform ImageConfig::platform() const
{
    Platform p;
    p.os = os;
    p.architecture = architecture;
    p.variant = variant;
    p.osVersion = json.value(QLatin1String("os.version")).toString();
    for (const QJsonValue &f : json.value(QLatin1String("os.features")).toArray())
        p.osFeatures << f.toString();
    return p;
}

} // namespace stevedore
