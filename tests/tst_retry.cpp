// Retries and timeouts, end to end (the real CLI against a fake plain-http registry): --retry is the one retry loop
// (no hidden one below it, exact attempt counts, Retry-After honoured), an idle timeout fails a push in seconds and
// names the operation it cut, and a server that never says a word times out naming the contact; a commit left
// unanswered holds back no other layer. Cancellation is in
// tst_cancel; the fake registry both use is in support/fakeregistry.h. Traffic goes to 127.0.0.1 only.
#include "support/e2e.h"
#include "support/fakeregistry.h"
#include "support/loopbackserver.h"
#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {

QString describe(const ProcessResult &r)
{
    return u"exit %1%2\nstderr: %3"_s.arg(r.exitCode).arg(r.timedOut ? u" (timed out)"_s : QString())
        .arg(QString::fromUtf8(r.err.left(4000)));
}

// Every PATCH whose body is the blob `digest` gets `answer`.
void failPatchesOf(FakeRegistry &fake, const QByteArray &digest, const QByteArray &answer)
{
    fake.setOverride([digest, answer](const SeenRequest &r, const QList<Logged> &) -> std::optional<Answer> {
        if (kindOf(r) == Kind::Patch && sha256Of(r.body) == digest)
            return Answer{answer, false, false};
        return std::nullopt;
    });
}

bool oneLine(const QByteArray &err)
{
    const QByteArray t = err.trimmed();
    return !t.isEmpty() && !t.contains('\n');
}

} // namespace

class TestRetry : public QObject
{
    Q_OBJECT

private:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;

    QString path(const QString &name) const { return m_tmp->filePath(name); }

private slots:
    void initTestCase()
    {
        if (!QFileInfo(m_cli).isExecutable())
            QFAIL(qPrintable(u"the stevedore CLI is missing at %1 (build the 'stevedore' target)"_s.arg(m_cli)));
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(path(u"home"_s));
    }

    void cleanup() { m_tmp.reset(); }

    // The fake registry itself: a push through every phase succeeds, so a hang is the only thing the rows change.
    void fakeRegistryTakesAPush_data()
    {
        QTest::addColumn<bool>("index");
        QTest::newRow("manifest") << false;
        QTest::newRow("index --all") << true;
    }
    void fakeRegistryTakesAPush()
    {
        QFETCH(bool, index);
        const LayoutImage img = writeLayout(path(u"layout"_s), index);
        QVERIFY(!img.digest.isEmpty());
        FakeRegistry fake;
        QVERIFY(fake.listen());
        QStringList args{u"push"_s, u"--tls-verify=false"_s, u"--retry=0"_s, u"-q"_s};
        if (index)
            args << u"--all"_s;
        args << u"oci:"_s + img.dir + u":v1"_s << fake.reference();
        const ProcessResult r = runProcess(m_cli, args, 20000, m_env);
        QVERIFY2(r.ok(), qPrintable(describe(r) + u"\nrequests:\n"_s + fake.describeLog()));
        QVERIFY(fake.tagged());
        const QList<Logged> puts = fake.log(Kind::ManifestPut);
        QVERIFY(!puts.isEmpty());
        QCOMPARE(QString::fromLatin1(sha256Of(puts.constLast().request.body)), img.digest);
    }

    // 3a. --retry 0 with a PATCH that never answers: the idle timeout fails the push once, in seconds.
    void idleTimeoutWithoutRetry()
    {
        const LayoutImage img = writeLayout(path(u"layout"_s), false);
        QVERIFY(!img.digest.isEmpty());
        FakeRegistry fake(Phase::Chunk);
        QVERIFY(fake.listen());
        QElapsedTimer t;
        t.start();
        const ProcessResult r = runProcess(m_cli,
                                           {u"push"_s, u"--tls-verify=false"_s, u"-q"_s, u"--retry"_s, u"0"_s,
                                            u"--idle-timeout"_s, u"1s"_s, u"oci:"_s + img.dir + u":v1"_s,
                                            fake.reference()},
                                           20000, m_env);
        const qint64 ms = t.elapsed();
        qInfo("failed after %lld ms: %s", ms, r.err.trimmed().constData());
        QVERIFY2(!r.timedOut && !r.crashed, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(ms < 5000, qPrintable(u"%1 ms"_s.arg(ms)));
        QVERIFY2(ms >= 900, qPrintable(u"failed after %1 ms, before the 1 s idle timeout could pass: %2"_s.arg(ms).arg(
                                 describe(r))));
        QVERIFY2(oneLine(r.err), qPrintable(describe(r)));
        QVERIFY2(r.err.contains("no data moved") && r.err.contains("for 1 s"), qPrintable(describe(r)));
        QVERIFY2(r.err.contains("uploading"), qPrintable(describe(r)));
        // One PATCH per blob: nothing below --retry tried again.
        QCOMPARE(fake.patchesOf(img.config), 1);
        QCOMPARE(fake.patchesOf(img.layers.value(0)), 1);
        QCOMPARE(fake.log(Kind::Patch).size(), 2);
        QVERIFY(fake.log(Kind::ManifestPut).isEmpty());
    }

    // 3b. --retry N is N retries of the failed blob: N + 1 PATCHes of it, and the other blob is never sent twice.
    void retryCountIsExact_data()
    {
        QTest::addColumn<int>("retries");
        QTest::newRow("--retry 0") << 0;
        QTest::newRow("--retry 2") << 2;
    }
    void retryCountIsExact()
    {
        QFETCH(int, retries);
        const LayoutImage img = writeLayout(path(u"layout"_s), false);
        QVERIFY(!img.digest.isEmpty());
        FakeRegistry fake;
        QVERIFY(fake.listen());
        failPatchesOf(fake, img.layers.value(0).toLatin1(),
                      httpAnswer(500, "Content-Type: application/json\r\n",
                                 R"({"errors":[{"code":"UNKNOWN","message":"disk on fire"}]})"));
        const ProcessResult r = runProcess(m_cli,
                                           {u"push"_s, u"--tls-verify=false"_s, u"-q"_s, u"--retry"_s,
                                            QString::number(retries), u"--retry-delay"_s, u"10ms"_s,
                                            u"oci:"_s + img.dir + u":v1"_s, fake.reference()},
                                           20000, m_env);
        QVERIFY2(!r.timedOut && !r.crashed, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(oneLine(r.err), qPrintable(describe(r)));
        QVERIFY2(r.err.contains("HTTP 500"), qPrintable(describe(r)));
        QCOMPARE(fake.patchesOf(img.layers.value(0)), retries + 1);
        // The config is never retried. With --retry 0 the push stops at the layer's first failure and cancels
        // the other blobs, so the config's PATCH may not have been sent yet: at most one, not exactly one.
        if (retries > 0)
            QCOMPARE(fake.patchesOf(img.config), 1);
        else
            QVERIFY(fake.patchesOf(img.config) <= 1);
        QVERIFY(fake.log(Kind::ManifestPut).isEmpty());
    }

    // The memory budget compresses one zstd layer at a time, but a layer whose last byte is out of its compressor
    // hands the compressor's share back: the next layer starts while the first one's commit (its PUT) goes
    // unanswered. Before the hand-back the second layer waited for that answer.
    void nextLayerStartsWhileOneCommits()
    {
        TestImageSpec spec;
        spec.layersPerPlatform = 2;
        spec.layerSize = 512 * 1024;
        spec.asIndex = false;
        spec.seed = 11;
        QString error;
        const QString dir = path(u"layout"_s);
        const QString digest = writeTestLayout(dir, u"v1"_s, spec, &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const QJsonObject manifest = QJsonDocument::fromJson(readFileBytes(layoutBlobPath(dir, digest))).object();
        const QByteArray config = manifest.value(u"config"_s).toObject().value(u"digest"_s).toString().toLatin1();
        QCOMPARE(manifest.value(u"layers"_s).toArray().size(), 2);
        FakeRegistry fake;
        QVERIFY(fake.listen());
        auto isLayerCommit = [config](const SeenRequest &r) {
            return kindOf(r) == Kind::UploadPut && !QByteArray::fromPercentEncoding(r.path).contains(config);
        };
        fake.setOverride([isLayerCommit](const SeenRequest &r, const QList<Logged> &before) -> std::optional<Answer> {
            if (!isLayerCommit(r))
                return std::nullopt;
            for (const Logged &l : before)
                if (isLayerCommit(l.request))
                    return std::nullopt; // the second layer's commit is answered
            return Answer{{}, true, false}; // the first one's never is
        });
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(m_cli, {u"push"_s, u"--tls-verify=false"_s, u"-q"_s, u"--retry=0"_s, u"--compression-format"_s,
                        u"zstd"_s, u"oci:"_s + dir + u":v1"_s, fake.reference()});
        QVERIFY(p.waitForStarted());
        auto layerCommits = [&]() {
            int n = 0;
            for (const Logged &l : fake.log(Kind::UploadPut))
                n += isLayerCommit(l.request) ? 1 : 0;
            return n;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(layerCommits() == 2 || p.state() != QProcess::Running,
                                  qPrintable(fake.describeLog()), 20000);
        const bool running = p.state() == QProcess::Running;
        p.kill();
        p.waitForFinished(5000);
        QVERIFY2(running, qPrintable(QString::fromUtf8(p.readAllStandardError())));
        QVERIFY2(layerCommits() == 2, qPrintable(fake.describeLog()));
        QVERIFY(!fake.tagged());
    }

    // 3b'. A failed chunk leaves its session open for the retry to resume; when the retries give up, nobody will:
    // the session is deleted (a detached DELETE, sent before the CLI exits).
    void givenUpSessionIsDeleted()
    {
        const LayoutImage img = writeLayout(path(u"layout"_s), false);
        QVERIFY(!img.digest.isEmpty());
        FakeRegistry fake;
        QVERIFY(fake.listen());
        const QByteArray layer = img.layers.value(0).toLatin1();
        failPatchesOf(fake, layer, httpAnswer(503, {}, {}));
        const ProcessResult r = runProcess(m_cli,
                                           {u"push"_s, u"--tls-verify=false"_s, u"-q"_s, u"--retry"_s, u"1"_s,
                                            u"--retry-delay"_s, u"10ms"_s, u"oci:"_s + img.dir + u":v1"_s,
                                            fake.reference()},
                                           20000, m_env);
        QVERIFY2(!r.timedOut && !r.crashed, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(fake.patchesOf(img.layers.value(0)), 2);
        QList<QByteArray> layerSessions;
        for (const Logged &l : fake.log(Kind::Patch))
            if (sha256Of(l.request.body) == layer)
                layerSessions << pathOnly(l.request.path);
        QList<QByteArray> deleted;
        for (const Logged &l : fake.log(Kind::Delete))
            deleted << pathOnly(l.request.path);
        QVERIFY2(deleted.contains(layerSessions.constLast()), qPrintable(fake.describeLog()));
    }

    // 3c. A 503 with Retry-After: 1 is retried after a second, not after --retry-delay; without it, after the delay.
    void retryAfterIsHonoured_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<bool>("waitsASecond");
        QTest::newRow("Retry-After: 1") << QByteArray("Retry-After: 1\r\n") << true;
        QTest::newRow("no Retry-After") << QByteArray() << false;
    }
    void retryAfterIsHonoured()
    {
        QFETCH(QByteArray, headers);
        QFETCH(bool, waitsASecond);
        const LayoutImage img = writeLayout(path(u"layout"_s), false);
        QVERIFY(!img.digest.isEmpty());
        FakeRegistry fake;
        QVERIFY(fake.listen());
        const QByteArray layer = img.layers.value(0).toLatin1();
        fake.setOverride([layer, headers](const SeenRequest &r, const QList<Logged> &before) -> std::optional<Answer> {
            if (kindOf(r) != Kind::Patch || sha256Of(r.body) != layer)
                return std::nullopt;
            for (const Logged &l : before)
                if (kindOf(l.request) == Kind::Patch && sha256Of(l.request.body) == layer)
                    return std::nullopt; // the second attempt goes in
            return Answer{httpAnswer(503, headers), false, false};
        });
        const ProcessResult r = runProcess(m_cli,
                                           {u"push"_s, u"--tls-verify=false"_s, u"-q"_s, u"--retry"_s, u"1"_s,
                                            u"--retry-delay"_s, u"10ms"_s, u"oci:"_s + img.dir + u":v1"_s,
                                            fake.reference()},
                                           20000, m_env);
        QVERIFY2(r.ok(), qPrintable(describe(r) + u"\nrequests:\n"_s + fake.describeLog()));
        QVERIFY(fake.tagged());
        QList<qint64> at;
        for (const Logged &l : fake.log(Kind::Patch))
            if (sha256Of(l.request.body) == layer)
                at << l.atMs;
        QCOMPARE(at.size(), 2);
        const qint64 gap = at.at(1) - at.at(0);
        qInfo("gap between the two attempts: %lld ms", gap);
        if (waitsASecond) {
            QVERIFY2(gap >= 900, qPrintable(u"retried after %1 ms despite Retry-After: 1"_s.arg(gap)));
            QVERIFY2(gap < 5000, qPrintable(u"retried after %1 ms"_s.arg(gap)));
        } else {
            QVERIFY2(gap < 900, qPrintable(u"retried after %1 ms with --retry-delay 10ms"_s.arg(gap)));
        }
    }

    // 4. A server that accepts connections and never says a word: a timeout naming the registry contact, without the
    //    TLS advice that does not apply.
    void silentServerTimesOutNamingTheContact()
    {
        const LayoutImage img = writeLayout(path(u"layout"_s), false);
        QVERIFY(!img.digest.isEmpty());
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                held << s;
        });
        const QString hostPort = u"127.0.0.1:%1"_s.arg(silent.serverPort());
        QProcess p;
        p.setProcessEnvironment(m_env);
        QElapsedTimer t;
        t.start();
        p.start(m_cli, {u"push"_s, u"--tls-verify=false"_s, u"-q"_s, u"--retry"_s, u"0"_s, u"--idle-timeout"_s, u"1s"_s,
                        u"oci:"_s + img.dir + u":v1"_s, u"docker://"_s + hostPort + u"/team/app:v1"_s});
        QVERIFY(p.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 15000);
        const qint64 ms = t.elapsed();
        const QByteArray err = p.readAllStandardError();
        qDeleteAll(held);
        qInfo("failed after %lld ms: %s", ms, err.trimmed().constData());
        QVERIFY(!held.isEmpty());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(ms < 5000, qPrintable(u"%1 ms"_s.arg(ms)));
        QVERIFY2(oneLine(err), err.constData());
        QVERIFY2(err.contains(QByteArray("contacting registry ").append(hostPort.toLatin1())), err.constData());
        QVERIFY2(err.contains("no data moved") && err.contains("for 1 s"), err.constData());
        QVERIFY2(!err.contains("needs --tls-verify=false"), err.constData());
        QVERIFY2(!err.contains("does not speak TLS"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestRetry)
#include "tst_retry.moc"
