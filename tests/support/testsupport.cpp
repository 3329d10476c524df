// stevedore_testsupport: processes (runProcess), the isolated environment, tools on PATH and the blocking HTTP GET.
// The registry fixture is in registryfixture.cpp, the test layouts in testlayout.cpp.
#include "support/testsupport.h"
#include "support/testsupport_p.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>

#include <csignal>
#include <sys/prctl.h>

namespace stevedore::test {

namespace detail {

void dieWithParent(QProcess &p)
{
    p.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
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

} // namespace detail

using detail::dieWithParent;
using detail::httpGet;

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

int httpGetStatus(const QString &hostPort, const QString &path, const QString &caFile, const QString &user,
                  const QString &password, QString *error, QByteArray *body, int timeoutMs)
{
    return httpGet(hostPort, path, caFile, user, password, error, body, timeoutMs, {}, {}, nullptr);
}

namespace detail {

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

} // namespace detail

} // namespace stevedore::test
