#pragma once

#include "content/descriptor.h"
#include "content/manifest.h"
#include "core/error.h"

#include <QJsonArray>
#include <QList>
#include <QLockFile>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace stevedore {

inline constexpr QLatin1StringView kOciRefNameAnnotation{"org.opencontainers.image.ref.name"};

// An OCI image layout on disk (oci-layout, index.json, blobs/<algorithm>/<hex>). Shared by the oci:
// transport and the local store. Every path is built from a validated Digest only.
class OciLayout
{
public:
    explicit OciLayout(QString root);
    const QString &root() const { return m_root; }

    QString indexPath() const;
    QString blobsDir() const;
    QString blobPath(const Digest &digest) const;

    bool exists() const; // index.json present
    // A clear error when the folder is not an OCI image layout: index.json and a valid oci-layout file
    // ({"imageLayoutVersion": "1.x"}) must be there, regular files.
    Status checkExists() const;
    Status checkLayoutFile() const;
    // Creates the folder, oci-layout and an empty index.json when missing (under the index lock). With
    // `refuseForeignContent`, a folder that holds anything else than a layout being created is refused.
    Status ensureExists(bool refuseForeignContent = false) const;

    // The entries of index.json (each validated).
    Result<QList<Descriptor>> entries() const;
    // Resolves oci:PATH[:REF] for reading: REF = ref.name annotation, "@N" = N-th entry; no REF = the only entry.
    Result<Descriptor> resolve(const QString &ref) const;

    // Reads a small blob (manifest, index, config), refusing more than `limit` bytes, verifying its digest
    // (and its size when `expectedSize` >= 0).
    Result<QByteArray> readSmallBlob(const Digest &digest, qint64 expectedSize = -1,
                                     qint64 limit = kMaxManifestSize) const;
    // Writes a blob from memory (if it is not already there), atomically.
    Status writeSmallBlob(const QByteArray &bytes, Digest *digestOut = nullptr) const;
    // Whether the blob file exists with that size (size < 0: any size).
    bool hasBlob(const Digest &digest, qint64 size) const;

    // Rewrites index.json atomically under the layout's lock (.index.json.lock next to index.json).
    // `edit` changes the manifests array; it may fail, and then nothing is written.
    // `afterWrite`, when given, runs with the lock still held, after the new index is in place.
    Status updateIndex(const std::function<Status(QList<Descriptor> &)> &edit,
                       const std::function<Status(const QList<Descriptor> &)> &afterWrite = {}) const;

    // Runs `fn` with the index lock held (no index rewrite).
    Status withLock(const std::function<Status()> &fn) const;

    // Every blob reachable from `roots` (manifests, indexes, configs, layers), walking nested indexes.
    // Missing blobs are an error when `requirePresent`.
    Result<QSet<QString>> reachableBlobs(const QList<Descriptor> &roots, bool requirePresent) const;

    // Deletes blob files that are not in `keep` (digest strings). Returns the number deleted. Nothing is deleted
    // while a writer (WriterGuard, any process) is active: its blobs are not referenced by index.json yet.
    Result<int> deleteBlobsExcept(const QSet<QString> &keep) const;

    // Marks the layout as being written to for as long as it lives (a held lock file in .writers/), so that a
    // garbage collection in another thread or process leaves unreferenced blobs alone meanwhile.
    class WriterGuard
    {
    public:
        explicit WriterGuard(const OciLayout &layout);
        ~WriterGuard();
        WriterGuard(const WriterGuard &) = delete;
        WriterGuard &operator=(const WriterGuard &) = delete;

    private:
        std::unique_ptr<QLockFile> m_lock;
        QString m_path;
    };
    // How many writers are active (stale marks of dead processes are cleaned up).
    int activeWriters() const;

private:
    Status writeIndexLocked(const QList<Descriptor> &entries) const;
    Result<QList<Descriptor>> entriesUnlocked() const;
    QString m_root;
};

// The ref name of an index entry (empty when none).
QString ociRefName(const Descriptor &d);

} // namespace stevedore
