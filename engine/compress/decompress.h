#pragma once

#include "compression.h"
#include "core/cancel.h"
#include "reference/digest.h"
#include "content/blobio.h"

#include <memory>

namespace stevedore {

// A BlobReader that decompresses another one on the fly (gzip through zlib, every member of a multi-member
// stream; zstd through libzstd, every frame). Memory is constant: input is read in 64 KiB pieces and output
// is produced straight into the caller's buffer. A truncated or corrupt stream is an ErrorCode::MalformedContent
// error, never a short read that looks complete.
//
// Decompression bombs: the output may not pass kExpansionSlack + maxExpansion × the compressed bytes read so far
// (MalformedContent error). The default, 1100, is above deflate's own ceiling (about 1032:1), so no gzip stream
// can trip it, and far above what real trees give in zstd (4-10:1); only a zstd frame that is almost nothing but
// one repeated byte goes beyond. STEVEDORE_MAX_EXPANSION overrides it (0: no limit).
class DecompressingReader final : public BlobReader
{
public:
    static constexpr qint64 kDefaultMaxExpansion = 1100;
    static constexpr qint64 kExpansionSlack = 64 * 1024 * 1024;

    // Compression::None passes the bytes through; bzip2 and xz are refused (ErrorCode::Unsupported).
    // `what` names the stream in this reader's own errors ("blob sha256:… from …"); errors of `compressed` pass
    // as they are. maxExpansion < 0: STEVEDORE_MAX_EXPANSION, else kDefaultMaxExpansion.
    static Result<std::unique_ptr<DecompressingReader>> create(std::unique_ptr<BlobReader> compressed,
                                                                Compression compression, const QString &what = {},
                                                                qint64 maxExpansion = -1);
    ~DecompressingReader() override;

    Result<qint64> read(char *data, qint64 maxSize) override;
    qint64 compressedBytesRead() const;

    // The memory one reader holds, in bytes, for the copy scheduler's budget: its input piece and the decoder's
    // state (zstd: with the 8 MiB window of levels up to 19; a frame asking for more gets it, up to libzstd's 128 MiB).
    static qint64 workingSet(Compression compression);

private:
    struct Impl;
    explicit DecompressingReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

struct UncompressedDigest {
    Digest digest;   // of the uncompressed bytes: a layer's diff_id
    qint64 size = 0; // uncompressed size
};

// Reads `reader` to the end, decompressing it, and returns the digest of the uncompressed bytes (for checking a
// compressed layer against its config's diff_id). Cancellable between pieces.
Result<UncompressedDigest> digestDecompressed(std::unique_ptr<BlobReader> reader, Compression compression,
                                              const CancelToken &cancel);
// The same without the digest, for when only the size is wanted (no hashing): the bytes `reader` holds once
// decompressed.
Result<qint64> decompressedSize(std::unique_ptr<BlobReader> reader, Compression compression, const CancelToken &cancel);

} // namespace stevedore
