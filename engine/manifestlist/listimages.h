#pragma once

#include "manifestlist.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <QFuture>

namespace stevedore {

// Where an image the user named for a list lives: "transport:details" as written; a bare name that is in the local
// store is that image; any other bare name is a registry image (docker://NAME), as `docker manifest create` reads it.
Result<TransportReference> resolveListImage(const QString &text, const SystemContext &ctx);

// Reads the image at `ref` and gives the entries it contributes to a list: for an image manifest, one entry (digest,
// size and media type of the manifest; platform os/architecture/variant/os.version/os.features from its config);
// for an index, every child with `all`, else the child for this machine's platform. Each entry's source pins the
// manifest (docker:// references get @digest). Blocking; errors name the image.
Result<QList<ListEntry>> describeListImage(const TransportReference &ref, const SystemContext &ctx, bool all,
                                           const CancelToken &cancel);
// The same on the engine's I/O pool, for the GUI.
QFuture<Result<QList<ListEntry>>> describeListImageAsync(const QString &text, const SystemContext &ctx, bool all,
                                                         const CancelToken &cancel = {});

// `manifest inspect --verbose`: for each entry, {"Ref", "Descriptor", "Raw", "SchemaV2Manifest" | "OCIManifest"}, the
// image manifest read from its source, as `docker manifest inspect -v` prints them (a JSON array, indented).
Result<QByteArray> inspectListVerbose(const ManifestList &list, const SystemContext &ctx, const CancelToken &cancel);

} // namespace stevedore
