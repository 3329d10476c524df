#pragma once

#include "transport/transportreference.h"
#include "transport/systemcontext.h"
#include "transport/imagedestination.h"

#include <memory>

namespace stevedore {

// A bare name ("myapp:v1" = docker.io/library/myapp:v1) in Stevedore's local store, an OCI image layout at
// SystemContext::effectiveStorageRoot() whose index.json entries are named with full normalised references.
Result<std::unique_ptr<ImageSource>> openStoreImageSource(const TransportReference &ref, const SystemContext &ctx);
Result<std::unique_ptr<ImageDestination>> openStoreImageDestination(const TransportReference &ref,
                                                                    const SystemContext &ctx);

} // namespace stevedore
