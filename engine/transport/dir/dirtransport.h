#pragma once

#include "transport/imagedestination.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <memory>

namespace stevedore {

// dir:PATH with skopeo's layout: manifest.json (the top-level manifest or index), <hex>.manifest.json for the
// instances of an index, one file per blob named by its hex digest, signature-N (and <hex>.signature-N for
// instances), and a `version` file ("Directory Transport Version: 1.1").
//
// As a destination nothing is deleted when it is opened: the image is assembled in a hidden sibling folder and
// swapped in by commit() (renameat2 RENAME_EXCHANGE), after which the old content is removed. An existing folder is
// replaced only when it is empty or holds a `version` file saying "Directory Transport Version: 1.x"; anything else
// is refused.
Result<std::unique_ptr<ImageSource>> openDirImageSource(const TransportReference &ref, const SystemContext &ctx);
Result<std::unique_ptr<ImageDestination>> openDirImageDestination(const TransportReference &ref,
                                                                  const SystemContext &ctx);

} // namespace stevedore
