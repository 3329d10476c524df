// Tests of engine/compress: magic-byte detection, the parallel gzip compressor (checked against the system's
// gzip and zlib). The decompressing reader has tst_decompress.
#include "compress/compressingreader.h"
#include "compress/compression.h"
#include "compress/decompress.h"
#include "compress/parallelgzip.h"
#include "reference/digest.h"
#include "support/blobreaders.h"
#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

#include <zlib.h>
#include <zstd.h>

using namespace stevedore;
using stevedore::test::randomBytes;
using stevedore::test::readAllFrom;
using stevedore::test::wordyText;

namespace {

constexpr qint64 kBlock = ParallelGzipCompressor::kDefaultBlockSize;

QByteArray repetitive(qint64 size)
{
    const QByteArray line("The quick brown fox jumps over the lazy dog. 0123456789\n");
    QByteArray data;
    data.reserve(size + line.size());
    while (data.size() < size)
        data.append(line);
    data.truncate(size);
    return data;
}

// Decompresses every member with zlib's gzread (which reads concatenated members, like gzip -d).
QByteArray zlibGunzipFile(const QString &path, bool *ok)
{
    *ok = false;
    gzFile f = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!f)
        return {};
    QByteArray out;
    QByteArray buf(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const int n = gzread(f, buf.data(), unsigned(buf.size()));
        if (n < 0) {
            gzclose(f);
            return {};
        }
        if (n == 0)
            break;
        out.append(buf.constData(), n);
    }
    int err = 0;
    gzerror(f, &err);
    gzclose(f);
    *ok = err == Z_OK || err == Z_STREAM_END;
    return out;
}

QByteArray systemGunzip(const QByteArray &gz, QString *error)
{
    const QString gzip = QStandardPaths::findExecutable(QStringLiteral("gzip"));
    if (gzip.isEmpty()) {
        *error = QStringLiteral("gzip is not installed");
        return {};
    }
    QProcess p;
    p.start(gzip, {QStringLiteral("-dc")});
    if (!p.waitForStarted(10000)) {
        *error = QStringLiteral("gzip did not start");
        return {};
    }
    p.write(gz);
    p.closeWriteChannel();
    QByteArray out;
    while (p.state() != QProcess::NotRunning) {
        if (!p.waitForReadyRead(30000) && p.state() != QProcess::NotRunning)
            break;
        out.append(p.readAllStandardOutput());
    }
    p.waitForFinished(30000);
    out.append(p.readAllStandardOutput());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        *error = QStringLiteral("gzip -dc failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
    return out;
}

// Counts the gzip members by walking them with zlib's inflate.
int countMembers(const QByteArray &gz)
{
    int members = 0;
    qint64 pos = 0;
    QByteArray sink(64 * 1024, Qt::Uninitialized);
    while (pos < gz.size()) {
        z_stream z{};
        if (inflateInit2(&z, 15 + 16) != Z_OK)
            return -1;
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gz.constData() + pos));
        z.avail_in = uInt(gz.size() - pos);
        int rc = Z_OK;
        while (rc == Z_OK) {
            z.next_out = reinterpret_cast<Bytef *>(sink.data());
            z.avail_out = uInt(sink.size());
            rc = inflate(&z, Z_NO_FLUSH);
        }
        const qint64 used = qint64(gz.size() - pos) - qint64(z.avail_in);
        inflateEnd(&z);
        if (rc != Z_STREAM_END)
            return -1;
        pos += used;
        ++members;
    }
    return members;
}

qint64 vmHwmKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &l : lines)
        if (l.startsWith("VmHWM:"))
            return l.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

} // namespace

class TestCompress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detection_data();
    void detection();
    void roundTrip_data();
    void roundTrip();
    void deterministicWhateverThePushPattern();
    void levelHonoured();
    void everyLevelDecodesEverywhere();
    void incompressibleBlocksAreStored();
    void constantMemoryFor256MiB();
    void workingSetCoversWhatIsHeld_data();
    void workingSetCoversWhatIsHeld();
};

void TestCompress::detection_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("expected");
    QTest::newRow("gzip") << QByteArray::fromHex("1f8b0800000000000003") << int(Compression::Gzip);
    QTest::newRow("zstd") << QByteArray::fromHex("28b52ffd0458") << int(Compression::Zstd);
    QTest::newRow("bzip2") << QByteArray("BZh91AY&SY") << int(Compression::Bzip2);
    QTest::newRow("xz") << QByteArray::fromHex("fd377a585a000004e6d6b446") << int(Compression::Xz);
    QTest::newRow("tar") << QByteArray("etc/\0\0\0\0", 8) << int(Compression::None);
    QTest::newRow("empty") << QByteArray() << int(Compression::None);
    QTest::newRow("gzip-1byte") << QByteArray::fromHex("1f") << int(Compression::None);
    QTest::newRow("xz-short") << QByteArray::fromHex("fd377a585a") << int(Compression::None);
    QTest::newRow("zstd-3bytes") << QByteArray::fromHex("28b52f") << int(Compression::None);
    QTest::newRow("real-gzip") << gzipCompress(QByteArray("hello")) << int(Compression::Gzip);
}

void TestCompress::detection()
{
    QFETCH(QByteArray, head);
    QFETCH(int, expected);
    QCOMPARE(int(detectCompression(head)), expected);
    QCOMPARE(compressionOfMediaType(QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip")), Compression::Gzip);
    QCOMPARE(compressionOfMediaType(QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.zstd")),
             Compression::Zstd);
    QCOMPARE(compressionOfMediaType(QStringLiteral("application/vnd.oci.image.layer.v1.tar")), Compression::None);
}

void TestCompress::roundTrip_data()
{
    QTest::addColumn<QByteArray>("input");
    const qint64 sizes[] = {0, 1, kBlock - 1, kBlock, kBlock + 1, 10 * 1024 * 1024};
    for (qint64 s : sizes) {
        QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(s))) << randomBytes(s, quint32(s) + 7);
        QTest::newRow(qPrintable(QStringLiteral("repetitive-%1").arg(s))) << repetitive(s);
    }
    QTest::newRow("wordy-3.5MiB") << wordyText(3 * kBlock + kBlock / 2, 3);
}

void TestCompress::roundTrip()
{
    QFETCH(QByteArray, input);
    const QByteArray gz = gzipCompress(input);
    QVERIFY(gz.size() >= 18);
    QCOMPARE(detectCompression(gz), Compression::Gzip);
    const int expectedMembers = input.isEmpty() ? 1 : int((input.size() + kBlock - 1) / kBlock);
    QCOMPARE(countMembers(gz), expectedMembers);

    // The system's gzip
    QString error;
    const QByteArray viaGzip = systemGunzip(gz, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(viaGzip.size(), input.size());
    QVERIFY(viaGzip == input);

    // zlib's gzread
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("x.gz"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(gz), gz.size());
    f.close();
    bool ok = false;
    const QByteArray viaZlib = zlibGunzipFile(path, &ok);
    QVERIFY(ok);
    QVERIFY(viaZlib == input);

    // Our own streaming reader, with small and large reads
    for (qint64 piece : {qint64(777), qint64(1 << 20)}) {
        auto reader = DecompressingReader::create(std::make_unique<MemoryBlobReader>(gz), Compression::Gzip);
        QVERIFY(reader.has_value());
        auto back = readAllFrom(**reader, piece);
        QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().message));
        QVERIFY(*back == input);
        QCOMPARE((*reader)->compressedBytesRead(), gz.size());
    }
}

void TestCompress::deterministicWhateverThePushPattern()
{
    const QByteArray input = randomBytes(5 * kBlock / 2, 11) + wordyText(2 * kBlock + 123, 5);
    const QByteArray reference = gzipCompress(input, 6);
    QCOMPARE(gzipCompress(input, 6), reference);
    QCOMPARE(gzipCompress(input, 6, kBlock), reference);
    QCOMPARE(gzipCompress(input, -1), gzipCompress(input, 3)); // -1 means 3, the measured default

    // Odd push sizes, and a different number of blocks in flight, give the same bytes.
    for (qint64 pushSize : {qint64(1), qint64(4093), qint64(kBlock + 17), qint64(input.size())}) {
        for (int inFlight : {1, 3, 16}) {
            if (pushSize == 1 && inFlight != 3)
                continue; // byte by byte is slow; once is enough
            ParallelGzipCompressor gz(6, kBlock, inFlight);
            QByteArray out;
            qint64 maxReady = 0;
            for (qint64 off = 0; off < input.size(); off += pushSize) {
                gz.push(input.constData() + off, qMin(pushSize, input.size() - off));
                const QByteArray part = gz.takeAvailable();
                maxReady = qMax<qint64>(maxReady, part.size());
                out.append(part);
            }
            gz.finish();
            out.append(gz.takeAll());
            QCOMPARE(gz.bytesIn(), input.size());
            QCOMPARE(gz.bytesOut(), out.size());
            QVERIFY2(out == reference, qPrintable(QStringLiteral("push %1, in flight %2").arg(pushSize).arg(inFlight)));
            // Output is handed over as it is produced, never all at the end.
            QVERIFY(maxReady < reference.size() || pushSize >= input.size());
        }
    }
    // A different block size is a different (still valid) stream.
    const QByteArray other = gzipCompress(input, 6, 256 * 1024);
    QVERIFY(other != reference);
    QCOMPARE(countMembers(other), int((input.size() + 256 * 1024 - 1) / (256 * 1024)));
}

void TestCompress::levelHonoured()
{
    const QByteArray input = wordyText(2 * kBlock, 42);
    const QByteArray l0 = gzipCompress(input, 0);
    const QByteArray l1 = gzipCompress(input, 1);
    const QByteArray l6 = gzipCompress(input, 6);
    const QByteArray l9 = gzipCompress(input, 9);
    QVERIFY2(l0.size() >= input.size(), "level 0 stores");
    QVERIFY2(l1.size() > l6.size(), qPrintable(QStringLiteral("l1 %1, l6 %2").arg(l1.size()).arg(l6.size())));
    QVERIFY2(l6.size() >= l9.size(), qPrintable(QStringLiteral("l6 %1, l9 %2").arg(l6.size()).arg(l9.size())));
    QVERIFY(l1 != l6);
    for (const QByteArray &gz : {l0, l1, l6, l9}) {
        auto reader = DecompressingReader::create(std::make_unique<MemoryBlobReader>(gz), Compression::Gzip);
        QVERIFY(reader.has_value());
        auto back = readAllFrom(**reader);
        QVERIFY(back.has_value());
        QVERIFY(*back == input);
    }
    // The level lands in the gzip header's XFL byte the way gzip does it: 4 = fastest, 2 = best.
    QCOMPARE(quint8(l1.at(8)), quint8(4));
    QCOMPARE(quint8(l9.at(8)), quint8(2));
    QCOMPARE(ParallelGzipCompressor(-1).level(), 3);
    QCOMPARE(ParallelGzipCompressor(3).level(), 3);
}

void TestCompress::incompressibleBlocksAreStored()
{
    const QByteArray random = randomBytes(kBlock, 7);
    const QByteArray wordy = wordyText(kBlock, 8);
    QVERIFY(looksIncompressible(random.constData(), random.size()));
    QVERIFY(!looksIncompressible(wordy.constData(), wordy.size()));
    // Any sample that compresses keeps the block compressed: text at the start, at the end, or in the middle.
    const QByteArray textFirst = wordy.first(kBlock / 4) + random.first(3 * kBlock / 4);
    const QByteArray textLast = random.first(3 * kBlock / 4) + wordy.first(kBlock / 4);
    QVERIFY(!looksIncompressible(textFirst.constData(), textFirst.size()));
    QVERIFY(!looksIncompressible(textLast.constData(), textLast.size()));
    // A compressible stretch of 1/6 of the block anywhere is seen (samples are 1/7 of the block apart).
    for (qint64 at : {qint64(0), kBlock / 3 + 1000, kBlock / 2, kBlock - kBlock / 6}) {
        QByteArray mixed = random;
        mixed.replace(at, kBlock / 6, wordy.first(kBlock / 6));
        QVERIFY2(!looksIncompressible(mixed.constData(), mixed.size()), qPrintable(QString::number(at)));
    }
    QVERIFY(!looksIncompressible(random.constData(), 32 * 1024)); // small blocks are always compressed

    // A stored block: deflate block type 00 right after the 10-byte gzip header, and the bytes come back.
    const QByteArray gz = gzipCompress(random);
    QCOMPARE(quint8(gz.at(3)), quint8(0)); // no optional header fields
    QCOMPARE((quint8(gz.at(10)) >> 1) & 3, 0);
    QVERIFY2(gz.size() < random.size() + 200, qPrintable(QString::number(gz.size())));
    auto reader = DecompressingReader::create(std::make_unique<MemoryBlobReader>(gz), Compression::Gzip);
    QVERIFY(reader.has_value());
    auto back = readAllFrom(**reader);
    QVERIFY(back.has_value());
    QVERIFY(*back == random);
    // A wordy block is compressed with Huffman codes (type 01 or 10).
    const QByteArray gzWordy = gzipCompress(wordy);
    QVERIFY(((quint8(gzWordy.at(10)) >> 1) & 3) != 0);
    QVERIFY(gzWordy.size() < wordy.size() / 2);
}

void TestCompress::constantMemoryFor256MiB()
{
    // 256 MiB generated on the fly (random and wordy stretches), compressed and decompressed by zlib as it goes;
    // nothing holds the whole stream, so the peak RSS must not grow with it: what the last three quarters add to the
    // peak of the first quarter (thread pools, libdeflate's tables and the block buffers are in place by then) stays
    // small, where holding the input or the output would add 100 MiB or more.
    const qint64 total = 256LL * 1024 * 1024;
    const qint64 piece = 1024 * 1024 + 4321; // not a multiple of the block size
    const QByteArray randomPiece = randomBytes(piece, 99);
    const QByteArray wordyPiece = wordyText(piece, 98);

    const qint64 hwmBefore = vmHwmKiB();
    QVERIFY(hwmBefore > 0);

    QCryptographicHash inHash(QCryptographicHash::Sha256);
    QCryptographicHash outHash(QCryptographicHash::Sha256);
    z_stream z{};
    QCOMPARE(inflateInit2(&z, 15 + 16), Z_OK);
    QByteArray sink(256 * 1024, Qt::Uninitialized);
    qint64 compressedTotal = 0;
    qint64 decompressedTotal = 0;
    bool zError = false;
    auto inflateSome = [&](const QByteArray &gz) {
        compressedTotal += gz.size();
        qint64 pos = 0;
        while (pos < gz.size() && !zError) {
            z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gz.constData() + pos));
            z.avail_in = uInt(gz.size() - pos);
            z.next_out = reinterpret_cast<Bytef *>(sink.data());
            z.avail_out = uInt(sink.size());
            const int rc = inflate(&z, Z_NO_FLUSH);
            const qint64 made = sink.size() - qint64(z.avail_out);
            outHash.addData(QByteArrayView(sink.constData(), made));
            decompressedTotal += made;
            pos = gz.size() - qint64(z.avail_in);
            if (rc == Z_STREAM_END)
                inflateReset(&z);
            else if (rc != Z_OK && rc != Z_BUF_ERROR)
                zError = true;
        }
    };

    QElapsedTimer timer;
    timer.start();
    ParallelGzipCompressor gz;
    qint64 produced = 0;
    qint64 hwmQuarter = -1;
    int i = 0;
    while (produced < total) {
        QByteArray chunk = (i++ % 2 ? wordyPiece : randomPiece);
        chunk[0] = char(i); // every piece differs a little
        chunk.truncate(qMin<qint64>(chunk.size(), total - produced));
        inHash.addData(chunk);
        gz.push(chunk);
        produced += chunk.size();
        inflateSome(gz.takeAvailable());
        if (hwmQuarter < 0 && produced >= total / 4)
            hwmQuarter = vmHwmKiB();
    }
    gz.finish();
    inflateSome(gz.takeAll());
    inflateEnd(&z);
    const qint64 ms = timer.elapsed();

    QVERIFY(!zError);
    QCOMPARE(decompressedTotal, total);
    QCOMPARE(outHash.result(), inHash.result());
    const qint64 hwmAfter = vmHwmKiB();
    const qint64 growthMiB = (hwmAfter - hwmBefore) / 1024;
    const qint64 lateGrowthMiB = (hwmAfter - hwmQuarter) / 1024;
    qInfo("256 MiB in %lld ms (%.0f MB/s), %lld compressed bytes, peak RSS grew by %lld MiB (%lld MiB after the "
          "first 64 MiB)", ms, double(total) / 1e6 / (double(qMax<qint64>(ms, 1)) / 1000.0), compressedTotal,
          growthMiB, lateGrowthMiB);
    if (!stevedore::test::kMemoryBoundsApply)
        return;
    QVERIFY2(lateGrowthMiB < 16, qPrintable(QStringLiteral("the last 192 MiB grew the peak RSS by %1 MiB").arg(lateGrowthMiB)));
    QVERIFY2(growthMiB < 96, qPrintable(QStringLiteral("peak RSS grew by %1 MiB").arg(growthMiB)));
}

void TestCompress::everyLevelDecodesEverywhere()
{
    // Text, random bytes (stored) and a tail shorter than a block, through both backends (ISA-L: levels 1-2).
    const QByteArray input = wordyText(2 * kBlock + 777, 8) + randomBytes(kBlock, 9) + wordyText(3000, 10);
    const QString gzip = QStandardPaths::findExecutable(QStringLiteral("gzip"));
    QVERIFY2(!gzip.isEmpty(), "gzip is missing");
    QTemporaryDir dir;
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int level = 0; level <= 12; ++level) {
        const QByteArray gz = gzipCompress(input, level);
        QCOMPARE(countMembers(gz), 4);
        auto reader = DecompressingReader::create(std::make_unique<MemoryBlobReader>(gz), Compression::Gzip);
        QVERIFY(reader.has_value());
        auto back = readAllFrom(**reader);
        QVERIFY2(back.has_value() && *back == input, qPrintable(QStringLiteral("level %1 (zlib)").arg(level)));
        const QString path = dir.filePath(QStringLiteral("l%1.gz").arg(level));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(gz);
        f.close();
        QProcess p;
        p.start(gzip, {QStringLiteral("-dc"), path});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(p.readAllStandardOutput() == input, qPrintable(QStringLiteral("level %1 (gzip -d)").arg(level)));
        // Fastest first: from level 1 on, each level is at least as small as the one before (on this text).
        if (level >= 1 && level <= 9) {
            QVERIFY2(gz.size() <= previous, qPrintable(QStringLiteral("level %1: %2 > %3").arg(level).arg(gz.size()).arg(previous)));
            previous = gz.size();
        }
    }
}

QTEST_GUILESS_MAIN(TestCompress)
void TestCompress::workingSetCoversWhatIsHeld_data()
{
    QTest::addColumn<Compression>("compression");
    QTest::addColumn<int>("level");
    QTest::newRow("gzip default") << Compression::Gzip << -1;
    QTest::newRow("gzip 9") << Compression::Gzip << 9;
    QTest::newRow("zstd default") << Compression::Zstd << -1;
    QTest::newRow("zstd 19") << Compression::Zstd << 19;
}

// The copy scheduler's memory budget trusts CompressingReader::workingSet(): what a reader really holds while it
// compresses 48 MiB (text and random stretches, read in the copy's 4 MiB chunks) never passes it, and the estimate
// is not so pessimistic that the budget would run one layer at a time for nothing.
void TestCompress::workingSetCoversWhatIsHeld()
{
    QFETCH(Compression, compression);
    QFETCH(int, level);
    const qint64 total = (level == 19 ? 16ll : 48ll) << 20; // zstd 19 runs at 3 MB/s: its context is full by 16 MiB
    QByteArray input;
    input.reserve(total);
    for (int i = 0; input.size() < total; ++i)
        input += i % 3 == 2 ? randomBytes(1 << 20, quint32(i)) : wordyText(1 << 20, quint32(i));
    auto reader = CompressingReader::create(std::make_unique<MemoryBlobReader>(input), compression, level);
    QVERIFY(reader.has_value());
    auto *compressing = static_cast<CompressingReader *>(reader->get());
    QByteArray chunk(4 << 20, Qt::Uninitialized);
    qint64 most = 0;
    qint64 out = 0;
    for (;;) {
        auto n = compressing->read(chunk.data(), chunk.size());
        QVERIFY(n.has_value());
        if (*n == 0)
            break;
        out += *n;
        most = qMax(most, compressing->memoryInUse());
    }
    const qint64 estimate = CompressingReader::workingSet(compression, level);
    qInfo("%s level %d: held at most %lld KiB, estimate %lld KiB, %lld bytes out", qPrintable(compressionName(compression)),
          CompressingReader::effectiveLevel(compression, level), most / 1024, estimate / 1024, out);
    QVERIFY(out > 0 && out < total);
    QVERIFY2(most <= estimate, qPrintable(QStringLiteral("held %1 bytes, estimated %2").arg(most).arg(estimate)));
    QVERIFY2(most * 3 >= estimate, qPrintable(QStringLiteral("held %1 bytes, estimated %2").arg(most).arg(estimate)));
}

#include "tst_compress.moc"
