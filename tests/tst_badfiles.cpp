// Inputs the local transports must refuse quickly with one clear line on stderr, through the real `stevedore` CLI:
// sources that are not regular files or are too large, oci-layout files of the wrong version, ports out of range,
// --digestfile locations that can never be written (checked before any request), digest mismatches that name both
// digests, and failed pulls that leave no tag; also the order of --progress plain lines. Only 127.0.0.1 traffic (a
// loopback fake registry). What copies may replace is in tst_datasafety; the fixture both share is in
// support/clitest.h.
#include "content/descriptor.h"
#include "support/clitest.h"
#include "support/e2e.h"
#include "support/loopbackserver.h"
#include "support/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

class TestBadFiles : public QObject, public LayoutCliTest
{
    Q_OBJECT

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
};

QTEST_GUILESS_MAIN(TestBadFiles)
#include "tst_badfiles.moc"
