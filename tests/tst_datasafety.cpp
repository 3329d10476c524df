// Data safety of the local transports, through the real `stevedore` CLI: what a copy may replace and what it must
// leave alone (foreign folders, the same location spelled differently, real dir-transport folders), that a failed
// copy leaves the old content (or nothing) behind, the modes of what it writes, and the store's --root rule. skopeo
// and umoci are the oracles of what was written. Inputs that are not regular files, too large or inconsistent are
// in tst_badfiles; the fixture both share is in support/clitest.h.
#include "content/descriptor.h"
#include "support/clitest.h"
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {

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

} // namespace

class TestDataSafety : public QObject, public LayoutCliTest
{
    Q_OBJECT

private:
    // The CLI under a given umask (set by a shell that then execs it).
    ProcessResult cliWithUmask(const QString &umask, const QStringList &args)
    {
        return runProcess(u"/bin/sh"_s, QStringList{u"-c"_s, u"umask %1; exec \"$0\" \"$@\""_s.arg(umask), m_cli} + args,
                          30000, m_env);
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
