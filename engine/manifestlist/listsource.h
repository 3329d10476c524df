#pragma once

#include "liststore.h"
#include "transport/imagesource.h"
#include "transport/systemcontext.h"

#include <memory>

namespace stevedore {

// A local manifest list as an image source, so that one CopyJob pushes it (the local store transport opens one for
// a bare name that is a saved list): manifest() is the list as stored, each child manifest and blob is read from the
// entry's own source (a registry, a layout, the local store), and each blob's location is that source's, so the
// docker destination mounts blobs across repositories of the same registry instead of sending them.
// Refuses a list that lists a platform twice unless ctx.allowDuplicatePlatforms, and an entry without a source.
Result<std::unique_ptr<ImageSource>> openListSource(const StoredList &list, const SystemContext &ctx);

} // namespace stevedore
