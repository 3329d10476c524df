#pragma once
// The details of an image at any location (the local store, an OCI layout, a dir: folder, a registry), as the
// window's details pane shows them: the same parts the registry browser reads from a registry.

#include "ops/registrybrowse.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <QFuture>

#include <optional>

namespace stevedore {

struct ImageDetails {
    RemoteManifest manifest;            // the top manifest: an image or an index
    std::optional<RemoteConfig> config; // a single image's config
    // An index: the config and layers (compressed) of the platform images found at the location, and how many of
    // its platform images those are (a pull of one platform keeps the index and that image only). -1 when none.
    qint64 indexTotal = -1;
    int indexImagesFound = 0;
};

// Reads the top manifest of `ref`, then the config of a single image or each platform manifest of an index;
// digests are verified. Blocking (the I/O pool); cancellable between reads.
Result<ImageDetails> readImageDetails(const TransportReference &ref, const SystemContext &ctx, const CancelToken &cancel);
// The same on the engine's I/O pool.
QFuture<Result<ImageDetails>> readImageDetailsAsync(TransportReference ref, SystemContext ctx, CancelToken cancel = {});

} // namespace stevedore
