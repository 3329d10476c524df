#include "blobinfo.h"

namespace stevedore {

BlobInfo BlobInfo::fromDescriptor(const Descriptor &d, BlobRole role, int layerIndex)
{
    BlobInfo b;
    b.role = role;
    b.layerIndex = layerIndex;
    b.mediaType = d.mediaType;
    b.digest = d.digest;
    b.size = d.size;
    b.compression = role == BlobRole::Layer ? compressionOfMediaType(d.mediaType) : Compression::None;
    b.annotations = d.annotations;
    b.urls = d.urls;
    return b;
}

Descriptor BlobInfo::toDescriptor() const
{
    Descriptor d;
    d.mediaType = mediaType;
    d.digest = digest;
    d.size = size;
    d.annotations = annotations;
    d.urls = urls;
    return d;
}

} // namespace stevedore
