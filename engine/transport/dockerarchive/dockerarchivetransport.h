#pragma once
// docker-archive:PATH[:NAME:TAG|:@N] — the tar `docker save` writes and `docker load` reads (and podman, skopeo):
// manifest.json naming, for each image, its config file (<hex>.json), its tags and its layer files (uncompressed
// tars). One image is read or written at a time.
//
// A source unpacks the archive (plain or compressed) into a temporary folder, follows the links docker writes
// (<id>/layer.tar -> ../<hex>.tar), and offers the image as a Docker v2s2 manifest made from the config and layers:
// an uncompressed layer's digest is its diff_id, checked as it is read; a gzip-compressed one's is its own.
//
// A destination takes one image (an index: one platform of it), with uncompressed layers (a compressed source layer
// is decompressed), and at commit writes a new archive: <hex>.tar per layer, <hex>.json for the config, manifest.json
// with the tag of the reference (NAME:TAG, none without). What was at PATH is replaced only once the new archive is
// complete. The temporary folders are under $TMPDIR, else /var/tmp.

#include "transport/imagedestination.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <memory>

namespace stevedore {

Result<std::unique_ptr<ImageSource>> openDockerArchiveImageSource(const TransportReference &ref, const SystemContext &ctx);
Result<std::unique_ptr<ImageDestination>> openDockerArchiveImageDestination(const TransportReference &ref,
                                                                            const SystemContext &ctx);

} // namespace stevedore
