// Tests of engine/compress's DecompressingReader: gzip members and zstd frames made by the system's tools and
// libraries, truncated and corrupt streams, the diff_id digest, and the decompression-bomb budget.
#include "compress/compression.h"
#include "compress/decompress.h"
#include "compress/parallelgzip.h"
#include "reference/digest.h"
#include "support/blobreaders.h"
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>
#include <zstd.h>

using namespace stevedore;
using stevedore::test::zlibGzipBytes;
using stevedore::test::randomBytes;
using stevedore::test::readAllFrom;
using stevedore::test::wordyText;

namespace {

constexpr qint64 kBlock = ParallelGzipCompressor::kDefaultBlockSize;

// `size` bytes of zeros compressed by libzstd, fed in 1 MiB pieces (a bomb when `size` is large).
QByteArray zstdOfZeros(qint64 size)
{
    ZSTD_CCtx *c = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, 3);
    const QByteArray zeros(1 << 20, '\0');
    QByteArray out;
    QByteArray buf(qsizetype(ZSTD_CStreamOutSize()), Qt::Uninitialized);
    for (qint64 left = size; left >= 0;) {
        const qint64 n = qMin<qint64>(left, zeros.size());
        left -= n;
        const ZSTD_EndDirective mode = left == 0 ? ZSTD_e_end : ZSTD_e_continue;
        ZSTD_inBuffer in{zeros.constData(), size_t(n), 0};
        for (;;) {
            ZSTD_outBuffer ob{buf.data(), size_t(buf.size()), 0};
            const size_t rc = ZSTD_compressStream2(c, &ob, &in, mode);
            if (ZSTD_isError(rc)) {
                ZSTD_freeCCtx(c);
                return {};
            }
            out.append(buf.constData(), qsizetype(ob.pos));
            if (mode == ZSTD_e_end ? rc == 0 : in.pos == in.size)
                break;
        }
        if (mode == ZSTD_e_end)
            break;
    }
    ZSTD_freeCCtx(c);
    return out;
}

// Reads everything, counting what came out before the end or the first error.
struct Drained {
    qint64 bytes = 0;
    std::optional<Error> error;
};
Drained drain(BlobReader &r)
{
    Drained d;
    QByteArray buf(1 << 20, Qt::Uninitialized);
    for (;;) {
        auto n = r.read(buf.data(), buf.size());
        if (!n) {
            d.error = n.error();
            return d;
        }
        if (*n == 0)
            return d;
        d.bytes += *n;
    }
}

} // namespace

class TestDecompress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decompressGzipStreams();
    void decompressZstd();
    void truncatedStreamsAreErrors();
    void digestOfDecompressed();
    void zstdBombStopsEarly();
    void gzipCannotPassTheDefaultBudget();
    void budgetIsAdjustable();
};

void TestDecompress::decompressGzipStreams()
{
    // A single-member stream made by the system's gzip, and a multi-member one made by concatenation.
    const QByteArray a = wordyText(300000, 1);
    const QByteArray b = randomBytes(70000, 2);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray concatenated;
    for (const QByteArray &part : {a, b}) {
        QProcess p;
        p.start(QStringLiteral("gzip"), {QStringLiteral("-c")});
        QVERIFY(p.waitForStarted(10000));
        p.write(part);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        concatenated.append(p.readAllStandardOutput());
    }
    auto reader = DecompressingReader::create(std::make_unique<MemoryBlobReader>(concatenated), Compression::Gzip);
    QVERIFY(reader.has_value());
    auto back = readAllFrom(**reader, 4096);
    QVERIFY(back.has_value());
    QVERIFY(*back == a + b);

    // Pass-through for uncompressed data.
    auto plain = DecompressingReader::create(std::make_unique<MemoryBlobReader>(a), Compression::None);
    QVERIFY(plain.has_value());
    auto same = readAllFrom(**plain);
    QVERIFY(same.has_value() && *same == a);

    auto xz = DecompressingReader::create(std::make_unique<MemoryBlobReader>(a), Compression::Xz);
    QVERIFY(!xz.has_value());
    QCOMPARE(xz.error().code, ErrorCode::Unsupported);
}

void TestDecompress::decompressZstd()
{
    const QByteArray input = wordyText(3 * 1024 * 1024 + 5, 77);
    QByteArray frames;
    // Two frames, as zstd -c a b would give.
    for (const QByteArray &part : {input.left(1000000), input.mid(1000000)}) {
        QByteArray out(qsizetype(ZSTD_compressBound(size_t(part.size()))), Qt::Uninitialized);
        const size_t n = ZSTD_compress(out.data(), size_t(out.size()), part.constData(), size_t(part.size()), 3);
        QVERIFY(!ZSTD_isError(n));
        out.truncate(qsizetype(n));
        frames.append(out);
    }
    QCOMPARE(detectCompression(frames), Compression::Zstd);
    auto reader = DecompressingReader::create(std::make_unique<MemoryBlobReader>(frames), Compression::Zstd);
    QVERIFY(reader.has_value());
    auto back = readAllFrom(**reader, 65536);
    QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().message));
    QCOMPARE(back->size(), input.size());
    QVERIFY(*back == input);
}

void TestDecompress::truncatedStreamsAreErrors()
{
    const QByteArray input = randomBytes(200000, 5);
    const QByteArray gz = gzipCompress(input);
    for (qint64 cut : {qint64(5), gz.size() / 2, gz.size() - 4}) {
        auto reader = DecompressingReader::create(std::make_unique<MemoryBlobReader>(gz.left(cut)), Compression::Gzip);
        QVERIFY(reader.has_value());
        auto back = readAllFrom(**reader);
        QVERIFY2(!back.has_value(), qPrintable(QStringLiteral("cut at %1 was accepted").arg(cut)));
        QCOMPARE(back.error().code, ErrorCode::MalformedContent);
    }
    // Garbage after a member is not a member.
    auto reader = DecompressingReader::create(std::make_unique<MemoryBlobReader>(gz + QByteArray("not gzip at all")),
                                              Compression::Gzip);
    QVERIFY(reader.has_value());
    auto back = readAllFrom(**reader);
    QVERIFY(!back.has_value());
    QCOMPARE(back.error().code, ErrorCode::MalformedContent);

    QByteArray z(qsizetype(ZSTD_compressBound(size_t(input.size()))), Qt::Uninitialized);
    const size_t n = ZSTD_compress(z.data(), size_t(z.size()), input.constData(), size_t(input.size()), 3);
    QVERIFY(!ZSTD_isError(n));
    z.truncate(qsizetype(n) - 10);
    auto zr = DecompressingReader::create(std::make_unique<MemoryBlobReader>(z), Compression::Zstd);
    QVERIFY(zr.has_value());
    auto zback = readAllFrom(**zr);
    QVERIFY(!zback.has_value());
    QCOMPARE(zback.error().code, ErrorCode::MalformedContent);
}

void TestDecompress::digestOfDecompressed()
{
    const QByteArray input = wordyText(2 * kBlock + 99, 8);
    auto r = digestDecompressed(std::make_unique<MemoryBlobReader>(gzipCompress(input, 1)), Compression::Gzip, {});
    QVERIFY(r.has_value());
    QCOMPARE(r->size, input.size());
    QCOMPARE(r->digest.toString(), QStringLiteral("sha256:")
                                       + QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex()));
    CancelToken cancelled;
    cancelled.cancel();
    auto c = digestDecompressed(std::make_unique<MemoryBlobReader>(gzipCompress(input)), Compression::Gzip, cancelled);
    QVERIFY(!c.has_value());
    QCOMPARE(c.error().code, ErrorCode::Cancelled);
}

void TestDecompress::zstdBombStopsEarly()
{
    // 1 GiB of zeros is a few dozen KiB of zstd: far beyond what any real tree gives.
    const qint64 size = qint64(1) << 30;
    const QByteArray bomb = zstdOfZeros(size);
    QVERIFY(!bomb.isEmpty());
    QVERIFY2(bomb.size() < 256 * 1024, qPrintable(QString::number(bomb.size())));
    auto reader = DecompressingReader::create(std::make_unique<MemoryBlobReader>(bomb), Compression::Zstd,
                                              QStringLiteral("layer sha256:b0mb"));
    QVERIFY(reader.has_value());
    const Drained d = drain(**reader);
    QVERIFY2(d.error.has_value(), "the bomb was decompressed to its end");
    QCOMPARE(d.error->code, ErrorCode::MalformedContent);
    QVERIFY2(d.error->message.startsWith(QStringLiteral("layer sha256:b0mb: ")), qPrintable(d.error->message));
    QVERIFY2(d.error->message.contains(QStringLiteral("decompression bomb")), qPrintable(d.error->message));
    // It stopped at the budget (slack + 1100 × what was read, plus one buffer), not at the end.
    const qint64 budget = DecompressingReader::kExpansionSlack
                          + DecompressingReader::kDefaultMaxExpansion * bomb.size() + (1 << 20);
    QVERIFY2(d.bytes <= budget, qPrintable(QStringLiteral("%1 bytes out, budget %2").arg(d.bytes).arg(budget)));
    QVERIFY(d.bytes < size / 4);

    // 0 lifts the limit: the same stream decodes whole.
    auto unlimited = DecompressingReader::create(std::make_unique<MemoryBlobReader>(bomb), Compression::Zstd, {}, 0);
    QVERIFY(unlimited.has_value());
    const Drained all = drain(**unlimited);
    QVERIFY2(!all.error, all.error ? qPrintable(all.error->message) : "");
    QCOMPARE(all.bytes, size);
}

void TestDecompress::gzipCannotPassTheDefaultBudget()
{
    // Deflate's ceiling is about 1032:1; the default budget is above it, so the most compressible gzip decodes whole.
    const qint64 size = 200 * 1024 * 1024;
    const QByteArray zeros(size, '\0');
    const QByteArray gz = zlibGzipBytes(zeros, 9);
    QVERIFY(!gz.isEmpty());
    QVERIFY2(gz.size() < size / 1000, qPrintable(QString::number(gz.size())));
    auto reader = DecompressingReader::create(std::make_unique<MemoryBlobReader>(gz), Compression::Gzip);
    QVERIFY(reader.has_value());
    const Drained d = drain(**reader);
    QVERIFY2(!d.error, d.error ? qPrintable(d.error->message) : "");
    QCOMPARE(d.bytes, size);
}

void TestDecompress::budgetIsAdjustable()
{
    // A lower ratio stops gzip too; the environment variable sets the default of every reader.
    const QByteArray gz = zlibGzipBytes(QByteArray(200 * 1024 * 1024, '\0'), 9);
    auto strict = DecompressingReader::create(std::make_unique<MemoryBlobReader>(gz), Compression::Gzip,
                                              QStringLiteral("blob x"), 100);
    QVERIFY(strict.has_value());
    Drained d = drain(**strict);
    QVERIFY(d.error.has_value());
    QVERIFY2(d.error->message.contains(QStringLiteral("more than 100 times")), qPrintable(d.error->message));
    QVERIFY(d.bytes < 100 * 1024 * 1024);

    qputenv("STEVEDORE_MAX_EXPANSION", "100");
    auto fromEnv = DecompressingReader::create(std::make_unique<MemoryBlobReader>(gz), Compression::Gzip);
    qunsetenv("STEVEDORE_MAX_EXPANSION");
    QVERIFY(fromEnv.has_value());
    d = drain(**fromEnv);
    QVERIFY(d.error.has_value());
    QCOMPARE(d.error->code, ErrorCode::MalformedContent);

    // Real-looking text is nowhere near the budget, whatever the format.
    const QByteArray text = wordyText(8 * 1024 * 1024, 3);
    auto plain = DecompressingReader::create(std::make_unique<MemoryBlobReader>(gzipCompress(text)), Compression::Gzip,
                                             {}, 20);
    QVERIFY(plain.has_value());
    d = drain(**plain);
    QVERIFY2(!d.error, d.error ? qPrintable(d.error->message) : "");
    QCOMPARE(d.bytes, text.size());
}

QTEST_GUILESS_MAIN(TestDecompress)
#include "tst_decompress.moc"
