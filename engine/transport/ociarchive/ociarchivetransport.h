#pragma once
// oci-archive:PATH[:REF] — an OCI image layout in one tar file, as skopeo reads and writes it. A source unpacks the
// archive into a temporary folder and reads it as oci: does; a destination assembles a layout in a temporary folder
// and, at commit, writes it as the archive (a new archive holding this image: what was at PATH is replaced, once
// the new one is complete). The temporary folders are under $TMPDIR, else /var/tmp, and go with the source or
// destination.

#include "transport/imagedestination.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <memory>

namespace stevedore {

Result<std::unique_ptr<ImageSource>> openOciArchiveImageSource(const TransportReference &ref, const SystemContext &ctx);
Result<std::unique_ptr<ImageDestination>> openOciArchiveImageDestination(const TransportReference &ref,
                                                                         const SystemContext &ctx);

} // namespace stevedore
