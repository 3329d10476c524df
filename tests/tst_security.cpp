// The URL policy and the secrets rules, end to end: every URL a server hands back (redirects, upload Locations,
// pagination Links, token realms) goes through one policy, credentials go only to their exact origin, an https
// registry never continues over plain http unless marked insecure, and nothing printed or logged carries a secret
// or a server's control characters. Loopback trap servers (plain and TLS) record every byte they receive, so each
// test can prove what did NOT arrive where it must not. Traffic goes to 127.0.0.1 only.
#include "registry/registryclient.h"
#include "registry/registryerrors.h"
#include "core/error.h"
#include "support/e2e.h"
#include "support/loopbackserver.h"
#include "support/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <atomic>
#include <csignal>
#include <functional>
#include <memory>
#include <optional>

#include <sys/prctl.h>

using namespace Qt::StringLiterals;
using namespace stevedore;
using stevedore::test::httpAnswer;
using stevedore::test::LoopbackHttpServer;
using stevedore::test::ProcessResult;
using Seen = stevedore::test::SeenRequest;
using Answer = stevedore::test::Answer;

namespace {

const QString kUser = u"alice"_s;
const QString kPassword = u"S3cret-Pw"_s;
const QByteArray kBasic = "Basic " + QByteArray("alice:S3cret-Pw").toBase64();
const QByteArray kBasicBlob = QByteArray("alice:S3cret-Pw").toBase64();
const QByteArray kToken1 = "T0ken-Value-0001";
const QByteArray kToken2 = "T0ken-Value-0002";

const QByteArray kEmptyIndex =
    "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}";
const QByteArray kIndexType = "Content-Type: application/vnd.oci.image.index.v1+json\r\n";

// ---- log capture: every stevedore.* line of this process, checked for secrets at the end ----

QStringList g_logLines;
QMutex g_logMutex;
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    if (ctx.category && QByteArray(ctx.category).startsWith("stevedore.")) {
        QMutexLocker lock(&g_logMutex);
        g_logLines << msg;
    } else if (g_previousHandler) {
        g_previousHandler(type, ctx, msg);
    }
}

qint64 statusField(const QString &path, const QByteArray &field)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

qint64 rssKiB()
{
    return statusField(u"/proc/self/status"_s, "VmRSS:");
}

// A CA (ca.crt/ca.key) and a server certificate for IP 127.0.0.1 (server.crt/key) signed by it.
bool makePki(const QString &d, QString *error)
{
    const QString openssl = stevedore::test::findTool(u"openssl"_s);
    if (openssl.isEmpty()) {
        *error = u"openssl is missing: install it (scripts/install-deps.sh --test)"_s;
        return false;
    }
    QFile ext(d + u"/ext.cnf"_s);
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("[srv]\nsubjectAltName=IP:127.0.0.1\n");
    ext.close();
    const QList<QStringList> steps = {
        {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, d + u"/ca.key"_s, u"-out"_s,
         d + u"/ca.crt"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=stevedore-security-test-ca"_s},
        {u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, d + u"/server.key"_s, u"-out"_s,
         d + u"/server.csr"_s, u"-subj"_s, u"/CN=127.0.0.1"_s},
        {u"x509"_s, u"-req"_s, u"-in"_s, d + u"/server.csr"_s, u"-CA"_s, d + u"/ca.crt"_s, u"-CAkey"_s, d + u"/ca.key"_s,
         u"-CAcreateserial"_s, u"-out"_s, d + u"/server.crt"_s, u"-days"_s, u"2"_s, u"-extfile"_s, d + u"/ext.cnf"_s,
         u"-extensions"_s, u"srv"_s},
    };
    for (const QStringList &args : steps) {
        const auto r = stevedore::test::runProcess(openssl, args, 60000);
        if (!r.ok()) {
            *error = QString::fromLocal8Bit(r.err);
            return false;
        }
    }
    return true;
}

QByteArray sha256(const QByteArray &data)
{
    return stevedore::test::sha256Digest(data).toLatin1();
}

QByteArray unauthorized()
{
    return httpAnswer(401, "WWW-Authenticate: Basic realm=\"x\"\r\nContent-Type: application/json\r\n",
                      "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
}

QByteArray jsonError(int status, const QByteArray &code, const QString &message)
{
    const QJsonObject e{{u"code"_s, QString::fromLatin1(code)}, {u"message"_s, message}};
    return httpAnswer(status, "Content-Type: application/json\r\n",
                      QJsonDocument(QJsonObject{{u"errors"_s, QJsonArray{e}}}).toJson(QJsonDocument::Compact));
}

// Whether any request `server` received carried an Authorization header.
int authorizedRequests(const LoopbackHttpServer &server)
{
    int n = 0;
    for (const Seen &r : server.seen())
        n += r.hasHeader("authorization");
    return n;
}

// Nothing of the password (plain or as a Basic blob) arrived at `server`.
bool sawNoSecret(const LoopbackHttpServer &server)
{
    const QByteArray all = server.allReceived();
    return !all.contains(kPassword.toUtf8()) && !all.contains(kBasicBlob);
}

// A registry speaking just enough of the distribution protocol for `stevedore push`, on a loopback server:
// GET /v2/, HEAD blobs (404: everything is uploaded), POST upload sessions, PATCH chunks, PUT ?digest= (checked
// against the bytes of the session), PUT manifests (answered with their Docker-Content-Digest). Upload sessions are
// created on demand, so one FakeRegistry can be the target of another one's upload Locations. Hooks are set before
// start().
class FakeRegistry
{
public:
    explicit FakeRegistry(const std::optional<QSslConfiguration> &tls, QByteArray requiredAuthorization = {})
        : m_server(tls), m_required(std::move(requiredAuthorization))
    {
    }

    // Answers first when it returns a value (after the credentials check).
    std::function<std::optional<QByteArray>(const Seen &)> before;
    // The Location of upload session `n` (POST answer); default: relative "/upload/n".
    std::function<QByteArray(int n)> uploadLocation;
    // The Docker-Content-Digest of a manifest PUT; default: the digest of the bytes received.
    std::function<QByteArray(const QByteArray &manifest)> manifestDigest;

    bool start()
    {
        m_server.setHandler([this](const Seen &r) { return Answer{handle(r), false, false}; });
        return m_server.listen();
    }
    LoopbackHttpServer &server() { return m_server; }
    quint16 port() const { return m_server.port(); }
    QString hostPort() const { return u"127.0.0.1:%1"_s.arg(m_server.port()); }

    QList<QByteArray> manifests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_manifests;
    }
    QList<QByteArray> blobs() const // committed blob digests
    {
        QMutexLocker lock(&m_mutex);
        return m_blobs;
    }
    int count(const QByteArray &method, const QByteArray &pathPart) const
    {
        int n = 0;
        for (const Seen &r : m_server.seen())
            n += r.method == method && r.path.contains(pathPart);
        return n;
    }

private:
    static int sessionOf(const QByteArray &path)
    {
        const qsizetype at = path.indexOf("/upload/");
        if (at < 0)
            return -1;
        QByteArray rest = path.mid(at + 8);
        const qsizetype q = rest.indexOf('?');
        if (q >= 0)
            rest.truncate(q);
        bool ok = false;
        const int n = rest.toInt(&ok);
        return ok ? n : -1;
    }

    QByteArray handle(const Seen &r)
    {
        if (!m_required.isEmpty() && r.headers.value("authorization") != m_required)
            return unauthorized();
        if (before)
            if (auto a = before(r))
                return *a;
        const QByteArray path = r.path;
        if (path == "/v2/" || path == "/v2")
            return httpAnswer(200, "Content-Type: application/json\r\n", "{}");
        if (r.method == "HEAD")
            return httpAnswer(404);
        if (r.method == "POST" && path.contains("/blobs/uploads/")) {
            int n;
            {
                QMutexLocker lock(&m_mutex);
                n = ++m_nextSession;
                m_sessions.insert(n, {});
            }
            const QByteArray location = uploadLocation ? uploadLocation(n) : "/upload/" + QByteArray::number(n);
            return httpAnswer(202, "Location: " + location + "\r\nRange: 0-0\r\nDocker-Upload-UUID: u"
                                       + QByteArray::number(n) + "\r\n");
        }
        const int session = sessionOf(path);
        if (session > 0 && r.method == "PATCH") {
            int parts;
            qsizetype size;
            {
                QMutexLocker lock(&m_mutex);
                m_sessions[session] += r.body;
                parts = ++m_parts[session];
                size = m_sessions.value(session).size();
            }
            // Relative: it must resolve against this server's URL, wherever the session was opened.
            return httpAnswer(202, "Location: /upload/" + QByteArray::number(session) + "?part="
                                       + QByteArray::number(parts + 1) + "\r\nRange: 0-"
                                       + QByteArray::number(size - 1) + "\r\n");
        }
        if (session > 0 && r.method == "PUT") {
            const QString query = QString::fromLatin1(path.mid(path.indexOf('?') + 1));
            const QByteArray digest = QUrlQuery(query).queryItemValue(u"digest"_s, QUrl::FullyDecoded).toLatin1();
            QByteArray bytes;
            {
                QMutexLocker lock(&m_mutex);
                m_sessions[session] += r.body;
                bytes = m_sessions.value(session);
            }
            if (sha256(bytes) != digest)
                return jsonError(400, "DIGEST_INVALID", u"provided digest did not match uploaded content"_s);
            {
                QMutexLocker lock(&m_mutex);
                m_blobs << digest;
            }
            return httpAnswer(201, "Docker-Content-Digest: " + digest + "\r\nLocation: /v2/blobs/" + digest + "\r\n");
        }
        if (r.method == "PUT" && path.contains("/manifests/")) {
            {
                QMutexLocker lock(&m_mutex);
                m_manifests << r.body;
            }
            const QByteArray digest = manifestDigest ? manifestDigest(r.body) : sha256(r.body);
            return httpAnswer(201, "Docker-Content-Digest: " + digest + "\r\nLocation: " + path + "\r\n");
        }
        if (r.method == "GET" && path.contains("/manifests/"))
            return jsonError(404, "MANIFEST_UNKNOWN", u"manifest unknown"_s);
        return httpAnswer(404);
    }

    LoopbackHttpServer m_server;
    QByteArray m_required;
    mutable QMutex m_mutex;
    int m_nextSession = 0;
    QHash<int, QByteArray> m_sessions;
    QHash<int, int> m_parts;
    QList<QByteArray> m_manifests;
    QList<QByteArray> m_blobs;
};

// A plain-http server that answers every request with 200 and a JSON body that never ends ({"token":"xxxx...), as
// fast as the client takes it, until the client goes away or `cap` bytes were handed to the socket. Counts what
// it sent, so a test can prove that the client stopped reading early.
class EndlessServer final
{
public:
    explicit EndlessServer(qint64 cap) : d(std::make_unique<Impl>())
    {
        d->cap = cap;
        d->moveToThread(&d->thread);
        d->thread.start();
    }
    ~EndlessServer()
    {
        Impl *impl = d.get();
        QMetaObject::invokeMethod(impl, [impl] {
            delete impl->server; // and its sockets
            impl->server = nullptr;
        }, Qt::BlockingQueuedConnection);
        d->thread.quit();
        d->thread.wait();
    }
    bool listen()
    {
        Impl *impl = d.get();
        QMetaObject::invokeMethod(impl, [impl] { impl->start(); }, Qt::BlockingQueuedConnection);
        return d->port != 0;
    }
    quint16 port() const { return d->port; }
    qint64 sent() const { return d->sent.load(); }
    int requests() const { return d->requests.load(); }
    QByteArray received() const
    {
        QMutexLocker lock(&d->mutex);
        return d->received;
    }

private:
    class Impl final : public QObject
    {
    public:
        QThread thread;
        QTcpServer *server = nullptr;
        quint16 port = 0;
        qint64 cap = 0;
        std::atomic<qint64> sent{0};
        std::atomic<int> requests{0};
        mutable QMutex mutex;
        QByteArray received;

        void start()
        {
            server = new QTcpServer(this);
            connect(server, &QTcpServer::newConnection, this, [this] {
                while (QTcpSocket *s = server->nextPendingConnection()) {
                    auto head = std::make_shared<QByteArray>();
                    auto started = std::make_shared<bool>(false);
                    connect(s, &QTcpSocket::readyRead, this, [this, s, head, started] {
                        const QByteArray in = s->readAll();
                        {
                            QMutexLocker lock(&mutex);
                            received += in;
                        }
                        if (*started)
                            return;
                        *head += in;
                        if (!head->contains("\r\n\r\n"))
                            return;
                        *started = true;
                        ++requests;
                        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                                 "{\"token\":\"");
                        pump(s);
                    });
                    connect(s, &QTcpSocket::bytesWritten, this, [this, s, started] {
                        if (*started)
                            pump(s);
                    });
                }
            });
            if (server->listen(QHostAddress::LocalHost, 0))
                port = server->serverPort();
        }

        void pump(QTcpSocket *s)
        {
            static const QByteArray chunk(256 * 1024, 'x');
            while (s->state() == QAbstractSocket::ConnectedState && s->bytesToWrite() < 1024 * 1024 && sent.load() < cap) {
                s->write(chunk);
                sent += chunk.size();
            }
            if (sent.load() >= cap)
                s->disconnectFromHost();
        }
    };
    std::unique_ptr<Impl> d;
};

// A CLI run with its peak resident size, sampled from /proc while it runs (VmHWM is monotonic: the last sample
// before the exit is the peak of everything before it).
struct MeasuredRun {
    ProcessResult result;
    qint64 peakKiB = -1;
    qint64 elapsedMs = 0;
};

MeasuredRun runMeasured(const QString &program, const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
{
    MeasuredRun m;
    QProcess p;
    p.setProcessEnvironment(env);
    p.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        m.result.crashed = true;
        m.result.err = p.errorString().toLocal8Bit();
        return m;
    }
    p.closeWriteChannel();
    const QString status = u"/proc/%1/status"_s.arg(p.processId());
    for (;;) {
        m.peakKiB = std::max(m.peakKiB, statusField(status, "VmHWM:"));
        if (p.waitForFinished(10))
            break;
        if (timer.elapsed() > timeoutMs) {
            m.result.timedOut = true;
            p.kill();
            p.waitForFinished(5000);
            break;
        }
    }
    m.elapsedMs = timer.elapsed();
    m.result.out = p.readAllStandardOutput();
    m.result.err = p.readAllStandardError();
    if (!m.result.timedOut) {
        m.result.crashed = p.exitStatus() != QProcess::NormalExit;
        m.result.exitCode = m.result.crashed ? -1 : p.exitCode();
    }
    return m;
}

} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT

private:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    QTemporaryDir m_pki;
    QString m_caDir; // --cert-dir / RegistryConfig::certDir: ca.crt only
    QSslConfiguration m_tls;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;
    QString m_layout;
    QString m_digest; // the layout's manifest digest

    QString path(const QString &name) const { return m_tmp->filePath(name); }

    ProcessResult stevedore(const QStringList &args, int timeoutMs = 30000)
    {
        return stevedore::test::runProcess(m_cli, args, timeoutMs, m_env);
    }

    static QString describe(const ProcessResult &r)
    {
        return u"exit %1%2\nstdout: %3\nstderr: %4"_s.arg(r.exitCode).arg(r.timedOut ? u" (timed out)"_s : QString())
            .arg(QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
    }

    QStringList pushArgs(const QString &hostPort, const QStringList &options, const QString &repoTag = u"team/app:v1"_s)
    {
        return QStringList{u"push"_s} + options
               + QStringList{u"oci:"_s + m_layout + u":v1"_s, u"docker://"_s + hostPort + u'/' + repoTag};
    }
    QStringList tlsCreds() const { return {u"--cert-dir"_s, m_caDir, u"--creds"_s, kUser + u':' + kPassword}; }

    // Exit 1 (a failed operation, not a usage error), no crash, no hang, exactly one line on stderr, and the
    // password nowhere in the output.
    void verifyFailure(const ProcessResult &r, int exitCode = 1)
    {
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        QVERIFY2(!r.timedOut && !r.crashed, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, exitCode);
        const QByteArray err = r.err.trimmed();
        QVERIFY2(!err.isEmpty(), "a failure must say why on stderr");
        QVERIFY2(!err.contains('\n'), qPrintable(u"one line expected on stderr:\n"_s + QString::fromUtf8(err)));
        verifyNoSecretInOutput(r);
    }

    void verifyNoSecretInOutput(const ProcessResult &r)
    {
        for (const QByteArray &s : {kPassword.toUtf8(), kBasicBlob}) {
            QVERIFY2(!r.err.contains(s), qPrintable(u"stderr carries a secret: "_s + QString::fromUtf8(r.err)));
            QVERIFY2(!r.out.contains(s), qPrintable(u"stdout carries a secret: "_s + QString::fromUtf8(r.out)));
        }
    }

    std::optional<QSslConfiguration> tls() const { return m_tls; }

    RegistryConfig tlsConfig(quint16 port, bool withCreds = true) const
    {
        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(port);
        c.certDir = m_caDir;
        c.idleTimeout = std::chrono::milliseconds(10000);
        if (withCreds)
            c.credentials = Credentials{kUser, kPassword, {}};
        return c;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!QFileInfo(m_cli).isExecutable())
            QFAIL(qPrintable(u"the stevedore CLI is missing at %1 (build the 'stevedore' target)"_s.arg(m_cli)));
        QVERIFY(m_pki.isValid());
        QString error;
        QVERIFY2(makePki(m_pki.path(), &error), qPrintable(error));
        m_caDir = m_pki.filePath(u"certs"_s);
        QVERIFY(QDir().mkpath(m_caDir) && QFile::copy(m_pki.filePath(u"ca.crt"_s), m_caDir + u"/ca.crt"_s));
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setLocalCertificate(QSslCertificate::fromPath(m_pki.filePath(u"server.crt"_s)).value(0));
        QFile keyFile(m_pki.filePath(u"server.key"_s));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        m_tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        QVERIFY(!m_tls.localCertificate().isNull() && !m_tls.privateKey().isNull());
        g_previousHandler = qInstallMessageHandler(captureLog);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        // Whatever the engine logged at debug level in this process, no secret is in it.
        QMutexLocker lock(&g_logMutex);
        QVERIFY(!g_logLines.isEmpty());
        const QString all = g_logLines.join(u'\n');
        for (const QString &secret : {kPassword, QString::fromLatin1(kBasicBlob), QString::fromLatin1(kToken1),
                                      QString::fromLatin1(kToken2), u"R3fresh-T0ken-Value-77"_s, u"Basic "_s, u"Bearer "_s})
            QVERIFY2(!all.contains(secret), qPrintable(u"a log line carries "_s + secret));
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = stevedore::test::isolatedEnvironment(path(u"home"_s));
        // This process logs at debug level (main()); the CLI runs with the default rules, so stderr is its errors.
        m_env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=false"_s);
        m_layout = path(u"layout"_s);
        QString error;
        m_digest = stevedore::test::writeTestLayout(
            m_layout, u"v1"_s,
            {.layersPerPlatform = 1, .layerSize = 20 * 1024, .gzipLayers = true, .asIndex = false, .seed = 77}, &error);
        QVERIFY2(!m_digest.isEmpty(), qPrintable(error));
    }

    void cleanup() { m_tmp.reset(); }

    // 1. An https registry with Basic auth whose upload Location downgrades to plain http: refused before anything
    //    is sent there; the password only ever went to the registry's own origin.
    void uploadLocationDowngradeRefused()
    {
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([](const Seen &) { return httpAnswer(202, "Location: /upload/1\r\n"); });
        FakeRegistry reg(tls(), kBasic);
        const QByteArray plainOrigin = plain.origin();
        reg.uploadLocation = [plainOrigin](int n) -> QByteArray { return plainOrigin + "/upload/" + QByteArray::number(n); };
        QVERIFY(reg.start());

        QElapsedTimer timer;
        timer.start();
        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds()));
        verifyFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains("plain http") && r.err.contains("refused"), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QByteArray::number(plain.port())), qPrintable(describe(r)));
        QCOMPARE(plain.connectionCount(), 0); // not even a connection
        QVERIFY(plain.allReceived().isEmpty());
        // The registry did get the credentials (the uploads were authorised), and nothing was retried: a refusal is
        // final.
        QVERIFY(authorizedRequests(reg.server()) > 0);
        const int posts = reg.count("POST", "/blobs/uploads/");
        QVERIFY2(posts >= 1 && posts <= 2, qPrintable(QString::number(posts)));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
        QVERIFY(reg.manifests().isEmpty());
    }

    // 2. The same with --tls-verify=false: the plain-http Location is followed, but it is another origin, so it gets
    //    no Authorization.
    void uploadLocationDowngradeFollowedWhenInsecure()
    {
        FakeRegistry plain(std::nullopt); // an upload target, no auth of its own
        QVERIFY(plain.start());
        FakeRegistry reg(tls(), kBasic);
        const QByteArray plainOrigin = plain.server().origin();
        reg.uploadLocation = [plainOrigin](int n) -> QByteArray { return plainOrigin + "/upload/" + QByteArray::number(n); };
        QVERIFY(reg.start());

        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), {u"--tls-verify=false"_s, u"--creds"_s,
                                                                    kUser + u':' + kPassword}));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        verifyNoSecretInOutput(r);
        // Both blobs went to the plain server, without credentials.
        QCOMPARE(plain.blobs().size(), 2);
        QVERIFY(plain.count("PATCH", "/upload/") >= 2);
        QCOMPARE(authorizedRequests(plain.server()), 0);
        QVERIFY(sawNoSecret(plain.server()));
        QCOMPARE(reg.count("PATCH", "/upload/") + reg.count("PUT", "/upload/"), 0);
        // The manifest went to the registry, with them.
        QCOMPARE(reg.manifests().size(), 1);
        QCOMPARE(sha256(reg.manifests().first()), m_digest.toLatin1());
        bool manifestAuthorised = false;
        for (const Seen &s : reg.server().seen())
            if (s.method == "PUT" && s.path.contains("/manifests/"))
                manifestAuthorised = s.headers.value("authorization") == kBasic;
        QVERIFY(manifestAuthorised);
    }

    // 3. An upload Location on another https origin (same CA): followed without credentials; the relative
    //    Locations that origin answers resolve against it, not against the registry; the push completes.
    void uploadLocationOnAnotherHttpsOrigin()
    {
        FakeRegistry storage(tls());
        QVERIFY(storage.start());
        FakeRegistry reg(tls(), kBasic);
        const QByteArray storageOrigin = storage.server().origin();
        QVERIFY(storageOrigin.startsWith("https://"));
        reg.uploadLocation = [storageOrigin](int n) -> QByteArray { return storageOrigin + "/upload/" + QByteArray::number(n); };
        QVERIFY(reg.start());

        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds()));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        verifyNoSecretInOutput(r);
        QVERIFY2(r.out.contains(m_digest.toLatin1()), qPrintable(describe(r)));
        QCOMPARE(storage.blobs().size(), 2);
        QCOMPARE(authorizedRequests(storage.server()), 0);
        QVERIFY(sawNoSecret(storage.server()));
        // Each final PUT went where the storage's own relative Location said (?part=2 after one PATCH).
        int puts = 0;
        for (const Seen &s : storage.server().seen())
            if (s.method == "PUT") {
                ++puts;
                QVERIFY2(s.path.contains("?part=2&digest=sha256"), s.path.constData());
            }
        QCOMPARE(puts, 2);
        QCOMPARE(reg.count("PATCH", "/upload/") + reg.count("PUT", "/upload/"), 0);
        QCOMPARE(reg.manifests().size(), 1);
        QCOMPARE(sha256(reg.manifests().first()), m_digest.toLatin1());
    }

    // 3b. The other Locations of an upload session go through the same policy: a mount answer's (202, a session to use
    //     instead) and each chunk's PATCH answer.
    void mountAndChunkLocations()
    {
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([](const Seen &) { return httpAnswer(202, "Location: /upload/1\r\n"); });
        FakeRegistry storage(tls());
        QVERIFY(storage.start());
        FakeRegistry reg(tls(), kBasic);
        const QByteArray plainOrigin = plain.origin(), storageOrigin = storage.server().origin();
        reg.before = [&](const Seen &r) -> std::optional<QByteArray> {
            if (r.method == "POST" && r.path.contains("mount=") && r.path.startsWith("/v2/down/"))
                return httpAnswer(202, "Location: " + plainOrigin + "/upload/9\r\n");
            if (r.method == "POST" && r.path.contains("mount=") && r.path.startsWith("/v2/away/"))
                return httpAnswer(202, "Location: " + storageOrigin + "/upload/7\r\n");
            if (r.method == "PATCH")
                return httpAnswer(202, "Location: " + plainOrigin + "/upload/8?part=2\r\n");
            return std::nullopt;
        };
        QVERIFY(reg.start());
        RegistryClient client(tlsConfig(reg.port()));
        const Digest digest = Digest::sha256Of("hello");

        auto down = client.mountBlob(u"down/app"_s, digest, u"src/app"_s, CancelToken());
        QVERIFY(!down);
        qInfo().noquote() << "mount answer to http:" << down.error().message;
        QVERIFY2(down.error().message.contains(u"plain http"_s) && down.error().message.contains(u"refused"_s),
                 qPrintable(down.error().message));

        auto away = client.mountBlob(u"away/app"_s, digest, u"src/app"_s, CancelToken());
        QVERIFY2(away, away ? "" : qPrintable(away.error().message));
        QVERIFY(!away->mounted);
        QCOMPARE(away->uploadUrl, QUrl(QString::fromLatin1(storageOrigin) + u"/upload/7"_s));
        {
            auto w = client.beginUpload(u"away/app"_s, away->uploadUrl, 4096, CancelToken());
            QVERIFY2(w, w ? "" : qPrintable(w.error().message));
            auto wrote = (*w)->write("hello", CancelToken());
            QVERIFY2(wrote, wrote ? "" : qPrintable(wrote.error().message));
            auto committed = (*w)->commit(digest, 5, CancelToken());
            QVERIFY2(committed, committed ? "" : qPrintable(committed.error().message));
        }
        QCOMPARE(storage.blobs(), QList<QByteArray>{digest.toString().toLatin1()});
        QCOMPARE(authorizedRequests(storage.server()), 0);
        QVERIFY(sawNoSecret(storage.server()));

        {
            auto w = client.beginUpload(u"team/app"_s, {}, 4096, CancelToken());
            QVERIFY2(w, w ? "" : qPrintable(w.error().message));
            auto wrote = (*w)->write("hello", CancelToken()); // the PATCH answer points at plain http
            QVERIFY(!wrote);
            qInfo().noquote() << "chunk answer to http:" << wrote.error().message;
            QVERIFY2(wrote.error().message.contains(u"plain http"_s) && wrote.error().message.contains(u"refused"_s),
                     qPrintable(wrote.error().message));
            QVERIFY(!wrote.error().temporary);
        }
        QCOMPARE(plain.connectionCount(), 0);
    }

    // 3c. Layer URLs (non-distributable layers) go through the policy too, and never carry the registry's
    //     credentials (RegistryClient::openLayerUrl's contract, as containers/image sends them without auth).
    void layerUrls()
    {
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([](const Seen &) { return httpAnswer(200, {}, "layer"); });
        LoopbackHttpServer storage(tls());
        QVERIFY(storage.listen());
        storage.setResponder([](const Seen &) { return httpAnswer(200, "Content-Type: application/octet-stream\r\n", "layer"); });
        FakeRegistry reg(tls(), kBasic);
        reg.before = [](const Seen &r) -> std::optional<QByteArray> {
            if (r.path.startsWith("/foreign/"))
                return httpAnswer(200, "Content-Type: application/octet-stream\r\n", "layer");
            return std::nullopt;
        };
        QVERIFY(reg.start());
        RegistryClient client(tlsConfig(reg.port()));

        for (const QString &url : QStringList{QString::fromLatin1(plain.origin()) + u"/layer.tar"_s, u"file:///etc/hostname"_s,
                                   u"ftp://127.0.0.1:21/layer.tar"_s}) {
            auto r = client.openLayerUrl(QUrl(url), CancelToken());
            QVERIFY2(!r, qPrintable(url));
            qInfo().noquote() << url << "->" << r.error().message;
            QVERIFY2(r.error().message.contains(u"refused"_s), qPrintable(r.error().message));
        }
        QCOMPARE(plain.connectionCount(), 0);

        auto fromStorage = client.openLayerUrl(QUrl(QString::fromLatin1(storage.origin()) + u"/layer.tar"_s), CancelToken());
        QVERIFY2(fromStorage, fromStorage ? "" : qPrintable(fromStorage.error().message));
        QCOMPARE(storage.seen().size(), 1);
        QCOMPARE(authorizedRequests(storage), 0);

        // A layer URL on the registry's own host: still without the registry's credentials (the registry answers
        // 401 to a request without them, so the open fails, and nothing of the password went out with it).
        auto own = client.openLayerUrl(QUrl(QString::fromLatin1(reg.server().origin()) + u"/foreign/layer.tar"_s), CancelToken());
        int foreignAuthorised = 0;
        for (const Seen &s : reg.server().seen())
            foreignAuthorised += s.path.startsWith("/foreign/") && s.hasHeader("authorization");
        QCOMPARE(reg.count("GET", "/foreign/"), 1);
        QCOMPARE(foreignAuthorised, 0);
        QVERIFY(!own);
    }

    // 4. Pagination: a Link to another https origin is followed without credentials (and a relative Link from
    //    there stays there); a Link to plain http or to file: is refused.
    void paginationAcrossOrigins()
    {
        LoopbackHttpServer other(tls());
        QVERIFY(other.listen());
        other.setResponder([](const Seen &r) -> QByteArray {
            if (r.path.contains("last=a"))
                return httpAnswer(200, "Content-Type: application/json\r\nLink: </v2/team/app/tags/list?last=b>; rel=\"next\"\r\n",
                                  "{\"name\":\"team/app\",\"tags\":[\"b\"]}");
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"name\":\"team/app\",\"tags\":[\"c\"]}");
        });
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([](const Seen &) { return httpAnswer(200, {}, "{\"repositories\":[\"z\"]}"); });
        FakeRegistry reg(tls(), kBasic);
        const QByteArray otherOrigin = other.origin(), plainOrigin = plain.origin();
        reg.before = [&](const Seen &r) -> std::optional<QByteArray> {
            if (r.path.startsWith("/v2/team/app/tags/list"))
                return httpAnswer(200, "Content-Type: application/json\r\nLink: <" + otherOrigin
                                           + "/v2/team/app/tags/list?last=a>; rel=\"next\"\r\n",
                                  "{\"name\":\"team/app\",\"tags\":[\"a\"]}");
            if (r.path.startsWith("/v2/team/file/tags/list"))
                return httpAnswer(200, "Content-Type: application/json\r\nLink: <file:///etc/passwd>; rel=\"next\"\r\n",
                                  "{\"name\":\"team/file\",\"tags\":[\"a\"]}");
            if (r.path.startsWith("/v2/_catalog"))
                return httpAnswer(200, "Content-Type: application/json\r\nLink: <" + plainOrigin
                                           + "/v2/_catalog?last=y>; rel=\"next\"\r\n",
                                  "{\"repositories\":[\"y\"]}");
            return std::nullopt;
        };
        QVERIFY(reg.start());

        RegistryClient client(tlsConfig(reg.port()));
        auto tags = client.listTags(u"team/app"_s, 0, CancelToken());
        QVERIFY2(tags, tags ? "" : qPrintable(tags.error().message));
        QCOMPARE(*tags, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
        const QList<Seen> pages = other.seen();
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages[0].path, QByteArray("/v2/team/app/tags/list?last=a"));
        QCOMPARE(pages[1].path, QByteArray("/v2/team/app/tags/list?last=b"));
        QCOMPARE(authorizedRequests(other), 0);
        QVERIFY(sawNoSecret(other));
        QCOMPARE(reg.count("GET", "/tags/list"), 1); // the relative Link of page 2 did not come back here
        for (const Seen &s : reg.server().seen())
            if (s.path.startsWith("/v2/team/app/tags/list"))
                QCOMPARE(s.headers.value("authorization"), kBasic);

        auto catalog = client.catalog(0, CancelToken());
        QVERIFY(!catalog);
        qInfo().noquote() << "http next page:" << catalog.error().message;
        QVERIFY2(catalog.error().message.contains(u"plain http"_s) && catalog.error().message.contains(u"refused"_s),
                 qPrintable(catalog.error().message));
        QVERIFY(!catalog.error().temporary);
        QCOMPARE(plain.connectionCount(), 0);

        auto file = client.listTags(u"team/file"_s, 0, CancelToken());
        QVERIFY(!file);
        qInfo().noquote() << "file: next page:" << file.error().message;
        QVERIFY2(file.error().message.contains(u"only http and https"_s) && file.error().message.contains(u"refused"_s),
                 qPrintable(file.error().message));
    }

    // 5a. A redirect to something that is not http(s): refused with a message naming http and https.
    void redirectToOtherSchemesRefused_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("file") << QByteArray("file:///etc/hostname");
        QTest::newRow("ftp") << QByteArray("ftp://127.0.0.1:21/pub/manifest");
        QTest::newRow("data") << QByteArray("data:text/plain;base64,aGVsbG8=");
    }

    void redirectToOtherSchemesRefused()
    {
        QFETCH(QByteArray, target);
        FakeRegistry reg(tls(), kBasic);
        reg.before = [target](const Seen &r) -> std::optional<QByteArray> {
            if (r.path.contains("/manifests/"))
                return httpAnswer(307, "Location: " + target + "\r\n");
            return std::nullopt;
        };
        QVERIFY(reg.start());
        RegistryClient client(tlsConfig(reg.port()));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!m);
        qInfo().noquote() << target << "->" << m.error().message;
        QVERIFY2(m.error().message.contains(u"http and https"_s) && m.error().message.contains(u"refused"_s),
                 qPrintable(m.error().message));
        QVERIFY(!m.error().temporary);
        QCOMPARE(reg.count("GET", "/manifests/"), 1);
    }

    // 5b. A redirect from an https registry to plain http is refused even when no credentials would go there (an
    //     anonymous client); one to another https origin is followed without credentials; one back to the registry
    //     keeps them.
    void redirectsFromHttpsRegistry()
    {
        const QByteArray blob = "the bytes of a blob, from a storage host";
        const QByteArray blobDigest = sha256(blob);
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([&](const Seen &) { return httpAnswer(200, kIndexType, kEmptyIndex); });
        LoopbackHttpServer storage(tls());
        QVERIFY(storage.listen());
        storage.setResponder([&](const Seen &r) -> QByteArray {
            if (r.path.startsWith("/signed/"))
                return httpAnswer(307, "Location: /final/blob\r\n"); // relative: against the storage host
            return httpAnswer(200, "Content-Type: application/octet-stream\r\n", blob);
        });
        const QByteArray plainOrigin = plain.origin(), storageOrigin = storage.origin();
        const auto redirects = [&](const Seen &r) -> std::optional<QByteArray> {
            if (r.path.contains("/manifests/down"))
                return httpAnswer(307, "Location: " + plainOrigin + "/v2/team/app/manifests/down\r\n");
            if (r.path.contains("/manifests/moved"))
                return httpAnswer(307, "Location: /v2/team/app/manifests/here\r\n"); // same origin
            if (r.path.contains("/manifests/here"))
                return httpAnswer(200, kIndexType, kEmptyIndex);
            if (r.path.contains(QByteArray("/blobs/" + blobDigest)))
                return httpAnswer(307, "Location: " + storageOrigin + "/signed/blob?sig=abc\r\n");
            return std::nullopt;
        };
        FakeRegistry anonymousReg(tls());
        anonymousReg.before = redirects;
        QVERIFY(anonymousReg.start());
        FakeRegistry reg(tls(), kBasic);
        reg.before = redirects;
        QVERIFY(reg.start());

        // To plain http: refused, anonymous or not, and nothing reaches the plain server.
        RegistryClient anonymous(tlsConfig(anonymousReg.port(), false));
        auto down = anonymous.getManifest(u"team/app"_s, u"down"_s, CancelToken());
        QVERIFY(!down);
        qInfo().noquote() << "redirect to http:" << down.error().message;
        QVERIFY2(down.error().message.contains(u"plain http"_s) && down.error().message.contains(u"refused"_s),
                 qPrintable(down.error().message));
        RegistryClient client(tlsConfig(reg.port()));
        auto downAuth = client.getManifest(u"team/app"_s, u"down"_s, CancelToken());
        QVERIFY(!downAuth);
        QVERIFY2(downAuth.error().message.contains(u"plain http"_s), qPrintable(downAuth.error().message));
        QCOMPARE(plain.connectionCount(), 0);

        // To another https origin, then relative there: followed, without credentials.
        auto reader = client.openBlob(u"team/app"_s, *Digest::parse(QString::fromLatin1(blobDigest)), CancelToken());
        QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
        QByteArray got;
        QByteArray buf(4096, Qt::Uninitialized);
        for (int i = 0; i < 100; ++i) {
            auto n = (*reader)->read(buf.data(), buf.size());
            QVERIFY2(n, n ? "" : qPrintable(n.error().message));
            if (*n == 0)
                break;
            got.append(buf.constData(), *n);
        }
        QCOMPARE(got, blob);
        const QList<Seen> hops = storage.seen();
        QCOMPARE(hops.size(), 2);
        QCOMPARE(hops[0].path, QByteArray("/signed/blob?sig=abc"));
        QCOMPARE(hops[1].path, QByteArray("/final/blob"));
        QCOMPARE(authorizedRequests(storage), 0);
        QVERIFY(sawNoSecret(storage));

        // Back to the registry's own origin: the credentials stay.
        auto moved = client.getManifest(u"team/app"_s, u"moved"_s, CancelToken());
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message));
        bool hereAuthorised = false;
        for (const Seen &s : reg.server().seen())
            if (s.path.contains("/manifests/here"))
                hereAuthorised = s.headers.value("authorization") == kBasic;
        QVERIFY(hereAuthorised);
    }

    // 6a. A Bearer realm on another https origin gets the user's Basic credentials (as docker does); the registry
    //     gets only the token, and the token does not follow a redirect to a storage host.
    void tokenRealmOnAnotherHttpsOrigin()
    {
        LoopbackHttpServer realm(tls());
        QVERIFY(realm.listen());
        realm.setResponder([](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != kBasic)
                return httpAnswer(401, {});
            return httpAnswer(200, "Content-Type: application/json\r\n",
                              "{\"token\":\"" + kToken1 + "\",\"expires_in\":300}");
        });
        LoopbackHttpServer storage(tls());
        QVERIFY(storage.listen());
        storage.setResponder([](const Seen &) { return httpAnswer(200, "Content-Type: application/octet-stream\r\n", "blob"); });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin()
                                     + "/token\",service=\"fake\"\r\n";
        const QByteArray storageOrigin = storage.origin();
        reg.setResponder([&](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != "Bearer " + kToken1)
                return httpAnswer(401, challenge);
            if (r.path.contains("/blobs/"))
                return httpAnswer(307, "Location: " + storageOrigin + "/blob\r\n");
            return httpAnswer(200, kIndexType, kEmptyIndex);
        });

        RegistryClient client(tlsConfig(reg.port()));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY2(m, m ? "" : qPrintable(m.error().message));
        QCOMPARE(realm.seen().size(), 1);
        QCOMPARE(realm.seen()[0].headers.value("authorization"), kBasic);
        QVERIFY(realm.seen()[0].path.contains("account=alice"));
        QVERIFY(realm.seen()[0].path.contains("service=fake"));
        for (const Seen &s : reg.seen())
            QVERIFY2(!s.headers.value("authorization").startsWith("Basic"), "the registry got the password");
        QVERIFY(sawNoSecret(reg));

        auto reader = client.openBlob(u"team/app"_s, *Digest::parse(QString::fromLatin1(sha256("blob"))), CancelToken());
        QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
        QCOMPARE(storage.seen().size(), 1);
        QCOMPARE(authorizedRequests(storage), 0);
        QVERIFY(!storage.received(kToken1));
    }

    // 6b. The realm's own redirect to another origin drops the user's credentials.
    void tokenRealmRedirectDropsCredentials()
    {
        LoopbackHttpServer second(tls());
        QVERIFY(second.listen());
        second.setResponder([](const Seen &) {
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"token\":\"" + kToken2 + "\"}");
        });
        LoopbackHttpServer realm(tls());
        QVERIFY(realm.listen());
        const QByteArray secondOrigin = second.origin();
        realm.setResponder([&](const Seen &r) -> QByteArray {
            const QByteArray query = r.path.mid(r.path.indexOf('?'));
            return httpAnswer(307, "Location: " + secondOrigin + "/token" + query + "\r\n");
        });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != "Bearer " + kToken2)
                return httpAnswer(401, challenge);
            return httpAnswer(200, kIndexType, kEmptyIndex);
        });
        RegistryClient client(tlsConfig(reg.port()));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY2(m, m ? "" : qPrintable(m.error().message));
        QCOMPARE(realm.seen().size(), 1);
        QCOMPARE(realm.seen()[0].headers.value("authorization"), kBasic); // the realm itself: yes
        QCOMPARE(second.seen().size(), 1);
        QCOMPARE(authorizedRequests(second), 0); // where it redirected: no
        QVERIFY(sawNoSecret(second));
    }

    // 6b'. An https realm that redirects to plain http: refused, the plain server gets nothing.
    void tokenRealmRedirectToHttpRefused()
    {
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([](const Seen &) { return httpAnswer(200, {}, "{\"token\":\"" + kToken1 + "\"}"); });
        LoopbackHttpServer realm(tls());
        QVERIFY(realm.listen());
        const QByteArray plainOrigin = plain.origin();
        realm.setResponder([&](const Seen &) { return httpAnswer(302, "Location: " + plainOrigin + "/token\r\n"); });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &) { return httpAnswer(401, challenge); });
        RegistryClient client(tlsConfig(reg.port()));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!m);
        qInfo().noquote() << "realm redirect to http:" << m.error().message;
        QVERIFY2(m.error().message.contains(u"getting a token from"_s) && m.error().message.contains(u"plain http"_s)
                     && m.error().message.contains(u"refused"_s),
                 qPrintable(m.error().message));
        QCOMPARE(realm.seen().size(), 1);
        QCOMPARE(plain.connectionCount(), 0);
    }

    // 6b''. Tokens (bearer and identity) that a server echoes in an error never reach the message.
    void tokensNeverInErrors()
    {
        const QString identity = u"R3fresh-T0ken-Value-77"_s;
        LoopbackHttpServer realm(tls());
        QVERIFY(realm.listen());
        realm.setResponder([&](const Seen &r) -> QByteArray {
            if (r.method == "POST") // the refresh-token grant: echoes the form it got
                return jsonError(400, "DENIED", u"cannot use %1"_s.arg(QString::fromLatin1(r.body)));
            if (r.headers.value("authorization") != kBasic)
                return httpAnswer(401, {});
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"token\":\"" + kToken1 + "\"}");
        });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &r) -> QByteArray {
            if (!r.headers.value("authorization").startsWith("Bearer "))
                return httpAnswer(401, challenge);
            return jsonError(403, "DENIED", u"token %1 is not allowed here"_s.arg(QString::fromLatin1(r.headers.value("authorization").mid(7))));
        });
        RegistryClient client(tlsConfig(reg.port()));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!m);
        qInfo().noquote() << "echoed bearer token:" << m.error().message;
        QCOMPARE(m.error().code, ErrorCode::Denied);
        QVERIFY2(m.error().message.contains(u"is not allowed here"_s), qPrintable(m.error().message));
        QVERIFY2(!m.error().message.contains(QString::fromLatin1(kToken1)), qPrintable(m.error().message));

        RegistryConfig c = tlsConfig(reg.port(), false);
        c.credentials = Credentials{u"<token>"_s, {}, identity};
        RegistryClient byIdentity(c);
        auto i = byIdentity.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!i);
        qInfo().noquote() << "echoed identity token:" << i.error().message;
        QVERIFY2(i.error().message.contains(u"cannot use"_s), qPrintable(i.error().message));
        QVERIFY2(!i.error().message.contains(identity), qPrintable(i.error().message));
        QVERIFY(realm.received(identity.toLatin1())); // it did go to the realm (https): the echo is what is hidden
    }

    // 6c. An http realm from an https registry is refused and receives nothing, with or without credentials.
    void httpTokenRealmRefused_data()
    {
        QTest::addColumn<bool>("withCreds");
        QTest::newRow("with credentials") << true;
        QTest::newRow("anonymous") << false;
    }

    void httpTokenRealmRefused()
    {
        QFETCH(bool, withCreds);
        LoopbackHttpServer realm;
        QVERIFY(realm.listen());
        realm.setResponder([](const Seen &) {
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"token\":\"" + kToken1 + "\"}");
        });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != "Bearer " + kToken1)
                return httpAnswer(401, challenge);
            return httpAnswer(200, kIndexType, kEmptyIndex);
        });
        RegistryClient client(tlsConfig(reg.port(), withCreds));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!m);
        qInfo().noquote() << "http realm:" << m.error().message;
        QVERIFY2(m.error().message.contains(u"http"_s) && m.error().message.contains(u"refus"_s),
                 qPrintable(m.error().message));
        QVERIFY(!m.error().temporary);
        QCOMPARE(realm.connectionCount(), 0);
        QVERIFY(sawNoSecret(reg));
    }

    // 6d. The same http realm for a registry marked insecure: it is used, and gets the credentials.
    void httpTokenRealmWhenInsecure()
    {
        LoopbackHttpServer realm;
        QVERIFY(realm.listen());
        realm.setResponder([](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != kBasic)
                return httpAnswer(401, {});
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"token\":\"" + kToken1 + "\"}");
        });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != "Bearer " + kToken1)
                return httpAnswer(401, challenge);
            return httpAnswer(200, kIndexType, kEmptyIndex);
        });
        RegistryConfig c = tlsConfig(reg.port());
        c.certDir.clear();
        c.insecure = true;
        RegistryClient client(c);
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY2(m, m ? "" : qPrintable(m.error().message));
        QCOMPARE(client.baseUrl().scheme(), u"https"_s);
        QCOMPARE(realm.seen().size(), 1);
        QCOMPARE(realm.seen()[0].headers.value("authorization"), kBasic);
    }

    // 7. The registry answers a manifest PUT with another digest than the one sent: the push fails, and
    //    --digestfile is not written.
    void manifestDigestMismatch()
    {
        const QByteArray liar = "sha256:" + QByteArray(64, 'a');
        FakeRegistry reg(tls(), kBasic);
        reg.manifestDigest = [liar](const QByteArray &) { return liar; };
        QVERIFY(reg.start());

        // The engine: DIGEST_MISMATCH.
        RegistryClient client(tlsConfig(reg.port()));
        auto raw = makeRawManifest(kEmptyIndex, QString::fromLatin1(mediatype::OciIndex.data()));
        QVERIFY(raw);
        auto put = client.putManifest(u"team/app"_s, u"v1"_s, *raw, CancelToken());
        QVERIFY(!put);
        QCOMPARE(put.error().code, ErrorCode::DigestMismatch);
        QCOMPARE(errorCodeName(put.error().code), u"DIGEST_MISMATCH"_s);
        QVERIFY2(put.error().message.contains(QString::fromLatin1(liar)), qPrintable(put.error().message));

        // The CLI.
        const QString digestFile = path(u"digest.txt"_s);
        QElapsedTimer timer;
        timer.start();
        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds() + QStringList{u"--digestfile"_s, digestFile}));
        verifyFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains(liar) && r.err.contains(m_digest.toLatin1()), qPrintable(describe(r)));
        QVERIFY2(!QFileInfo::exists(digestFile), "the digest file was written for a push the registry misrecorded");
        QVERIFY2(!r.out.contains("Wrote manifest"), qPrintable(describe(r)));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    }

    // 8. A token server whose answer never ends (or is announced larger than 1 MiB): the error names the token
    //    fetch, not a manifest limit, the client stops reading early, and memory stays bounded.
    void endlessTokenAnswer_data()
    {
        QTest::addColumn<bool>("announced");
        QTest::newRow("streaming without Content-Length") << false;
        QTest::newRow("Content-Length of 3 MiB") << true;
    }

    void endlessTokenAnswer()
    {
        QFETCH(bool, announced);
        EndlessServer endless(256ll << 20);
        QVERIFY(endless.listen());
        LoopbackHttpServer big;
        QVERIFY(big.listen());
        big.setResponder([](const Seen &) {
            return httpAnswer(200, "Content-Type: application/json\r\n",
                              "{\"token\":\"" + QByteArray(3 << 20, 'x') + "\"}");
        });
        const quint16 realmPort = announced ? big.port() : endless.port();
        LoopbackHttpServer reg;
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"http://127.0.0.1:" + QByteArray::number(realmPort)
                                     + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &) { return httpAnswer(401, challenge); });
        const QString realmHost = u"127.0.0.1:%1"_s.arg(realmPort);

        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(reg.port());
        c.insecure = true; // plain http everywhere
        c.credentials = Credentials{kUser, kPassword, {}};
        RegistryClient client(c);
        const qint64 before = rssKiB();
        QElapsedTimer timer;
        timer.start();
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        const qint64 after = rssKiB();
        QVERIFY(!m);
        qInfo().noquote() << "endless token:" << m.error().message << "| sent" << endless.sent() << "bytes, RSS +"
                          << (after - before) << "KiB in" << timer.elapsed() << "ms";
        QCOMPARE(m.error().code, ErrorCode::TooLarge);
        QVERIFY2(m.error().message.contains(u"getting a token from "_s + realmHost), qPrintable(m.error().message));
        QVERIFY2(!m.error().message.contains(u"4 MiB"_s) && !m.error().message.contains(u"4194304"_s),
                 qPrintable(m.error().message));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(endless.sent() < (32 << 20), qPrintable(QString::number(endless.sent())));
        QVERIFY2(after - before < 24 * 1024, qPrintable(u"grew by %1 KiB"_s.arg(after - before)));

        // The CLI says the same in one line, and its memory stays bounded.
        const MeasuredRun run = runMeasured(m_cli, pushArgs(u"127.0.0.1:%1"_s.arg(reg.port()),
                                                            {u"--tls-verify=false"_s, u"--creds"_s, kUser + u':' + kPassword}),
                                            m_env, 20000);
        qInfo("CLI peak RSS %lld KiB in %lld ms", run.peakKiB, run.elapsedMs);
        verifyFailure(run.result);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(run.result.err.contains(QByteArray("getting a token from " + realmHost.toLatin1())), qPrintable(describe(run.result)));
        QVERIFY2(!run.result.err.contains("4 MiB") && !run.result.err.contains("4194304"), qPrintable(describe(run.result)));
        QVERIFY2(run.peakKiB > 0 && run.peakKiB < 96 * 1024, qPrintable(u"peak %1 KiB"_s.arg(run.peakKiB)));
        QVERIFY2(endless.sent() < (64 << 20), qPrintable(QString::number(endless.sent())));
    }

    // 8b. A refused answer (the token above) fails the push at once, and the CLI shuts down right after: it must exit
    //     with its error, never crash on the way out. (The network thread used to free a reply twice when shutdown
    //     overtook the reply's queued deletion: SIGSEGV in a few percent of such runs.) Bounded: at most 200 runs,
    //     at most 10 s.
    void refusedAnswerNeverCrashesTheCli()
    {
        LoopbackHttpServer big;
        QVERIFY(big.listen());
        big.setResponder([](const Seen &) {
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"token\":\"" + QByteArray(3 << 20, 'x') + "\"}");
        });
        LoopbackHttpServer reg;
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + big.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &) { return httpAnswer(401, challenge); });
        const QStringList args = pushArgs(u"127.0.0.1:%1"_s.arg(reg.port()),
                                          {u"--tls-verify=false"_s, u"--creds"_s, kUser + u':' + kPassword});
        QElapsedTimer timer;
        timer.start();
        int runs = 0;
        while (runs < 200 && timer.elapsed() < 10000) {
            const ProcessResult r = stevedore(args, 20000);
            ++runs;
            QVERIFY2(!r.crashed && !r.timedOut, qPrintable(u"run %1: "_s.arg(runs) + describe(r)));
            QVERIFY2(r.exitCode == 1 && r.err.contains("getting a token from"), qPrintable(describe(r)));
        }
        qInfo("%d runs in %lld ms, none crashed", runs, qint64(timer.elapsed()));
        QVERIFY(runs >= 10);
    }

    // 9a. An error body that echoes the request's Authorization header (and the password): stderr carries neither,
    //     with or without debug logging.
    void errorBodyEchoingCredentials()
    {
        FakeRegistry reg(tls(), kBasic);
        reg.before = [](const Seen &r) -> std::optional<QByteArray> {
            if (r.method == "POST")
                return jsonError(400, "UNSUPPORTED",
                                 u"you sent Authorization: %1 (that is %2, for the password %3)"_s.arg(
                                     QString::fromLatin1(r.headers.value("authorization")),
                                     QString::fromLatin1(r.headers.value("authorization").mid(6)), kPassword));
            return std::nullopt;
        };
        QVERIFY(reg.start());
        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds()));
        verifyFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains("you sent") && r.err.contains("HTTP 400"), qPrintable(describe(r))); // the message got through
        QProcessEnvironment debugEnv = m_env;
        debugEnv.remove(u"QT_LOGGING_RULES"_s); // it would override --log-level
        const ProcessResult debug = stevedore::test::runProcess(
            m_cli, QStringList{u"--log-level"_s, u"debug"_s} + pushArgs(reg.hostPort(), tlsCreds()), 30000, debugEnv);
        QVERIFY2(debug.exitCode == 1, qPrintable(describe(debug)));
        QVERIFY2(debug.err.count('\n') > 3, "debug logging did not reach stderr");
        verifyNoSecretInOutput(debug);
        QVERIFY2(!debug.err.contains("Basic "), qPrintable(describe(debug)));
    }

    // 9b. Credentials typed into a reference: the "invalid reference" error does not carry the password, or any part
    //     of it, whatever characters it holds.
    void credentialsInReference_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("password");
        for (const QString &command : {u"push"_s, u"copy"_s, u"inspect"_s}) {
            QTest::addRow("%s, plain password", qPrintable(command)) << command << kPassword;
            QTest::addRow("%s, password with @", qPrintable(command)) << command << u"S3cr@t-Pw"_s;
            QTest::addRow("%s, password with /", qPrintable(command)) << command << u"S3cret/Pw9"_s;
        }
    }

    void credentialsInReference()
    {
        QFETCH(QString, command);
        QFETCH(QString, password);
        const QString ref = u"docker://alice:%1@127.0.0.1:1/x:y"_s.arg(password);
        QStringList args;
        if (command == u"push"_s)
            args = {u"push"_s, u"oci:"_s + m_layout + u":v1"_s, ref};
        else if (command == u"copy"_s)
            args = {u"copy"_s, ref, u"oci:"_s + path(u"out"_s) + u":v1"_s};
        else
            args = {u"inspect"_s, ref};
        const ProcessResult r = stevedore(args);
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        QVERIFY2(!r.timedOut && !r.crashed && r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(r.err.contains("invalid reference"), qPrintable(describe(r)));
        QVERIFY2(!r.err.trimmed().contains('\n'), qPrintable(describe(r)));
        // Neither the password nor any piece of it around its special character.
        QStringList pieces{password};
        for (const QString &part : password.split(QRegularExpression(u"[@/]"_s)))
            if (part.size() >= 4)
                pieces << part;
        for (const QString &piece : std::as_const(pieces)) {
            QVERIFY2(!r.err.contains(piece.toUtf8()), qPrintable(u"\""_s + piece + u"\" in: "_s + describe(r)));
            QVERIFY2(!r.out.contains(piece.toUtf8()), qPrintable(u"\""_s + piece + u"\" in: "_s + describe(r)));
        }
        QCOMPARE(QDir(path(u"out"_s)).exists(), false);
    }

    // 9c. A one-character password cannot be told from ordinary text: it must not mangle the output.
    void shortPasswordDoesNotMangleOutput()
    {
        FakeRegistry reg(tls(), "Basic " + QByteArray("alice:a").toBase64());
        reg.before = [](const Seen &r) -> std::optional<QByteArray> {
            if (r.method == "PUT" && r.path.contains("/manifests/"))
                return jsonError(400, "MANIFEST_INVALID", u"manifest invalid: a layer is missing"_s);
            return std::nullopt;
        };
        QVERIFY(reg.start());
        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), {u"--cert-dir"_s, m_caDir, u"--creds"_s, u"alice:a"_s}));
        verifyFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!reg.blobs().isEmpty()); // the credentials were right: the blobs went in
        for (const QByteArray &word : {QByteArray("manifest invalid: a layer is missing"), QByteArray("manifest"),
                                       QByteArray("HTTP 400"), reg.hostPort().toLatin1(), QByteArray("team/app")})
            QVERIFY2(r.err.contains(word), qPrintable(u"\""_s + QString::fromLatin1(word) + u"\" missing: "_s + describe(r)));
        QVERIFY2(!r.err.contains("***"), qPrintable(describe(r)));
    }

    // 9d. Control characters and escape sequences from a server never reach the terminal raw.
    void controlCharactersFromServer_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("error message") << u"message"_s;
        QTest::newRow("Docker-Content-Digest header") << u"digest"_s;
    }

    void controlCharactersFromServer()
    {
        QFETCH(QString, where);
        const QByteArray evil = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\r\nfake: line\x9b" "1m";
        FakeRegistry reg(tls(), kBasic);
        if (where == u"message"_s) {
            reg.before = [evil](const Seen &r) -> std::optional<QByteArray> {
                if (r.method == "POST")
                    return jsonError(400, "DENIED", QString::fromLatin1(evil));
                return std::nullopt;
            };
        } else {
            reg.manifestDigest = [evil](const QByteArray &) {
                QByteArray v = "sha256:" + evil;
                v.replace("\r\n", " "); // one header line
                return v;
            };
        }
        QVERIFY(reg.start());
        for (const QString &progress : {u"plain"_s, u"json"_s}) {
            const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds() + QStringList{u"--progress"_s, progress}));
            verifyFailure(r);
            if (QTest::currentTestFailed())
                return;
            for (const char c : {'\x1b', '\x07', '\r'}) {
                QVERIFY2(!r.err.contains(c), qPrintable(u"stderr carries 0x%1: "_s.arg(QString::number(int(c), 16)) + describe(r)));
                QVERIFY2(!r.out.contains(c), qPrintable(u"stdout carries 0x%1: "_s.arg(QString::number(int(c), 16)) + describe(r)));
            }
            QVERIFY2(!r.err.contains("\xc2\x9b"), qPrintable(describe(r))); // C1 CSI
            // The text around the sequences is still shown, on the one line.
            QVERIFY2(r.err.contains("red fake: line"), qPrintable(describe(r)));
        }
    }

    // 9e. A server's text holding '%' sequences (a percent-encoded path, "100%1") is shown as it is, and the message
    //     keeps its own parts (the HTTP status): it is never taken for QString::arg() markers.
    void percentSignsInServerText()
    {
        const QString text = u"quota 100%1 used for a%2Fb (%3A)"_s;
        const QByteArray body = QJsonDocument(QJsonObject{{u"errors"_s, QJsonArray{QJsonObject{
                                                  {u"code"_s, u"DENIED"_s}, {u"message"_s, text}}}}})
                                    .toJson(QJsonDocument::Compact);
        const Error e = registryHttpError(403, body, {}, u"pushing blob x"_s);
        QCOMPARE(e.message, u"pushing blob x: "_s + text + u" (HTTP 403)"_s);

        FakeRegistry reg(tls(), kBasic);
        reg.before = [&](const Seen &r) -> std::optional<QByteArray> {
            if (r.method == "POST")
                return jsonError(403, "DENIED", text);
            return std::nullopt;
        };
        QVERIFY(reg.start());
        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds()));
        verifyFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains(QByteArray(text.toUtf8() + " (HTTP 403)")), qPrintable(describe(r)));
    }

    // 10. A credential helper that floods its output: a clear error naming the helper, quickly, in bounded memory.
    void floodingCredentialHelper_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::newRow("20 MiB then exit") << QByteArray("#!/bin/sh\nhead -c 20971520 /dev/zero | tr '\\000' x\n");
        QTest::newRow("never stops") << QByteArray("#!/bin/sh\nexec yes xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n");
    }

    void floodingCredentialHelper()
    {
        QFETCH(QByteArray, script);
        const QString bin = path(u"bin"_s);
        QVERIFY(QDir().mkpath(bin));
        const auto writeHelper = [&](const QString &name, const QByteArray &text) {
            QFile f(bin + u"/docker-credential-"_s + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
            f.close();
            QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        };
        writeHelper(u"flood"_s, script);
        writeHelper(u"quiet"_s, "#!/bin/sh\necho '{\"ServerURL\":\"\",\"Username\":\"\",\"Secret\":\"\"}'\n");
        LoopbackHttpServer reg; // never answers anything but 401
        QVERIFY(reg.listen());
        reg.setResponder([](const Seen &) { return unauthorized(); });
        QProcessEnvironment env = m_env;
        env.insert(u"PATH"_s, bin + u':' + env.value(u"PATH"_s));
        const QString configFile = env.value(u"DOCKER_CONFIG"_s) + u"/config.json"_s;
        const auto useStore = [&](const QByteArray &store) {
            QFile f(configFile);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("{\"credsStore\":\"" + store + "\"}");
        };
        const QStringList args = pushArgs(u"127.0.0.1:%1"_s.arg(reg.port()), {u"--tls-verify=false"_s});

        // The baseline: a helper that answers "no credentials", then a 401.
        useStore("quiet");
        const MeasuredRun baseline = runMeasured(m_cli, args, env, 20000);
        QVERIFY2(baseline.result.exitCode == 1, qPrintable(describe(baseline.result)));
        useStore("flood");
        const MeasuredRun run = runMeasured(m_cli, args, env, 20000);
        qInfo("baseline peak %lld KiB; flooding helper: peak %lld KiB, %lld ms", baseline.peakKiB, run.peakKiB,
              run.elapsedMs);
        verifyFailure(run.result);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(run.result.err.contains("docker-credential-flood"), qPrintable(describe(run.result)));
        QVERIFY2(run.elapsedMs < 5000, qPrintable(u"took %1 ms"_s.arg(run.elapsedMs)));
        QVERIFY2(run.peakKiB > 0 && run.peakKiB < baseline.peakKiB + 16 * 1024,
                 qPrintable(u"peak %1 KiB, baseline %2 KiB"_s.arg(run.peakKiB).arg(baseline.peakKiB)));
        QVERIFY2(!run.result.err.contains("xxxxxxxx"), "the helper's output was echoed");
    }
};

// QTEST_GUILESS_MAIN, with the engine's debug logging switched on before the application reads its rules (ctest
// sets QT_LOGGING_RULES=*.debug=false), so that cleanupTestCase() can check every log line for secrets.
int main(int argc, char **argv)
{
    qputenv("QT_LOGGING_RULES", "stevedore.*.debug=true");
    QCoreApplication app(argc, argv);
    TestSecurity tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_security.moc"
