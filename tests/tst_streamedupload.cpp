// Streamed chunks: a blob that goes as it is stored (its size known) is uploaded in large PATCH chunks whose bodies
// are sent as the copy reads them (engine/net/bodypipe). Each chunk goes where the last answer said, the bytes arrive
// whole and in order, a 32 MiB chunk is never gathered in memory, and a server that stops answering, a cut
// connection or a cancel end the write at once, never a hang.
#include "net/bodypipe.h"
#include "registry/registryclient.h"
#include "support/loopbackserver.h"
#include "support/registrytest.h"
#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <future>

using namespace Qt::StringLiterals;
using namespace stevedore;
using namespace stevedore::test;


class TestStreamedUpload : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aPipeHoldsAtMostItsCapacity()
    {
        BodyPipe pipe(10, 4);
        CancelToken cancel;
        auto producer = std::async(std::launch::async, [&] { return pipe.push("0123456789", 10, cancel); });
        QByteArray got;
        char buf[3];
        QElapsedTimer t;
        t.start();
        while (got.size() < 10 && t.elapsed() < 5000) {
            QVERIFY(pipe.available() <= 4);
            const qint64 n = pipe.read(buf, sizeof buf);
            QVERIFY(n >= 0);
            got.append(buf, n);
            if (n == 0)
                QThread::msleep(1);
        }
        QVERIFY(producer.get().has_value());
        QCOMPARE(got, QByteArray("0123456789"));
        QVERIFY(pipe.finished());
        // Past the length, and after an abort: refused, never blocked.
        QCOMPARE(pipe.push("x", 1, cancel).error().code, ErrorCode::Internal);
        BodyPipe other(100, 4);
        QVERIFY(other.push("abcd", 4, cancel).has_value());
        auto blocked = std::async(std::launch::async, [&] { return other.push("efgh", 4, cancel); });
        QThread::msleep(50);
        other.abort();
        QVERIFY(!blocked.get().has_value());
        QCOMPARE(other.read(buf, 3), qint64(-1));
    }

    // Each streamed PATCH goes where the previous answer said, with its range; the pieces written cross the chunks'
    // boundaries and arrive whole, in order.
    void streamedChunksGoWhereTheAnswersSay()
    {
        LoopbackHttpServer registry;
        QVERIFY(registry.listen());
        std::atomic<int> patches = 0;
        registry.setResponder([&](const SeenRequest &req) -> QByteArray {
            if (req.path == "/v2/")
                return httpAnswer(200, {}, "{}");
            if (req.method == "POST")
                return httpAnswer(202, "Location: /upload/abc\r\nRange: 0-0\r\n");
            if (req.method == "PATCH")
                return httpAnswer(202, "Location: /upload/abc?part=" + QByteArray::number(++patches + 1) + "\r\n");
            if (req.method == "PUT")
                return httpAnswer(201, {});
            return httpAnswer(400, {});
        });
        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(registry.port());
        c.insecure = true;
        RegistryClient client(c);
        const QByteArray data = randomBytes(10000, 71);
        CancelToken cancel;
        auto writer = client.beginUpload(u"team/app"_s, {}, 4096, cancel, data.size());
        QVERIFY(writer.has_value());
        QCOMPARE((*writer)->preferredChunkSize(), qint64(1024 * 1024));
        for (qsizetype off = 0; off < data.size(); off += 3000)
            QVERIFY((*writer)->write(data.mid(off, 3000), cancel).has_value());
        const Digest digest = Digest::sha256Of(data);
        QVERIFY((*writer)->commit(digest, data.size(), cancel).has_value());
        QList<SeenRequest> writes;
        for (const SeenRequest &req : registry.seen())
            if (req.method == "PATCH" || req.method == "PUT")
                writes << req;
        QCOMPARE(writes.size(), 4);
        QCOMPARE(writes[0].path, QByteArray("/upload/abc"));
        QCOMPARE(writes[0].headers.value("content-range"), QByteArray("0-4095"));
        QCOMPARE(writes[0].headers.value("content-length"), QByteArray("4096"));
        QCOMPARE(writes[1].path, QByteArray("/upload/abc?part=2"));
        QCOMPARE(writes[1].headers.value("content-range"), QByteArray("4096-8191"));
        QCOMPARE(writes[2].headers.value("content-range"), QByteArray("8192-9999"));
        QCOMPARE(writes[0].body + writes[1].body + writes[2].body, data);
        QCOMPARE(writes[3].path, "/upload/abc?part=4&digest=" + QUrl::toPercentEncoding(digest.toString()));

        // Fewer bytes than the size said: an error at commit, the chunk in flight abandoned.
        auto shorter = client.beginUpload(u"team/app"_s, {}, 4096, cancel, data.size());
        QVERIFY(shorter.has_value());
        QVERIFY((*shorter)->write(data.left(5000), cancel).has_value());
        auto cut = (*shorter)->commit(digest, data.size(), cancel);
        QVERIFY(!cut.has_value());
        QCOMPARE(cut.error().code, ErrorCode::SizeMismatch);
    }

    // A 64 MiB blob in two 32 MiB chunks to Debian's registry: stored byte for byte, and the process never holds a
    // chunk (QtNetwork would gather a streamed body whole unless told not to; checked in the normal build).
    void aLargeChunkIsNeverGathered()
    {
        QString error;
        auto reg = startRegistry({}, &error);
        QVERIFY2(reg, qPrintable(error));
        RegistryClient client(configFor(*reg));
        constexpr qint64 kPiece = 1 << 20, kPieces = 64;
        CancelToken cancel;
        auto writer = client.beginUpload(u"team/big"_s, {}, 32 << 20, cancel, kPiece * kPieces);
        QVERIFY2(writer.has_value(), writer ? "" : qPrintable(writer.error().message));
        Digester digester;
        const qint64 before = rssKiB();
        qint64 most = before;
        for (int i = 0; i < kPieces; ++i) {
            const QByteArray piece = randomBytes(kPiece, quint32(1000 + i));
            digester.addData(piece);
            QVERIFY((*writer)->write(piece, cancel).has_value());
            most = qMax(most, rssKiB());
        }
        const Digest digest = digester.result();
        QVERIFY((*writer)->commit(digest, kPiece * kPieces, cancel).has_value());
        qInfo("RSS grew by %lld KiB at most while 64 MiB went in 32 MiB chunks", most - before);
        if (kMemoryBoundsApply) // not under AddressSanitizer: its quarantine keeps what was freed
            QVERIFY2(most - before < 20 * 1024, qPrintable(QString::number(most - before)));
        auto reader = client.openBlob(u"team/big"_s, digest, cancel);
        QVERIFY(reader.has_value());
        Digester back;
        QByteArray buf(1 << 20, Qt::Uninitialized);
        qint64 total = 0;
        for (auto n = (*reader)->read(buf.data(), buf.size()); n && *n > 0; n = (*reader)->read(buf.data(), buf.size())) {
            back.addData(buf.constData(), *n);
            total += *n;
        }
        QCOMPARE(total, kPiece * kPieces);
        QCOMPARE(back.result(), digest);
    }

    // A server that takes the body and never answers: the idle timeout ends the write; a cancel ends it within a
    // second. A connection cut inside a streamed chunk fails the write with a temporary error.
    void stalledCancelledOrCut()
    {
        LoopbackHttpServer stalled;
        QVERIFY(stalled.listen());
        stalled.setHandler(stalledUploadAnswer);
        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(stalled.port());
        c.insecure = true;
        c.idleTimeout = std::chrono::milliseconds(1500);
        RegistryClient client(c);
        const QByteArray data = randomBytes(300 * 1024, 72);
        CancelToken cancel;
        auto writer = client.beginUpload(u"team/app"_s, {}, 128 * 1024, cancel, data.size());
        QVERIFY(writer.has_value());
        QElapsedTimer t;
        t.start();
        Status status;
        for (qsizetype off = 0; off < data.size() && status; off += 64 * 1024)
            status = (*writer)->write(data.mid(off, 64 * 1024), cancel);
        if (status)
            status = (*writer)->commit(Digest::sha256Of(data), data.size(), cancel);
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().code, ErrorCode::Timeout);
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));

        CancelToken cancelMe;
        auto second = client.beginUpload(u"team/app"_s, {}, 128 * 1024, cancelMe, data.size());
        QVERIFY(second.has_value());
        QVERIFY((*second)->write(data.left(64 * 1024), cancelMe).has_value());
        QThread::msleep(200);
        t.restart();
        cancelMe.cancel();
        auto afterCancel = (*second)->write(data.mid(64 * 1024, 64 * 1024), cancelMe);
        QVERIFY(!afterCancel.has_value() || !(*second)->commit(Digest::sha256Of(data), data.size(), cancelMe));
        second->reset();
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));

        QString error;
        auto reg = startRegistry({}, &error);
        QVERIFY2(reg, qPrintable(error));
        TcpRelay relay;
        QVERIFY(relay.listen(quint16(reg->hostPort().section(u':', 1).toUInt())));
        relay.cutAfterPattern("PATCH ", 1, 60 * 1024, 1);
        RegistryConfig viaRelay = configFor(*reg);
        viaRelay.host = u"127.0.0.1:%1"_s.arg(relay.port());
        RegistryClient cutClient(viaRelay);
        CancelToken never;
        auto third = cutClient.beginUpload(u"team/cut"_s, {}, 128 * 1024, never, data.size());
        QVERIFY(third.has_value());
        Status cutStatus;
        for (qsizetype off = 0; off < data.size() && cutStatus; off += 64 * 1024)
            cutStatus = (*third)->write(data.mid(off, 64 * 1024), never);
        if (cutStatus)
            cutStatus = (*third)->commit(Digest::sha256Of(data), data.size(), never);
        QVERIFY(relay.cuts() >= 1);
        // Qt may send a cut request again by itself on a new connection (the body cannot be made again, so it fails):
        // either way the write ends with a temporary error, or the blob arrived whole.
        if (!cutStatus)
            QVERIFY2(cutStatus.error().temporary, qPrintable(cutStatus.error().message));
    }
};

QTEST_GUILESS_MAIN(TestStreamedUpload)
#include "tst_streamedupload.moc"
