#pragma once

#include "content/manifest.h"
#include "core/cancel.h"
#include "core/error.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace stevedore {

// Where a blob is known to live on a registry: used for cross-repository mounts.
struct BlobLocationHint {
    QString registryHost; // "localhost:5000" (the reference's domain)
    QString repository;   // "team/app" (path without host)
    friend bool operator==(const BlobLocationHint &, const BlobLocationHint &) = default;
};

// Sequential reader over one blob. Used from the thread that opened it only.
class BlobReader
{
public:
    virtual ~BlobReader() = default;
    // Reads up to maxSize bytes into data; returns the count, 0 at the end of the blob.
    virtual Result<qint64> read(char *data, qint64 maxSize) = 0;
};

// Where images come from. A source is opened for one image location (one manifest or index).
// Methods may be called from several threads at once: implementations are thread-safe.
class ImageSource
{
public:
    virtual ~ImageSource() = default;
    virtual QString description() const = 0; // "oci:/tmp/layout:v1", for messages

    // instance = nullopt: the top-level manifest (index or image manifest) of the location.
    // instance = digest: the manifest with that digest (a child of the index). The bytes are verified
    // against that digest, and against the location's digest when the location names one.
    virtual Result<RawManifest> manifest(const std::optional<Digest> &instance, const CancelToken &cancel) = 0;

    // Opens a blob for streaming. The caller hashes what it reads and verifies the digest itself.
    virtual Result<std::unique_ptr<BlobReader>> openBlob(const Descriptor &blob, const CancelToken &cancel) = 0;

    // For registries: where this source's blobs live (for mounts). nullopt for local sources.
    virtual std::optional<BlobLocationHint> blobLocation() const { return std::nullopt; }
};

// A blob being written to a destination. Destroying it without commit() discards what was written
// (temporary file removed, registry upload session cancelled): nothing half-written is ever visible.
class BlobWriter
{
public:
    virtual ~BlobWriter() = default;
    // How many bytes the writer wants per write() call: 1 MiB suits local files; a registry writer says how big
    // one PATCH chunk is (4 MiB).
    virtual qint64 preferredChunkSize() const { return 1024 * 1024; }
    virtual Status write(const QByteArray &data, const CancelToken &cancel) = 0;
    // Completes the blob. `digest` and `size` are what the caller computed over the bytes it wrote;
    // the destination verifies them where it can (a registry checks the digest on PUT).
    virtual Status commit(const Digest &digest, qint64 size, const CancelToken &cancel) = 0;
};

enum class LayerCompressionPolicy {
    Preserve, // write layers as they are (dir:, oci:, the local store)
    Compress, // compress uncompressed layers (registries): gzip unless told otherwise
};

struct ReusedBlob {
    qint64 size = -1;
    bool mounted = false; // true: mounted from another repository; false: it was already there
};

// Where images go. Methods may be called from several threads at once: implementations are thread-safe.
class ImageDestination
{
public:
    virtual ~ImageDestination() = default;
    virtual QString description() const = 0;
    virtual LayerCompressionPolicy desiredLayerCompression() const = 0;

    // Whether the destination already has `blob` (by digest), or can get it by mounting it from one of
    // `hints` (same registry host only). nullopt: it must be uploaded.
    virtual Result<std::optional<ReusedBlob>> tryReuseBlob(const Descriptor &blob, const QList<BlobLocationHint> &hints,
                                                           const CancelToken &cancel) = 0;

    virtual Result<std::unique_ptr<BlobWriter>> beginBlob(const CancelToken &cancel) = 0;

    // Puts a manifest. `isInstance` = true for an image manifest that an index put later refers to
    // (stored by digest, not tagged); false for the top-level manifest or index, which is tagged with the
    // destination's reference. Called only after every blob the manifest refers to is in place.
    virtual Status putManifest(const RawManifest &manifest, bool isInstance, const CancelToken &cancel) = 0;

    // Makes the image visible where that is a separate step (index.json of a layout). For registries the
    // top-level manifest PUT is the commit and this does nothing.
    virtual Status commit(const CancelToken &cancel) = 0;

    // For registries: host and repository of the destination, recorded for later mounts.
    virtual std::optional<BlobLocationHint> blobLocation() const { return std::nullopt; }
};

} // namespace stevedore
