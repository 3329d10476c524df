#pragma once

#include "blobio.h"

#include <QString>

#include <functional>
#include <memory>

namespace stevedore {

// A blob file read in chunks (constant memory). Refuses what is not a regular file (never blocks on a FIFO) and a
// file whose size differs from `expectedSize` (when >= 0). `what` names the blob in messages.
Result<std::unique_ptr<BlobReader>> openFileBlob(const QString &path, qint64 expectedSize, const QString &what);

// A blob written to a temporary file in `folder`, verified on commit() (size, and digest: sha256 while writing,
// other algorithms by reading it back), given the umask's mode, fsynced and renamed to `finalPathFor(digest)`.
// Destroyed without commit(), the temporary file is removed.
Result<std::unique_ptr<BlobWriter>> makeFileBlobWriter(const QString &folder,
                                                      std::function<QString(const Digest &)> finalPathFor);

} // namespace stevedore
