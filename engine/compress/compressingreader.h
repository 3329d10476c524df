#pragma once

#include "compression.h"
#include "content/blobio.h"

#include <memory>

namespace stevedore {

// A BlobReader that compresses another one on the fly, in constant memory: gzip with the parallel compressor
// (parallelgzip.h: 512 KiB blocks on the cpu pool, one gzip member each), zstd with libzstd's own worker threads
// (standard frames, zstdWorkers() workers per stream, jobs of kZstdJobSize). `level` < 0: the format's default
// (gzip 3, zstd 3). Compression::None passes bytes through.
//
// zstd's job size is fixed rather than libzstd's default (4 windows: 8 MiB at level 3, 32 MiB at level 19): its
// workers hold about two jobs each, which made a three-layer push peak at 274 MiB. With 2 MiB jobs a level-3 stream
// holds about 23 MiB and sends 1.8% more than skopeo for real trees (1 MiB jobs: 4.4% more, at the same
// speed; measured: README, "Compression levels").
class CompressingReader final : public BlobReader
{
public:
    static Result<std::unique_ptr<BlobReader>> create(std::unique_ptr<BlobReader> source, Compression compression,
                                                      int level = -1);
    ~CompressingReader() override;
    Result<qint64> read(char *data, qint64 maxSize) override;

    // The levels each format takes.
    static bool validLevel(Compression compression, int level);
    static int maxLevel(Compression compression);
    // The level `level` stands for (-1: the format's default).
    static int effectiveLevel(Compression compression, int level);

    static constexpr qint64 kZstdJobSize = 2 * 1024 * 1024;
    // libzstd workers per zstd stream: one per core, at most 4, so that one layer alone keeps every core busy (the
    // memory budget decides how many layers compress at once).
    static int zstdWorkers();
    // The most memory one reader compressing to `compression` at `level` holds (buffers, compressor state, worker
    // jobs), in bytes: what the copy scheduler counts against its budget.
    static qint64 workingSet(Compression compression, int level);
    // What the compressor holds now, in bytes (zstd: libzstd's own count; gzip: its blocks), for tests.
    qint64 memoryInUse() const;

private:
    struct Impl;
    explicit CompressingReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace stevedore
