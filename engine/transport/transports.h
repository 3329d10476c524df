#pragma once

#include "transport/transportreference.h"
#include "systemcontext.h"
#include "imagedestination.h"

namespace stevedore {

// The one place that maps a transport reference to an implementation. Transports not implemented yet
// answer ErrorCode::NotSupportedYet ("transport X is not supported yet").
Result<std::unique_ptr<ImageSource>> openImageSource(const TransportReference &ref, const SystemContext &ctx);
Result<std::unique_ptr<ImageDestination>> openImageDestination(const TransportReference &ref, const SystemContext &ctx);

// A location opened for reading, with its top manifest (an image or an index) read: where inspect, the push
// dialog's summary and the details pane start. A manifest that cannot be read is an error naming the location.
// Opened with SystemContext::metadataOnly: the source serves manifests and configs, and an archive's layers are
// not unpacked (nor can they be opened).
struct OpenedSource {
    std::unique_ptr<ImageSource> source;
    RawManifest top;
};
Result<OpenedSource> openSourceAndManifest(const TransportReference &ref, const SystemContext &ctx,
                                           const CancelToken &cancel);

} // namespace stevedore
