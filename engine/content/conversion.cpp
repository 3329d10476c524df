#include "conversion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

QString configTypeFor(const QString &configType, ManifestFamily family, bool *ok)
{
    *ok = true;
    const bool imageConfig = configType == mediatype::OciConfig || configType == mediatype::DockerConfig;
    if (!imageConfig) {
        *ok = family == ManifestFamily::Oci; // an artifact's config type means something only in OCI
        return configType;
    }
    return family == ManifestFamily::Oci ? QString(mediatype::OciConfig) : QString(mediatype::DockerConfig);
}

} // namespace

std::optional<ManifestFamily> familyOf(const QString &t)
{
    if (t == mediatype::OciManifest || t == mediatype::OciIndex)
        return ManifestFamily::Oci;
    if (t == mediatype::DockerManifest || t == mediatype::DockerManifestList)
        return ManifestFamily::Docker;
    return std::nullopt;
}

QString imageManifestType(ManifestFamily family)
{
    return family == ManifestFamily::Oci ? QString(mediatype::OciManifest) : QString(mediatype::DockerManifest);
}

QString indexType(ManifestFamily family)
{
    return family == ManifestFamily::Oci ? QString(mediatype::OciIndex) : QString(mediatype::DockerManifestList);
}

Result<QString> layerMediaTypeFor(const QString &layerType, Compression compression, ManifestFamily family)
{
    const bool foreign = mediatype::isNonDistributableLayer(layerType);
    if (family == ManifestFamily::Oci) {
        switch (compression) {
        case Compression::None: return QString(foreign ? mediatype::OciLayerNondistributable : mediatype::OciLayer);
        case Compression::Gzip: return QString(foreign ? mediatype::OciLayerNondistributableGzip : mediatype::OciLayerGzip);
        case Compression::Zstd: return QString(foreign ? mediatype::OciLayerNondistributableZstd : mediatype::OciLayerZstd);
        default: break;
        }
    } else {
        switch (compression) {
        case Compression::None: return QString(foreign ? mediatype::DockerForeignLayer : mediatype::DockerLayer);
        case Compression::Gzip: return QString(foreign ? mediatype::DockerForeignLayerGzip : mediatype::DockerLayerGzip);
        default: break;
        }
    }
    return fail(ErrorCode::Unsupported,
                EngineText::tr("a %1 layer cannot be described in a %2 manifest")
                    .arg(compressionName(compression), family == ManifestFamily::Oci ? u"OCI"_s : u"Docker v2s2"_s));
}

Result<ManifestFamily> chooseManifestFamily(const QString &sourceType, const QStringList &destinationTypes,
                                            std::optional<ManifestFamily> forced, bool zstdLayers)
{
    auto allowed = [&](ManifestFamily f) {
        if (zstdLayers && f == ManifestFamily::Docker)
            return false;
        return destinationTypes.isEmpty() || destinationTypes.contains(imageManifestType(f));
    };
    if (forced) {
        if (zstdLayers && *forced == ManifestFamily::Docker)
            return fail(ErrorCode::Unsupported,
                        EngineText::tr("zstd-compressed layers cannot be written in a Docker v2s2 manifest; use --format oci"));
        if (!destinationTypes.isEmpty() && !destinationTypes.contains(imageManifestType(*forced)))
            return fail(ErrorCode::Unsupported, EngineText::tr("the destination does not store %1 manifests")
                                                    .arg(*forced == ManifestFamily::Oci ? u"OCI"_s : u"Docker v2s2"_s));
        return *forced;
    }
    const auto source = familyOf(sourceType);
    if (!source)
        return fail(ErrorCode::Unsupported, EngineText::tr("manifests of type %1 cannot be copied").arg(sourceType.left(120)));
    if (allowed(*source))
        return *source;
    for (const QString &t : destinationTypes) {
        const auto f = familyOf(t);
        if (f && allowed(*f))
            return *f;
    }
    if (allowed(ManifestFamily::Oci))
        return ManifestFamily::Oci;
    return fail(ErrorCode::Unsupported, EngineText::tr("the destination stores no manifest type this image can be written in"));
}

Result<RawManifest> updateImageManifest(const RawManifest &manifest, const QList<Descriptor> &layers, ManifestFamily family)
{
    auto parsed = ImageManifest::parse(manifest);
    if (!parsed)
        return fail(parsed.error());
    if (layers.size() != parsed->layers.size())
        return fail(ErrorCode::Internal, EngineText::tr("layer count changed while rewriting a manifest"));
    const QString targetType = imageManifestType(family);
    bool changed = targetType != manifest.mediaType;
    for (qsizetype i = 0; i < layers.size() && !changed; ++i) {
        const Descriptor &a = parsed->layers.at(i);
        const Descriptor &b = layers.at(i);
        changed = a.mediaType != b.mediaType || a.digest != b.digest || a.size != b.size;
    }
    if (!changed)
        return manifest;

    auto obj = parseJsonObject(manifest.bytes, EngineText::tr("manifest"));
    if (!obj)
        return fail(obj.error());
    if (family == ManifestFamily::Docker) {
        if (parsed->subject || !parsed->artifactType.isEmpty())
            return fail(ErrorCode::Unsupported,
                        EngineText::tr("an artifact manifest (with an artifactType or a subject) cannot be converted to "
                                       "Docker v2s2"));
        obj->remove(u"annotations"_s);
    }
    QJsonObject config = obj->value(u"config"_s).toObject();
    bool configOk = true;
    config.insert(u"mediaType"_s, configTypeFor(parsed->config.mediaType, family, &configOk));
    if (!configOk)
        return fail(ErrorCode::Unsupported, EngineText::tr("a manifest whose config is a %1 cannot be converted to Docker v2s2")
                                                .arg(parsed->config.mediaType.left(120)));
    if (family == ManifestFamily::Docker)
        config.remove(u"annotations"_s);
    obj->insert(u"config"_s, config);
    QJsonArray arr = obj->value(u"layers"_s).toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        QJsonObject l = arr.at(i).toObject();
        QString type = layers[i].mediaType;
        if (familyOf(targetType) != familyOf(manifest.mediaType)) {
            auto mapped = layerMediaTypeFor(type, compressionOfMediaType(type), family);
            if (!mapped)
                return fail(mapped.error());
            type = *mapped;
        }
        l.insert(u"mediaType"_s, type);
        l.insert(u"digest"_s, layers[i].digest.toString());
        l.insert(u"size"_s, layers[i].size);
        if (family == ManifestFamily::Docker)
            l.remove(u"annotations"_s);
        arr.replace(i, l);
    }
    obj->insert(u"layers"_s, arr);
    obj->insert(u"mediaType"_s, targetType);
    return RawManifest{QJsonDocument(*obj).toJson(QJsonDocument::Compact), targetType};
}

Result<RawManifest> updateIndex(const RawManifest &index, const QHash<Digest, Descriptor> &replacements,
                                ManifestFamily family)
{
    const QString targetType = indexType(family);
    if (replacements.isEmpty() && targetType == index.mediaType)
        return index;
    auto obj = parseJsonObject(index.bytes, EngineText::tr("index"));
    if (!obj)
        return fail(obj.error());
    QJsonArray arr = obj->value(u"manifests"_s).toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        QJsonObject m = arr.at(i).toObject();
        auto d = Digest::parse(m.value(u"digest"_s).toString());
        if (!d)
            return fail(ErrorCode::MalformedContent, d.error().message);
        const auto it = replacements.constFind(*d);
        if (it != replacements.constEnd()) {
            m.insert(u"mediaType"_s, it->mediaType);
            m.insert(u"digest"_s, it->digest.toString());
            m.insert(u"size"_s, it->size);
        }
        if (family == ManifestFamily::Docker) {
            m.remove(u"annotations"_s);
            m.remove(u"artifactType"_s);
        }
        arr.replace(i, m);
    }
    obj->insert(u"manifests"_s, arr);
    if (family == ManifestFamily::Docker)
        obj->remove(u"annotations"_s);
    obj->insert(u"mediaType"_s, targetType);
    return RawManifest{QJsonDocument(*obj).toJson(QJsonDocument::Compact), targetType};
}

Result<QByteArray> rewriteManifestLayers(const RawManifest &manifest, const QList<Descriptor> &layers)
{
    auto obj = parseJsonObject(manifest.bytes, EngineText::tr("manifest"));
    if (!obj)
        return fail(obj.error());
    QJsonArray arr = obj->value(u"layers"_s).toArray();
    if (arr.size() != layers.size())
        return fail(ErrorCode::Internal, EngineText::tr("layer count changed while rewriting a manifest"));
    const auto family = familyOf(manifest.mediaType);
    if (!family)
        return fail(ErrorCode::Unsupported, EngineText::tr("%1 is not an image manifest").arg(manifest.mediaType.left(120)));
    auto updated = updateImageManifest(manifest, layers, *family);
    if (!updated)
        return fail(updated.error());
    return updated->bytes;
}

Result<QByteArray> rewriteIndexEntries(const RawManifest &index, const QHash<Digest, Descriptor> &replacements)
{
    const auto family = familyOf(index.mediaType);
    if (!family)
        return fail(ErrorCode::Unsupported, EngineText::tr("%1 is not an index").arg(index.mediaType.left(120)));
    auto updated = updateIndex(index, replacements, *family);
    if (!updated)
        return fail(updated.error());
    return updated->bytes;
}

} // namespace stevedore
