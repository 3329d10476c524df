#pragma once

#include "reference/transportreference.h"
#include "transport/systemcontext.h"
#include "transport/types.h"

#include <memory>

namespace stevedore {

// dir:PATH with skopeo's layout: manifest.json (the top-level manifest or index), <hex>.manifest.json for
// the instances of an index, one file per blob named by its hex digest, and a `version` file.
Result<std::unique_ptr<ImageSource>> openDirImageSource(const TransportReference &ref, const SystemContext &ctx);
Result<std::unique_ptr<ImageDestination>> openDirImageDestination(const TransportReference &ref,
                                                                  const SystemContext &ctx);

} // namespace stevedore
