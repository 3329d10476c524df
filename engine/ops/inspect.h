#pragma once

#include "core/cancel.h"
#include "transport/transportreference.h"
#include "transport/imagesource.h"
#include "transport/systemcontext.h"

#include <QByteArray>
#include <QFuture>

namespace stevedore {

enum class InspectMode {
    Summary, // skopeo-inspect-like JSON: Name, Digest, Tag, Created, Architecture, Os, Layers, ...
    Raw,     // the manifest bytes exactly as stored
    Config,  // the image config blob
};

// Inspects an image at any transport. Blocking: call from a worker thread, or use inspectImageAsync.
Result<QByteArray> inspectImage(const TransportReference &ref, const SystemContext &ctx, InspectMode mode,
                                const CancelToken &cancel = {});
// Reads an image's config blob from `source`, bounded by kMaxManifestSize, verifying its digest and size.
Result<QByteArray> readConfig(ImageSource &source, const Descriptor &config, const CancelToken &cancel);

QFuture<Result<QByteArray>> inspectImageAsync(const TransportReference &ref, const SystemContext &ctx, InspectMode mode);

} // namespace stevedore
