// CopyRun: planning — manifests read, the platform chosen, the manifest family decided, each blob's transformation.
#include "copyrun.h"

#include "content/blobio.h"
#include "content/platforms.h"
#include "core/logging.h"
#include "retry.h"

#include <QSet>

namespace stevedore {

namespace {

Error cancelledError()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("the copy was cancelled"));
}

} // namespace

Result<RawManifest> CopyRun::readManifest(const std::optional<Digest> &instance, const QString &platform)
{
    auto raw = withRetries(m_context.retry, m_stop, [&]() { return m_source->manifest(instance, m_stop); });
    if (!raw) {
        const QString what = instance ? manifestContext(*instance, platform)
                                      : EngineText::tr("the manifest of %1").arg(m_source->description());
        return fail(raw.error().withContext(EngineText::tr("reading %1").arg(what)));
    }
    return raw;
}

Status CopyRun::plan()
{
    auto top = readManifest(std::nullopt, {});
    if (!top)
        return fail(top.error());
    if (stopped())
        return fail(cancelledError());
    if (auto f = chooseFamily(*top); !f)
        return f;
    m_topDigest = top->digest();

    if (!top->isIndex())
        return addManifest(top->digest(), *top, {}, false);

    auto index = ImageIndex::parse(*top);
    if (!index)
        return fail(index.error().withContext(EngineText::tr("reading the index of %1").arg(m_source->description())));
    const Digest indexDigest = top->digest();

    QList<Descriptor> chosen;
    if (m_options.all && !m_caps.storesIndexes)
        return fail(ErrorCode::Unsupported,
                    EngineText::tr("%1 is an index, and %2 holds one image, not an index: copy one platform (leave out "
                                   "--all; --platform chooses it, this machine's by default)")
                        .arg(m_source->description(), m_dest->description()));
    if (m_options.all) {
        chosen = index->manifests;
        m_index = *top;
        m_indexDigest = indexDigest;
        if (!m_options.removeSignatures) {
            auto sigs = m_source->signatures(std::nullopt, m_stop);
            if (!sigs)
                return fail(sigs.error().withContext(EngineText::tr("reading the signatures of the index of %1")
                                                         .arg(m_source->description())));
            m_indexSignatures = *sigs;
        }
    } else {
        auto pick = chooseInstance(*index, m_options.platform.value_or(Platform::host()), m_source->description(),
                                   EngineText::tr("use --all to copy every platform"));
        if (!pick)
            return fail(pick.error());
        chosen.append(*pick);
    }

    if (m_index) {
        ImageProgress ip;
        ip.id = indexDigest.toString();
        ip.mediaType = top->mediaType;
        m_progress.setImage(ip);
    }

    QSet<QString> seen;
    for (const Descriptor &d : std::as_const(chosen)) {
        if (seen.contains(d.digest.toString()))
            continue;
        seen.insert(d.digest.toString());
        const QString platform = d.platform ? d.platform->toString() : QString();
        if (!mediatype::isImageManifest(d.mediaType))
            return fail(ErrorCode::NotSupportedYet,
                        EngineText::tr("%1 in %2 is a %3, which cannot be copied yet (only image manifests under an "
                                       "index are)")
                            .arg(manifestContext(d.digest, platform), m_source->description(), d.mediaType));
        auto raw = readManifest(d.digest, platform);
        if (!raw)
            return fail(raw.error());
        if (auto added = addManifest(d.digest, *raw, platform, m_index.has_value()); !added)
            return added;
        if (stopped())
            return fail(cancelledError());
    }
    return {};
}

Status CopyRun::chooseFamily(const RawManifest &top)
{
    const bool zstd = m_options.compression == Compression::Zstd;
    auto family = chooseManifestFamily(top.mediaType, m_caps.manifestTypes, m_options.manifestFormat, zstd);
    if (!family)
        return fail(family.error().withContext(EngineText::tr("writing %1").arg(m_dest->description())));
    m_family = *family;
    return {};
}

BlobTransform CopyRun::transformFor(const Descriptor &layer) const
{
    BlobTransform t;
    t.from = compressionOfMediaType(layer.mediaType);
    t.to = t.from;
    if (m_options.compression)
        t.to = *m_options.compression;
    else if (m_caps.compressUncompressedLayers && t.from == Compression::None)
        t.to = *m_caps.compressUncompressedLayers;
    if (!m_caps.layerCompressions.isEmpty() && !m_caps.layerCompressions.contains(t.to))
        t.to = m_caps.layerCompressions.constFirst();
    if (m_family == ManifestFamily::Docker && t.to == Compression::Zstd)
        t.to = Compression::Gzip;
    t.level = t.to == Compression::None ? -1 : m_options.compressionLevel;
    return t;
}

Result<QList<Digest>> CopyRun::diffIdsOf(const ImageManifest &manifest, const QString &platform)
{
    const BlobInfo config = BlobInfo::fromDescriptor(manifest.config, BlobRole::Config, -1);
    if (config.size > kMaxManifestSize)
        return fail(ErrorCode::TooLarge, formatText(EngineText::tr("the config %1 is %2 bytes, more than the limit of %3"), config.digest.toString(), config.size, kMaxManifestSize));
    auto bytes = withRetries(m_context.retry, m_stop, [&]() -> Result<QByteArray> {
        auto reader = m_source->openBlob(config, m_stop);
        if (!reader)
            return fail(reader.error());
        return readAllLimited(**reader, kMaxManifestSize, m_stop);
    });
    const QString what = EngineText::tr("reading the config of %1").arg(manifestContext(manifest.config.digest, platform));
    if (!bytes)
        return fail(bytes.error().withContext(what));
    if (Digest::sha256Of(*bytes) != config.digest && config.digest.algorithm() == QLatin1String("sha256"))
        return fail(ErrorCode::DigestMismatch, EngineText::tr("%1: the config does not match its digest %2")
                                                   .arg(what, config.digest.toString()));
    auto parsed = ImageConfig::parse(*bytes);
    if (!parsed)
        return fail(parsed.error().withContext(what));
    return parsed->diffIds;
}

Status CopyRun::addManifest(const Digest &digest, RawManifest raw, const QString &platform, bool isInstance)
{
    if (!mediatype::isImageManifest(raw.mediaType))
        return fail(ErrorCode::NotSupportedYet,
                    EngineText::tr("%1 of %2 has the media type %3, which cannot be copied yet")
                        .arg(manifestContext(digest, platform), m_source->description(), raw.mediaType));
    auto parsed = ImageManifest::parse(raw);
    if (!parsed)
        return fail(parsed.error().withContext(EngineText::tr("reading %1").arg(manifestContext(digest, platform))));

    ManifestTask m;
    m.sourceDigest = digest;
    m.raw = raw;
    m.parsed = *parsed;
    m.platform = platform;
    m.isInstance = isInstance;
    if (!m_options.removeSignatures) {
        // The signatures of an index's child are stored with its digest; a lone manifest's with the location.
        const bool child = digest != m_topDigest;
        auto sigs = m_source->signatures(child ? std::optional<Digest>(digest) : std::nullopt, m_stop);
        if (!sigs)
            return fail(sigs.error().withContext(EngineText::tr("reading the signatures of %1").arg(manifestContext(digest, platform))));
        m.signatures = *sigs;
    }

    // Layers that will be decompressed are checked against their diff_ids, which the config holds.
    bool decompresses = false;
    for (const Descriptor &l : std::as_const(m.parsed.layers)) {
        const BlobTransform t = transformFor(l);
        decompresses = decompresses || (t.changes() && t.from != Compression::None);
    }
    QList<Digest> diffIds;
    if (decompresses) {
        auto ids = diffIdsOf(m.parsed, platform);
        if (!ids)
            return fail(ids.error());
        if (ids->size() != m.parsed.layers.size())
            return fail(ErrorCode::MalformedContent,
                        formatText(EngineText::tr("%1: the config lists %2 diff_ids for %3 layers"), manifestContext(digest, platform), ids->size(), m.parsed.layers.size()));
        diffIds = *ids;
    }

    auto addBlob = [&](const Descriptor &d, BlobRole role, int index) -> Status {
        BlobTask t;
        t.source = BlobInfo::fromDescriptor(d, role, index);
        if (role == BlobRole::Layer) {
            t.transform = transformFor(d);
            auto type = layerMediaTypeFor(d.mediaType, t.transform.to, m_family);
            if (!type)
                return fail(type.error().withContext(manifestContext(digest, platform)));
            t.outputType = *type;
            if (t.transform.from == Compression::None)
                t.diffId = d.digest;
            else if (index < diffIds.size())
                t.diffId = diffIds.at(index);
            t.foreign = mediatype::isNonDistributableLayer(d.mediaType) && !d.urls.isEmpty() && m_caps.acceptsForeignLayerUrls;
            if (t.foreign)
                t.transform = BlobTransform{t.transform.from, t.transform.from, -1};
        } else {
            t.outputType = d.mediaType;
        }
        t.key = d.digest.toString();
        if (t.transform.changes())
            t.key += QLatin1Char('|') + t.transform.key();
        auto it = m_blobs.find(t.key);
        if (it == m_blobs.end()) {
            it = m_blobs.insert(t.key, std::make_shared<BlobTask>(t));
            m_blobOrder.append(t.key);
        }
        if (!platform.isEmpty() && !(*it)->platforms.contains(platform))
            (*it)->platforms.append(platform);
        m.blobKeys.append(t.key);
        return {};
    };
    if (auto c = addBlob(m.parsed.config, BlobRole::Config, -1); !c)
        return c;
    for (int i = 0; i < m.parsed.layers.size(); ++i)
        if (auto l = addBlob(m.parsed.layers.at(i), BlobRole::Layer, i); !l)
            return l;

    ImageProgress ip;
    ip.id = digest.toString();
    ip.platform = platform;
    ip.mediaType = raw.mediaType;
    m_progress.setImage(ip);
    m_manifests.append(m);
    return {};
}

} // namespace stevedore
