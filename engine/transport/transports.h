#pragma once

#include "transport/transportreference.h"
#include "systemcontext.h"
#include "imagedestination.h"

namespace stevedore {

// The one place that maps a transport reference to an implementation. Transports not implemented yet
// answer ErrorCode::NotSupportedYet ("transport X is not supported yet").
Result<std::unique_ptr<ImageSource>> openImageSource(const TransportReference &ref, const SystemContext &ctx);
Result<std::unique_ptr<ImageDestination>> openImageDestination(const TransportReference &ref, const SystemContext &ctx);

} // namespace stevedore
