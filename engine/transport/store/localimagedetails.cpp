#include "localimagedetails.h"

#include "content/manifest.h"
#include "core/atomicfile.h"
#include "transport/oci/ocilayout.h"

namespace stevedore {

namespace {

Result<RawManifest> readManifest(const OciLayout &layout, const Descriptor &d)
{
    auto bytes = readFileLimited(layout.blobPath(d.digest), kMaxManifestSize);
    if (!bytes)
        return fail(bytes.error());
    return makeRawManifest(*bytes, d.mediaType);
}

Status addImage(const OciLayout &layout, const Descriptor &d, bool readPlatform, LocalImageDetails &out)
{
    auto raw = readManifest(layout, d);
    if (!raw)
        return fail(raw.error());
    auto image = ImageManifest::parse(*raw);
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

} // namespace

Result<LocalImageDetails> readLocalImageDetails(const QString &root, const Descriptor &top)
{
    const OciLayout layout(root);
    LocalImageDetails out;
    if (!mediatype::isIndex(top.mediaType)) {
        if (auto s = addImage(layout, top, true, out); !s)
            return fail(s.error());
        return out;
    }
    auto raw = readManifest(layout, top);
    if (!raw)
        return fail(raw.error());
    auto index = ImageIndex::parse(*raw);
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
