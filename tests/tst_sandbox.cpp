// The sandbox (a new user's first push): the real `stevedore sandbox` starts Debian's docker-registry on a loopback
// port, pushes the sample image it made in the local store, and stops the registry; skopeo reads the pushed image
// back from a sandbox started through the engine API. Faults: no registry program, a program that exits at once,
// an owner killed with SIGKILL (the registry goes with it). Network only to 127.0.0.1.
#include "support/e2e.h"
#include "support/testsupport.h"

#include "ops/sandbox.h"
#include "transport/store/localstore.h"
#include "transport/systemcontext.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using namespace stevedore;
using namespace stevedore::test;

namespace {

constexpr int kRunTimeout = 60000;

// Whether the port stops answering within `ms`.
bool portClosesWithin(quint16 port, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        if (!portAnswers(port))
            return true;
        QThread::msleep(100);
    }
    return !portAnswers(port);
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    std::unique_ptr<QTemporaryDir> m_tmp; // per test: HOME, the store and the sandbox's folder
    QProcessEnvironment m_env;

    QString home() const { return m_tmp->filePath(u"home"_s); }
    QString sandboxDir() const { return home() + u"/.local/share/stevedore/sandbox-registry"_s; }
    QString storeRoot() const { return home() + u"/.local/share/stevedore/storage"_s; }

    static QString describe(const ProcessResult &r)
    {
        return u"exit %1%2\nstdout: %3\nstderr: %4"_s.arg(r.exitCode).arg(r.timedOut ? u" (timed out)"_s : QString())
            .arg(QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
    }

    ProcessResult stevedore(const QStringList &args) { return runProcess(m_cli, args, kRunTimeout, m_env); }

    // "Pushed NAME to docker://127.0.0.1:PORT/..." -> PORT, or 0.
    static quint16 pushedPort(const QByteArray &out)
    {
        static const QRegularExpression re(u"^Pushed \\S+ to docker://127\\.0\\.0\\.1:(\\d+)/"_s,
                                           QRegularExpression::MultilineOption);
        const auto m = re.match(QString::fromUtf8(out));
        return m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
    }

    // "Wrote manifest sha256:..." of the push's plain progress (the registry's manifest has the layer gzipped).
    static QString wroteDigest(const QByteArray &out)
    {
        static const QRegularExpression re(u"^Wrote manifest (sha256:[0-9a-f]{64})$"_s, QRegularExpression::MultilineOption);
        return re.match(QString::fromUtf8(out)).captured(1);
    }

    // The digest the registry's storage records for REPO:TAG (its tag link), or empty.
    QString storedTag(const QString &repo, const QString &tag) const
    {
        return QString::fromUtf8(readFileBytes(sandboxDir() + u"/storage/docker/registry/v2/repositories/"_s + repo
                                               + u"/_manifests/tags/"_s + tag + u"/current/link"_s))
            .trimmed();
    }

private slots:
    void initTestCase()
    {
        const QString missing = missingE2ePeers(m_cli, {u"skopeo"_s, u"docker-registry"_s});
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(home());
        m_env.remove(u"STEVEDORE_SANDBOX_DIR"_s);
        m_env.remove(u"STEVEDORE_REGISTRY_PROGRAM"_s);
    }

    // A new user's first run: the sample image is made, pushed with progress, the registry stopped; the second run
    // finds the image and the registry's content where they were (same port, nothing sent again).
    void firstPushWithNoSetUp()
    {
        ProcessResult r = stevedore({u"sandbox"_s, u"--progress=plain"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY2(r.out.contains("Made the sample image localhost/stevedore/sample:latest in the local store"),
                 qPrintable(describe(r)));
        QVERIFY2(r.out.contains("Sandbox registry: http://127.0.0.1:"), qPrintable(describe(r)));
        QVERIFY2(r.out.contains(": done"), qPrintable(describe(r))); // the live progress lines
        const quint16 port = pushedPort(r.out);
        QVERIFY2(port != 0, qPrintable(describe(r)));
        QVERIFY2(r.out.contains("The sandbox registry is stopped"), qPrintable(describe(r)));
        QVERIFY2(!portAnswers(port), "the sandbox registry still answers after the command ended");

        // The registry holds what the push wrote (the local image with its layer gzipped on the way).
        const QString digest = wroteDigest(r.out);
        QVERIFY2(!digest.isEmpty(), qPrintable(describe(r)));
        QCOMPARE(storedTag(u"stevedore/sample"_s, u"latest"_s), digest);
        QCOMPARE(fileMode(sandboxDir()), 0700);
        QCOMPARE(fileMode(sandboxDir() + u"/config.yml"_s), 0600); // it holds the upload sessions' secret

        r = stevedore({u"sandbox"_s, u"--progress=plain"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY2(!r.out.contains("Made the sample image"), qPrintable(describe(r)));
        QCOMPARE(pushedPort(r.out), port);
        QVERIFY2(r.out.contains(": skipped"), qPrintable(describe(r))); // every blob already there
        static const QRegularExpression sent(u"^blob \\S+: done"_s, QRegularExpression::MultilineOption);
        QVERIFY2(!sent.match(QString::fromUtf8(r.out)).hasMatch(), qPrintable(describe(r))); // nothing sent again
    }

    // The sample image is the same bytes on every machine of one platform: made twice, one digest; and a local
    // image given by name is pushed under its own repository.
    void sampleIsDeterministicAndOtherImagesGo()
    {
        SystemContext a, b;
        a.storageRoot = m_tmp->filePath(u"store-a"_s);
        b.storageRoot = m_tmp->filePath(u"store-b"_s);
        auto madeA = ensureSampleImage(a, CancelToken());
        QVERIFY2(madeA, madeA ? "" : qPrintable(madeA.error().message));
        QVERIFY(*madeA);
        auto again = ensureSampleImage(a, CancelToken());
        QVERIFY(again && !*again); // there already: left alone
        QVERIFY(ensureSampleImage(b, CancelToken()));
        auto name = ImageReference::parse(sampleImageName());
        QVERIFY(name);
        auto imgA = LocalStore(a.storageRoot).find(*name);
        auto imgB = LocalStore(b.storageRoot).find(*name);
        QVERIFY(imgA && imgB);
        QCOMPARE(imgA->descriptor.digest.toString(), imgB->descriptor.digest.toString());

        ProcessResult r = stevedore({u"tag"_s, sampleImageName(), u"team/app:v2"_s});
        QVERIFY2(!r.ok(), "tag of an image that is not in this HOME's store succeeded"); // the store is empty
        QVERIFY(ensureSampleImage([this] { SystemContext c; c.storageRoot = storeRoot(); return c; }(), CancelToken()));
        r = stevedore({u"tag"_s, sampleImageName(), u"team/app:v2"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"sandbox"_s, u"--progress=plain"_s, u"team/app:v2"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY2(r.out.contains("/team/app:v2"), qPrintable(describe(r)));
        QVERIFY(!r.out.contains("Made the sample image"));
        QCOMPARE(storedTag(u"team/app"_s, u"v2"_s), wroteDigest(r.out));
        QVERIFY(!wroteDigest(r.out).isEmpty());

        r = stevedore({u"sandbox"_s, u"oci:/nowhere:v1"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("IMAGE must be a local store name"), qPrintable(describe(r)));
    }

    // Through the engine (as the GUI uses it): skopeo reads the pushed sample back, layer and all.
    void engineSandboxServesSkopeo()
    {
        const ProcessResult first = stevedore({u"sandbox"_s, u"-q"_s});
        QVERIFY2(first.ok(), qPrintable(describe(first)));
        SandboxRegistry sandbox(sandboxDir());
        auto started = sandbox.start(CancelToken());
        QVERIFY2(started, started ? "" : qPrintable(started.error().message));
        QVERIFY(sandbox.isRunning());
        QVERIFY(portAnswers(sandbox.port()));
        const QString dest = u"docker://%1/stevedore/sample:latest"_s.arg(sandbox.host());
        const QString skopeo = findTool(u"skopeo"_s);
        ProcessResult r = runProcess(skopeo, {u"--insecure-policy"_s, u"copy"_s, u"--src-tls-verify=false"_s, dest,
                                              u"oci:"_s + m_tmp->filePath(u"back"_s) + u":v1"_s},
                                     kRunTimeout, m_env);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QJsonObject index = readJsonObject(m_tmp->filePath(u"back/index.json"_s));
        const QString manifestDigest = index.value(u"manifests"_s).toArray().at(0).toObject().value(u"digest"_s).toString();
        const QJsonObject manifest = QJsonDocument::fromJson(
            readFileBytes(layoutBlobPath(m_tmp->filePath(u"back"_s), manifestDigest))).object();
        const QString layer = manifest.value(u"layers"_s).toArray().at(0).toObject().value(u"digest"_s).toString();
        const QByteArray tar = gunzipBytes(readFileBytes(layoutBlobPath(m_tmp->filePath(u"back"_s), layer)));
        QVERIFY2(tar.contains("Hello from a container image pushed by Stevedore."), "the sample layer's file");
        QVERIFY(tar.contains("stevedore/README.txt"));
        const quint16 port = sandbox.port();
        sandbox.stop();
        QVERIFY(!sandbox.isRunning());
        QVERIFY(portClosesWithin(port, 3000));
    }

    // A registry that cannot run: a clear error naming it, exit 1, nothing left running.
    void registryProgramFaults_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << u"/nonexistent/docker-registry"_s << u"cannot start /nonexistent/docker-registry"_s;
        QTest::newRow("exits at once") << u"/bin/false"_s << u"the sandbox registry stopped at once (exit 1)"_s;
    }

    void registryProgramFaults()
    {
        QFETCH(QString, program);
        QFETCH(QString, message);
        m_env.insert(u"STEVEDORE_REGISTRY_PROGRAM"_s, program);
        const ProcessResult r = stevedore({u"sandbox"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message.toUtf8()), qPrintable(describe(r)));
        QVERIFY2(!r.out.contains("Pushed"), qPrintable(describe(r)));
    }

    // Stopped when the app quits — even when it is killed: --serve keeps it for skopeo; SIGKILL of stevedore takes
    // the registry down within seconds; Ctrl-C stops it cleanly.
    void serveStopsWithItsOwner()
    {
        for (const int sig : {SIGINT, SIGKILL}) {
            QProcess p;
            p.setProcessEnvironment(m_env);
            p.start(m_cli, {u"sandbox"_s, u"--serve"_s, u"-q"_s});
            QVERIFY(p.waitForStarted(10000));
            QByteArray out;
            QDeadlineTimer deadline(30000);
            while (!out.contains("keeps running") && !deadline.hasExpired() && p.state() == QProcess::Running) {
                p.waitForReadyRead(500);
                out += p.readAllStandardOutput();
            }
            QVERIFY2(out.contains("keeps running"), out.constData());
            const quint16 port = pushedPort(out);
            QVERIFY(port != 0);
            QVERIFY(portAnswers(port));
            ::kill(pid_t(p.processId()), sig);
            QVERIFY(p.waitForFinished(10000));
            if (sig == SIGINT) {
                QCOMPARE(p.exitCode(), 0);
                QVERIFY(p.readAllStandardOutput().contains("The sandbox registry is stopped."));
            }
            QVERIFY2(portClosesWithin(port, 5000), qPrintable(u"signal %1: the registry outlived stevedore"_s.arg(sig)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
