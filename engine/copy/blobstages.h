#pragma once

#include "content/blobio.h"
#include "core/progress.h"

#include <functional>
#include <memory>

namespace stevedore {

// The stages of a blob's path that are not compression (compress/ has those): each a BlobReader over the one before,
// composed by the copy pipeline into read → verify → [decompress → verify diff_id → compress] → digest → write.

// Verifies what passes through against an expected digest and size: more bytes than `size` fail at once, and the end
// of the stream fails unless digest and size match. `what` names the blob ("layer sha256:… of oci:…").
class VerifyingReader final : public BlobReader
{
public:
    VerifyingReader(std::unique_ptr<BlobReader> inner, Digest expected, qint64 size, QString what);
    Result<qint64> read(char *data, qint64 maxSize) override;

private:
    std::unique_ptr<BlobReader> m_inner;
    Digest m_expected;
    qint64 m_size;
    QString m_what;
    Digester m_hash;
    qint64 m_read = 0;
    bool m_checked = false;
};

// Counts what passes through and, when `hash` (the bytes changed on the way), hashes it with sha256: result() once
// the stream has ended. Bytes that are the source's as they are were hashed once already, by the VerifyingReader.
class DigestingReader final : public BlobReader
{
public:
    DigestingReader(BlobReader &inner, bool hash) : m_inner(inner), m_hashing(hash) {}
    Result<qint64> read(char *data, qint64 maxSize) override;
    Digest result() { return m_hash.result(); }
    qint64 size() const { return m_size; }

private:
    BlobReader &m_inner;
    bool m_hashing;
    Digester m_hash;
    qint64 m_size = 0;
};

// Reports the bytes read so far (absolute) after every read.
class CountingReader final : public BlobReader
{
public:
    CountingReader(std::unique_ptr<BlobReader> inner, std::function<void(qint64)> report)
        : m_inner(std::move(inner)), m_report(std::move(report))
    {
    }
    Result<qint64> read(char *data, qint64 maxSize) override;

private:
    std::unique_ptr<BlobReader> m_inner;
    std::function<void(qint64)> m_report;
    qint64 m_done = 0;
};

} // namespace stevedore
