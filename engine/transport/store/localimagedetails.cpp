#include "localimagedetails.h"

#include "compress/decompress.h"
#include "content/fileblob.h"
#include "content/manifest.h"
#include "core/atomicfile.h"
#include "transport/oci/ocilayout.h"

#include <QFileInfo>

namespace stevedore {

namespace {

Result<RawManifest> readManifest(const OciLayout &layout, const Descriptor &d)
{
    auto bytes = readFileLimited(layout.blobPath(d.digest), kMaxManifestSize);
    if (!bytes)
        return fail(bytes.error());
    return makeRawManifest(*bytes, d.mediaType);
}

Result<ImageIndex> readIndex(const OciLayout &layout, const Descriptor &d)
{
    auto raw = readManifest(layout, d);
    if (!raw)
        return fail(raw.error());
    return ImageIndex::parse(*raw);
}

Result<ImageManifest> readImage(const OciLayout &layout, const Descriptor &d)
{
    auto raw = readManifest(layout, d);
    if (!raw)
        return fail(raw.error());
    return ImageManifest::parse(*raw);
}

Status addImage(const OciLayout &layout, const Descriptor &d, bool readPlatform, LocalImageDetails &out)
{
    auto image = readImage(layout, d);
    if (!image)
        return fail(image.error());
    out.storedSize += image->config.size;
    out.layers += int(image->layers.size());
    for (const Descriptor &l : std::as_const(image->layers))
        out.storedSize += l.size;
    if (readPlatform) {
        auto config = readFileLimited(layout.blobPath(image->config.digest), kMaxManifestSize);
        if (config) {
            auto parsed = ImageConfig::parse(*config);
            if (parsed && !parsed->os.isEmpty())
                out.platforms.append(parsed->os + u'/' + parsed->architecture
                                     + (parsed->variant.isEmpty() ? QString() : u'/' + parsed->variant));
        }
    }
    return {};
}

// The image manifests under `top`: itself, or an index's stored children.
Result<QList<ImageManifest>> imagesOf(const OciLayout &layout, const Descriptor &top)
{
    QList<Descriptor> tops{top};
    if (mediatype::isIndex(top.mediaType)) {
        auto index = readIndex(layout, top);
        if (!index)
            return fail(index.error());
        tops.clear();
        for (const Descriptor &child : std::as_const(index->manifests))
            if (!mediatype::isIndex(child.mediaType) && QFileInfo::exists(layout.blobPath(child.digest)))
                tops.append(child);
    }
    QList<ImageManifest> images;
    for (const Descriptor &d : std::as_const(tops)) {
        auto image = readImage(layout, d);
        if (!image)
            return fail(image.error());
        images.append(*image);
    }
    return images;
}

} // namespace

Result<qint64> readUncompressedSize(const QString &root, const Descriptor &top, QHash<QString, qint64> &layerSizes,
                                    const CancelToken &cancel)
{
    const OciLayout layout(root);
    auto images = imagesOf(layout, top);
    if (!images)
        return fail(images.error());
    qint64 total = 0;
    for (const ImageManifest &image : std::as_const(*images)) {
        for (const Descriptor &layer : std::as_const(image.layers)) {
            const QString key = layer.digest.toString();
            if (const auto known = layerSizes.constFind(key); known != layerSizes.constEnd()) {
                total += *known;
                continue;
            }
            auto reader = openFileBlob(layout.blobPath(layer.digest), layer.size, EngineText::tr("layer %1").arg(key));
            if (!reader)
                return fail(reader.error());
            auto plain = decompressedSize(std::move(*reader), compressionOfMediaType(layer.mediaType), cancel);
            if (!plain)
                return fail(plain.error());
            layerSizes.insert(key, *plain);
            total += *plain;
        }
    }
    return total;
}

Result<LocalImageDetails> readLocalImageDetails(const QString &root, const Descriptor &top)
{
    const OciLayout layout(root);
    LocalImageDetails out;
    if (!mediatype::isIndex(top.mediaType)) {
        if (auto s = addImage(layout, top, true, out); !s)
            return fail(s.error());
        return out;
    }
    auto index = readIndex(layout, top);
    if (!index)
        return fail(index.error());
    for (const Descriptor &child : std::as_const(index->manifests)) {
        if (child.platform)
            out.platforms.append(child.platform->toString());
        // A child that is not stored (a list that names images elsewhere) adds nothing.
        if (!mediatype::isIndex(child.mediaType))
            (void)addImage(layout, child, false, out);
    }
    return out;
}

} // namespace stevedore
