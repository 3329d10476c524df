// Cancellation and timeouts, end to end: SIGINT/SIGTERM reach every phase of a copy within a second (the real CLI
// against a fake plain-http registry that hangs at exactly one phase), --retry is the one retry loop (no hidden
// one below it, Retry-After honoured), an idle timeout names the operation it cut, and the engine's CopyJob cancels,
// is destroyed and is shut down without waiting on the network. Traffic goes to 127.0.0.1 only.
#include "support/e2e.h"
#include "support/loopbackserver.h"
#include "support/testsupport.h"

#include "copy/copyjob.h"
#include "core/runtime.h"
#include "transport/transportreference.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {

stevedore::EngineRuntime *g_runtime = nullptr; // main()'s own runtime (shut down by the last test)

const QByteArray kRepo = "team/app";

// Where the fake registry stops answering.
enum class Phase {
    None,          // answers everything: a push succeeds
    Ping,          // GET /v2/
    Token,         // the registry wants a Bearer token; the token server never answers
    ManifestRead,  // GET /v2/REPO/manifests/REF
    BlobCheck,     // HEAD /v2/REPO/blobs/DIGEST
    UploadStart,   // POST /v2/REPO/blobs/uploads/
    Chunk,         // PATCH of an upload session
    Completion,    // PUT of an upload session ?digest=
    ManifestWrite, // PUT /v2/REPO/manifests/REF (any)
    IndexWrite,    // PUT /v2/REPO/manifests/TAG (instances by digest are answered)
    Cleanup,       // PATCH, and the DELETE of the abandoned session
};

} // namespace
Q_DECLARE_METATYPE(Phase)

namespace {

enum class Kind { Ping, BlobHead, UploadStart, Patch, UploadPut, Delete, ManifestGet, ManifestPut, Other };

QByteArray pathOnly(const QByteArray &path)
{
    const qsizetype q = path.indexOf('?');
    return q < 0 ? path : path.left(q);
}

Kind kindOf(const SeenRequest &r)
{
    const QByteArray p = pathOnly(r.path);
    if (r.method == "GET" && p == "/v2/")
        return Kind::Ping;
    if (p.contains("/blobs/uploads/")) {
        if (r.method == "POST" && p.endsWith("/blobs/uploads/"))
            return Kind::UploadStart;
        if (r.method == "PATCH")
            return Kind::Patch;
        if (r.method == "PUT")
            return Kind::UploadPut;
        if (r.method == "DELETE")
            return Kind::Delete;
        return Kind::Other;
    }
    if (r.method == "HEAD" && p.contains("/blobs/"))
        return Kind::BlobHead;
    if (p.contains("/manifests/"))
        return r.method == "GET" ? Kind::ManifestGet : r.method == "PUT" ? Kind::ManifestPut : Kind::Other;
    return Kind::Other;
}

QByteArray lastSegment(const QByteArray &path)
{
    const QByteArray p = pathOnly(path);
    return QByteArray::fromPercentEncoding(p.mid(p.lastIndexOf('/') + 1));
}

QByteArray sha256Of(const QByteArray &data)
{
    return "sha256:" + QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// The request a phase hangs on.
bool hangsAt(Phase phase, const SeenRequest &r)
{
    const Kind k = kindOf(r);
    switch (phase) {
    case Phase::None:
    case Phase::Token:
        return false;
    case Phase::Ping: return k == Kind::Ping;
    case Phase::ManifestRead: return k == Kind::ManifestGet;
    case Phase::BlobCheck: return k == Kind::BlobHead;
    case Phase::UploadStart: return k == Kind::UploadStart;
    case Phase::Chunk: return k == Kind::Patch;
    case Phase::Completion: return k == Kind::UploadPut;
    case Phase::ManifestWrite: return k == Kind::ManifestPut;
    case Phase::IndexWrite: return k == Kind::ManifestPut && !lastSegment(r.path).startsWith("sha256:");
    case Phase::Cleanup: return k == Kind::Patch || k == Kind::Delete;
    }
    return false;
}

struct Logged {
    SeenRequest request;
    qint64 atMs = 0; // arrival, on the fake's clock
};

// A plain-http registry that answers a push as docker-distribution does and hangs at one phase. Its handler runs in
// the loopback server's thread; everything it shares is guarded by `mutex`.
class FakeRegistry
{
public:
    using Override = std::function<std::optional<Answer>(const SeenRequest &, const QList<Logged> &before)>;

    explicit FakeRegistry(Phase hangAt = Phase::None) : m_phase(hangAt) { m_clock.start(); }

    bool listen()
    {
        if (!m_registry.listen() || !m_token.listen())
            return false;
        m_token.hangForever();
        m_registry.setHandler([this](const SeenRequest &r) { return answer(r); });
        return true;
    }

    QString hostPort() const { return u"127.0.0.1:%1"_s.arg(m_registry.port()); }
    QString reference(const QString &tag = u"v1"_s) const
    {
        return u"docker://"_s + hostPort() + u'/' + QString::fromLatin1(kRepo) + u':' + tag;
    }
    LoopbackHttpServer &tokenServer() { return m_token; }

    // Consulted first for every request (with the requests received before it); an Answer replaces the fake's own.
    void setOverride(Override o)
    {
        QMutexLocker lock(&m_mutex);
        m_override = std::move(o);
    }

    QList<Logged> log() const
    {
        QMutexLocker lock(&m_mutex);
        return m_log;
    }
    QList<Logged> log(Kind kind) const
    {
        QList<Logged> out;
        for (const Logged &l : log())
            if (kindOf(l.request) == kind)
                out << l;
        return out;
    }
    // Whether a manifest PUT by tag was answered with success.
    bool tagged() const
    {
        QMutexLocker lock(&m_mutex);
        return m_tagged;
    }
    // The request the phase hangs on arrived (for Token: the token request).
    bool phaseReached() const
    {
        if (m_phase == Phase::Token)
            return m_token.requestCount() > 0;
        for (const Logged &l : log())
            if (hangsAt(m_phase, l.request))
                return true;
        return false;
    }
    // PATCH requests whose body is the blob `digest` (chunks are 4 MiB: a test blob goes in one PATCH).
    int patchesOf(const QString &digest) const
    {
        int n = 0;
        for (const Logged &l : log(Kind::Patch))
            if (sha256Of(l.request.body) == digest.toLatin1())
                ++n;
        return n;
    }
    QString describeLog() const
    {
        QStringList lines;
        for (const Logged &l : log())
            lines << u"%1 ms %2 %3"_s.arg(l.atMs).arg(QString::fromLatin1(l.request.method),
                                                       QString::fromLatin1(l.request.path.left(160)));
        lines << u"token server: %1 requests"_s.arg(m_token.requestCount());
        return lines.join(u'\n');
    }

private:
    Answer answer(const SeenRequest &r)
    {
        Override o;
        QList<Logged> before;
        {
            QMutexLocker lock(&m_mutex);
            before = m_log;
            m_log << Logged{r, m_clock.elapsed()};
            o = m_override;
        }
        if (o) {
            if (auto a = o(r, before))
                return *a;
        }
        if (hangsAt(m_phase, r))
            return Answer{{}, true, false};
        const Kind k = kindOf(r);
        const QByteArray path = pathOnly(r.path);
        if (m_phase == Phase::Token && !r.headers.value("authorization").startsWith("Bearer ")) {
            const QByteArray realm = m_token.origin() + "/token";
            return Answer{httpAnswer(401, "WWW-Authenticate: Bearer realm=\"" + realm + "\",service=\"x\"\r\n"
                                          "Content-Type: application/json\r\n",
                                     R"({"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]})"),
                          false, false};
        }
        switch (k) {
        case Kind::Ping:
            return ok(httpAnswer(200, "Docker-Distribution-API-Version: registry/2.0\r\n"
                                      "Content-Type: application/json\r\n", "{}"));
        case Kind::BlobHead:
            return ok(httpAnswer(404));
        case Kind::UploadStart: {
            QByteArray id;
            {
                QMutexLocker lock(&m_mutex);
                id = "session-" + QByteArray::number(++m_sessions);
            }
            return ok(httpAnswer(202, "Location: " + path + id + "\r\nRange: 0-0\r\nDocker-Upload-UUID: " + id + "\r\n"));
        }
        case Kind::Patch:
            return ok(httpAnswer(202, "Location: " + path + "\r\nRange: 0-" + QByteArray::number(r.body.size() - 1)
                                          + "\r\n"));
        case Kind::UploadPut: {
            const QByteArray digest = QByteArray::fromPercentEncoding(
                QUrl(QString::fromLatin1(r.path)).query(QUrl::FullyEncoded).toLatin1().split('=').value(1));
            const QByteArray repoPath = path.left(path.indexOf("/blobs/uploads/"));
            return ok(httpAnswer(201, "Location: " + repoPath + "/blobs/" + digest + "\r\nDocker-Content-Digest: "
                                          + digest + "\r\n"));
        }
        case Kind::Delete:
            return ok(httpAnswer(204));
        case Kind::ManifestGet:
            return ok(httpAnswer(404, "Content-Type: application/json\r\n",
                                 R"({"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]})"));
        case Kind::ManifestPut: {
            const QByteArray ref = lastSegment(r.path);
            const QByteArray digest = sha256Of(r.body);
            if (!ref.startsWith("sha256:")) {
                QMutexLocker lock(&m_mutex);
                m_tagged = true;
            }
            return ok(httpAnswer(201, "Location: " + path.left(path.lastIndexOf('/') + 1) + digest
                                          + "\r\nDocker-Content-Digest: " + digest + "\r\n"));
        }
        case Kind::Other:
            break;
        }
        return ok(httpAnswer(404));
    }
    static Answer ok(QByteArray bytes) { return Answer{std::move(bytes), false, false}; }

    const Phase m_phase;
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    Override m_override;
    QList<Logged> m_log;
    int m_sessions = 0;
    bool m_tagged = false;
    // Last, so destroyed first: their threads are stopped before anything the handler uses goes (a clean-up DELETE
    // may still arrive while the test ends).
    LoopbackHttpServer m_token;
    LoopbackHttpServer m_registry;
};

// The blobs of an image manifest in a layout written by writeTestLayout.
struct LayoutImage {
    QString dir;
    QString digest; // top level (index or manifest)
    QString config;
    QStringList layers;
};

LayoutImage writeLayout(const QString &dir, bool index)
{
    LayoutImage img;
    img.dir = dir;
    QString error;
    TestImageSpec spec;
    spec.platforms = index ? QStringList{u"linux/amd64"_s, u"linux/arm64"_s} : QStringList{u"linux/amd64"_s};
    spec.layersPerPlatform = 1;
    spec.layerSize = 64 * 1024;
    spec.gzipLayers = true; // pushed as they are: a PATCH body is the blob itself
    spec.asIndex = index;
    spec.seed = 7;
    img.digest = writeTestLayout(dir, u"v1"_s, spec, &error);
    if (img.digest.isEmpty()) {
        qWarning("writeTestLayout: %s", qPrintable(error));
        return img;
    }
    if (!index) {
        const QJsonObject m = QJsonDocument::fromJson(readFileBytes(layoutBlobPath(dir, img.digest))).object();
        img.config = m.value(u"config"_s).toObject().value(u"digest"_s).toString();
        for (const QJsonValue &l : m.value(u"layers"_s).toArray())
            img.layers << l.toObject().value(u"digest"_s).toString();
    }
    return img;
}

QString describe(const ProcessResult &r)
{
    return u"exit %1%2\nstderr: %3"_s.arg(r.exitCode).arg(r.timedOut ? u" (timed out)"_s : QString())
        .arg(QString::fromUtf8(r.err.left(4000)));
}

bool oneLine(const QByteArray &err)
{
    const QByteArray t = err.trimmed();
    return !t.isEmpty() && !t.contains('\n');
}

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

    // 3b. --retry N is N retries of the failed blob: N + 1 PATCHes of it, one of the blob that went in.
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
        const QByteArray layer = img.layers.value(0).toLatin1();
        fake.setOverride([layer](const SeenRequest &r, const QList<Logged> &) -> std::optional<Answer> {
            if (kindOf(r) == Kind::Patch && sha256Of(r.body) == layer)
                return Answer{httpAnswer(500, "Content-Type: application/json\r\n",
                                         R"({"errors":[{"code":"UNKNOWN","message":"disk on fire"}]})"),
                              false, false};
            return std::nullopt;
        });
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
        QCOMPARE(fake.patchesOf(img.config), 1);
        QVERIFY(fake.log(Kind::ManifestPut).isEmpty());
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
