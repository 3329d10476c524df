#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <zlib.h>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

#ifndef STEVEDORE_TOKENSERVER_PATH
#define STEVEDORE_TOKENSERVER_PATH ""
#endif

namespace stevedore::test {

namespace {

void dieWithParent(QProcess &p)
{
    p.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

quint16 freePort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size()) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(path, f.errorString());
        return false;
    }
    return true;
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

bool runChecked(const QString &program, const QStringList &args, const QString &what, QString *error,
                const QString &workDir = {})
{
    QProcess p;
    dieWithParent(p);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        *error = u"%1: cannot start %2: %3"_s.arg(what, program, p.errorString());
        return false;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(2000);
        *error = u"%1: %2 timed out"_s.arg(what, program);
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"%1: %2 failed (exit %3): %4"_s.arg(what, program).arg(p.exitCode())
                     .arg(QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

void killProcess(std::unique_ptr<QProcess> &p)
{
    if (!p)
        return;
    if (p->state() != QProcess::NotRunning) {
        p->terminate();
        if (!p->waitForFinished(2000)) {
            p->kill();
            p->waitForFinished(5000);
        }
    }
}

} // namespace

ProcessResult runProcess(const QString &program, const QStringList &args, int timeoutMs,
                         const QProcessEnvironment &env, const QByteArray &stdinData)
{
    ProcessResult r;
    QProcess p;
    dieWithParent(p);
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.crashed = true;
        r.err = u"cannot start %1: %2"_s.arg(program, p.errorString()).toLocal8Bit();
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished(5000);
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (!r.timedOut) {
        r.crashed = p.exitStatus() != QProcess::NormalExit;
        r.exitCode = r.crashed ? -1 : p.exitCode();
    }
    return r;
}

QProcessEnvironment isolatedEnvironment(const QString &homeDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const struct { const char16_t *var; const char16_t *sub; } dirs[] = {
        {u"HOME", u""}, {u"XDG_RUNTIME_DIR", u"/run"}, {u"XDG_CONFIG_HOME", u"/.config"},
        {u"XDG_DATA_HOME", u"/.local/share"}, {u"XDG_CACHE_HOME", u"/.cache"}, {u"DOCKER_CONFIG", u"/.docker"}};
    for (const auto &d : dirs) {
        const QString path = homeDir + QString::fromUtf16(d.sub);
        QDir().mkpath(path);
        env.insert(QString::fromUtf16(d.var), path);
    }
    QFile::setPermissions(homeDir + u"/run"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.remove(u"REGISTRY_AUTH_FILE"_s);
    env.remove(u"STEVEDORE_ROOT"_s);
    env.remove(u"CONTAINERS_REGISTRIES_CONF"_s);
    return env;
}

QString findTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {u"/usr/local/sbin"_s, u"/usr/local/bin"_s, u"/usr/sbin"_s,
                                                     u"/usr/bin"_s, u"/sbin"_s, u"/bin"_s});
    return path;
}

namespace {
int httpGet(const QString &hostPort, const QString &path, const QString &caFile, const QString &user,
            const QString &password, QString *error, QByteArray *body, int timeoutMs, const QString &clientCert,
            const QString &clientKey, QByteArray *headersOut = nullptr);
}

int httpGetStatus(const QString &hostPort, const QString &path, const QString &caFile, const QString &user,
                  const QString &password, QString *error, QByteArray *body, int timeoutMs)
{
    return httpGet(hostPort, path, caFile, user, password, error, body, timeoutMs, {}, {}, nullptr);
}

namespace {
int httpGet(const QString &hostPort, const QString &path, const QString &caFile, const QString &user,
            const QString &password, QString *error, QByteArray *body, int timeoutMs, const QString &clientCert,
            const QString &clientKey, QByteArray *headersOut)
{
    QString localError;
    if (!error)
        error = &localError;
    const int colon = hostPort.lastIndexOf(u':');
    const QString host = hostPort.left(colon);
    const quint16 port = hostPort.mid(colon + 1).toUShort();
    std::unique_ptr<QTcpSocket> socket;
    if (!caFile.isEmpty()) {
        auto ssl = std::make_unique<QSslSocket>();
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        const auto cas = QSslCertificate::fromPath(caFile);
        if (cas.isEmpty()) {
            *error = u"cannot read CA certificate %1"_s.arg(caFile);
            return -1;
        }
        conf.setCaCertificates(cas);
        if (!clientCert.isEmpty()) {
            const auto certs = QSslCertificate::fromPath(clientCert);
            QFile keyFile(clientKey);
            if (certs.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
                *error = u"cannot read the client certificate %1 / key %2"_s.arg(clientCert, clientKey);
                return -1;
            }
            conf.setLocalCertificate(certs.first());
            conf.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        }
        ssl->setSslConfiguration(conf);
        ssl->connectToHostEncrypted(host, port);
        if (!ssl->waitForEncrypted(timeoutMs)) {
            *error = u"TLS connection to %1 failed: %2"_s.arg(hostPort, ssl->errorString());
            return -1;
        }
        socket = std::move(ssl);
    } else {
        socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(host, port);
        if (!socket->waitForConnected(timeoutMs)) {
            *error = u"connection to %1 failed: %2"_s.arg(hostPort, socket->errorString());
            return -1;
        }
    }
    QByteArray req = "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: " + hostPort.toUtf8()
                     + "\r\nConnection: close\r\nUser-Agent: stevedore-tests\r\n";
    if (!user.isEmpty())
        req += "Authorization: Basic " + (user + u':' + password).toUtf8().toBase64() + "\r\n";
    req += "\r\n";
    socket->write(req);
    QByteArray answer;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (socket->bytesAvailable() || socket->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            answer += socket->readAll();
        else if (socket->state() != QAbstractSocket::ConnectedState)
            break;
        else if (!socket->isValid())
            break;
        if (socket->state() == QAbstractSocket::UnconnectedState)
            break;
        // A complete response with Content-Length is enough.
        const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QByteArray headers = answer.left(headerEnd).toLower();
            const qsizetype cl = headers.indexOf("content-length:");
            if (cl >= 0) {
                const qsizetype eol = headers.indexOf("\r\n", cl);
                const qint64 len = headers.mid(cl + 15, eol < 0 ? -1 : eol - cl - 15).trimmed().toLongLong();
                if (answer.size() - headerEnd - 4 >= len)
                    break;
            }
        }
    }
    answer += socket->readAll();
    if (!answer.startsWith("HTTP/1.")) {
        *error = u"no HTTP answer from %1"_s.arg(hostPort);
        return -1;
    }
    const int status = answer.mid(9, 3).toInt();
    const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
    if (body)
        *body = headerEnd >= 0 ? answer.mid(headerEnd + 4) : QByteArray();
    if (headersOut)
        *headersOut = answer.left(headerEnd);
    return status;
}
} // namespace

// ---------------------------------------------------------------------------------------------------------------
// RegistryFixture

RegistryFixture::RegistryFixture(RegistryOptions o) : m_options(std::move(o))
{
    m_dir.setAutoRemove(true);
}

RegistryFixture::~RegistryFixture()
{
    stop();
}

void RegistryFixture::stop()
{
    killProcess(m_registry);
    killProcess(m_tokenServer);
}

const RegistryOptions &RegistryFixture::options() const { return m_options; }
QString RegistryFixture::hostPort() const { return u"127.0.0.1:%1"_s.arg(m_port); }
QString RegistryFixture::certDir() const { return m_options.tls ? m_dir.filePath(u"certs"_s) : QString(); }
QString RegistryFixture::caFile() const
{
    return (m_options.tls || m_options.auth == RegistryAuth::Token) ? m_dir.filePath(u"certs/ca.crt"_s) : QString();
}
QString RegistryFixture::storageDir() const { return m_dir.filePath(u"storage"_s); }
QString RegistryFixture::service() const
{
    return m_options.auth == RegistryAuth::Token ? u"stevedore-test-registry"_s : QString();
}
QString RegistryFixture::tokenRealm() const
{
    if (m_options.auth != RegistryAuth::Token)
        return {};
    const bool https = m_options.tls && !m_options.httpTokenRealm;
    return u"%1://127.0.0.1:%2/token"_s.arg(https ? u"https"_s : u"http"_s).arg(m_tokenPort);
}

QString RegistryFixture::logs() const
{
    // The processes write into files (a pipe nobody drains without an event loop would block them when full).
    auto tail = [](const QString &file) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return QString();
        if (f.size() > 64 * 1024)
            f.seek(f.size() - 64 * 1024);
        return QString::fromLocal8Bit(f.readAll());
    };
    QString text;
    if (m_registry)
        text += u"--- docker-registry:\n"_s + tail(m_dir.filePath(u"registry.log"_s));
    if (m_tokenServer)
        text += u"--- token server:\n"_s + tail(m_dir.filePath(u"tokenserver.log"_s));
    return text;
}

bool RegistryFixture::makeCertificates(QString *error)
{
    const QString openssl = findTool(u"openssl"_s);
    if (openssl.isEmpty()) {
        *error = u"openssl not found (install the openssl package)"_s;
        return false;
    }
    const QString work = m_dir.filePath(u"pki"_s);
    const QString certs = m_dir.filePath(u"certs"_s);
    QDir().mkpath(work);
    QDir().mkpath(certs);
    const QString caKey = work + u"/ca.key"_s, caCrt = certs + u"/ca.crt"_s;
    if (!runChecked(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, caKey,
                              u"-out"_s, caCrt, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=Stevedore Test CA"_s,
                              u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                              u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s},
                    u"creating the test CA"_s, error))
        return false;
    struct Leaf { QString name, cn, ext; };
    const QList<Leaf> leaves{
        {u"server"_s, u"localhost"_s,
         u"basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
         "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n"_s},
        {u"token-sign"_s, u"Stevedore Test Token Signer"_s,
         u"basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"_s},
        {u"client"_s, u"stevedore-test-client"_s,
         u"basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
         "extendedKeyUsage=clientAuth\n"_s}};
    for (const Leaf &leaf : leaves) {
        if (leaf.name == u"client"_s && !m_options.clientCerts)
            continue;
        const QString key = work + u'/' + leaf.name + u".key"_s, csr = work + u'/' + leaf.name + u".csr"_s;
        const QString crt = work + u'/' + leaf.name + u".crt"_s, ext = work + u'/' + leaf.name + u".ext"_s;
        if (!writeFile(ext, leaf.ext.toUtf8(), error))
            return false;
        if (!runChecked(openssl, {u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key, u"-out"_s,
                                  csr, u"-subj"_s, u"/CN="_s + leaf.cn},
                        u"creating the %1 key"_s.arg(leaf.name), error))
            return false;
        if (!runChecked(openssl, {u"x509"_s, u"-req"_s, u"-in"_s, csr, u"-CA"_s, caCrt, u"-CAkey"_s, caKey,
                                  u"-CAcreateserial"_s, u"-out"_s, crt, u"-days"_s, u"2"_s, u"-sha256"_s,
                                  u"-extfile"_s, ext},
                        u"signing the %1 certificate"_s.arg(leaf.name), error, work))
            return false;
    }
    if (m_options.clientCerts) {
        QFile::remove(certs + u"/client.cert"_s);
        QFile::remove(certs + u"/client.key"_s);
        if (!QFile::copy(work + u"/client.crt"_s, certs + u"/client.cert"_s)
            || !QFile::copy(work + u"/client.key"_s, certs + u"/client.key"_s)) {
            *error = u"cannot copy the client certificate into %1"_s.arg(certs);
            return false;
        }
    }
    return true;
}

bool RegistryFixture::startTokenServer(QString *error)
{
    QString program = qEnvironmentVariable("STEVEDORE_TOKENSERVER");
    if (program.isEmpty())
        program = QString::fromUtf8(STEVEDORE_TOKENSERVER_PATH);
    if (program.isEmpty() || !QFileInfo(program).isExecutable()) {
        *error = u"the test token server (stevedore-test-tokenserver) is missing: '%1'"_s.arg(program);
        return false;
    }
    const QString work = m_dir.filePath(u"pki"_s);
    QStringList args{u"--port"_s, u"0"_s,
                     u"--sign-key"_s, work + u"/token-sign.key"_s,
                     u"--sign-cert"_s, work + u"/token-sign.crt"_s,
                     u"--issuer"_s, u"stevedore-test-issuer"_s,
                     u"--service"_s, service(),
                     u"--user"_s, m_options.user};
    if (m_options.tls && !m_options.httpTokenRealm)
        args << u"--cert"_s << work + u"/server.crt"_s << u"--key"_s << work + u"/server.key"_s;
    // The password goes through the environment, never the command line (visible in ps).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"STEVEDORE_TOKENSERVER_PASSWORD"_s, m_options.password);
    m_tokenServer = std::make_unique<QProcess>();
    dieWithParent(*m_tokenServer);
    m_tokenServer->setProcessEnvironment(env);
    m_tokenServer->setProcessChannelMode(QProcess::SeparateChannels);
    m_tokenServer->setStandardErrorFile(m_dir.filePath(u"tokenserver.log"_s));
    m_tokenServer->start(program, args);
    if (!m_tokenServer->waitForStarted(10000)) {
        *error = u"cannot start the token server: %1"_s.arg(m_tokenServer->errorString());
        return false;
    }
    // It prints "listening on PORT" once it is ready.
    QByteArray out;
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && !out.contains('\n')) {
        if (!m_tokenServer->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            if (m_tokenServer->state() == QProcess::NotRunning)
                break;
        out += m_tokenServer->readAllStandardOutput();
    }
    const qsizetype pos = out.indexOf("listening on ");
    if (pos < 0) {
        *error = u"the token server did not start: %1 %2"_s.arg(QString::fromLocal8Bit(out), logs());
        return false;
    }
    m_tokenPort = out.mid(pos + 13).trimmed().toUShort();
    return m_tokenPort != 0;
}

bool RegistryFixture::start(QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (!m_dir.isValid()) {
        *error = u"cannot create a temporary directory: %1"_s.arg(m_dir.errorString());
        return false;
    }
    const QString registry = findTool(u"docker-registry"_s);
    if (registry.isEmpty()) {
        *error = u"docker-registry not found (install Debian's docker-registry package)"_s;
        return false;
    }
    QDir().mkpath(storageDir());
    m_port = freePort();
    if (m_port == 0) {
        *error = u"no free port on 127.0.0.1"_s;
        return false;
    }
    const bool needPki = m_options.tls || m_options.auth == RegistryAuth::Token;
    if (needPki && !makeCertificates(error))
        return false;

    QString config = u"version: 0.1\n"
                     "log:\n  level: warn\n  formatter: text\n  accesslog:\n    disabled: true\n"
                     "storage:\n  filesystem:\n    rootdirectory: %1\n  delete:\n    enabled: true\n"
                     "  maintenance:\n    uploadpurging:\n      enabled: false\n"
                     "http:\n  addr: 127.0.0.1:@PORT@\n  secret: stevedore-test-secret\n"
                     "  headers:\n    X-Stevedore-Fixture: [@ID@]\n"_s.arg(storageDir());
    if (m_options.clientCerts && !m_options.tls) {
        *error = u"RegistryOptions::clientCerts needs tls"_s;
        return false;
    }
    if (m_options.tls)
        config += u"  tls:\n    certificate: %1\n    key: %2\n"_s.arg(m_dir.filePath(u"pki/server.crt"_s),
                                                                     m_dir.filePath(u"pki/server.key"_s));
    if (m_options.clientCerts)
        config += u"    clientcas:\n      - %1\n"_s.arg(m_dir.filePath(u"certs/ca.crt"_s));
    if (m_options.auth == RegistryAuth::Basic) {
        const QString htpasswd = findTool(u"htpasswd"_s);
        if (htpasswd.isEmpty()) {
            *error = u"htpasswd not found (install apache2-utils)"_s;
            return false;
        }
        // -i reads the password from stdin, so it never shows on a command line.
        const ProcessResult r = runProcess(htpasswd, {u"-Bin"_s, m_options.user}, 30000,
                                           QProcessEnvironment::systemEnvironment(), m_options.password.toUtf8());
        if (!r.ok()) {
            *error = u"htpasswd failed: %1"_s.arg(QString::fromLocal8Bit(r.err).trimmed());
            return false;
        }
        const QString file = m_dir.filePath(u"htpasswd"_s);
        if (!writeFile(file, r.out, error))
            return false;
        config += u"auth:\n  htpasswd:\n    realm: stevedore-test\n    path: %1\n"_s.arg(file);
    } else if (m_options.auth == RegistryAuth::Token) {
        if (!startTokenServer(error))
            return false;
        config += u"auth:\n  token:\n    realm: %1\n    service: %2\n    issuer: stevedore-test-issuer\n"
                  "    rootcertbundle: %3\n"_s.arg(tokenRealm(), service(), m_dir.filePath(u"certs/ca.crt"_s));
    }
    // The port is free when picked but another process may take it before the registry binds it: then the
    // registry exits ("address already in use") and we try another port. A unique response header proves that
    // the registry answering /v2/ is ours.
    const QString configFile = m_dir.filePath(u"config.yml"_s);
    const QByteArray fixtureId = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const QString clientCert = m_options.clientCerts ? certDir() + u"/client.cert"_s : QString();
    const QString clientKey = m_options.clientCerts ? certDir() + u"/client.key"_s : QString();
    const QByteArray idHeader = QByteArray("x-stevedore-fixture: ") + fixtureId.toLower();
    for (int attempt = 0; attempt < 4; ++attempt) {
        if (attempt > 0) {
            killProcess(m_registry);
            m_port = freePort();
        }
        QString text = config;
        text.replace(u"@PORT@"_s, QString::number(m_port)).replace(u"@ID@"_s, QString::fromLatin1(fixtureId));
        if (!writeFile(configFile, text.toUtf8(), error))
            return false;

        m_registry = std::make_unique<QProcess>();
        dieWithParent(*m_registry);
        m_registry->setProcessChannelMode(QProcess::MergedChannels);
        m_registry->setStandardOutputFile(m_dir.filePath(u"registry.log"_s));
        m_registry->setWorkingDirectory(m_dir.path());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"REGISTRY_HTTP_ADDR"_s);
        m_registry->setProcessEnvironment(env);
        m_registry->start(registry, {u"serve"_s, configFile});
        if (!m_registry->waitForStarted(10000)) {
            *error = u"cannot start docker-registry: %1"_s.arg(m_registry->errorString());
            return false;
        }
        QDeadlineTimer deadline(15000);
        QString lastError;
        bool retry = false;
        while (!deadline.hasExpired()) {
            if (m_registry->state() == QProcess::NotRunning) {
                const QString log = logs();
                if (log.contains(u"address already in use"_s)) {
                    retry = true;
                    break;
                }
                *error = u"docker-registry exited (code %1): %2"_s.arg(m_registry->exitCode()).arg(log.trimmed());
                return false;
            }
            QByteArray headers;
            const int status = httpGet(hostPort(), u"/v2/"_s, m_options.tls ? caFile() : QString(), {}, {},
                                       &lastError, nullptr, 2000, clientCert, clientKey, &headers);
            if ((status == 200 || status == 401)
                && headers.toLower().contains(idHeader))
                return true;
            if (status > 0)
                lastError = u"GET /v2/ answered %1 (from this fixture's registry: %2)"_s.arg(status)
                                .arg(headers.toLower().contains(idHeader) ? u"yes"_s : u"no"_s);
            m_registry->waitForFinished(100);
        }
        if (retry)
            continue;
        *error = u"docker-registry did not answer /v2/ within 15 s (%1): %2"_s.arg(lastError).arg(logs().trimmed());
        stop();
        return false;
    }
    *error = u"docker-registry found no free port after 4 attempts: %1"_s.arg(logs().trimmed());
    stop();
    return false;
}

// ---------------------------------------------------------------------------------------------------------------
// writeTestLayout

namespace {

struct Rng {
    quint64 s;
    explicit Rng(quint64 seed) : s(seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull) { next(); }
    quint64 next()
    {
        // splitmix64
        quint64 z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

void putOctal(char *field, int width, quint64 value)
{
    // width includes the terminating NUL
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

QByteArray makeTar(const QByteArray &fileName, const QByteArray &content)
{
    QByteArray header(512, '\0');
    char *h = header.data();
    memcpy(h, fileName.constData(), size_t(std::min<qsizetype>(fileName.size(), 99)));
    putOctal(h + 100, 8, 0644);
    putOctal(h + 108, 8, 0);
    putOctal(h + 116, 8, 0);
    putOctal(h + 124, 12, quint64(content.size()));
    putOctal(h + 136, 12, 0);
    h[156] = '0';
    memcpy(h + 257, "ustar", 6);
    memcpy(h + 263, "00", 2);
    memcpy(h + 265, "root", 4);
    memcpy(h + 297, "root", 4);
    memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; ++i)
        sum += static_cast<unsigned char>(h[i]);
    const QByteArray chk = QByteArray::number(sum, 8).rightJustified(6, '0');
    memcpy(h + 148, chk.constData(), 6);
    h[154] = '\0';
    h[155] = ' ';
    QByteArray tar = header + content;
    const qsizetype pad = (512 - content.size() % 512) % 512;
    tar.append(pad, '\0');
    tar.append(1024, '\0');
    return tar;
}

bool gzipBytes(const QByteArray &in, QByteArray *out)
{
    z_stream zs{};
    if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return false;
    out->resize(qsizetype(deflateBound(&zs, uLong(in.size())) + 64));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef *>(out->data());
    zs.avail_out = uInt(out->size());
    const int rc = deflate(&zs, Z_FINISH);
    const qsizetype written = qsizetype(zs.total_out);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return false;
    out->resize(written);
    return true;
}

QJsonObject descriptor(const QString &mediaType, const QByteArray &data)
{
    return QJsonObject{{u"mediaType"_s, mediaType},
                       {u"digest"_s, QString(u"sha256:"_s + sha256Hex(data))},
                       {u"size"_s, QJsonValue(qint64(data.size()))}};
}

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

QString writeTestLayout(const QString &dir, const QString &tag, const TestImageSpec &spec, QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (spec.platforms.isEmpty() || spec.layersPerPlatform < 0 || spec.layerSize < 0) {
        *error = u"writeTestLayout: invalid spec"_s;
        return {};
    }
    const QString blobDir = dir + u"/blobs/sha256"_s;
    if (!QDir().mkpath(blobDir)) {
        *error = u"cannot create %1"_s.arg(blobDir);
        return {};
    }
    auto writeBlob = [&](const QByteArray &data) -> bool {
        const QString path = blobDir + u'/' + sha256Hex(data);
        if (QFileInfo(path).size() == data.size() && QFileInfo::exists(path))
            return true;
        return writeFile(path, data, error);
    };

    const QString manifestType = u"application/vnd.oci.image.manifest.v1+json"_s;
    const QString indexType = u"application/vnd.oci.image.index.v1+json"_s;
    const QString layerType = spec.gzipLayers ? u"application/vnd.oci.image.layer.v1.tar+gzip"_s
                                              : u"application/vnd.oci.image.layer.v1.tar"_s;
    QJsonArray indexManifests;
    QByteArray top;
    const int platformCount = spec.asIndex ? int(spec.platforms.size()) : 1;
    for (int p = 0; p < platformCount; ++p) {
        const QStringList parts = spec.platforms.at(p).split(u'/');
        if (parts.size() < 2 || parts.size() > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            *error = u"writeTestLayout: bad platform '%1' (want os/arch[/variant])"_s.arg(spec.platforms.at(p));
            return {};
        }
        QJsonObject platform{{u"os"_s, parts[0]}, {u"architecture"_s, parts[1]}};
        if (parts.size() == 3)
            platform.insert(u"variant"_s, parts[2]);

        QJsonArray layers, diffIds, history;
        for (int l = 0; l < spec.layersPerPlatform; ++l) {
            Rng rng(quint64(spec.seed) * 1000003ull + quint64(p) * 1009ull + quint64(l));
            QByteArray content(spec.layerSize, Qt::Uninitialized);
            for (qsizetype i = 0; i < content.size(); i += 8) {
                const quint64 v = rng.next();
                memcpy(content.data() + i, &v, size_t(std::min<qsizetype>(8, content.size() - i)));
            }
            const QByteArray name = "stevedore-test/" + spec.platforms.at(p).toUtf8().replace('/', '-') + "-layer"
                                    + QByteArray::number(l) + ".bin";
            const QByteArray tar = makeTar(name, content);
            diffIds.append(QString(u"sha256:"_s + sha256Hex(tar)));
            QByteArray blob = tar;
            if (spec.gzipLayers && !gzipBytes(tar, &blob)) {
                *error = u"writeTestLayout: gzip failed"_s;
                return {};
            }
            if (!writeBlob(blob))
                return {};
            layers.append(descriptor(layerType, blob));
            history.append(QJsonObject{{u"created"_s, u"1970-01-01T00:00:00Z"_s},
                                       {u"created_by"_s, u"stevedore writeTestLayout layer %1"_s.arg(l)}});
        }
        QJsonObject config = platform;
        config.insert(u"created"_s, u"1970-01-01T00:00:00Z"_s);
        config.insert(u"config"_s, QJsonObject{{u"Env"_s, QJsonArray{u"PATH=/usr/bin:/bin"_s}}});
        config.insert(u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, diffIds}});
        config.insert(u"history"_s, history);
        const QByteArray configBytes = compactJson(config);
        if (!writeBlob(configBytes))
            return {};
        const QJsonObject manifest{{u"schemaVersion"_s, 2},
                                   {u"mediaType"_s, manifestType},
                                   {u"config"_s, descriptor(u"application/vnd.oci.image.config.v1+json"_s, configBytes)},
                                   {u"layers"_s, layers}};
        const QByteArray manifestBytes = compactJson(manifest);
        if (!writeBlob(manifestBytes))
            return {};
        QJsonObject entry = descriptor(manifestType, manifestBytes);
        entry.insert(u"platform"_s, platform);
        indexManifests.append(entry);
        if (!spec.asIndex)
            top = manifestBytes;
    }
    QString topType = manifestType;
    if (spec.asIndex) {
        top = compactJson(QJsonObject{{u"schemaVersion"_s, 2}, {u"mediaType"_s, indexType},
                                      {u"manifests"_s, indexManifests}});
        if (!writeBlob(top))
            return {};
        topType = indexType;
    }

    // oci-layout + index.json (an existing index.json is kept; an entry with the same tag is replaced)
    if (!writeFile(dir + u"/oci-layout"_s, "{\"imageLayoutVersion\":\"1.0.0\"}", error))
        return {};
    QJsonArray entries;
    QFile existing(dir + u"/index.json"_s);
    if (existing.open(QIODevice::ReadOnly)) {
        const QJsonArray old = QJsonDocument::fromJson(existing.readAll()).object().value(u"manifests"_s).toArray();
        for (const QJsonValue &v : old) {
            if (v.toObject().value(u"annotations"_s).toObject().value(u"org.opencontainers.image.ref.name"_s)
                    .toString() != tag)
                entries.append(v);
        }
        existing.close();
    }
    QJsonObject topEntry = descriptor(topType, top);
    topEntry.insert(u"annotations"_s, QJsonObject{{u"org.opencontainers.image.ref.name"_s, tag}});
    entries.append(topEntry);
    const QByteArray indexJson = compactJson(QJsonObject{{u"schemaVersion"_s, 2},
                                                         {u"mediaType"_s, indexType},
                                                         {u"manifests"_s, entries}});
    if (!writeFile(dir + u"/index.json"_s, indexJson, error))
        return {};
    return u"sha256:"_s + sha256Hex(top);
}

} // namespace stevedore::test
