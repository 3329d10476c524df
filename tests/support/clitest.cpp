// The fixture and helpers of tst_datasafety and tst_badfiles (see clitest.h).
#include "support/clitest.h"

#include "content/descriptor.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace stevedore::test {

Tree snapshot(const QString &root)
{
    Tree tree;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo fi = it.fileInfo();
        struct stat st {};
        ::lstat(QFile::encodeName(path).constData(), &st);
        const QByteArray mode = QByteArray::number(st.st_mode & 07777, 8);
        const QString rel = QDir(root).relativeFilePath(path);
        if (fi.isSymLink())
            tree.insert(rel, "link " + QFile::encodeName(fi.symLinkTarget()));
        else if (fi.isDir())
            tree.insert(rel, "dir " + mode);
        else
            tree.insert(rel, "file " + mode + ' ' + readFileBytes(path));
    }
    return tree;
}

QStringList allEntries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

QString hexOf(const QString &digest)
{
    return digest.section(u':', 1);
}

QString describe(const ProcessResult &r)
{
    return u"exit %1%2%3\nstdout: %4\nstderr: %5"_s.arg(r.exitCode)
        .arg(r.timedOut ? u" (timed out)"_s : QString(), r.crashed ? u" (crashed)"_s : QString(),
             QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
}

QString cleanFailureProblem(const ProcessResult &r)
{
    if (r.timedOut)
        return u"the process hung (killed at the timeout)\n"_s + describe(r);
    if (r.crashed)
        return u"the process crashed\n"_s + describe(r);
    if (r.exitCode == 0)
        return u"expected a failure\n"_s + describe(r);
    const QByteArray err = r.err.trimmed();
    if (err.isEmpty())
        return u"a failure must say why on stderr\n"_s + describe(r);
    if (err.contains('\n'))
        return u"one line expected on stderr\n"_s + describe(r);
    return {};
}

QString otherPlatform()
{
    return stevedore::Platform::host().architecture == u"arm64"_s ? u"linux/amd64"_s : u"linux/arm64/v8"_s;
}

ProcessResult LayoutCliTest::cli(const QStringList &args, int timeoutMs)
{
    return runProcess(m_cli, args, timeoutMs, m_env);
}

QJsonObject LayoutCliTest::remoteManifest(const RegistryFixture &reg, const QString &ref)
{
    const ProcessResult raw = skopeo({u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s, u"docker://"_s + reg.hostPort() + u'/' + ref});
    return raw.ok() ? QJsonDocument::fromJson(raw.out).object() : QJsonObject();
}

ProcessResult LayoutCliTest::skopeo(const QStringList &args)
{
    return runProcess(m_skopeo, QStringList{u"--insecure-policy"_s} + args, 60000, m_env);
}

QString LayoutCliTest::makeLayout(const QString &name, quint32 seed, QString *digest, QStringList platforms,
                                  qint64 layerSize, int layers)
{
    if (platforms.isEmpty())
        platforms = {stevedore::Platform::host().toString()};
    QString error;
    const QString dir = path(name);
    const QString d = writeTestLayout(dir, u"v1"_s,
                                      TestImageSpec{.platforms = platforms, .layersPerPlatform = layers,
                                                    .layerSize = layerSize, .gzipLayers = true,
                                                    .asIndex = platforms.size() > 1, .seed = seed},
                                      &error);
    if (d.isEmpty())
        qWarning("writeTestLayout failed: %s", qPrintable(error));
    if (digest)
        *digest = d;
    return dir;
}

QStringList LayoutCliTest::manifestsOf(const QString &layout, const QString &top)
{
    const QJsonObject o = readJsonObject(layoutBlobPath(layout, top));
    if (!o.contains(u"manifests"_s))
        return {top};
    QStringList out;
    for (const QJsonValue &v : o.value(u"manifests"_s).toArray())
        out << v.toObject().value(u"digest"_s).toString();
    return out;
}

QStringList LayoutCliTest::blobsOf(const QString &layout, const QString &manifest)
{
    const QJsonObject m = readJsonObject(layoutBlobPath(layout, manifest));
    QStringList out{m.value(u"config"_s).toObject().value(u"digest"_s).toString()};
    for (const QJsonValue &v : m.value(u"layers"_s).toArray())
        out << v.toObject().value(u"digest"_s).toString();
    return out;
}

QString LayoutCliTest::firstLayer(const QString &layout, const QString &top)
{
    return blobsOf(layout, manifestsOf(layout, top).constFirst()).at(1);
}

bool LayoutCliTest::damage(const QString &blobPath, const QString &how, QByteArray *newBytes)
{
    QByteArray bytes = readFileBytes(blobPath);
    if (bytes.size() < 2000)
        return false;
    if (how == u"flip"_s) {
        bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x5a);
    } else if (how == u"truncate"_s) {
        bytes.truncate(bytes.size() - 1000);
    } else if (how == u"missing"_s) {
        return QFile::remove(blobPath);
    } else if (how == u"fifo"_s) {
        return QFile::remove(blobPath) && ::mkfifo(QFile::encodeName(blobPath).constData(), 0644) == 0;
    } else {
        return false;
    }
    if (newBytes)
        *newBytes = bytes;
    return writeBytes(blobPath, bytes);
}

} // namespace stevedore::test
