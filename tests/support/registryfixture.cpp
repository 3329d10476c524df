// stevedore_testsupport: RegistryFixture (Debian's docker-registry, its certificates, htpasswd and the test token
// server).
#include "support/testsupport.h"
#include "support/testsupport_p.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QThread>
#include <QRandomGenerator>
#include <QTcpServer>

#ifndef STEVEDORE_TOKENSERVER_PATH
#define STEVEDORE_TOKENSERVER_PATH ""
#endif

namespace stevedore::test {

using detail::dieWithParent;
using detail::httpGet;
using detail::writeFile;

namespace {

quint16 freePort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = s.serverPort();
    s.close();
    return port;
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

bool RegistryFixture::addBareRepositories(const QString &prefix, int count, QString *error)
{
    const QString root = storageDir() + u"/docker/registry/v2/repositories/"_s;
    for (int i = 0; i < count; ++i) {
        const QString dir = root + prefix + u"%1"_s.arg(i, 5, 10, QLatin1Char('0')) + u"/_layers"_s;
        if (!QDir().mkpath(dir)) {
            if (error)
                *error = u"cannot make "_s + dir;
            return false;
        }
    }
    return true;
}
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
                     "storage:\n  filesystem:\n    rootdirectory: %1\n  delete:\n    enabled: %2\n"
                     "  maintenance:\n    uploadpurging:\n      enabled: false\n"
                     "http:\n  addr: 127.0.0.1:@PORT@\n  secret: stevedore-test-secret\n  draintimeout: 10s\n"
                     "  headers:\n    X-Stevedore-Fixture: [@ID@]\n"_s.arg(storageDir(),
                                                                     m_options.deletes ? u"true"_s : u"false"_s);
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
        QByteArray lines = r.out;
        for (const auto &[user, password] : m_options.moreUsers) {
            const ProcessResult more = runProcess(htpasswd, {u"-Bin"_s, user}, 30000,
                                                  QProcessEnvironment::systemEnvironment(), password.toUtf8());
            if (!more.ok()) {
                *error = u"htpasswd failed: %1"_s.arg(QString::fromLocal8Bit(more.err).trimmed());
                return false;
            }
            lines += more.out;
        }
        const QString file = m_dir.filePath(u"htpasswd"_s);
        if (!writeFile(file, lines, error))
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

bool RegistryFixture::restart(bool graceful, QString *error, int downMs)
{
    QString localError;
    if (!error)
        error = &localError;
    if (!m_registry) {
        *error = u"restart() before start()"_s;
        return false;
    }
    if (m_registry->state() != QProcess::NotRunning) {
        if (graceful)
            m_registry->terminate(); // SIGTERM: with http.draintimeout, the requests in flight are finished first
        else
            m_registry->kill();
        if (!m_registry->waitForFinished(15000)) {
            m_registry->kill();
            m_registry->waitForFinished(5000);
        }
    }
    if (downMs > 0)
        QThread::msleep(ulong(downMs));
    const QString program = m_registry->program();
    const QStringList args = m_registry->arguments();
    const QString clientCert = m_options.clientCerts ? certDir() + u"/client.cert"_s : QString();
    const QString clientKey = m_options.clientCerts ? certDir() + u"/client.key"_s : QString();
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        // The same configuration file: same port, storage and http.secret, so upload sessions outlive the restart.
        m_registry = std::make_unique<QProcess>();
        dieWithParent(*m_registry);
        m_registry->setProcessChannelMode(QProcess::MergedChannels);
        m_registry->setStandardOutputFile(m_dir.filePath(u"registry.log"_s), QIODevice::Append);
        m_registry->setWorkingDirectory(m_dir.path());
        m_registry->start(program, args);
        if (!m_registry->waitForStarted(10000)) {
            *error = u"cannot restart docker-registry: %1"_s.arg(m_registry->errorString());
            return false;
        }
        while (!deadline.hasExpired() && m_registry->state() != QProcess::NotRunning) {
            const int status = httpGet(hostPort(), u"/v2/"_s, m_options.tls ? caFile() : QString(), {}, {}, error,
                                       nullptr, 2000, clientCert, clientKey, nullptr);
            if (status == 200 || status == 401)
                return true;
            m_registry->waitForFinished(50);
        }
        m_registry->waitForFinished(200); // it exited (the port not yet released?): start it again
    }
    *error = u"docker-registry did not come back within 15 s: %1"_s.arg(logs().trimmed());
    return false;
}

} // namespace stevedore::test
