#include "support/e2e.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QFile>
#include <QJsonDocument>
#include <QSysInfo>
#include <QTcpSocket>
#include <QHostAddress>

#include <csignal>
#include <sys/stat.h>

#include <zlib.h>

namespace stevedore::test {

QString sha256Digest(const QByteArray &data)
{
    return u"sha256:"_s + QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray readFileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int fileMode(const QString &path)
{
    struct stat st{};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

void useIsolatedEnvironment(const QString &homeDir)
{
    const QProcessEnvironment env = isolatedEnvironment(homeDir);
    for (const char *var : {"HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "DOCKER_CONFIG"})
        qputenv(var, env.value(QString::fromLatin1(var)).toLocal8Bit());
    for (const char *var : {"REGISTRY_AUTH_FILE", "STEVEDORE_ROOT", "CONTAINERS_REGISTRIES_CONF"})
        qunsetenv(var);
}

QJsonObject readJsonObject(const QString &path)
{
    return QJsonDocument::fromJson(readFileBytes(path)).object();
}

QString layoutBlobPath(const QString &layoutDir, const QString &digest)
{
    return layoutDir + u"/blobs/"_s + QString(digest).replace(u':', u'/');
}

QString registryBlobPath(const RegistryFixture &registry, const QString &digest)
{
    const QString hex = digest.section(u':', 1);
    return registry.storageDir() + u"/docker/registry/v2/blobs/sha256/"_s + hex.left(2) + u'/' + hex + u"/data"_s;
}

QByteArray zlibGzipBytes(const QByteArray &data, int level)
{
    z_stream z{};
    if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.truncate(qsizetype(z.total_out));
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : QByteArray();
}

QByteArray gunzipBytes(const QByteArray &in)
{
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK)
        return {};
    QByteArray out;
    QByteArray chunk(256 * 1024, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    zs.avail_in = uInt(in.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef *>(chunk.data());
        zs.avail_out = uInt(chunk.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(chunk.constData(), chunk.size() - qsizetype(zs.avail_out));
        // A blob may hold several gzip members (parallel compressors write them): continue with the next one.
        if (rc == Z_STREAM_END && zs.avail_in > 0) {
            if (inflateReset(&zs) != Z_OK)
                break;
            rc = Z_OK;
        }
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

QString hostPlatformArchitecture()
{
    const QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == u"x86_64"_s)
        return u"amd64"_s;
    if (cpu == u"i386"_s)
        return u"386"_s;
    if (cpu == u"power64"_s)
        return u"ppc64le"_s;
    return cpu; // arm64, arm, s390x, riscv64 ...
}

QString missingE2ePeers(const QString &cli, const QStringList &tools)
{
    if (!QFileInfo(cli).isExecutable())
        return QStringLiteral("the stevedore CLI is missing at %1 (build the 'stevedore' target)").arg(cli);
    for (const QString &t : tools)
        if (findTool(t).isEmpty())
            return QStringLiteral("%1 is missing: run scripts/install-deps.sh --test").arg(t);
    return {};
}

QString interruptWhileUploading(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return QStringLiteral("cannot start %1: %2").arg(program, p.errorString());
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains("\"uploading\"") && timer.elapsed() < 30000 && p.state() == QProcess::Running) {
        p.waitForReadyRead(200);
        out += p.readAllStandardOutput();
    }
    if (!out.contains("\"uploading\"") || p.state() != QProcess::Running) {
        p.kill();
        p.waitForFinished(5000);
        return QStringLiteral("the push ended or never uploaded before it could be interrupted: ") + QString::fromUtf8(out);
    }
    ::kill(pid_t(p.processId()), SIGINT);
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished(5000);
        return QStringLiteral("the push did not stop within 20 s of SIGINT");
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 130)
        return QStringLiteral("after SIGINT: exit status %1, code %2 (130 expected); stderr: %3")
            .arg(int(p.exitStatus()))
            .arg(p.exitCode())
            .arg(QString::fromUtf8(p.readAllStandardError()));
    return {};
}

bool portAnswers(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    return s.waitForConnected(500);
}

} // namespace stevedore::test
