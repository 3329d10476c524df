#pragma once

#include "core/cancel.h"
#include "core/error.h"
#include "reference/digest.h"

#include <QByteArray>

#include <memory>
#include <optional>

namespace stevedore {

// Sequential reader over one blob. Used from one thread at a time.
class BlobReader
{
public:
    virtual ~BlobReader() = default;
    // Reads up to maxSize bytes into data; returns the count, 0 at the end of the blob.
    virtual Result<qint64> read(char *data, qint64 maxSize) = 0;
};

// A blob being written to a destination. Destroying it without commit() discards what was written (temporary file
// removed, registry upload session cancelled, within a short deadline): nothing half-written is ever visible.
// Where an interrupted blob upload may continue: the destination's handle of its session (a registry's upload URL)
// and how far it had got. Opaque to the copy.
struct BlobResumePoint {
    QString handle;
    qint64 sent = 0; // bytes the suspended writer had sent (some perhaps lost with the failure)
};

class BlobWriter
{
public:
    virtual ~BlobWriter() = default;
    // How many bytes the writer wants per write() call: 1 MiB suits local files; a registry writer says how big one
    // PATCH chunk is (4 MiB).
    virtual qint64 preferredChunkSize() const { return 1024 * 1024; }
    virtual Status write(const QByteArray &data, const CancelToken &cancel) = 0;
    // Completes the blob. `digest` and `size` are what the caller computed over the bytes it wrote; the destination
    // verifies them where it can (files are re-hashed, a registry checks the digest on PUT).
    virtual Status commit(const Digest &digest, qint64 size, const CancelToken &cancel) = 0;

    // After a failed write() or commit(): where a new writer may continue this blob (ImageDestination::resumeBlob),
    // and the session is then left open when this writer is destroyed. nullopt: the blob starts again from byte 0.
    virtual std::optional<BlobResumePoint> suspend() { return std::nullopt; }
    // For a writer that continues a session: the bytes the destination already has, which the caller regenerates
    // and skips rather than sends (0 for a fresh writer).
    virtual qint64 resumedAt() const { return 0; }
};

// A BlobReader over bytes in memory (small blobs, tests).
class MemoryBlobReader final : public BlobReader
{
public:
    explicit MemoryBlobReader(QByteArray data) : m_data(std::move(data)) {}
    Result<qint64> read(char *data, qint64 maxSize) override;

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

// Reads a whole blob into memory, refusing more than `limit` bytes (configs and manifests).
Result<QByteArray> readAllLimited(BlobReader &reader, qint64 limit, const CancelToken &cancel);

} // namespace stevedore
