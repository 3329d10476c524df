// The sandbox registry: Debian's docker-registry on a loopback port, storage under the data folder.
#include "sandbox.h"

#include "core/atomicfile.h"
#include "core/paths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <yaml-cpp/yaml.h>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

bool portIsFree(quint16 port)
{
    QTcpServer s;
    return port != 0 && s.listen(QHostAddress::LocalHost, port);
}

quint16 anyFreePort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    return s.serverPort();
}

// The registry's config, written with yaml-cpp's emitter.
QByteArray registryConfig(const QString &storage, quint16 port, const QByteArray &secret)
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "version" << YAML::Value << "0.1";
    out << YAML::Key << "log" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "level" << YAML::Value << "warn";
    out << YAML::Key << "accesslog" << YAML::Value << YAML::BeginMap << YAML::Key << "disabled" << YAML::Value << true
        << YAML::EndMap;
    out << YAML::EndMap;
    out << YAML::Key << "storage" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "filesystem" << YAML::Value << YAML::BeginMap << YAML::Key << "rootdirectory" << YAML::Value
        << storage.toStdString() << YAML::EndMap;
    out << YAML::Key << "delete" << YAML::Value << YAML::BeginMap << YAML::Key << "enabled" << YAML::Value << true
        << YAML::EndMap;
    out << YAML::EndMap;
    out << YAML::Key << "http" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "addr" << YAML::Value << u"127.0.0.1:%1"_s.arg(port).toStdString();
    out << YAML::Key << "secret" << YAML::Value << secret.toStdString();
    out << YAML::Key << "draintimeout" << YAML::Value << "2s";
    out << YAML::EndMap;
    out << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

// Whether a registry answers GET /v2/ on the port (200 or 401) within `ms`.
bool answersV2(quint16 port, int ms)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(ms))
        return false;
    s.write("GET /v2/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    QDeadlineTimer deadline(ms);
    while (!answer.contains("\r\n") && !deadline.hasExpired() && s.waitForReadyRead(int(deadline.remainingTime())))
        answer += s.readAll();
    return answer.startsWith("HTTP/1.1 200") || answer.startsWith("HTTP/1.1 401");
}

QString logTail(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = f.size();
    f.seek(qMax<qint64>(0, size - 600));
    return QString::fromUtf8(f.readAll()).trimmed();
}

} // namespace

SandboxRegistry::SandboxRegistry(QString dataDir)
    : m_dataDir(dataDir.isEmpty() ? defaultDataDir() : QDir(dataDir).absolutePath())
{
}

SandboxRegistry::~SandboxRegistry()
{
    stop();
}

QString SandboxRegistry::defaultDataDir()
{
    const QByteArray env = qgetenv("STEVEDORE_SANDBOX_DIR");
    if (!env.isEmpty())
        return QDir(QString::fromLocal8Bit(env)).absolutePath();
    return stevedoreDataHome() + u"/sandbox-registry"_s;
}

QString SandboxRegistry::findProgram()
{
    const QByteArray env = qgetenv("STEVEDORE_REGISTRY_PROGRAM");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    QString found = QStandardPaths::findExecutable(u"docker-registry"_s);
    if (found.isEmpty() && QFile::exists(u"/usr/bin/docker-registry"_s))
        found = u"/usr/bin/docker-registry"_s;
    return found;
}

QString SandboxRegistry::storageDir() const
{
    return m_dataDir + u"/storage"_s;
}

QString SandboxRegistry::host() const
{
    return u"127.0.0.1:%1"_s.arg(m_port);
}

bool SandboxRegistry::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

SystemContext SandboxRegistry::context(SystemContext base) const
{
    base.tlsVerify = false; // plain http on loopback: the registry has no certificate
    return base;
}

Status SandboxRegistry::start(const CancelToken &cancel, std::chrono::milliseconds timeout)
{
    if (isRunning())
        return {};
    const QString program = findProgram();
    if (program.isEmpty())
        return fail(ErrorCode::NotFound,
                    EngineText::tr("the sandbox needs Debian's docker-registry, which is not installed "
                                   "(apt-get install docker-registry)"));
    if (!QDir().mkpath(storageDir()) || !QFile::setPermissions(m_dataDir, QFileDevice::ReadOwner
                                                                             | QFileDevice::WriteOwner
                                                                             | QFileDevice::ExeOwner))
        return fail(ErrorCode::IoError, EngineText::tr("cannot create the sandbox folder %1").arg(m_dataDir));

    // The port of the last run, so that docker://127.0.0.1:PORT/... stays where it was; else any free one.
    const QString portFile = m_dataDir + u"/port"_s;
    quint16 port = 0;
    if (QFile f(portFile); f.open(QIODevice::ReadOnly))
        port = quint16(f.readAll().trimmed().toUInt());
    if (!portIsFree(port))
        port = anyFreePort();
    if (port == 0)
        return fail(ErrorCode::NetworkError, EngineText::tr("no free loopback port for the sandbox registry"));

    // The upload sessions' secret, kept so that an upload can continue after a restart.
    const QString secretFile = m_dataDir + u"/http-secret"_s;
    QByteArray secret;
    if (QFile f(secretFile); f.open(QIODevice::ReadOnly))
        secret = f.readAll().trimmed();
    if (secret.size() < 32) {
        QByteArray raw(32, Qt::Uninitialized);
        for (char &c : raw)
            c = char(QRandomGenerator::system()->bounded(256));
        secret = raw.toHex();
        if (auto w = writeFileAtomically(secretFile, secret + '\n', mode_t(0600)); !w)
            return fail(w.error());
    }
    const QString configFile = m_dataDir + u"/config.yml"_s;
    const QString logFile = m_dataDir + u"/registry.log"_s;
    QDeadlineTimer deadline(timeout);
    std::unique_ptr<QProcess> process;
    // The port was free a moment ago, but another program may take it before the registry binds it (tests start
    // registries side by side): then another free port, a few times.
    for (int attempt = 1;; ++attempt) {
        if (auto w = writeFileAtomically(configFile, registryConfig(storageDir(), port, secret), mode_t(0600)); !w)
            return fail(w.error());
        process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->setStandardOutputFile(logFile, QIODevice::Truncate);
        process->setStandardInputFile(QProcess::nullDevice());
        // The registry goes with its owner, even when the owner is killed.
        process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        process->start(program, {u"serve"_s, configFile});
        if (!process->waitForStarted(10000))
            return fail(ErrorCode::IoError,
                        EngineText::tr("cannot start %1: %2").arg(program, process->errorString()));
        bool portTaken = false;
        while (!answersV2(port, 250)) {
            if (process->waitForFinished(50) || process->state() != QProcess::Running) {
                const QString log = logTail(logFile);
                if (attempt < 4 && log.contains(u"address already in use"_s)) {
                    portTaken = true;
                    break;
                }
                return fail(ErrorCode::IoError, EngineText::tr("the sandbox registry stopped at once (exit %1): %2")
                                                    .arg(process->exitCode())
                                                    .arg(log));
            }
            if (cancel.isCancelled()) {
                m_process = std::move(process);
                stop();
                return fail(ErrorCode::Cancelled, EngineText::tr("cancelled"));
            }
            if (deadline.hasExpired()) {
                m_process = std::move(process);
                stop();
                return fail(ErrorCode::Timeout, EngineText::tr("the sandbox registry did not answer on 127.0.0.1:%1 "
                                                               "within %2 s: %3")
                                                    .arg(port)
                                                    .arg(timeout.count() / 1000)
                                                    .arg(logTail(logFile)));
            }
        }
        if (!portTaken)
            break;
        port = anyFreePort();
        if (port == 0)
            return fail(ErrorCode::NetworkError, EngineText::tr("no free loopback port for the sandbox registry"));
    }
    m_process = std::move(process);
    m_port = port;
    (void)writeFileAtomically(portFile, QByteArray::number(port) + '\n');
    return {};
}

void SandboxRegistry::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
    m_process.reset();
}

} // namespace stevedore
