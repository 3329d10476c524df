// Cancellation, end to end: SIGINT/SIGTERM reach every phase of a copy within a second (the real CLI against a fake
// plain-http registry that hangs at exactly one phase), a credential helper that hangs is killed, and the engine's
// CopyJob cancels, is destroyed and is shut down without waiting on the network. --retry and timeouts are in
// tst_retry; the fake registry both use is in support/fakeregistry.h. Traffic goes to 127.0.0.1 only.
#include "support/e2e.h"
#include "support/fakeregistry.h"
#include "support/loopbackserver.h"
#include "support/testsupport.h"

#include "copy/copyjob.h"
#include "core/runtime.h"
#include "transport/transportreference.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {

stevedore::EngineRuntime *g_runtime = nullptr; // main()'s own runtime (shut down by the last test)

} // namespace

class TestCancel : public QObject
{
    Q_OBJECT

private:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;

    QString path(const QString &name) const { return m_tmp->filePath(name); }

    // Starts the CLI, waits until the fake registry received the phase's request, sends `signalNumber` and measures
    // the time from the signal to the process's end.
    void interruptAt(const QStringList &args, int signalNumber, int expectedExit,
                     const QByteArray &expectedErr, FakeRegistry &fake)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(m_cli, args);
        QVERIFY2(p.waitForStarted(5000), qPrintable(p.errorString()));
        QDeadlineTimer reach(15000);
        while (!fake.phaseReached() && p.state() == QProcess::Running && !reach.hasExpired())
            p.waitForFinished(20);
        if (p.state() != QProcess::Running || !fake.phaseReached()) {
            p.kill();
            p.waitForFinished(5000);
            QFAIL(qPrintable(u"the phase's request never arrived (exit %1)\nstderr: %2\nrequests:\n%3"_s
                                 .arg(p.exitCode())
                                 .arg(QString::fromUtf8(p.readAllStandardError()), fake.describeLog())));
        }
        p.waitForFinished(200); // every blob in flight gets to the hanging request too
        QCOMPARE(p.state(), QProcess::Running);

        QElapsedTimer sinceSignal;
        sinceSignal.start();
        ::kill(pid_t(p.processId()), signalNumber);
        const bool finished = p.waitForFinished(10000);
        const qint64 ms = sinceSignal.elapsed();
        if (!finished) {
            p.kill();
            p.waitForFinished(5000);
        }
        const QByteArray err = p.readAllStandardError();
        qInfo("%s: exit %d %lld ms after the signal", QTest::currentDataTag() ? QTest::currentDataTag() : "",
              p.exitCode(), ms);
        QVERIFY2(finished, qPrintable(u"still running 10 s after the signal; requests:\n"_s + fake.describeLog()));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), expectedExit);
        QVERIFY2(ms < 1000, qPrintable(u"the CLI took %1 ms to stop after the signal (limit 1000 ms); requests:\n%2"_s
                                           .arg(ms)
                                           .arg(fake.describeLog())));
        QCOMPARE(err.trimmed(), expectedErr);
    }

    std::optional<stevedore::TransportReference> parse(const QString &text)
    {
        auto r = stevedore::TransportReference::parse(text);
        if (!r) {
            qWarning("%s: %s", qPrintable(text), qPrintable(r.error().message));
            return std::nullopt;
        }
        return *r;
    }

    stevedore::SystemContext engineContext()
    {
        stevedore::SystemContext ctx;
        ctx.tlsVerify = false;
        ctx.retry.maxRetries = 0;
        ctx.retry.delay = std::chrono::milliseconds(10);
        QFile auth(path(u"auth.json"_s));
        if (auth.open(QIODevice::WriteOnly))
            auth.write("{}");
        ctx.authFile = auth.fileName(); // no user's credentials
        ctx.storageRoot = path(u"store"_s);
        ctx.blobInfoCachePath = path(u"blob-info-cache.json"_s);
        return ctx;
    }

    std::unique_ptr<stevedore::CopyJob> makeJob(const LayoutImage &img, const FakeRegistry &fake)
    {
        auto src = parse(u"oci:"_s + img.dir + u":v1"_s);
        auto dst = parse(fake.reference());
        if (!src || !dst)
            return nullptr;
        return std::make_unique<stevedore::CopyJob>(*src, *dst, engineContext(), stevedore::CopyOptions{});
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo(m_cli).isExecutable())
            QFAIL(qPrintable(u"the stevedore CLI is missing at %1 (build the 'stevedore' target)"_s.arg(m_cli)));
        QVERIFY(g_runtime);
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(path(u"home"_s));
    }

    void cleanup() { m_tmp.reset(); }

    // 1. SIGINT in every phase, the server never answering there: exit 130 in under a second, one stderr line,
    //    nothing tagged.
    void sigintInEveryPhase_data()
    {
        QTest::addColumn<Phase>("phase");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("ping") << Phase::Ping << u"push"_s << QStringList{};
        QTest::newRow("token fetch") << Phase::Token << u"push"_s << QStringList{u"--creds"_s, u"alice:pw"_s};
        QTest::newRow("manifest read") << Phase::ManifestRead << u"copy"_s << QStringList{};
        QTest::newRow("blob check") << Phase::BlobCheck << u"push"_s << QStringList{};
        QTest::newRow("upload start") << Phase::UploadStart << u"push"_s << QStringList{};
        QTest::newRow("chunk upload") << Phase::Chunk << u"push"_s << QStringList{};
        QTest::newRow("upload completion") << Phase::Completion << u"push"_s << QStringList{};
        QTest::newRow("manifest write") << Phase::ManifestWrite << u"push"_s << QStringList{};
        QTest::newRow("index write --all") << Phase::IndexWrite << u"push"_s << QStringList{u"--all"_s};
        QTest::newRow("clean-up DELETE hangs") << Phase::Cleanup << u"push"_s << QStringList{};
    }
    void sigintInEveryPhase()
    {
        QFETCH(Phase, phase);
        QFETCH(QString, command);
        QFETCH(QStringList, extra);
        const LayoutImage img = writeLayout(path(u"layout"_s), phase == Phase::IndexWrite);
        QVERIFY(!img.digest.isEmpty());
        FakeRegistry fake(phase);
        QVERIFY(fake.listen());
        const QString out = path(u"out"_s);
        QVERIFY(QDir().mkpath(out));
        QStringList args{command, u"--tls-verify=false"_s, u"--progress=plain"_s};
        args << extra;
        if (command == u"copy"_s)
            args << fake.reference() << u"oci:"_s + out + u"/pulled:v1"_s;
        else
            args << u"oci:"_s + img.dir + u":v1"_s << fake.reference();

        interruptAt(args, SIGINT, 130, "stevedore " + command.toLatin1() + ": interrupted; the copy was cancelled",
                    fake);
        if (QTest::currentTestFailed())
            return;

        QVERIFY(!fake.tagged());
        if (phase != Phase::ManifestWrite && phase != Phase::IndexWrite)
            QVERIFY2(fake.log(Kind::ManifestPut).isEmpty(), qPrintable(fake.describeLog()));
        if (phase == Phase::IndexWrite) // the instances went in by digest, the index by tag never got an answer
            QCOMPARE(fake.log(Kind::ManifestPut).size(), 3);
        if (command == u"copy"_s) // nothing written at the oci: destination, no temporary folder left
            QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{});
        if (phase == Phase::Cleanup) {
            // The abandoned session was DELETEd (and that request hung too: the exit above did not wait for it).
            QTRY_VERIFY_WITH_TIMEOUT(!fake.log(Kind::Delete).isEmpty(), 3000);
            QStringList sessions;
            for (const Logged &l : fake.log(Kind::Patch))
                sessions << QString::fromLatin1(pathOnly(l.request.path));
            for (const Logged &l : fake.log(Kind::Delete))
                QVERIFY2(sessions.contains(QString::fromLatin1(pathOnly(l.request.path))), l.request.path.constData());
        }
    }

    // 2. SIGTERM likewise: 143.
    void sigtermCancels()
    {
        const LayoutImage img = writeLayout(path(u"layout"_s), false);
        QVERIFY(!img.digest.isEmpty());
        FakeRegistry fake(Phase::Chunk);
        QVERIFY(fake.listen());
        interruptAt(
                    {u"push"_s, u"--tls-verify=false"_s, u"--progress=plain"_s, u"oci:"_s + img.dir + u":v1"_s,
                     fake.reference()},
                    SIGTERM, 143, "stevedore push: interrupted; the copy was cancelled", fake);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!fake.tagged());
    }

    // A credential helper that never answers (docker's credsStore): SIGINT kills it and ends the push at once.
    void sigintWhileACredentialHelperHangs()
    {
        const LayoutImage img = writeLayout(path(u"layout"_s), false);
        QVERIFY(!img.digest.isEmpty());
        FakeRegistry fake(Phase::Ping);
        QVERIFY(fake.listen());
        const QString bin = path(u"bin"_s);
        const QString started = path(u"helper-started"_s);
        QVERIFY(QDir().mkpath(bin));
        QFile helper(bin + u"/docker-credential-stuck"_s);
        QVERIFY(helper.open(QIODevice::WriteOnly));
        helper.write("#!/bin/sh\ntouch '" + started.toUtf8() + "'\nexec sleep 60\n");
        helper.close();
        QVERIFY(helper.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        const QString dockerConfig = m_env.value(u"DOCKER_CONFIG"_s);
        QFile config(dockerConfig + u"/config.json"_s);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"credsStore\":\"stuck\"}");
        config.close();

        QProcessEnvironment env = m_env;
        env.insert(u"PATH"_s, bin + u':' + m_env.value(u"PATH"_s));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(m_cli, {u"push"_s, u"--tls-verify=false"_s, u"-q"_s, u"oci:"_s + img.dir + u":v1"_s, fake.reference()});
        QVERIFY2(p.waitForStarted(5000), qPrintable(p.errorString()));
        QDeadlineTimer reach(15000);
        while (!QFileInfo::exists(started) && p.state() == QProcess::Running && !reach.hasExpired())
            p.waitForFinished(20);
        QVERIFY2(QFileInfo::exists(started), p.readAllStandardError().constData());
        QCOMPARE(p.state(), QProcess::Running);
        QElapsedTimer sinceSignal;
        sinceSignal.start();
        ::kill(pid_t(p.processId()), SIGINT);
        const bool finished = p.waitForFinished(10000);
        const qint64 ms = sinceSignal.elapsed();
        if (!finished) {
            p.kill();
            p.waitForFinished(5000);
        }
        qInfo("exit %d %lld ms after the signal", p.exitCode(), ms);
        QVERIFY2(finished, "still running 10 s after the signal");
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(ms < 1000, qPrintable(u"%1 ms"_s.arg(ms)));
        QCOMPARE(p.readAllStandardError().trimmed(), QByteArray("stevedore push: interrupted; the copy was cancelled"));
        QVERIFY(fake.log(Kind::ManifestPut).isEmpty());
    }

    // 5a. The engine directly: cancel() of a job waiting on a hanging registry ends it within a second.
    void engineCancelEndsTheJob_data()
    {
        QTest::addColumn<Phase>("phase");
        QTest::newRow("ping") << Phase::Ping;
        QTest::newRow("chunk upload") << Phase::Chunk;
        QTest::newRow("manifest write") << Phase::ManifestWrite;
    }
    void engineCancelEndsTheJob()
    {
        QFETCH(Phase, phase);
        const LayoutImage img = writeLayout(path(u"layout"_s), false);
        QVERIFY(!img.digest.isEmpty());
        FakeRegistry fake(phase);
        QVERIFY(fake.listen());
        auto job = makeJob(img, fake);
        QVERIFY(job);
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(fake.phaseReached(), 15000);
        QTest::qWait(100);
        QCOMPARE(job->state(), stevedore::Job::State::Running);
        QElapsedTimer t;
        t.start();
        job->cancel();
        const bool finished = job->waitForFinished(5000);
        const qint64 ms = t.elapsed();
        qInfo("finished %lld ms after cancel()", ms);
        QVERIFY(finished);
        QVERIFY2(ms < 1000, qPrintable(u"%1 ms"_s.arg(ms)));
        QCOMPARE(job->state(), stevedore::Job::State::Cancelled);
        QVERIFY(!fake.tagged());
    }

    // 5b. Destroying a running job returns at once, its work still ends within a second, and the engine copies on.
    void destroyingARunningJob()
    {
        const LayoutImage img = writeLayout(path(u"layout"_s), false);
        QVERIFY(!img.digest.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(g_runtime->runningJobs(), 0, 5000);
        {
            FakeRegistry hanging(Phase::Chunk);
            QVERIFY(hanging.listen());
            auto job = makeJob(img, hanging);
            QVERIFY(job);
            job->start();
            QTRY_VERIFY_WITH_TIMEOUT(hanging.phaseReached(), 15000);
            QCOMPARE(g_runtime->runningJobs(), 1);
            QElapsedTimer t;
            t.start();
            job.reset();
            const qint64 ms = t.elapsed();
            qInfo("~CopyJob took %lld ms", ms);
            QVERIFY2(ms < 100, qPrintable(u"%1 ms"_s.arg(ms)));
            t.restart();
            QTRY_COMPARE_WITH_TIMEOUT(g_runtime->runningJobs(), 0, 1000); // the work itself stopped
            qInfo("its work ended %lld ms later", t.elapsed());
            QVERIFY(!hanging.tagged());
        }
        FakeRegistry fine;
        QVERIFY(fine.listen());
        auto job = makeJob(img, fine);
        QVERIFY(job);
        job->start();
        QVERIFY(job->waitForFinished(20000));
        QVERIFY2(job->state() == stevedore::Job::State::Succeeded,
                 qPrintable(job->error() ? job->error()->message : u"no error"_s));
        QCOMPARE(job->resultDigest().toString(), img.digest);
        QVERIFY(fine.tagged());
    }

    // 5c. Last: the runtime's shutdown cancels a running job and returns promptly.
    void runtimeShutdownCancelsRunningJobs()
    {
        const LayoutImage img = writeLayout(path(u"layout"_s), false);
        QVERIFY(!img.digest.isEmpty());
        FakeRegistry fake(Phase::Chunk);
        QVERIFY(fake.listen());
        auto job = makeJob(img, fake);
        QVERIFY(job);
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(fake.phaseReached(), 15000);
        QElapsedTimer t;
        t.start();
        g_runtime->shutdown();
        const qint64 ms = t.elapsed();
        qInfo("shutdown took %lld ms", ms);
        QVERIFY2(ms < 1500, qPrintable(u"%1 ms"_s.arg(ms)));
        QVERIFY(job->waitForFinished(1000));
        QCOMPARE(job->state(), stevedore::Job::State::Cancelled);
        QCOMPARE(g_runtime->runningJobs(), 0);
        QVERIFY(!fake.tagged());
    }
};

// The engine's runtime is the test's own, as in the CLI's main(): created after the application object.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    stevedore::EngineRuntime runtime;
    g_runtime = &runtime;
    TestCancel tc;
    QTEST_SET_MAIN_SOURCE_PATH
    const int rc = QTest::qExec(&tc, argc, argv);
    runtime.shutdown();
    g_runtime = nullptr;
    return rc;
}

#include "tst_cancel.moc"
