#pragma once
// An OCI image layout as one tar file (the oci-archive: transport), through libarchive.

#include "core/cancel.h"
#include "core/error.h"

#include <QString>

namespace stevedore {

// Unpacks the tar `archivePath` (plain, or compressed in any way libarchive reads) into the empty folder `folder`.
// Only files and folders are taken: an entry that is a link or a device, a path that leaves the folder (absolute,
// or through ".."), an entry written twice, a damaged or truncated archive — each a MalformedContent error naming
// the archive. Streamed; cancellable between pieces.
Status unpackLayoutTar(const QString &archivePath, const QString &folder, const CancelToken &cancel);

// Writes every file and folder under `folder` into a tar at `archivePath` (POSIX pax, names sorted, owner root),
// through a temporary file in the same folder that is fsynced and renamed over `archivePath` at the end: nothing
// there changes unless the whole archive is written. Streamed; cancellable between pieces.
Status packLayoutTar(const QString &folder, const QString &archivePath, const CancelToken &cancel);

} // namespace stevedore
