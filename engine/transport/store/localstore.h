#pragma once

#include "content/descriptor.h"
#include "reference/imagereference.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace stevedore {

// Stevedore's local image store: an OCI image layout (index.json, blobs/sha256/...) whose entries carry
// the full normalised reference ("docker.io/library/busybox:latest") as org.opencontainers.image.ref.name.
// The whole store is guarded by a lock file so CLI and GUI processes can share it.
struct LocalImage {
    ImageReference reference;  // name:tag
    Descriptor descriptor;     // the manifest or index
    QDateTime created;         // from the config when known
};

class LocalStore final
{
public:
    explicit LocalStore(QString root);
    const QString &root() const { return m_root; }

    Result<QList<LocalImage>> images() const;
    Result<LocalImage> find(const ImageReference &ref) const;
    // Adds `target` as another name of the image `source`.
    Status tag(const ImageReference &source, const ImageReference &target);
    // Removes a name; blobs no longer referenced by any name are deleted.
    Status remove(const ImageReference &ref);

private:
    QString m_root;
};

} // namespace stevedore
