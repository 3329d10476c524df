// What the security suites share (see securitytest.h).
#include "support/securitytest.h"

#include "support/e2e.h"
#include "support/registrytest.h"

#include <QElapsedTimer>
#include <QTest>
#include <QStandardPaths>
#include <QSslKey>
#include <QSslCertificate>
#include <QMutexLocker>
#include <QFileInfo>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUrlQuery>

#include <algorithm>
#include <csignal>

#include <sys/prctl.h>

namespace stevedore::test::security {

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

int FakeRegistry::sessionOf(const QByteArray &path)
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

QByteArray FakeRegistry::handle(const Seen &r)
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

void SecurityFixture::initSuite()
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

void SecurityFixture::cleanupSuite()
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

void SecurityFixture::initEachTest()
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

} // namespace stevedore::test::security
