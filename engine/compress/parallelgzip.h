#pragma once

#include <QByteArray>

#include <functional>
#include <memory>

namespace stevedore {

// Parallel gzip compression of a stream of unknown length, in constant memory.
//
// The input is cut into fixed-size blocks (512 KiB by default); each block is compressed on the engine's cpu pool
// (stevedore::pools::cpu()) with libdeflate into its own gzip member (RFC 1952 allows several members in one
// file; gzip -d, zlib's gzread, Go's compress/gzip and containers/image read them all). Members are emitted in
// input order. At most `maxBlocksInFlight` blocks (default: the cpu threads, at least 2) are queued or waiting to be taken,
// and their buffers are reused, so memory is bounded by about 2 x blockSize x (maxBlocksInFlight + 2) whatever
// the stream size. Blocks that do not compress (random or already compressed data, found by compressing eight
// small samples) are stored rather than compressed, which costs a copy instead of libdeflate's full search.
// The output depends only on the input bytes, the level and the block size, never on how the input was pushed or
// on thread timing: it is deterministic.
//
// Usage (one producer thread, never a cpu pool thread):
//     ParallelGzipCompressor gz(level);
//     while (read chunk) { gz.push(chunk); write(gz.takeAvailable()); }
//     gz.finish(); write(gz.takeAll());
// or, without copying the output, gz.drainAvailable(sink) / gz.drainAll(sink).
class ParallelGzipCompressor final
{
public:
    static constexpr qint64 kDefaultBlockSize = 512 * 1024;
    static constexpr int kDefaultLevel = 3; // chosen by measurement on real content: see backendFor() in the .cpp

    // level: -1 = kDefaultLevel, else 0 (stored), 1-9 (fastest to smallest: 1-2 ISA-L, 3-9 libdeflate; see the .cpp),
    // 10-12 (libdeflate's extra levels).
    // maxBlocksInFlight: 0 = the cpu pool's thread count (at least 2).
    explicit ParallelGzipCompressor(int level = -1, qint64 blockSize = kDefaultBlockSize, int maxBlocksInFlight = 0);
    ~ParallelGzipCompressor(); // waits for the blocks still being compressed (a few milliseconds)
    ParallelGzipCompressor(const ParallelGzipCompressor &) = delete;
    ParallelGzipCompressor &operator=(const ParallelGzipCompressor &) = delete;

    // Feeds input. Blocks while maxBlocksInFlight blocks are pending, until the oldest is compressed.
    // Call takeAvailable() after each push so that finished output does not pile up.
    void push(const char *data, qint64 size);
    void push(const QByteArray &data) { push(data.constData(), data.size()); }

    // Ends the input: the last partial block is submitted (an empty stream still gives one valid gzip member).
    void finish();

    // Receives compressed bytes, in order; returns false to stop (an error downstream).
    using Sink = std::function<bool(const char *data, qint64 size)>;
    // Hands every finished block at the front to `sink`, without copying. Never blocks. False if the sink was,
    // or if a block could not be compressed (then failed() is true).
    bool drainAvailable(const Sink &sink);
    // After finish(): waits for each remaining block in turn and hands it to `sink`. False as drainAvailable().
    bool drainAll(const Sink &sink);
    // A block could not be compressed (libdeflate could not allocate its tables): the output is incomplete.
    bool failed() const;

    // The compressed bytes ready now, in order (possibly empty). Never blocks.
    QByteArray takeAvailable();
    // After finish(): waits for every block and returns the rest of the output.
    QByteArray takeAll();

    int level() const;
    qint64 blockSize() const;
    qint64 bytesIn() const;   // pushed so far
    qint64 bytesOut() const;  // handed out (take*, drain*) so far

    // The most a compressor fed in pieces of up to 2 blocks and drained after each push holds: blocks running
    // (maxBlocksInFlight) and finished since the last drain (2, and the last one at the end), recycled ones
    // (maxBlocksInFlight) and the one being filled, each with its input and output buffers. maxBlocksInFlight 0:
    // the default.
    static qint64 memoryBound(qint64 blockSize = kDefaultBlockSize, int maxBlocksInFlight = 0);
    qint64 memoryInUse() const; // the blocks' buffers now

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// True when a block should be stored rather than compressed: eight 4 KiB samples spread evenly over it, compressed
// at level 1, none shrinking by more than 1/32. A compressible stretch longer than the gap between two samples
// (1/7 of the block) is always seen. Blocks under 64 KiB are always compressed.
bool looksIncompressible(const char *data, qsizetype size);

// One-shot convenience (tests, small data): the same bytes ParallelGzipCompressor produces.
QByteArray gzipCompress(const QByteArray &data, int level = -1,
                        qint64 blockSize = ParallelGzipCompressor::kDefaultBlockSize);

} // namespace stevedore
