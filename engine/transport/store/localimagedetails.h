#pragma once

#include "content/descriptor.h"
#include "core/cancel.h"

#include <QHash>
#include <QStringList>

namespace stevedore {

// What the local images panel shows beyond the name: the platforms of an image (one, from its config) or of an
// index (its children's), and the bytes it holds as stored — config and layers, of every platform of an index.
struct LocalImageDetails {
    QStringList platforms;
    qint64 storedSize = 0;
    int layers = 0;
};

// Reads the manifests (and a single image's config) of `top` from the store at `root`; blocking (the I/O pool).
Result<LocalImageDetails> readLocalImageDetails(const QString &root, const Descriptor &top);

// The bytes the layers of `top` (every platform of an index) hold once decompressed: each layer stored in the store
// at `root` is read and decompressed to the end (streamed, constant memory), so this takes time — run it after the
// details, on the I/O pool. `layerSizes` (layer digest → uncompressed size) is what is already known, and is filled
// in: a layer shared by several images is read once. Cancellable between pieces of a layer.
Result<qint64> readUncompressedSize(const QString &root, const Descriptor &top, QHash<QString, qint64> &layerSizes,
                                    const CancelToken &cancel);

} // namespace stevedore
