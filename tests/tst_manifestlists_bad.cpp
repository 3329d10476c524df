// End to end: `stevedore manifest` (issue 9) given bad input, against Debian's docker-registry with skopeo as the
// oracle. Each case is a clear error (non-zero exit, a message naming the problem, no crash), and nothing is pushed:
// no tag, and where the push is refused before copying, no repository at the destination. Duplicate platforms are
// here too (refused, then pushed with --allow-duplicates). The lists that work are in tst_manifestlists and
// tst_manifestlists_local; the helpers in manifestliststest.h.
#include "manifestliststest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using namespace stevedore::test;
using namespace manifestliststest;

namespace {

// The images here are small: one layer of 16 KiB.
QString writeSmallImage(const QString &dir, const QString &platform, quint32 seed)
{
    return writeImage(dir, platform, seed, 1, 16 * 1024);
}

} // namespace

class TestManifestListsBad : public ManifestListsTest
{
    Q_OBJECT

private:
    std::unique_ptr<RegistryFixture> m_reg; // one plain-http registry per test
    QString m_a, m_b;                       // REG/src/a:amd64 (linux/amd64) and REG/src/b:arm64 (linux/arm64)

    QString host() const { return m_reg->hostPort(); }
    QString listName() const { return host() + u"/dst/app:v1"_s; }

    // A clean failure: it ended by itself with a non-zero code and said something on stderr that contains every one
    // of `words`. Empty when so, else what is wrong.
    static QString cleanFailure(const ProcessResult &r, const QStringList &words)
    {
        if (r.timedOut || r.crashed)
            return u"did not end cleanly: "_s + describe(r);
        if (r.exitCode == 0)
            return u"succeeded: "_s + describe(r);
        const QString err = QString::fromUtf8(r.err);
        if (err.trimmed().isEmpty())
            return u"failed silently: "_s + describe(r);
        for (const QString &w : words)
            if (!err.contains(w))
                return u"the message does not name \"%1\": %2"_s.arg(w, describe(r));
        if (err.contains(u"Assertion"_s) || err.contains(u"ASSERT"_s))
            return u"an assertion fired: "_s + describe(r);
        return {};
    }

    // Nothing at the destination: no tag v1 in dst/app (skopeo finds none either), and (when the push never started
    // copying) no repository.
    QString nothingPushed(bool noRepository = true)
    {
        if (tagExists(*m_reg, u"dst/app"_s, u"v1"_s))
            return u"dst/app:v1 was tagged"_s;
        const ProcessResult r = remoteRaw(*m_reg, listName());
        if (r.ok() || r.timedOut || !r.err.contains("manifest unknown"))
            return u"skopeo inspect of the destination: "_s + describe(r);
        if (noRepository && repositoryExists(*m_reg, u"dst"_s))
            return u"the refused push created the repository dst/app"_s;
        return {};
    }

    QString listBlobPath(const QString &digest) const
    {
        return root() + u"/manifest-lists/blobs/sha256/"_s + digest.section(u':', 1);
    }

    // Creates LIST from REG/src/a:amd64 and REG/src/b:arm64; its bytes.
    QByteArray createList()
    {
        const ProcessResult r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, listName(),
                                           host() + u"/src/a:amd64"_s, host() + u"/src/b:arm64"_s});
        if (!r.ok())
            qWarning("manifest create: %s", qPrintable(describe(r)));
        return r.ok() ? inspectList(listName()) : QByteArray();
    }

    static bool overwrite(const QString &file, const QByteArray &bytes)
    {
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        QFile f(file);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
    }

private slots:
    void init()
    {
        ManifestListsTest::init();
        m_reg = std::make_unique<RegistryFixture>();
        start(*m_reg);
        m_a = writeSmallImage(path(u"layout-a"_s), u"linux/amd64"_s, 201);
        m_b = writeSmallImage(path(u"layout-b"_s), u"linux/arm64"_s, 202);
        QVERIFY(!m_a.isEmpty() && !m_b.isEmpty());
        for (const auto &[layout, ref] : {std::pair<QString, QString>{path(u"layout-a"_s), host() + u"/src/a:amd64"_s},
                                          std::pair<QString, QString>{path(u"layout-b"_s), host() + u"/src/b:arm64"_s}}) {
            const QString digest = seedRegistry(*m_reg, layout, ref);
            QVERIFY2(digest.startsWith(u"sha256:"_s), qPrintable(digest));
        }
    }

    void cleanup()
    {
        m_reg.reset();
        ManifestListsTest::cleanup();
    }

    // An image that does not exist: create names it and saves no list (not even with the images that exist); add
    // leaves the list as it was.
    void imageDoesNotExist()
    {
        const QString nope = host() + u"/nope:x"_s;
        ProcessResult r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, listName(), nope});
        QString problem = cleanFailure(r, {u"nope"_s});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        qInfo("create with a missing image: %s", r.err.trimmed().constData());
        r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, listName(), host() + u"/src/a:amd64"_s, nope});
        problem = cleanFailure(r, {u"nope"_s});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        r = stevedore({u"manifest"_s, u"ls"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.ok() && QJsonDocument::fromJson(r.out).array().isEmpty(), qPrintable(describe(r)));

        const QByteArray bytes = createList();
        QVERIFY(!bytes.isEmpty());
        r = stevedore({u"manifest"_s, u"add"_s, u"--insecure"_s, listName(), nope});
        problem = cleanFailure(r, {u"nope"_s});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(inspectList(listName()), bytes);
        // A local transport that does not exist either.
        r = stevedore({u"manifest"_s, u"add"_s, listName(), u"oci:"_s + path(u"no-such-layout"_s) + u":v1"_s});
        problem = cleanFailure(r, {u"no-such-layout"_s});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(inspectList(listName()), bytes);
        problem = nothingPushed();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Platform values are checked against the known names; the list is left as it was, and it still pushes.
    void badPlatformValues_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("onArm64"); // the arm64 entry, else the amd64 one
        QTest::addColumn<QStringList>("words");
        QTest::newRow("unknown architecture") << QStringList{u"--arch"_s, u"amd46"_s} << false
                                              << QStringList{u"amd46"_s, u"amd64"_s, u"arm64"_s};
        QTest::newRow("unknown os") << QStringList{u"--os"_s, u"linus"_s} << false
                                    << QStringList{u"linus"_s, u"linux"_s, u"windows"_s};
        QTest::newRow("unknown arm64 variant") << QStringList{u"--variant"_s, u"v7"_s} << true
                                               << QStringList{u"v7"_s, u"arm64"_s, u"v8"_s};
        QTest::newRow("variant of an architecture without variants")
            << QStringList{u"--arch"_s, u"s390x"_s, u"--variant"_s, u"v1"_s} << false
            << QStringList{u"v1"_s, u"s390x"_s, u"no variants"_s};
        QTest::newRow("arm64/v8 entry made s390x keeping its variant")
            << QStringList{u"--variant"_s, u"v8"_s, u"--arch"_s, u"s390x"_s} << true
            << QStringList{u"v8"_s, u"s390x"_s, u"no variants"_s};
        QTest::newRow("architecture cleared alone") << QStringList{u"--arch"_s, u""_s} << false
                                                    << QStringList{u"both"_s, u"os \"linux\""_s};
        QTest::newRow("os cleared alone") << QStringList{u"--os"_s, u""_s} << true
                                          << QStringList{u"both"_s, u"architecture \"arm64\""_s};
        QTest::newRow("annotation without a key") << QStringList{u"--annotation"_s, u"=v"_s} << false
                                                  << QStringList{u"KEY=VALUE"_s};
    }

    void badPlatformValues()
    {
        QFETCH(QStringList, options);
        QFETCH(bool, onArm64);
        QFETCH(QStringList, words);
        const QByteArray bytes = createList();
        QVERIFY(!bytes.isEmpty());
        const QString entry = onArm64 ? m_b : m_a;
        ProcessResult r = stevedore(QStringList{u"manifest"_s, u"annotate"_s} + options + QStringList{listName(), entry});
        QString problem = cleanFailure(r, words);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        qInfo("annotate %s: %s", qPrintable(options.join(u' ')), r.err.trimmed().constData());
        QCOMPARE(inspectList(listName()), bytes);

        // add checks the same values.
        r = stevedore(QStringList{u"manifest"_s, u"add"_s} + options
                      + QStringList{listName(), u"oci:"_s + path(onArm64 ? u"layout-b"_s : u"layout-a"_s) + u":v1"_s});
        problem = cleanFailure(r, words);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(inspectList(listName()), bytes);
        problem = nothingPushed();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, listName()});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(tagExists(*m_reg, u"dst/app"_s, u"v1"_s));
    }

    // The list's blob damaged in the store: inspect and push say which list is damaged; nothing is pushed.
    void corruptListBlob_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("\x01\x02 this is not a manifest list \xff\xfe");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("another valid list") << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image"
                                                          ".index.v1+json\",\"manifests\":[]}");
    }

    void corruptListBlob()
    {
        QFETCH(QByteArray, content);
        const QByteArray bytes = createList();
        QVERIFY(!bytes.isEmpty());
        const QString blob = listBlobPath(sha256Digest(bytes));
        QVERIFY2(QFileInfo::exists(blob), qPrintable(blob));
        QVERIFY(overwrite(blob, content));

        ProcessResult r = stevedore({u"manifest"_s, u"inspect"_s, listName()});
        QString problem = cleanFailure(r, {listName()});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        qInfo("inspect: %s", r.err.trimmed().constData());
        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, listName()});
        problem = cleanFailure(r, {listName()});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = nothingPushed();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"-q"_s, listName(),
                       u"docker://"_s + listName()});
        problem = cleanFailure(r, {listName()});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = nothingPushed();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The damaged list is reported, never silently replaced.
        r = stevedore({u"manifest"_s, u"create"_s, u"--amend"_s, u"--insecure"_s, listName(), host() + u"/src/a:amd64"_s});
        problem = cleanFailure(r, {listName()});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(readFileBytes(blob), content);
    }

    // index.json of the list store damaged: every command that reads it says so; nothing is pushed.
    void damagedListIndex_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not JSON") << QByteArray("{\"schemaVersion\": 2, \"manifests\": [");
        QTest::newRow("no schemaVersion") << QByteArray("{\"manifests\": []}");
        QTest::newRow("entry without a digest") << QByteArray("{\"schemaVersion\": 2, \"manifests\": [{\"size\": 3}]}");
    }

    void damagedListIndex()
    {
        QFETCH(QByteArray, content);
        const QByteArray bytes = createList();
        QVERIFY(!bytes.isEmpty());
        const QString index = root() + u"/manifest-lists/index.json"_s;
        QVERIFY(QFileInfo::exists(index));
        QVERIFY(overwrite(index, content));

        const QList<QStringList> commands{
            {u"manifest"_s, u"inspect"_s, u"--insecure"_s, listName()},
            {u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, listName()},
            {u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"-q"_s, listName(), u"docker://"_s + listName()},
            {u"manifest"_s, u"ls"_s},
            {u"manifest"_s, u"rm"_s, listName()},
            {u"manifest"_s, u"annotate"_s, u"--variant"_s, u"v8"_s, listName(), m_b},
            {u"manifest"_s, u"add"_s, u"--insecure"_s, listName(), host() + u"/src/a:amd64"_s},
            // Never silently replaced by a new store.
            {u"manifest"_s, u"create"_s, u"--insecure"_s, host() + u"/dst/other:v1"_s, host() + u"/src/a:amd64"_s},
            {u"manifest"_s, u"create"_s, u"--insecure"_s, listName(), host() + u"/src/a:amd64"_s},
        };
        QStringList problems;
        for (const QStringList &args : commands) {
            const ProcessResult r = stevedore(args);
            qInfo("%s: %s", qPrintable(args.mid(0, 2).join(u' ')), r.err.trimmed().constData());
            const QString problem = cleanFailure(r, {u"index.json"_s});
            if (!problem.isEmpty())
                problems << args.join(u' ') + u": "_s + problem;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
        QString problem = nothingPushed();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(readFileBytes(index), content);
    }

    // A listed image deleted from its registry repository after the list was made: the push names it and tags
    // nothing.
    void childDeletedFromRegistry()
    {
        const QByteArray bytes = createList();
        QVERIFY(!bytes.isEmpty());
        ProcessResult r = skopeo({u"delete"_s, u"--tls-verify=false"_s, u"docker://"_s + host() + u"/src/b@"_s + m_b});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = remoteRaw(*m_reg, host() + u"/src/b@"_s + m_b);
        QVERIFY2(!r.ok() && r.err.contains("manifest unknown"), qPrintable(describe(r)));

        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, u"--retry"_s, u"0"_s, listName()});
        QString problem = cleanFailure(r, {host() + u"/src/b"_s});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        qInfo("push: %s", r.err.trimmed().constData());
        problem = nothingPushed(false); // the other image may have been copied; the list is not tagged
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(inspectList(listName()), bytes); // the local list is kept
        r = stevedore({u"manifest"_s, u"inspect"_s, u"--insecure"_s, u"--verbose"_s, listName()});
        problem = cleanFailure(r, {host() + u"/src/b"_s});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // A listed image read from an OCI layout that is gone by push time.
    void childLayoutDeleted()
    {
        const QString layoutC = path(u"layout-c"_s);
        QVERIFY(!writeSmallImage(layoutC, u"linux/arm64"_s, 203).isEmpty());
        ProcessResult r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, listName(), host() + u"/src/a:amd64"_s,
                                     u"oci:"_s + layoutC + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(QDir(layoutC).removeRecursively());

        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, listName()});
        QString problem = cleanFailure(r, {layoutC});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        qInfo("push: %s", r.err.trimmed().constData());
        problem = nothingPushed(false);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, u"--purge"_s, listName()});
        QVERIFY(!r.ok());
        QVERIFY2(!inspectList(listName()).isEmpty(), "a failed push --purge must keep the list");
    }

    // Names and options that cannot work: usage errors that say why, and no list saved.
    void badNamesAndOptions()
    {
        const QString a = host() + u"/src/a:amd64"_s;
        struct Case {
            QStringList args;
            QStringList words;
        };
        const QList<Case> cases{
            {{u"manifest"_s, u"create"_s, u"--insecure"_s, host() + u"/dst/app@sha256:"_s + QString(64, u'0'), a}, {u"digest"_s}},
            {{u"manifest"_s, u"create"_s, u"--insecure"_s, u"UPPER/Case:v1"_s, a}, {u"UPPER/Case"_s}},
            {{u"manifest"_s, u"push"_s, u"--all=false"_s, listName()}, {u"--all=false"_s}},
            {{u"manifest"_s, u"ls"_s, u"--format"_s, u"yaml"_s}, {u"yaml"_s}},
            {{u"manifest"_s, u"annotate"_s, listName(), m_a}, {u"nothing to annotate"_s}},
            {{u"manifest"_s, u"remove"_s, listName(), u"sha256:1234"_s}, {u"sha256:1234"_s}},
            {{u"manifest"_s, u"annotate"_s, u"--os"_s, u"linux"_s, listName(), u"sha256:"_s + QString(64, u'1')},
             {u"sha256:"_s + QString(64, u'1')}},
            {{u"manifest"_s, u"push"_s, u"--insecure"_s, host() + u"/dst/never:v1"_s}, {u"no manifest list named"_s}},
            {{u"manifest"_s, u"add"_s, u"--insecure"_s, host() + u"/dst/never:v1"_s, a}, {u"no manifest list named"_s}},
        };
        const QByteArray bytes = createList();
        QVERIFY(!bytes.isEmpty());
        QStringList problems;
        for (const Case &c : cases) {
            const ProcessResult r = stevedore(c.args);
            const QString problem = cleanFailure(r, c.words);
            if (!problem.isEmpty())
                problems << c.args.join(u' ') + u": "_s + problem;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(inspectList(listName()), bytes);
        ProcessResult r = stevedore({u"manifest"_s, u"ls"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.ok() && QJsonDocument::fromJson(r.out).array().size() == 1, qPrintable(describe(r)));

        // --os/--arch/--variant with add --all of an index set several images' platform: refused.
        const QString index = path(u"index"_s);
        QString error;
        QVERIFY2(!writeTestLayout(index, u"v1"_s,
                                  TestImageSpec{.platforms = {u"linux/amd64"_s, u"linux/s390x"_s}, .layersPerPlatform = 1,
                                                .layerSize = 4096, .gzipLayers = true, .seed = 204},
                                  &error).isEmpty(),
                 qPrintable(error));
        r = stevedore({u"manifest"_s, u"add"_s, u"--all"_s, u"--arch"_s, u"arm64"_s, listName(), u"oci:"_s + index + u":v1"_s});
        QString problem = cleanFailure(r, {u"annotate each"_s});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(inspectList(listName()), bytes);

        // A store folder that so far holds only manifest lists takes images too.
        const QStringList pull{u"pull"_s, u"-q"_s, u"oci:"_s + path(u"layout-a"_s) + u":v1"_s, host() + u"/team/image:v1"_s};
        r = stevedore(pull);
        QVERIFY2(r.ok(), qPrintable(describe(r)));

        // A list name that is an image of the local store would make a push ambiguous (a store the pull made first).
        m_env.insert(u"STEVEDORE_ROOT"_s, path(u"root2"_s));
        r = stevedore(pull);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, host() + u"/team/image:v1"_s, a});
        problem = cleanFailure(r, {u"is an image in the local store"_s});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = nothingPushed();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Issue 9, test 7 (here since the push is refused): a platform listed twice is refused at push, naming it, and nothing is pushed; with
    // --allow-duplicates the list is pushed as it is.
    void duplicatePlatforms()
    {
        const QString list = listName();
        QVERIFY(!createList().isEmpty());
        ProcessResult r = stevedore({u"manifest"_s, u"annotate"_s, u"--variant"_s, u"v8"_s, list, m_b});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        // An amd64 image added as arm64/v8: the platform of b, a second time.
        const QString layoutC = path(u"layout-c"_s);
        const QString c = writeSmallImage(layoutC, u"linux/amd64"_s, 163);
        QVERIFY(!c.isEmpty());
        r = stevedore({u"manifest"_s, u"add"_s, u"--arch"_s, u"arm64"_s, u"--variant"_s, u"v8"_s, list,
                       u"oci:"_s + layoutC + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QByteArray bytes = inspectList(list);
        QCOMPARE(platformOf(objectOf(bytes), c),
                 (QJsonObject{{u"os"_s, u"linux"_s}, {u"architecture"_s, u"arm64"_s}, {u"variant"_s, u"v8"_s}}));

        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, list});
        QVERIFY2(!r.ok() && !r.crashed && !r.timedOut, qPrintable(describe(r)));
        QVERIFY2(r.err.contains("linux/arm64/v8") && r.err.contains("--allow-duplicates"), qPrintable(describe(r)));
        QString problem = nothingPushed(); // not tagged, and its images not copied either
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // The other way to a duplicate: annotate c (by the reference it was added from) as amd64, dropping the
        // variant, like a.
        r = stevedore({u"manifest"_s, u"annotate"_s, u"--arch"_s, u"amd64"_s, u"--variant"_s, u""_s, list,
                       u"oci:"_s + layoutC + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, list});
        QVERIFY2(!r.ok() && !r.crashed && !r.timedOut, qPrintable(describe(r)));
        QVERIFY2(r.err.contains("linux/amd64 (2 entries)"), qPrintable(describe(r)));
        problem = nothingPushed();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, u"--allow-duplicates"_s, list});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(tagExists(*m_reg, u"dst/app"_s, u"v1"_s));
        bytes = inspectList(list);
        const ProcessResult raw = remoteRaw(*m_reg, list);
        QVERIFY2(raw.ok(), qPrintable(describe(raw)));
        QCOMPARE(raw.out, bytes);
        QCOMPARE(digestsOf(objectOf(raw.out)), (QStringList{m_a, m_b, c}));
        const QString err = copyAllBack(*m_reg, list, path(u"out"_s));
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    // Ctrl-C while the images are being copied: exit 130, no tag, the local list kept.
    void interruptedPush()
    {
        const QString big = path(u"layout-big"_s);
        QString error;
        QVERIFY2(!writeTestLayout(big, u"v1"_s,
                                  TestImageSpec{.platforms = {u"linux/s390x"_s}, .layersPerPlatform = 2,
                                                .layerSize = 32 * 1024 * 1024, .gzipLayers = false, .asIndex = false,
                                                .seed = 205},
                                  &error).isEmpty(),
                 qPrintable(error));
        ProcessResult r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, listName(), host() + u"/src/a:amd64"_s,
                                     u"oci:"_s + big + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QByteArray bytes = inspectList(listName());

        const QString interrupted = interruptWhileUploading(
            m_cli, {u"manifest"_s, u"push"_s, u"--insecure"_s, u"--purge"_s, u"--progress=json"_s, listName()}, m_env);
        QVERIFY2(interrupted.isEmpty(), qPrintable(interrupted));
        const QString problem = nothingPushed(false);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(inspectList(listName()), bytes); // --purge only after a success
    }

    // A list with no images, and a push to a destination that is no registry reference.
    void emptyListAndBadDestination()
    {
        ProcessResult r = stevedore({u"manifest"_s, u"create"_s, listName()});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, listName()});
        QString problem = cleanFailure(r, {u"empty"_s});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = nothingPushed();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, listName(), u"docker://UPPER/Case:v1"_s});
        problem = cleanFailure(r, {});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        r = stevedore({u"manifest"_s, u"inspect"_s, listName() + u"@sha256:"_s + QString(64, u'0')});
        problem = cleanFailure(r, {});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestManifestListsBad)
#include "tst_manifestlists_bad.moc"
