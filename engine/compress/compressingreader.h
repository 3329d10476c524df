#pragma once

#include "compression.h"
#include "content/blobio.h"

#include <memory>

namespace stevedore {

// A BlobReader that compresses another one on the fly, in constant memory: gzip with the parallel compressor
// (parallelgzip.h: 512 KiB blocks on the cpu pool, one gzip member each), zstd with libzstd's own worker threads
// (standard frames). `level` < 0: the format's default (gzip 6, zstd 3). Compression::None passes bytes through.
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

private:
    struct Impl;
    explicit CompressingReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace stevedore
