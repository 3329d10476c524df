// Data safety of the local transports, through the real `stevedore` CLI: what a copy may replace and what it must
// leave alone, that a failed copy leaves the old content (or nothing) behind, the modes of what it writes, and that
// inputs which are not regular files, too large, or inconsistent are refused quickly with one clear line on stderr.
// skopeo and umoci are the oracles of what was written. Only 127.0.0.1 traffic (a loopback fake registry).
#include "content/descriptor.h"
#include "support/e2e.h"
#include "support/loopbackserver.h"
#include "support/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {

// Everything under a folder, for byte-for-byte comparisons: relative path -> kind, mode and content.
using Tree = QMap<QString, QByteArray>;

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

QString describeTreeDifference(const Tree &before, const Tree &after)
{
    QStringList lines;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            lines << u"  gone: "_s + it.key();
        else if (after.value(it.key()) != it.value())
            lines << u"  changed: "_s + it.key();
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            lines << u"  new: "_s + it.key();
    return lines.join(u'\n');
}

// What a copy must never leave next to its destination: staging folders and temporary files.
QStringList leftovers(const QString &folder)
{
    QStringList out;
    const QStringList entries =
        QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    for (const QString &e : entries)
        if (e.contains(u".stevedore-new-"_s) || e.contains(u".stevedore-tmp-"_s) || e.endsWith(u".old"_s))
            out << e;
    return out;
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

// Empty when `r` is a clean failure: not a crash, not a hang, a non-zero exit, exactly one line on stderr.
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

} // namespace

class TestDataSafety : public QObject
{
    Q_OBJECT

private:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    QString m_skopeo;
    QString m_umoci;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;

    QString path(const QString &name) const { return m_tmp->filePath(name); }

    ProcessResult cli(const QStringList &args, int timeoutMs = 30000)
    {
        return runProcess(m_cli, args, timeoutMs, m_env);
    }

    // The CLI under a given umask (set by a shell that then execs it).
    ProcessResult cliWithUmask(const QString &umask, const QStringList &args)
    {
        return runProcess(u"/bin/sh"_s, QStringList{u"-c"_s, u"umask %1; exec \"$0\" \"$@\""_s.arg(umask), m_cli} + args,
                          30000, m_env);
    }

    ProcessResult skopeo(const QStringList &args)
    {
        return runProcess(m_skopeo, QStringList{u"--insecure-policy"_s} + args, 60000, m_env);
    }

    // A single-manifest image for this machine (or an index when `platforms` has more than one entry).
    QString makeLayout(const QString &name, quint32 seed, QString *digest, QStringList platforms = {},
                       qint64 layerSize = 64 * 1024, int layers = 2)
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

    // The platform manifests of a top-level digest (itself when it is a manifest).
    static QStringList manifestsOf(const QString &layout, const QString &top)
    {
        const QJsonObject o = readJsonObject(layoutBlobPath(layout, top));
        if (!o.contains(u"manifests"_s))
            return {top};
        QStringList out;
        for (const QJsonValue &v : o.value(u"manifests"_s).toArray())
            out << v.toObject().value(u"digest"_s).toString();
        return out;
    }

    // config + layers of one manifest
    static QStringList blobsOf(const QString &layout, const QString &manifest)
    {
        const QJsonObject m = readJsonObject(layoutBlobPath(layout, manifest));
        QStringList out{m.value(u"config"_s).toObject().value(u"digest"_s).toString()};
        for (const QJsonValue &v : m.value(u"layers"_s).toArray())
            out << v.toObject().value(u"digest"_s).toString();
        return out;
    }

    static QString firstLayer(const QString &layout, const QString &top)
    {
        return blobsOf(layout, manifestsOf(layout, top).constFirst()).at(1);
    }

    // Damages a blob of a layout: "flip" (same size, other bytes), "truncate", "missing", "fifo".
    static bool damage(const QString &blobPath, const QString &how, QByteArray *newBytes = nullptr)
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

    // What skopeo's dir: holds for an image of `layout` (manifest.json, version, one file per blob,
    // <hex>.manifest.json per instance of an index).
    static QStringList expectedDirFiles(const QString &layout, const QString &top)
    {
        QSet<QString> names{u"manifest.json"_s, u"version"_s};
        const QStringList manifests = manifestsOf(layout, top);
        for (const QString &m : manifests) {
            if (m != top)
                names.insert(hexOf(m) + u".manifest.json"_s);
            for (const QString &b : blobsOf(layout, m))
                names.insert(hexOf(b));
        }
        QStringList out(names.cbegin(), names.cend());
        out.sort();
        return out;
    }

    static QStringList sortedEntries(const QString &folder)
    {
        QStringList e = allEntries(folder);
        e.sort();
        return e;
    }

    // Mode of every file and folder under root (root included) that differs from what is expected.
    static QStringList wrongModes(const QString &root, mode_t fileMode, mode_t folderMode)
    {
        QStringList wrong;
        auto check = [&](const QString &p) {
            struct stat st {};
            if (::lstat(QFile::encodeName(p).constData(), &st) != 0) {
                wrong << p + u": cannot stat"_s;
                return;
            }
            const mode_t want = S_ISDIR(st.st_mode) ? folderMode : fileMode;
            if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
                wrong << p + u": not a file or folder"_s;
            else if ((st.st_mode & 07777) != want)
                wrong << u"%1: %2, expected %3"_s.arg(p)
                             .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'))
                             .arg(want, 4, 8, QLatin1Char('0'));
        };
        check(root);
        QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            check(it.next());
        return wrong;
    }

    // A dir-transport folder written by skopeo or by stevedore.
    bool makeDirFolder(const QString &layout, const QString &dir, bool bySkopeo, QString *why)
    {
        const ProcessResult r = bySkopeo ? skopeo({u"copy"_s, u"oci:"_s + layout + u":v1"_s, u"dir:"_s + dir})
                                         : cli({u"copy"_s, u"-q"_s, u"oci:"_s + layout + u":v1"_s, u"dir:"_s + dir});
        if (!r.ok())
            *why = describe(r);
        return r.ok() && QFileInfo(dir + u"/version"_s).isFile();
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo(m_cli).isExecutable())
            QFAIL(qPrintable(u"the stevedore CLI is missing at %1 (build the 'stevedore' target)"_s.arg(m_cli)));
        m_skopeo = findTool(u"skopeo"_s);
        m_umoci = findTool(u"umoci"_s);
        if (m_skopeo.isEmpty() || m_umoci.isEmpty())
            QFAIL("skopeo or umoci is missing: run scripts/install-deps.sh --test");
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(path(u"home"_s));
    }

    void cleanup() { m_tmp.reset(); }

    // 1. A folder that merely contains a file named `version` (or none, or one of another version) is the user's
    //    own: refused, left byte for byte, and nothing staged is left beside it.
    void dirRefusesForeignFolder_data()
    {
        QTest::addColumn<QByteArray>("versionFile"); // empty: no version file
        QTest::addColumn<bool>("all");
        QTest::addColumn<QString>("transport");
        QTest::newRow("version file with notes") << QByteArray("my notes\n") << false << u"dir"_s;
        QTest::newRow("version file with notes, --all") << QByteArray("my notes\n") << true << u"dir"_s;
        QTest::newRow("no version file") << QByteArray() << false << u"dir"_s;
        QTest::newRow("version 2 of the dir transport") << QByteArray("Directory Transport Version: 2.0\n") << false << u"dir"_s;
        QTest::newRow("oci: over the folder") << QByteArray("my notes\n") << true << u"oci"_s;
    }

    void dirRefusesForeignFolder()
    {
        QFETCH(QByteArray, versionFile);
        QFETCH(bool, all);
        QFETCH(QString, transport);
        QString digest;
        const QString layout = makeLayout(u"layout"_s, 11, &digest, {stevedore::Platform::host().toString(), otherPlatform()});
        QVERIFY(!digest.isEmpty());
        const QString parent = path(u"work"_s);
        const QString thesis = parent + u"/thesis"_s;
        QVERIFY(QDir().mkpath(thesis + u"/src"_s));
        if (!versionFile.isEmpty())
            QVERIFY(writeBytes(thesis + u"/version"_s, versionFile));
        QVERIFY(writeBytes(thesis + u"/thesis.tex"_s, "\\documentclass{article}\n\\begin{document}Years of work.\\end{document}\n"));
        QVERIFY(writeBytes(thesis + u"/src/main.c"_s, "int main(void) { return 0; }\n"));
        const Tree before = snapshot(thesis);

        QStringList args{u"copy"_s, u"oci:"_s + layout + u":v1"_s,
                         transport == u"dir"_s ? QString(u"dir:"_s + thesis) : QString(u"oci:"_s + thesis + u":v1"_s)};
        if (all)
            args.insert(1, u"--all"_s);
        const ProcessResult r = cli(args);
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.err.contains(QFile::encodeName(thesis)), qPrintable(u"the error must name the folder: "_s + describe(r)));
        const Tree after = snapshot(thesis);
        QVERIFY2(after == before, qPrintable(u"the folder changed:\n"_s + describeTreeDifference(before, after)));
        QCOMPARE(leftovers(parent), QStringList());
        QCOMPARE(sortedEntries(parent), QStringList{u"thesis"_s});
    }

    // 2. The same folder as source and destination, however it is spelled: refused, left as it was.
    void sameSourceAndDestinationRefused_data()
    {
        QTest::addColumn<QString>("source");      // {X} = the folder, {LINK} = a symbolic link to it,
        QTest::addColumn<QString>("destination"); // {OCI} = an OCI layout, {OCILINK} = a link to that
        QTest::newRow("dir:X dir:X") << u"dir:{X}"_s << u"dir:{X}"_s;
        QTest::newRow("dir:X/ dir:X") << u"dir:{X}/"_s << u"dir:{X}"_s;
        QTest::newRow("dir:X dir:X/") << u"dir:{X}"_s << u"dir:{X}/"_s;
        QTest::newRow("dir:X dir:X/.") << u"dir:{X}"_s << u"dir:{X}/."_s;
        QTest::newRow("dir:X dir:LINK") << u"dir:{X}"_s << u"dir:{LINK}"_s;
        QTest::newRow("dir:LINK dir:X") << u"dir:{LINK}"_s << u"dir:{X}"_s;
        QTest::newRow("dir:LINK/ dir:X/") << u"dir:{LINK}/"_s << u"dir:{X}/"_s;
        QTest::newRow("oci:OCI:v1 oci:OCI/:v1") << u"oci:{OCI}:v1"_s << u"oci:{OCI}/:v1"_s;
        QTest::newRow("oci:OCI:v1 oci:OCILINK:v1") << u"oci:{OCI}:v1"_s << u"oci:{OCILINK}:v1"_s;
    }

    void sameSourceAndDestinationRefused()
    {
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QString digest;
        const QString layout = makeLayout(u"layout"_s, 12, &digest);
        QVERIFY(!digest.isEmpty());
        const QString parent = path(u"work"_s);
        QVERIFY(QDir().mkpath(parent));
        const QString x = parent + u"/X"_s;
        QString why;
        QVERIFY2(makeDirFolder(layout, x, true, &why), qPrintable(why));
        QVERIFY(QFile::link(x, parent + u"/LINK"_s));
        QVERIFY(QFile::link(layout, parent + u"/OCILINK"_s));
        const Tree before = snapshot(x);
        const Tree layoutBefore = snapshot(layout);
        for (QString *s : {&source, &destination})
            s->replace(u"{OCILINK}"_s, parent + u"/OCILINK"_s).replace(u"{OCI}"_s, layout)
                .replace(u"{LINK}"_s, parent + u"/LINK"_s).replace(u"{X}"_s, x);

        const ProcessResult r = cli({u"copy"_s, source, destination});
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.err.contains("both the source and the destination"), qPrintable(describe(r)));
        const Tree after = snapshot(x);
        QVERIFY2(after == before, qPrintable(u"X changed:\n"_s + describeTreeDifference(before, after)));
        const Tree layoutAfter = snapshot(layout);
        QVERIFY2(layoutAfter == layoutBefore,
                 qPrintable(u"the layout changed:\n"_s + describeTreeDifference(layoutBefore, layoutAfter)));
        QCOMPARE(leftovers(parent), QStringList());
        QCOMPARE(leftovers(path(QString())), QStringList());
        QVERIFY(QFileInfo(parent + u"/LINK"_s).isSymLink());
        QVERIFY2(skopeo({u"inspect"_s, u"--raw"_s, u"dir:"_s + x}).out == readFileBytes(layoutBlobPath(layout, digest)),
                 "X no longer holds its image");
    }

    // 3. A real dir-transport folder is replaced by another image: afterwards it holds exactly the new image.
    void replaceDirTransportFolder_data()
    {
        QTest::addColumn<bool>("bySkopeo");
        QTest::addColumn<bool>("newIsIndex");
        QTest::newRow("written by skopeo") << true << false;
        QTest::newRow("written by stevedore") << false << false;
        QTest::newRow("written by skopeo, replaced by an index (--all)") << true << true;
    }

    void replaceDirTransportFolder()
    {
        QFETCH(bool, bySkopeo);
        QFETCH(bool, newIsIndex);
        QString oldDigest, newDigest;
        const QString oldLayout = makeLayout(u"old"_s, 21, &oldDigest);
        const QString newLayout = makeLayout(u"new"_s, 22, &newDigest,
                                             newIsIndex ? QStringList{stevedore::Platform::host().toString(), otherPlatform()}
                                                        : QStringList{});
        QVERIFY(!oldDigest.isEmpty() && !newDigest.isEmpty());
        const QString parent = path(u"work"_s);
        QVERIFY(QDir().mkpath(parent));
        const QString x = parent + u"/X"_s;
        QString why;
        QVERIFY2(makeDirFolder(oldLayout, x, bySkopeo, &why), qPrintable(why));
        QCOMPARE(sortedEntries(x), expectedDirFiles(oldLayout, oldDigest));

        QStringList args{u"copy"_s, u"-q"_s, u"oci:"_s + newLayout + u":v1"_s, u"dir:"_s + x};
        if (newIsIndex)
            args.insert(1, u"--all"_s);
        const ProcessResult r = cli(args);
        QVERIFY2(r.ok(), qPrintable(describe(r)));

        const QByteArray newTop = readFileBytes(layoutBlobPath(newLayout, newDigest));
        QCOMPARE(readFileBytes(x + u"/manifest.json"_s), newTop);
        QCOMPARE(sortedEntries(x), expectedDirFiles(newLayout, newDigest));
        for (const QString &old : blobsOf(oldLayout, oldDigest))
            QVERIFY2(!QFileInfo::exists(x + u'/' + hexOf(old)), qPrintable(u"a blob of the old image is left: "_s + old));
        for (const QString &m : manifestsOf(newLayout, newDigest))
            for (const QString &b : blobsOf(newLayout, m))
                QCOMPARE(readFileBytes(x + u'/' + hexOf(b)), readFileBytes(layoutBlobPath(newLayout, b)));
        const ProcessResult inspected = skopeo({u"inspect"_s, u"--raw"_s, u"dir:"_s + x});
        QVERIFY2(inspected.ok(), qPrintable(describe(inspected)));
        QCOMPARE(inspected.out, newTop);
        QCOMPARE(leftovers(parent), QStringList());
        QCOMPARE(sortedEntries(parent), QStringList{u"X"_s});
    }

    // 4. A copy into an existing dir-transport folder that fails midway leaves the old folder as it was.
    void failedReplaceKeepsOldFolder_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<bool>("bySkopeo");
        QTest::newRow("flipped byte in a layer") << u"flip"_s << true;
        QTest::newRow("truncated layer") << u"truncate"_s << true;
        QTest::newRow("missing layer") << u"missing"_s << false;
        QTest::newRow("flipped byte in a layer, stevedore's folder") << u"flip"_s << false;
    }

    void failedReplaceKeepsOldFolder()
    {
        QFETCH(QString, how);
        QFETCH(bool, bySkopeo);
        QString oldDigest, badDigest;
        const QString oldLayout = makeLayout(u"old"_s, 31, &oldDigest);
        // The damaged layer is the last one, so that the copy has written other blobs when it fails.
        const QString badLayout = makeLayout(u"bad"_s, 32, &badDigest, {}, 256 * 1024, 3);
        QVERIFY(!oldDigest.isEmpty() && !badDigest.isEmpty());
        const QStringList badBlobs = blobsOf(badLayout, badDigest);
        QVERIFY(damage(layoutBlobPath(badLayout, badBlobs.last()), how));
        const QString parent = path(u"work"_s);
        QVERIFY(QDir().mkpath(parent));
        const QString x = parent + u"/X"_s;
        QString why;
        QVERIFY2(makeDirFolder(oldLayout, x, bySkopeo, &why), qPrintable(why));
        const Tree before = snapshot(x);

        const ProcessResult r = cli({u"copy"_s, u"oci:"_s + badLayout + u":v1"_s, u"dir:"_s + x});
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.err.contains(hexOf(badBlobs.last()).toLatin1()), qPrintable(describe(r)));
        const Tree after = snapshot(x);
        QVERIFY2(after == before, qPrintable(u"the old folder changed:\n"_s + describeTreeDifference(before, after)));
        QCOMPARE(leftovers(parent), QStringList());
        QCOMPARE(sortedEntries(parent), QStringList{u"X"_s});
    }

    // 5. A new oci: layout appears only complete: a failed copy leaves no trace, a successful one a layout that
    //    skopeo and umoci read.
    void newOciLayout_data()
    {
        QTest::addColumn<QString>("how");   // empty: an intact source
        QTest::addColumn<QString>("where"); // relative to the parent folder
        QTest::newRow("success") << QString() << u"NEW"_s;
        QTest::newRow("success in new folders") << QString() << u"a/b/NEW"_s;
        QTest::newRow("corrupt layer") << u"flip"_s << u"NEW"_s;
        QTest::newRow("corrupt layer, new folders") << u"flip"_s << u"a/b/NEW"_s;
        QTest::newRow("truncated layer") << u"truncate"_s << u"NEW"_s;
        QTest::newRow("layer is a FIFO") << u"fifo"_s << u"NEW"_s;
    }

    void newOciLayout()
    {
        QFETCH(QString, how);
        QFETCH(QString, where);
        QString digest;
        const QString layout = makeLayout(u"layout"_s, 41, &digest, {stevedore::Platform::host().toString(), otherPlatform()},
                                          200 * 1024, 2);
        QVERIFY(!digest.isEmpty());
        // the last layer of the last platform: other blobs are written first
        const QString victim = blobsOf(layout, manifestsOf(layout, digest).constLast()).constLast();
        if (!how.isEmpty())
            QVERIFY(damage(layoutBlobPath(layout, victim), how));
        const QString parent = path(u"work"_s);
        QVERIFY(QDir().mkpath(parent));
        const QString target = parent + u'/' + where;

        QElapsedTimer timer;
        timer.start();
        const ProcessResult r = cli({u"copy"_s, u"--all"_s, u"-q"_s, u"oci:"_s + layout + u":v1"_s, u"oci:"_s + target + u":v1"_s},
                                    10000);
        if (how.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            const ProcessResult raw = skopeo({u"inspect"_s, u"--raw"_s, u"oci:"_s + target + u":v1"_s});
            QVERIFY2(raw.ok(), qPrintable(describe(raw)));
            QCOMPARE(raw.out, readFileBytes(layoutBlobPath(layout, digest)));
            const ProcessResult ls = runProcess(m_umoci, {u"ls"_s, u"--layout"_s, target}, 30000, m_env);
            QVERIFY2(ls.ok(), qPrintable(describe(ls)));
            QCOMPARE(ls.out.trimmed(), QByteArray("v1"));
            QVERIFY(QFileInfo(target + u"/oci-layout"_s).isFile());
            QCOMPARE(leftovers(QFileInfo(target).absolutePath()), QStringList());
            QCOMPARE(sortedEntries(parent), QStringList{where.section(u'/', 0, 0)});
            return;
        }
        qInfo("exit %d in %lld ms, stderr: %s", r.exitCode, timer.elapsed(), r.err.trimmed().constData());
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(timer.elapsed() < 3000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
        QVERIFY2(r.err.contains(hexOf(victim).left(12).toLatin1()), qPrintable(u"the error must name the blob: "_s + describe(r)));
        QVERIFY2(!QFileInfo::exists(target), qPrintable(target + u" exists after a failed copy"_s));
        QCOMPARE(allEntries(parent), QStringList()); // no staging folder, no half-made a/b
    }

    // 5b. A failed copy into an existing oci: layout (another tag) changes nothing that was there: index.json, the
    //     other tags, every file byte for byte; no temporary file is left in it.
    void failedCopyIntoExistingOciLayout_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<QString>("tag");
        QTest::newRow("corrupt layer, new tag") << u"flip"_s << u"v2"_s;
        QTest::newRow("corrupt layer, same tag") << u"flip"_s << u"v1"_s;
        QTest::newRow("layer is a FIFO, new tag") << u"fifo"_s << u"v2"_s;
    }

    void failedCopyIntoExistingOciLayout()
    {
        QFETCH(QString, how);
        QFETCH(QString, tag);
        QString goodDigest, badDigest;
        const QString good = makeLayout(u"good"_s, 141, &goodDigest);
        const QString bad = makeLayout(u"bad"_s, 142, &badDigest, {}, 200 * 1024, 3);
        QVERIFY(!goodDigest.isEmpty() && !badDigest.isEmpty());
        QVERIFY(damage(layoutBlobPath(bad, blobsOf(bad, badDigest).constLast()), how));
        const QString parent = path(u"work"_s);
        QVERIFY(QDir().mkpath(parent));
        const QString existing = parent + u"/E"_s;
        ProcessResult r = cli({u"copy"_s, u"-q"_s, u"oci:"_s + good + u":v1"_s, u"oci:"_s + existing + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Tree before = snapshot(existing);

        r = cli({u"copy"_s, u"oci:"_s + bad + u":v1"_s, u"oci:"_s + existing + u':' + tag}, 10000);
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const Tree after = snapshot(existing);
        QStringList changed;
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (after.value(it.key()) != it.value())
                changed << it.key();
        QVERIFY2(changed.isEmpty(), qPrintable(u"changed or removed: "_s + changed.join(u", "_s)));
        for (auto it = after.cbegin(); it != after.cend(); ++it)
            QVERIFY2(!it.key().contains(u".stevedore-tmp-"_s) && !it.key().contains(u".lock"_s),
                     qPrintable(u"left behind: "_s + it.key()));
        QCOMPARE(leftovers(parent), QStringList());
        const ProcessResult ls = runProcess(m_umoci, {u"ls"_s, u"--layout"_s, existing}, 30000, m_env);
        QVERIFY2(ls.ok(), qPrintable(describe(ls)));
        QCOMPARE(ls.out.trimmed(), QByteArray("v1"));
        const ProcessResult raw = skopeo({u"inspect"_s, u"--raw"_s, u"oci:"_s + existing + u":v1"_s});
        QVERIFY2(raw.ok(), qPrintable(describe(raw)));
        QCOMPARE(raw.out, readFileBytes(layoutBlobPath(good, goodDigest)));
    }

    // 6. Modes: what a copy writes follows the umask (0666/0777 minus it), streamed blobs included.
    void fileModes_data()
    {
        QTest::addColumn<QString>("umask");
        QTest::addColumn<QString>("transport");
        QTest::addColumn<int>("fileMode");
        QTest::addColumn<int>("folderMode");
        for (const QString &t : {u"oci"_s, u"dir"_s, u"store"_s}) {
            QTest::addRow("umask 022, %s", qPrintable(t)) << u"022"_s << t << 0644 << 0755;
            QTest::addRow("umask 027, %s", qPrintable(t)) << u"027"_s << t << 0640 << 0750;
        }
        QTest::newRow("umask 002, oci") << u"002"_s << u"oci"_s << 0664 << 0775;
        QTest::newRow("umask 077, dir") << u"077"_s << u"dir"_s << 0600 << 0700;
    }

    void fileModes()
    {
        QFETCH(QString, umask);
        QFETCH(QString, transport);
        QFETCH(int, fileMode);
        QFETCH(int, folderMode);
        QString digest;
        const QString layout = makeLayout(u"layout"_s, 51, &digest, {stevedore::Platform::host().toString(), otherPlatform()});
        QVERIFY(!digest.isEmpty());
        const QString parent = path(u"work"_s);
        QVERIFY(QDir().mkpath(parent));
        const QString target = parent + u"/T"_s;
        QStringList args{u"copy"_s, u"--all"_s, u"-q"_s, u"oci:"_s + layout + u":v1"_s};
        if (transport == u"oci"_s)
            args << u"oci:"_s + target + u":v1"_s;
        else if (transport == u"dir"_s)
            args << u"dir:"_s + target;
        else
            args = QStringList{u"pull"_s, u"--all"_s, u"-q"_s, u"--root"_s, target, u"oci:"_s + layout + u":v1"_s, u"app:v1"_s};
        const ProcessResult r = cliWithUmask(umask, args);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        // What was written is there...
        if (transport == u"dir"_s)
            QCOMPARE(sortedEntries(target), expectedDirFiles(layout, digest));
        else
            for (const QString &m : manifestsOf(layout, digest)) {
                const QStringList blobs = blobsOf(layout, m) + QStringList{m};
                for (const QString &b : blobs)
                    QVERIFY2(QFileInfo(layoutBlobPath(target, b)).isFile(), qPrintable(b));
            }
        // ...with the mode the umask asks for.
        const QStringList wrong = wrongModes(target, mode_t(fileMode), mode_t(folderMode));
        QVERIFY2(wrong.isEmpty(), qPrintable(u"wrong modes:\n"_s + wrong.join(u'\n')));
    }

    // 7. An oci: source must be an OCI image layout of version 1.x, told by its oci-layout file.
    void ociSourceLayoutFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("present");
        QTest::newRow("missing") << QByteArray() << false;
        QTest::newRow("version 2.0.0") << QByteArray(R"({"imageLayoutVersion":"2.0.0"})") << true;
        QTest::newRow("not JSON") << QByteArray("imageLayoutVersion=1.0.0\n") << true;
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("JSON without the version") << QByteArray(R"({"layout":"1.0.0"})") << true;
    }

    void ociSourceLayoutFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, present);
        QString digest;
        const QString layout = makeLayout(u"src"_s, 61, &digest);
        QVERIFY(!digest.isEmpty());
        QVERIFY(QFile::remove(layout + u"/oci-layout"_s));
        if (present)
            QVERIFY(writeBytes(layout + u"/oci-layout"_s, content));
        const QString parent = path(u"work"_s);
        QVERIFY(QDir().mkpath(parent));
        for (const QString &dest : QStringList{u"dir:"_s + parent + u"/D"_s, u"oci:"_s + parent + u"/O:v1"_s}) {
            const ProcessResult r = cli({u"copy"_s, u"oci:"_s + layout + u":v1"_s, dest});
            qInfo("%s: exit %d, stderr: %s", qPrintable(dest), r.exitCode, r.err.trimmed().constData());
            const QString problem = cleanFailureProblem(r);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QVERIFY2(r.err.contains("oci-layout"), qPrintable(u"the error must mention oci-layout: "_s + describe(r)));
            QCOMPARE(allEntries(parent), QStringList());
        }
    }

    // 8. Inputs that are not regular files are refused at once, never read (a FIFO would block, /dev/zero never
    //    ends), and nothing is written.
    void notRegularFiles_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("FIFO as --authfile") << u"authfile-fifo"_s;
        QTest::newRow("/dev/zero as --authfile") << u"authfile-zero"_s;
        QTest::newRow("FIFO as index.json") << u"index"_s;
        QTest::newRow("FIFO as a layer blob") << u"layer"_s;
        QTest::newRow("FIFO as the config blob") << u"config"_s;
        QTest::newRow("FIFO as the manifest blob") << u"manifest"_s;
        QTest::newRow("FIFO as oci-layout") << u"oci-layout"_s;
        QTest::newRow("FIFO as a dir: source's manifest.json") << u"dir-manifest"_s;
        QTest::newRow("FIFO as a dir: source's layer") << u"dir-layer"_s;
    }

    void notRegularFiles()
    {
        QFETCH(QString, what);
        QString digest;
        const QString layout = makeLayout(u"src"_s, 71, &digest);
        QVERIFY(!digest.isEmpty());
        QStringList extra;
        QString fifo;
        QString source = u"oci:"_s + layout + u":v1"_s;
        if (what.startsWith(u"dir-"_s)) {
            const QString dir = path(u"dirsrc"_s);
            const ProcessResult made = cli({u"copy"_s, u"-q"_s, source, u"dir:"_s + dir});
            QVERIFY2(made.ok(), qPrintable(describe(made)));
            source = u"dir:"_s + dir;
            fifo = dir + u'/' + (what == u"dir-manifest"_s ? u"manifest.json"_s : hexOf(blobsOf(layout, digest).at(1)));
        } else if (what == u"authfile-fifo"_s) {
            fifo = path(u"auth.json"_s);
            extra << u"--authfile"_s << fifo;
        } else if (what == u"authfile-zero"_s) {
            extra << u"--authfile"_s << u"/dev/zero"_s;
        } else if (what == u"index"_s) {
            fifo = layout + u"/index.json"_s;
        } else if (what == u"oci-layout"_s) {
            fifo = layout + u"/oci-layout"_s;
        } else {
            const QStringList blobs = blobsOf(layout, digest);
            fifo = layoutBlobPath(layout, what == u"layer"_s ? blobs.at(1) : what == u"config"_s ? blobs.at(0) : digest);
        }
        if (!fifo.isEmpty()) {
            QFile::remove(fifo);
            QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
        }
        const QString parent = path(u"work"_s);
        QVERIFY(QDir().mkpath(parent));
        for (const QString &dest : QStringList{u"dir:"_s + parent + u"/D"_s, u"oci:"_s + parent + u"/O:v1"_s}) {
            QElapsedTimer timer;
            timer.start();
            const ProcessResult r = cli(QStringList{u"copy"_s} + extra + QStringList{source, dest}, 10000);
            const qint64 ms = timer.elapsed();
            qInfo("%s: exit %d in %lld ms, stderr: %s", qPrintable(dest), r.exitCode, ms, r.err.trimmed().constData());
            const QString problem = cleanFailureProblem(r);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QVERIFY2(ms < 3000, qPrintable(u"took %1 ms"_s.arg(ms)));
            QVERIFY2(r.err.contains("regular file") || r.err.contains("pipe") || r.err.contains("FIFO"),
                     qPrintable(u"unclear message: "_s + describe(r)));
            if (what.startsWith(u"authfile"_s))
                QCOMPARE(r.exitCode, 2);
            QCOMPARE(allEntries(parent), QStringList());
        }
    }

    // 8b. Oversized metadata is refused before it is read into memory.
    void tooLargeRefusedQuickly_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("index.json of 9 MiB valid JSON") << u"index-json"_s;
        QTest::newRow("index.json of 1 GiB (sparse)") << u"index-sparse"_s;
        QTest::newRow("manifest blob of 1 GiB (sparse)") << u"manifest-sparse"_s;
    }

    void tooLargeRefusedQuickly()
    {
        QFETCH(QString, what);
        QString digest;
        const QString layout = makeLayout(u"src"_s, 81, &digest);
        QVERIFY(!digest.isEmpty());
        if (what == u"index-json"_s) {
            QByteArray index = readFileBytes(layout + u"/index.json"_s).trimmed();
            QVERIFY(index.endsWith('}'));
            index.chop(1);
            index += ",\"padding\":\"" + QByteArray(9 * 1024 * 1024, 'x') + "\"}";
            QVERIFY(QJsonDocument::fromJson(index).isObject());
            QVERIFY(writeBytes(layout + u"/index.json"_s, index));
        } else {
            const QString file = what == u"index-sparse"_s ? layout + u"/index.json"_s : layoutBlobPath(layout, digest);
            QVERIFY(::truncate(QFile::encodeName(file).constData(), qint64(1) << 30) == 0);
        }
        const QString parent = path(u"work"_s);
        QVERIFY(QDir().mkpath(parent));
        const QString time = QFileInfo(u"/usr/bin/time"_s).isExecutable() ? u"/usr/bin/time"_s : QString();
        const QString timeout = findTool(u"timeout"_s);
        if (time.isEmpty() || timeout.isEmpty())
            qWarning("/usr/bin/time or timeout is missing: peak memory not checked");
        const QString peakFile = path(u"peak.txt"_s);
        for (const QString &dest : QStringList{u"dir:"_s + parent + u"/D"_s, u"oci:"_s + parent + u"/O:v1"_s}) {
            const QStringList args{u"copy"_s, u"oci:"_s + layout + u":v1"_s, dest};
            QElapsedTimer timer;
            timer.start();
            const bool measure = !time.isEmpty() && !timeout.isEmpty();
            QFile::remove(peakFile);
            // GNU time writes the peak RSS (KiB) of the command and its waited-for children to a file (stderr stays
            // the program's own); timeout ends a hung stevedore, which runProcess's kill of `time` would not reach.
            const ProcessResult r =
                measure ? runProcess(time, QStringList{u"-q"_s, u"-o"_s, peakFile, u"-f"_s, u"%M"_s, timeout,
                                                       u"-s"_s, u"KILL"_s, u"10"_s, m_cli} + args,
                                     12000, m_env)
                        : cli(args, 10000);
            const qint64 ms = timer.elapsed();
            qint64 peakKib = -1;
            if (measure) {
                peakKib = readFileBytes(peakFile).trimmed().toLongLong();
                QVERIFY2(peakKib > 0, qPrintable(u"no peak memory reported: "_s + describe(r)));
            }
            qInfo("%s: exit %d in %lld ms, peak %lld KiB, stderr: %s", qPrintable(dest), r.exitCode, ms, peakKib,
                  r.err.trimmed().constData());
            const QString problem = cleanFailureProblem(r);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QVERIFY2(ms < 3000, qPrintable(u"took %1 ms"_s.arg(ms)));
            QVERIFY2(r.err.contains("limit") || r.err.contains("too large") || r.err.contains("larger than"),
                     qPrintable(u"expected a too-large message: "_s + describe(r)));
            if (peakKib > 0)
                QVERIFY2(peakKib < 150 * 1024, qPrintable(u"peak memory %1 KiB"_s.arg(peakKib)));
            QCOMPARE(allEntries(parent), QStringList());
        }
    }

    // 9. A port out of range is a usage error.
    void portOutOfRange_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("location");
        QTest::newRow("push :99999") << u"push"_s << u"docker://127.0.0.1:99999/x:y"_s;
        QTest::newRow("copy :99999") << u"copy"_s << u"docker://127.0.0.1:99999/x:y"_s;
        QTest::newRow("push :65536") << u"push"_s << u"docker://127.0.0.1:65536/x:y"_s;
        QTest::newRow("push :0") << u"push"_s << u"docker://127.0.0.1:0/x:y"_s;
        QTest::newRow("inspect :99999") << u"inspect"_s << u"docker://127.0.0.1:99999/x:y"_s;
    }

    void portOutOfRange()
    {
        QFETCH(QString, command);
        QFETCH(QString, location);
        QString digest;
        const QString layout = makeLayout(u"src"_s, 91, &digest);
        QVERIFY(!digest.isEmpty());
        QStringList args{command, u"--tls-verify=false"_s};
        if (command != u"inspect"_s)
            args << u"oci:"_s + layout + u":v1"_s;
        args << location;
        const ProcessResult r = cli(args, 10000);
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.exitCode == 2, qPrintable(u"a usage error (2) expected: "_s + describe(r)));
        QVERIFY2(r.err.contains("port"), qPrintable(describe(r)));
    }

    // 10. --digestfile in a folder that does not exist: a usage error before any request.
    void digestFileCheckedBeforeAnyRequest_data()
    {
        QTest::addColumn<QString>("digestFile"); // FOLDER = an existing folder of the test
        QTest::newRow("folder missing") << u"/nonexistent-folder/d.txt"_s;
        QTest::newRow("folder missing (relative to an existing one)") << u"FOLDER/missing/d.txt"_s;
        QTest::newRow("parent is a regular file") << u"FOLDER/file/d.txt"_s;
    }

    void digestFileCheckedBeforeAnyRequest()
    {
        QFETCH(QString, digestFile);
        QString digest;
        const QString layout = makeLayout(u"src"_s, 101, &digest);
        QVERIFY(!digest.isEmpty());
        const QString folder = path(u"work"_s);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(writeBytes(folder + u"/file"_s, "not a folder\n"));
        digestFile.replace(u"FOLDER"_s, folder);
        QVERIFY(!QFileInfo::exists(QFileInfo(digestFile).absolutePath()) || !QFileInfo(QFileInfo(digestFile).absolutePath()).isDir());

        LoopbackHttpServer fake;
        QVERIFY(fake.listen());
        fake.setResponder([](const SeenRequest &) {
            return httpAnswer(404, "Content-Type: application/json\r\n",
                              R"({"errors":[{"code":"NAME_UNKNOWN","message":"no"}]})");
        });
        const QString dest = u"docker://127.0.0.1:%1/team/app:v1"_s.arg(fake.port());
        const QString source = u"oci:"_s + layout + u":v1"_s;

        const ProcessResult r = cli({u"push"_s, u"--tls-verify=false"_s, u"--retry=0"_s, u"--digestfile"_s, digestFile,
                                     source, dest}, 15000);
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.exitCode == 2, qPrintable(u"a usage error (2) expected: "_s + describe(r)));
        QVERIFY2(r.err.contains("digestfile") || r.err.contains("digest file"), qPrintable(describe(r)));
        QCOMPARE(fake.requestCount(), 0);
        QCOMPARE(fake.connectionCount(), 0);

        // The same push without --digestfile does reach the fake registry (so the count above means something).
        const ProcessResult control = cli({u"push"_s, u"--tls-verify=false"_s, u"--retry=0"_s, source, dest}, 15000);
        QVERIFY2(control.exitCode != 0 && !control.timedOut, qPrintable(describe(control)));
        QVERIFY2(fake.requestCount() > 0, qPrintable(describe(control)));
        QVERIFY(!QFileInfo::exists(digestFile));
    }

    // 10b. --digestfile naming an existing folder (which can never be replaced by a file) is refused before the
    //      push too: a push must not succeed only to fail on its digest file.
    void digestFileIsAFolder_data()
    {
        QTest::addColumn<bool>("push");
        QTest::newRow("push to a fake registry") << true;
        QTest::newRow("copy to a new oci: layout") << false;
    }

    void digestFileIsAFolder()
    {
        QFETCH(bool, push);
        QString digest;
        const QString layout = makeLayout(u"src"_s, 102, &digest);
        QVERIFY(!digest.isEmpty());
        const QString folder = path(u"work/digest.txt"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString target = path(u"work/T"_s);
        LoopbackHttpServer fake;
        QVERIFY(fake.listen());
        fake.setResponder([](const SeenRequest &) { return httpAnswer(404); });
        const QString dest = push ? u"docker://127.0.0.1:%1/team/app:v1"_s.arg(fake.port()) : u"oci:"_s + target + u":v1"_s;
        const ProcessResult r = cli({push ? u"push"_s : u"copy"_s, u"--tls-verify=false"_s, u"--retry=0"_s,
                                     u"--digestfile"_s, folder, u"oci:"_s + layout + u":v1"_s, dest},
                                    15000);
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.exitCode == 2, qPrintable(u"a usage error (2) expected: "_s + describe(r)));
        QVERIFY2(r.err.contains("digestfile") || r.err.contains("digest file"), qPrintable(describe(r)));
        QCOMPARE(fake.requestCount(), 0);
        QVERIFY2(!QFileInfo::exists(target), "the copy ran although its digest file can never be written");
        QVERIFY(QFileInfo(folder).isDir());
        QCOMPARE(allEntries(folder), QStringList());
    }

    // 11. --progress plain: an image's line "done" comes after every line of its blobs.
    void plainProgressBlobsBeforeImage_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("oci") << u"oci"_s;
        QTest::newRow("dir") << u"dir"_s;
    }

    void plainProgressBlobsBeforeImage()
    {
        QFETCH(QString, transport);
        QString digest;
        // big enough layers that the copy spans several progress ticks
        const QString layout = makeLayout(u"src"_s, 111, &digest, {stevedore::Platform::host().toString(), otherPlatform()},
                                          3 * 1024 * 1024, 3);
        QVERIFY(!digest.isEmpty());
        const QString target = path(u"T"_s);
        const ProcessResult r = cli({u"copy"_s, u"--all"_s, u"--progress"_s, u"plain"_s, u"oci:"_s + layout + u":v1"_s,
                                     transport == u"oci"_s ? QString(u"oci:"_s + target + u":v1"_s) : QString(u"dir:"_s + target)});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QList<QByteArray> lines = r.out.split('\n');
        static const QRegularExpression imageLine(u"^image (sha256:[0-9a-f]{64})(?: \\(([^)]*)\\))?: (\\S+)"_s);
        static const QRegularExpression blobLine(u"^blob ([0-9a-f]{12})"_s);
        QHash<QString, int> imageDone;         // digest -> line number of its "done"
        QHash<QString, QList<int>> blobLines;  // short hex -> line numbers
        for (int i = 0; i < lines.size(); ++i) {
            const QString line = QString::fromUtf8(lines.at(i));
            if (const auto m = imageLine.match(line); m.hasMatch()) {
                if (m.captured(3) == u"done"_s && !imageDone.contains(m.captured(1)))
                    imageDone.insert(m.captured(1), i);
            } else if (const auto b = blobLine.match(line); b.hasMatch()) {
                blobLines[b.captured(1)].append(i);
            }
        }
        QStringList all;
        for (const QString &m : manifestsOf(layout, digest)) {
            QVERIFY2(imageDone.contains(m), qPrintable(u"no \"image %1 ...: done\" line:\n"_s.arg(m) + QString::fromUtf8(r.out)));
            const QStringList blobs = blobsOf(layout, m);
            all += blobs;
            for (const QString &b : blobs) {
                const QList<int> at = blobLines.value(hexOf(b).left(12));
                QVERIFY2(!at.isEmpty(), qPrintable(u"no line for blob %1:\n"_s.arg(b) + QString::fromUtf8(r.out)));
                for (int n : at)
                    QVERIFY2(n < imageDone.value(m),
                             qPrintable(u"line %1 of blob %2 comes after line %3, image %4 done:\n"_s.arg(n + 1).arg(b)
                                            .arg(imageDone.value(m) + 1).arg(m) + QString::fromUtf8(r.out)));
            }
        }
        if (imageDone.contains(digest)) { // the index: after every blob
            for (const QString &b : std::as_const(all))
                for (int n : blobLines.value(hexOf(b).left(12)))
                    QVERIFY2(n < imageDone.value(digest), qPrintable(QString::fromUtf8(r.out)));
        }
    }

    // 12. A layer whose bytes do not match its digest: the error names the layer and both digests.
    void layerDigestMismatchNamesBothDigests_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("to oci") << u"oci"_s;
        QTest::newRow("to dir") << u"dir"_s;
        QTest::newRow("pull into the store") << u"store"_s;
    }

    void layerDigestMismatchNamesBothDigests()
    {
        QFETCH(QString, transport);
        QString digest;
        const QString layout = makeLayout(u"src"_s, 121, &digest);
        QVERIFY(!digest.isEmpty());
        const QString layer = firstLayer(layout, digest);
        QByteArray corrupted;
        QVERIFY(damage(layoutBlobPath(layout, layer), u"flip"_s, &corrupted));
        const QString actual = sha256Digest(corrupted);
        QVERIFY(actual != layer);
        const QString target = path(u"T"_s);
        QStringList args{u"copy"_s, u"oci:"_s + layout + u":v1"_s};
        if (transport == u"oci"_s)
            args << u"oci:"_s + target + u":v1"_s;
        else if (transport == u"dir"_s)
            args << u"dir:"_s + target;
        else
            args = QStringList{u"pull"_s, u"--root"_s, target, u"oci:"_s + layout + u":v1"_s, u"app:v1"_s};
        const ProcessResult r = cli(args);
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("layer"), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(layer.toLatin1()), qPrintable(u"the expected digest %1 is missing: "_s.arg(layer) + describe(r)));
        QVERIFY2(r.err.contains(actual.toLatin1()), qPrintable(u"the actual digest %1 is missing: "_s.arg(actual) + describe(r)));
        if (transport != u"store"_s)
            QVERIFY(!QFileInfo::exists(target));
    }

    // 13. A failed pull into the local store leaves no tag (and an existing tag of that name as it was).
    void failedPullLeavesNoTag_data()
    {
        QTest::addColumn<bool>("nameExists");
        QTest::newRow("new name") << false;
        QTest::newRow("name already tagged") << true;
    }

    void failedPullLeavesNoTag()
    {
        QFETCH(bool, nameExists);
        QString goodDigest, badDigest;
        const QString good = makeLayout(u"good"_s, 131, &goodDigest);
        const QString bad = makeLayout(u"bad"_s, 132, &badDigest);
        QVERIFY(!goodDigest.isEmpty() && !badDigest.isEmpty());
        QVERIFY(damage(layoutBlobPath(bad, firstLayer(bad, badDigest)), u"flip"_s));
        const QString root = path(u"store"_s);

        // Another image in the store, so that `images` has something to list.
        ProcessResult r = cli({u"pull"_s, u"-q"_s, u"--root"_s, root, u"oci:"_s + good + u":v1"_s, u"other:v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        if (nameExists) {
            r = cli({u"pull"_s, u"-q"_s, u"--root"_s, root, u"oci:"_s + good + u":v1"_s, u"name:v1"_s});
            QVERIFY2(r.ok(), qPrintable(describe(r)));
        }
        auto listed = [&]() {
            const ProcessResult images = cli({u"images"_s, u"--root"_s, root, u"--format"_s, u"json"_s});
            QMap<QString, QString> out; // name -> digest
            if (!images.ok()) {
                out.insert(u"<images failed>"_s, describe(images));
                return out;
            }
            for (const QJsonValue &v : QJsonDocument::fromJson(images.out).array())
                out.insert(v[u"repository"_s].toString() + u':' + v[u"tag"_s].toString(), v[u"digest"_s].toString());
            return out;
        };
        const QMap<QString, QString> before = listed();
        QVERIFY2(before.contains(u"docker.io/library/other:v1"_s) || before.contains(u"other:v1"_s),
                 qPrintable(QStringList(before.keys()).join(u", "_s)));
        QCOMPARE(before.size(), nameExists ? 2 : 1);
        const Tree storeBefore = snapshot(root);

        r = cli({u"pull"_s, u"--root"_s, root, u"oci:"_s + bad + u":v1"_s, u"name:v1"_s});
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QMap<QString, QString> after = listed();
        QCOMPARE(after, before);
        // The store's index is unchanged, and no temporary file is left in it.
        QCOMPARE(snapshot(root).value(u"index.json"_s), storeBefore.value(u"index.json"_s));
        QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString p = it.next();
            QVERIFY2(!p.contains(u".stevedore-tmp-"_s) && !p.contains(u".stevedore-new-"_s), qPrintable(p));
        }
    }

    void storeRootMustBeAStoreOrEmpty()
    {
        // --root pointing at a folder of other things (a home folder, a project) is refused: nothing is added to it.
        QString digest;
        const QString good = makeLayout(u"good"_s, 141, &digest);
        const QString root = path(u"notes"_s);
        QVERIFY(QDir().mkpath(root + u"/src"_s));
        QFile notes(root + u"/notes.txt"_s);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("my notes\n");
        notes.close();
        const Tree before = snapshot(root);
        const ProcessResult r = cli({u"pull"_s, u"-q"_s, u"--root"_s, root, u"oci:"_s + good + u":v1"_s, u"name:v1"_s});
        const QString problem = cleanFailureProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.err.contains("not empty") && r.err.contains(root.toUtf8()), r.err.constData());
        QCOMPARE(snapshot(root), before);
        // An empty folder becomes a store.
        const QString empty = path(u"empty-store"_s);
        QVERIFY(QDir().mkpath(empty));
        const ProcessResult ok = cli({u"pull"_s, u"-q"_s, u"--root"_s, empty, u"oci:"_s + good + u":v1"_s, u"name:v1"_s});
        QVERIFY2(ok.ok(), qPrintable(describe(ok)));
        QVERIFY(QFileInfo::exists(empty + u"/index.json"_s));
    }
};

QTEST_GUILESS_MAIN(TestDataSafety)
#include "tst_datasafety.moc"
