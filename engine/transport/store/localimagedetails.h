#pragma once

#include "content/descriptor.h"

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

} // namespace stevedore
