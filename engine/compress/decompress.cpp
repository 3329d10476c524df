#include "decompress.h"

#include <zlib.h>
#define ZSTD_STATIC_LINKING_ONLY // ZSTD_estimateDStreamSize: exported by Debian's libzstd 1.5
#include <zstd.h>

#include <cstring>

namespace stevedore {

namespace {
constexpr qint64 kInputPiece = 64 * 1024;

qint64 expansionFromEnvironment()
{
    bool ok = false;
    const qint64 v = qEnvironmentVariableIntValue("STEVEDORE_MAX_EXPANSION", &ok);
    return ok && v >= 0 ? v : DecompressingReader::kDefaultMaxExpansion;
}
}

struct DecompressingReader::Impl {
    std::unique_ptr<BlobReader> source;
    Compression compression = Compression::None;
    QByteArray in;          // buffered compressed input
    qint64 inPos = 0;       // consumed part of `in`
    bool sourceEnded = false;
    qint64 compressedRead = 0;
    qint64 produced = 0;    // uncompressed bytes handed out
    qint64 maxExpansion = 0; // 0: no limit
    bool finished = false;  // the whole stream was decoded
    QString what;           // names the stream in this reader's own errors

    Error labelled(ErrorCode code, const QString &message) const
    {
        return Error(code, what.isEmpty() ? message : what + QStringLiteral(": ") + message);
    }

    // gzip
    z_stream z{};
    bool zInit = false;
    bool zInMember = false; // inside a member (started, not yet at its end)
    // zstd
    ZSTD_DStream *zs = nullptr;
    bool zsInFrame = false;

    ~Impl()
    {
        if (zInit)
            inflateEnd(&z);
        if (zs)
            ZSTD_freeDStream(zs);
    }

    // Makes sure some input is buffered; false at the end of the source.
    Result<bool> fill()
    {
        if (inPos < in.size())
            return true;
        if (sourceEnded)
            return false;
        in.resize(kInputPiece);
        inPos = 0;
        auto n = source->read(in.data(), kInputPiece);
        if (!n) {
            in.clear();
            return fail(n.error());
        }
        in.resize(qsizetype(*n));
        compressedRead += *n;
        if (*n == 0) {
            sourceEnded = true;
            return false;
        }
        return true;
    }

    Result<qint64> readGzip(char *data, qint64 maxSize)
    {
        qint64 produced = 0;
        while (produced < maxSize && !finished) {
            auto more = fill();
            if (!more)
                return fail(more.error());
            if (!*more) {
                if (zInMember)
                    return fail(labelled(ErrorCode::MalformedContent,
                                EngineText::tr("the gzip stream is truncated (it ends inside a member)")));
                finished = true;
                break;
            }
            if (!zInMember) {
                // A new member starts here. Anything but a gzip header after a member is an error.
                if (inflateReset2(&z, 15 + 16) != Z_OK)
                    return fail(ErrorCode::Internal, EngineText::tr("cannot reset the gzip decoder"));
                zInMember = true;
            }
            z.next_in = reinterpret_cast<Bytef *>(in.data() + inPos);
            z.avail_in = uInt(in.size() - inPos);
            z.next_out = reinterpret_cast<Bytef *>(data + produced);
            z.avail_out = uInt(qMin<qint64>(maxSize - produced, 1 << 30));
            const int rc = inflate(&z, Z_NO_FLUSH);
            const qint64 used = (in.size() - inPos) - qint64(z.avail_in);
            const qint64 made = qMin<qint64>(maxSize - produced, 1 << 30) - qint64(z.avail_out);
            inPos += used;
            produced += made;
            if (rc == Z_STREAM_END) {
                zInMember = false;
                continue;
            }
            if (rc == Z_BUF_ERROR && used == 0 && made == 0 && inPos >= in.size())
                continue; // needs more input: fill() fetches it
            if (rc != Z_OK)
                return fail(labelled(ErrorCode::MalformedContent,
                            EngineText::tr("not a valid gzip stream: %1")
                                .arg(z.msg ? QString::fromUtf8(z.msg) : QStringLiteral("error %1").arg(rc))));
        }
        return produced;
    }

    Result<qint64> readZstd(char *data, qint64 maxSize)
    {
        qint64 produced = 0;
        while (produced < maxSize && !finished) {
            auto more = fill();
            if (!more)
                return fail(more.error());
            if (!*more) {
                if (zsInFrame)
                    return fail(labelled(ErrorCode::MalformedContent,
                                EngineText::tr("the zstd stream is truncated (it ends inside a frame)")));
                finished = true;
                break;
            }
            ZSTD_inBuffer ib{in.constData() + inPos, size_t(in.size() - inPos), 0};
            ZSTD_outBuffer ob{data + produced, size_t(maxSize - produced), 0};
            const size_t rc = ZSTD_decompressStream(zs, &ob, &ib);
            if (ZSTD_isError(rc))
                return fail(labelled(ErrorCode::MalformedContent,
                            EngineText::tr("not a valid zstd stream: %1").arg(QString::fromUtf8(ZSTD_getErrorName(rc)))));
            inPos += qint64(ib.pos);
            produced += qint64(ob.pos);
            zsInFrame = rc != 0;
        }
        return produced;
    }
};

DecompressingReader::DecompressingReader(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{
}

DecompressingReader::~DecompressingReader() = default;

Result<std::unique_ptr<DecompressingReader>> DecompressingReader::create(std::unique_ptr<BlobReader> compressed,
                                                                        Compression compression, const QString &what,
                                                                        qint64 maxExpansion)
{
    auto impl = std::make_unique<Impl>();
    impl->source = std::move(compressed);
    impl->compression = compression;
    impl->what = what;
    impl->maxExpansion = maxExpansion < 0 ? expansionFromEnvironment() : maxExpansion;
    switch (compression) {
    case Compression::None:
        break;
    case Compression::Gzip:
        if (inflateInit2(&impl->z, 15 + 16) != Z_OK)
            return fail(ErrorCode::Internal, EngineText::tr("cannot start the gzip decoder"));
        impl->zInit = true;
        break;
    case Compression::Zstd:
        impl->zs = ZSTD_createDStream();
        if (!impl->zs || ZSTD_isError(ZSTD_initDStream(impl->zs)))
            return fail(ErrorCode::Internal, EngineText::tr("cannot start the zstd decoder"));
        break;
    case Compression::Bzip2:
    case Compression::Xz:
        return fail(ErrorCode::Unsupported,
                    EngineText::tr("%1 decompression is not supported").arg(compressionName(compression)));
    }
    return std::unique_ptr<DecompressingReader>(new DecompressingReader(std::move(impl)));
}

qint64 DecompressingReader::workingSet(Compression compression)
{
    switch (compression) {
    case Compression::Gzip: return kInputPiece + 64 * 1024; // zlib's inflate state and 32 KiB window
    case Compression::Zstd: return kInputPiece + qint64(ZSTD_estimateDStreamSize(size_t(8) << 20));
    default: return 0;
    }
}

Result<qint64> DecompressingReader::read(char *data, qint64 maxSize)
{
    if (maxSize <= 0)
        return 0;
    if (d->compression == Compression::Gzip || d->compression == Compression::Zstd) {
        auto n = d->compression == Compression::Gzip ? d->readGzip(data, maxSize) : d->readZstd(data, maxSize);
        if (!n)
            return n;
        d->produced += *n;
        // The budget is checked as the stream goes (the overshoot is at most one caller's buffer), so a bomb stops
        // after a few MiB of input, not at its end.
        if (d->maxExpansion > 0 && d->produced > kExpansionSlack + d->maxExpansion * d->compressedRead)
            return fail(d->labelled(ErrorCode::MalformedContent,
                        formatText(EngineText::tr("its %1 data expands more than %2 times (%3 bytes from %4 so far): a "
                                                  "decompression bomb, refused (STEVEDORE_MAX_EXPANSION sets the "
                                                  "limit, 0 lifts it)"),
                                   compressionName(d->compression), d->maxExpansion, d->produced, d->compressedRead)));
        return n;
    }
    auto n = d->source->read(data, maxSize);
    if (n)
        d->compressedRead += *n;
    return n;
}

qint64 DecompressingReader::compressedBytesRead() const
{
    return d->compressedRead;
}

namespace {

// Reads `reader` to the end through a decompressor, handing every piece of output to `sink`.
template <typename Sink>
Status readDecompressed(std::unique_ptr<BlobReader> reader, Compression compression, const CancelToken &cancel,
                        Sink sink)
{
    auto dec = DecompressingReader::create(std::move(reader), compression);
    if (!dec)
        return fail(dec.error());
    QByteArray buf(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        if (cancel.isCancelled())
            return fail(ErrorCode::Cancelled, EngineText::tr("cancelled"));
        auto n = (*dec)->read(buf.data(), buf.size());
        if (!n)
            return fail(n.error());
        if (*n == 0)
            return {};
        sink(buf.constData(), *n);
    }
}

} // namespace

Result<UncompressedDigest> digestDecompressed(std::unique_ptr<BlobReader> reader, Compression compression,
                                              const CancelToken &cancel)
{
    Digester digester;
    if (auto s = readDecompressed(std::move(reader), compression, cancel,
                                  [&digester](const char *data, qint64 n) { digester.addData(data, n); });
        !s)
        return fail(s.error());
    UncompressedDigest result;
    result.size = digester.bytesHashed();
    result.digest = digester.result();
    return result;
}

Result<qint64> decompressedSize(std::unique_ptr<BlobReader> reader, Compression compression, const CancelToken &cancel)
{
    qint64 size = 0;
    if (auto s = readDecompressed(std::move(reader), compression, cancel, [&size](const char *, qint64 n) { size += n; });
        !s)
        return fail(s.error());
    return size;
}

} // namespace stevedore
