// oci-archive:PATH[:REF]: what we write skopeo reads and the reverse, an archive replaced only once the new one is
// complete, no temporary left behind, and bad archives (not a tar, cut short, a path out of the layout, a link)
// refused with a clear error.
#include "content/manifest.h"
#include "support/archivetest.h"
#include "support/copyrun.h"
#include "support/testsupport.h"
#include "transport/transports.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace stevedore;
using stevedore::test::fileBytes;
using stevedore::test::findTool;
using stevedore::test::runCopy;
using stevedore::test::runProcess;
using stevedore::test::writeFileBytes;
using stevedore::test::TestImageSpec;
using stevedore::test::writeTestLayout;

class TestOciArchive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_skopeo = findTool(u"skopeo"_s);
        m_tar = findTool(u"tar"_s);
        if (m_skopeo.isEmpty() || m_tar.isEmpty())
            QFAIL("skopeo and tar are needed (scripts/install-deps.sh --test installs skopeo)");
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir().mkpath(path(u"tmp"_s)));
        qputenv("TMPDIR", path(u"tmp"_s).toLocal8Bit()); // where the transport unpacks and assembles
    }
    void cleanup()
    {
        // Whatever happened, no temporary folder or file stays.
        QCOMPARE(QDir(path(u"tmp"_s)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }

    void skopeoReadsWhatWeWrite_data() { cases(); }
    void skopeoReadsWhatWeWrite()
    {
        QFETCH(bool, asIndex);
        const QString top = makeSource(asIndex);
        QVERIFY(!top.isEmpty());
        const QString archive = path(u"out/a.tar"_s);
        auto out = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci-archive:"_s + archive + u":v1"_s, true, context());
        QVERIFY2(out.state == Job::State::Succeeded, out.error ? qPrintable(out.error->message) : "");
        QCOMPARE(out.digest.toString(), top);
        // A plain tar of a layout: oci-layout, index.json, blobs/sha256/*, nothing else.
        auto list = runProcess(m_tar, {u"-tf"_s, archive});
        QVERIFY2(list.ok(), list.err.constData());
        const QStringList entries = QString::fromUtf8(list.out).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(entries.contains(u"oci-layout"_s) && entries.contains(u"index.json"_s));
        for (const QString &e : entries)
            QVERIFY2(e == u"oci-layout"_s || e == u"index.json"_s || e.startsWith(u"blobs/"_s), qPrintable(e));
        QVERIFY(entries.contains(u"blobs/sha256/"_s + top.mid(7)));
        auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci-archive:"_s + archive + u":v1"_s});
        QVERIFY2(raw.ok(), raw.err.constData());
        QCOMPARE(Digest::sha256Of(raw.out).toString(), top);
        // skopeo copies every blob out of it (and so checks their digests).
        auto back = runProcess(m_skopeo, {u"copy"_s, u"-q"_s, u"--all"_s, u"oci-archive:"_s + archive + u":v1"_s,
                                          u"oci:"_s + path(u"back"_s) + u":t"_s});
        QVERIFY2(back.ok(), back.err.constData());
        QCOMPARE(QDir(path(u"out"_s)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{u"a.tar"_s}); // no temporary archive beside it
    }

    void weReadWhatSkopeoWrites_data() { cases(); }
    void weReadWhatSkopeoWrites()
    {
        QFETCH(bool, asIndex);
        QVERIFY(!makeSource(asIndex).isEmpty());
        const QString archive = path(u"s.tar"_s);
        QStringList args{u"copy"_s, u"-q"_s};
        if (asIndex)
            args << u"--all"_s;
        args << u"oci:"_s + path(u"src"_s) + u":t"_s << u"oci-archive:"_s + archive + u":w"_s;
        auto sk = runProcess(m_skopeo, args);
        QVERIFY2(sk.ok(), sk.err.constData());
        auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci-archive:"_s + archive + u":w"_s});
        QVERIFY(raw.ok());
        const QString skopeoDigest = Digest::sha256Of(raw.out).toString();
        auto out = runCopy(u"oci-archive:"_s + archive + u":w"_s, u"oci:"_s + path(u"z"_s) + u":t"_s, true, context());
        QVERIFY2(out.state == Job::State::Succeeded, out.error ? qPrintable(out.error->message) : "");
        QCOMPARE(out.digest.toString(), skopeoDigest);
        // The only image of an archive needs no name.
        auto only = runCopy(u"oci-archive:"_s + archive, u"oci:"_s + path(u"z2"_s) + u":t"_s, true, context());
        QVERIFY2(only.state == Job::State::Succeeded, only.error ? qPrintable(only.error->message) : "");
        QCOMPARE(only.digest.toString(), skopeoDigest);
    }

    // A failed copy leaves the archive that was there as it was; a complete one replaces it.
    void replacedOnlyWhenComplete()
    {
        const QString top = makeSource(false);
        QVERIFY(!top.isEmpty());
        const QString archive = path(u"keep.tar"_s);
        QVERIFY(writeFileBytes(archive, "the old archive"));
        // A layer whose bytes no longer match its digest: the copy fails at that blob.
        auto m = ImageManifest::parse(*makeRawManifest(fileBytes(path(u"src/blobs/sha256/"_s + top.mid(7)))));
        QVERIFY(m.has_value());
        const QString layer = path(u"src/blobs/sha256/"_s + m->layers.first().digest.hex());
        const QByteArray good = fileBytes(layer);
        QByteArray bad = good;
        bad[bad.size() / 2] = char(bad[bad.size() / 2] ^ 0x55);
        QVERIFY(writeFileBytes(layer, bad));
        auto failed = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci-archive:"_s + archive, false, context());
        QCOMPARE(failed.state, Job::State::Failed);
        QCOMPARE(fileBytes(archive), QByteArray("the old archive"));
        QVERIFY(writeFileBytes(layer, good));
        auto done = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci-archive:"_s + archive, false, context());
        QVERIFY2(done.state == Job::State::Succeeded, done.error ? qPrintable(done.error->message) : "");
        auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci-archive:"_s + archive});
        QVERIFY2(raw.ok(), raw.err.constData());
        QCOMPARE(Digest::sha256Of(raw.out).toString(), top);
    }

    void badArchives()
    {
        QVERIFY(!makeSource(false).isEmpty());
        auto sk = runProcess(m_skopeo, {u"copy"_s, u"-q"_s, u"oci:"_s + path(u"src"_s) + u":t"_s,
                                        u"oci-archive:"_s + path(u"good.tar"_s)});
        QVERIFY2(sk.ok(), sk.err.constData());
        auto errorOf = [this](const QString &archive) -> std::optional<Error> {
            auto r = openImageSource(*TransportReference::parse(u"oci-archive:"_s + archive), context());
            if (r)
                return std::nullopt;
            return r.error();
        };
        // Missing, a folder, not a tar.
        auto missing = errorOf(path(u"none.tar"_s));
        QVERIFY(missing && missing->code == ErrorCode::NotFound);
        QVERIFY(missing->message.contains(path(u"none.tar"_s)));
        auto folder = errorOf(path(u"src"_s));
        QVERIFY(folder && folder->message.contains(u"folder"_s));
        QVERIFY(writeFileBytes(path(u"noise.tar"_s), QByteArray(4096, 'x')));
        auto noise = errorOf(path(u"noise.tar"_s));
        QVERIFY2(noise && noise->code == ErrorCode::MalformedContent, noise ? qPrintable(noise->message) : "opened");
        QVERIFY(noise->message.contains(path(u"noise.tar"_s)));
        // Cut short in the middle of a blob.
        const QByteArray whole = fileBytes(path(u"good.tar"_s));
        QVERIFY(writeFileBytes(path(u"short.tar"_s), whole.left(whole.size() / 2)));
        auto cut = errorOf(path(u"short.tar"_s));
        QVERIFY2(cut && cut->code == ErrorCode::MalformedContent, cut ? qPrintable(cut->message) : "opened");
        // A tar that is no layout.
        QVERIFY(QDir().mkpath(path(u"plain"_s)));
        QVERIFY(writeFileBytes(path(u"plain/readme"_s), "hello"));
        QVERIFY(runProcess(m_tar, {u"-cf"_s, path(u"plain.tar"_s), u"-C"_s, path(u"plain"_s), u"readme"_s}).ok());
        auto notLayout = errorOf(path(u"plain.tar"_s));
        QVERIFY2(notLayout && notLayout->message.contains(u"does not hold an OCI image layout"_s),
                 notLayout ? qPrintable(notLayout->message) : "opened");
        // An entry that climbs out of the folder (../escaped), and a symbolic link.
        QVERIFY(QDir().mkpath(path(u"deep/inner"_s)));
        QVERIFY(writeFileBytes(path(u"deep/escaped"_s), "out"));
        QVERIFY(runProcess(m_tar, {u"-cPf"_s, path(u"climb.tar"_s), u"-C"_s, path(u"deep/inner"_s), u"../escaped"_s}).ok());
        auto climb = errorOf(path(u"climb.tar"_s));
        QVERIFY2(climb && climb->message.contains(u"outside the layout"_s), climb ? qPrintable(climb->message) : "opened");
        QVERIFY(!QFile::exists(path(u"escaped"_s)));
        QVERIFY(QFile::link(u"/etc/passwd"_s, path(u"plain/link"_s)));
        QVERIFY(runProcess(m_tar, {u"-cf"_s, path(u"link.tar"_s), u"-C"_s, path(u"plain"_s), u"link"_s}).ok());
        auto link = errorOf(path(u"link.tar"_s));
        QVERIFY2(link && link->message.contains(u"not a file or a folder"_s), link ? qPrintable(link->message) : "opened");

        // Destinations: a folder, an index position.
        auto toFolder = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci-archive:"_s + path(u"plain"_s), false, context());
        QCOMPARE(toFolder.state, Job::State::Failed);
        QVERIFY(toFolder.error && toFolder.error->message.contains(u"is a folder, not an archive"_s));
        auto toIndex = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci-archive:"_s + path(u"x.tar:@1"_s), false, context());
        QCOMPARE(toIndex.state, Job::State::Failed);
        QVERIFY(!QFile::exists(path(u"x.tar"_s)));
    }

    // What inspect, the push dialog's summary and the details pane open (openSourceAndManifest) unpacks no layer: the
    // same top manifest and config as a full open, layers not there to open, nothing large in the temporary folder.
    void summaryUnpacksNoLayer()
    {
        QVERIFY(!makeSource(false, 5 * 1024 * 1024).isEmpty());
        const QString archive = path(u"big.tar"_s);
        auto out = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci-archive:"_s + archive, false, context());
        QVERIFY2(out.state == Job::State::Succeeded, out.error ? qPrintable(out.error->message) : "");
        stevedore::test::checkSummaryUnpacksNoLayer(u"oci-archive:"_s + archive, path(u"tmp"_s), context());
    }

private:
    static void cases()
    {
        QTest::addColumn<bool>("asIndex");
        QTest::newRow("manifest") << false;
        QTest::newRow("index") << true;
    }
    SystemContext context() const { return stevedore::test::archiveTestContext(m_dir->path()); }
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString makeSource(bool asIndex, qint64 layerSize = 64 * 1024)
    {
        return stevedore::test::writeArchiveTestSource(path(u"src"_s), asIndex, layerSize);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_skopeo, m_tar;
};

QTEST_GUILESS_MAIN(TestOciArchive)
#include "tst_ociarchive.moc"
