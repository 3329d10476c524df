#include "compressingreader.h"

#include "core/threadpools.h"
#include "parallelgzip.h"

#include <QThread>
#include <QThreadPool>

#define ZSTD_STATIC_LINKING_ONLY // ZSTD_estimateCCtxSize: exported by Debian's libzstd 1.5
#include <zstd.h>

#include <cstring>

namespace stevedore {

namespace {

constexpr qint64 kInputPiece = 1024 * 1024;

} // namespace

struct CompressingReader::Impl {
    std::unique_ptr<BlobReader> source;
    Compression compression = Compression::Gzip;
    QByteArray input;         // one piece read from the source
    QByteArray overflow;      // compressed bytes that did not fit into the caller's buffer
    qint64 overflowPos = 0;
    bool inputEnded = false;
    bool done = false;
    // gzip
    std::unique_ptr<ParallelGzipCompressor> gzip;
    // zstd
    ZSTD_CCtx *zstd = nullptr;
    QByteArray zstdOut;
    // The caller's buffer of the current read(): output goes straight there, the rest to `overflow`.
    char *target = nullptr;
    qint64 room = 0;
    qint64 produced = 0;

    ~Impl()
    {
        if (zstd)
            ZSTD_freeCCtx(zstd);
    }

    void put(const char *data, qint64 size)
    {
        const qint64 direct = qMin(size, room - produced);
        if (direct > 0) {
            std::memcpy(target + produced, data, size_t(direct));
            produced += direct;
        }
        if (size > direct) {
            if (overflowPos > 0) { // keep the buffer small: drop what was handed out
                overflow.remove(0, qsizetype(overflowPos));
                overflowPos = 0;
            }
            overflow.append(data + direct, qsizetype(size - direct));
        }
    }

    Status zstdStep(const char *data, qint64 size, ZSTD_EndDirective mode)
    {
        ZSTD_inBuffer in{data, size_t(size), 0};
        if (zstdOut.isEmpty())
            zstdOut.resize(qsizetype(ZSTD_CStreamOutSize()));
        for (;;) {
            ZSTD_outBuffer out{zstdOut.data(), size_t(zstdOut.size()), 0};
            const size_t left = ZSTD_compressStream2(zstd, &out, &in, mode);
            if (ZSTD_isError(left))
                return fail(ErrorCode::Internal,
                            EngineText::tr("zstd compression failed: %1").arg(QString::fromLatin1(ZSTD_getErrorName(left))));
            put(zstdOut.constData(), qint64(out.pos));
            const bool consumed = in.pos == in.size;
            if (mode == ZSTD_e_end ? left == 0 : consumed)
                return {};
        }
    }

    // Produces some output (or reaches the end).
    Status step()
    {
        auto sink = [this](const char *d, qint64 s) {
            put(d, s);
            return true;
        };
        if (!inputEnded) {
            if (input.isEmpty())
                input.resize(kInputPiece);
            auto n = source->read(input.data(), input.size());
            if (!n)
                return fail(n.error());
            if (*n == 0) {
                inputEnded = true;
            } else if (gzip) {
                gzip->push(input.constData(), *n);
                if (!gzip->drainAvailable(sink))
                    return fail(ErrorCode::Internal, EngineText::tr("gzip compression failed: out of memory"));
                return {};
            } else if (zstd) {
                return zstdStep(input.constData(), *n, ZSTD_e_continue);
            } else {
                put(input.constData(), *n);
                return {};
            }
        }
        // The input has ended: flush everything.
        done = true;
        if (gzip) {
            gzip->finish();
            if (!gzip->drainAll(sink))
                return fail(ErrorCode::Internal, EngineText::tr("gzip compression failed: out of memory"));
        } else if (zstd) {
            return zstdStep(nullptr, 0, ZSTD_e_end);
        }
        return {};
    }
};

CompressingReader::CompressingReader(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}

CompressingReader::~CompressingReader() = default;

bool CompressingReader::validLevel(Compression compression, int level)
{
    switch (compression) {
    case Compression::Gzip: return level >= 1 && level <= 9;
    case Compression::Zstd: return level >= 1 && level <= ZSTD_maxCLevel();
    default: return false;
    }
}

int CompressingReader::effectiveLevel(Compression compression, int level)
{
    if (level >= 0)
        return level;
    return compression == Compression::Gzip ? int(ParallelGzipCompressor::kDefaultLevel)
         : compression == Compression::Zstd ? 3
                                            : 0;
}

int CompressingReader::zstdWorkers()
{
    return qBound(1, QThread::idealThreadCount(), 4);
}

qint64 CompressingReader::workingSet(Compression compression, int level)
{
    // The input piece, and what did not fit into the caller's buffer (at most a couple of gzip members).
    const qint64 ownBuffers = kInputPiece + 2 * ParallelGzipCompressor::kDefaultBlockSize;
    switch (compression) {
    case Compression::Gzip:
        return ownBuffers + ParallelGzipCompressor::memoryBound();
    case Compression::Zstd: {
        // As libzstd 1.5 lays out a multi-threaded stream: each worker and the caller have a compression context;
        // the input goes through one round buffer of a job per worker plus three of slack (the one being filled, the
        // overlap, the one being flushed); each job running or done and not yet flushed has an output buffer of
        // ZSTD_compressBound(job): at most 2 x workers + 1 of them. Checked against libzstd's own count in tst_compress.
        const int workers = zstdWorkers();
        const qint64 context = qint64(ZSTD_estimateCCtxSize(effectiveLevel(compression, level)));
        return ownBuffers + qint64(ZSTD_CStreamOutSize()) + (workers + 1) * context + (workers + 3) * kZstdJobSize
             + (2 * workers + 1) * qint64(ZSTD_compressBound(size_t(kZstdJobSize)));
    }
    default:
        return 0;
    }
}

qint64 CompressingReader::memoryInUse() const
{
    qint64 n = d->input.capacity() + d->overflow.capacity() + d->zstdOut.capacity();
    if (d->zstd)
        n += qint64(ZSTD_sizeof_CCtx(d->zstd));
    if (d->gzip)
        n += d->gzip->memoryInUse();
    return n;
}

int CompressingReader::maxLevel(Compression compression)
{
    return compression == Compression::Zstd ? ZSTD_maxCLevel() : compression == Compression::Gzip ? 9 : 0;
}

Result<std::unique_ptr<BlobReader>> CompressingReader::create(std::unique_ptr<BlobReader> source,
                                                              Compression compression, int level)
{
    auto impl = std::make_unique<Impl>();
    impl->source = std::move(source);
    impl->compression = compression;
    switch (compression) {
    case Compression::None:
        break;
    case Compression::Gzip:
        impl->gzip = std::make_unique<ParallelGzipCompressor>(level);
        break;
    case Compression::Zstd: {
        impl->zstd = ZSTD_createCCtx();
        if (!impl->zstd)
            return fail(ErrorCode::Internal, EngineText::tr("zstd compression failed: out of memory"));
        ZSTD_CCtx_setParameter(impl->zstd, ZSTD_c_compressionLevel, effectiveLevel(Compression::Zstd, level));
        ZSTD_CCtx_setParameter(impl->zstd, ZSTD_c_checksumFlag, 1);
        // libzstd's workers (when built with threads; otherwise this is ignored and it runs in the caller).
        ZSTD_CCtx_setParameter(impl->zstd, ZSTD_c_nbWorkers, zstdWorkers());
        ZSTD_CCtx_setParameter(impl->zstd, ZSTD_c_jobSize, int(kZstdJobSize));
        break;
    }
    default:
        return fail(ErrorCode::Unsupported,
                    EngineText::tr("compressing to %1 is not supported").arg(compressionName(compression)));
    }
    return std::unique_ptr<BlobReader>(new CompressingReader(std::move(impl)));
}

Result<qint64> CompressingReader::read(char *data, qint64 maxSize)
{
    if (d->overflowPos < d->overflow.size()) {
        const qint64 n = qMin(maxSize, qint64(d->overflow.size()) - d->overflowPos);
        std::memcpy(data, d->overflow.constData() + d->overflowPos, size_t(n));
        d->overflowPos += n;
        return n;
    }
    d->target = data;
    d->room = maxSize;
    d->produced = 0;
    while (d->produced == 0 && d->overflowPos == d->overflow.size()) {
        if (d->done)
            break;
        if (auto s = d->step(); !s) {
            d->target = nullptr;
            return fail(s.error());
        }
    }
    d->target = nullptr;
    if (d->produced > 0)
        return d->produced;
    if (d->overflowPos < d->overflow.size())
        return read(data, maxSize);
    return qint64(0);
}

} // namespace stevedore
