// dir:PATH in skopeo's layout, round trips with skopeo in both directions.
#include "copy/copyjob.h"
#include "support/copyrun.h"
#include "support/testsupport.h"
#include "transport/transports.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace stevedore;
using stevedore::test::CopyOutcome;
using stevedore::test::findTool;
using stevedore::test::runCopy;
using stevedore::test::runProcess;
using stevedore::test::TestImageSpec;
using stevedore::test::writeTestLayout;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDirTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void readWhatSkopeoWrote_data();
    void readWhatSkopeoWrote();
    void skopeoReadsWhatWeWrote_data();
    void skopeoReadsWhatWeWrote();
    void overwriteRules();
    void errors();

private:
    SystemContext context() const
    {
        SystemContext c;
        c.storageRoot = m_dir->filePath(u"store"_s);
        c.blobInfoCachePath = m_dir->filePath(u"cache.json"_s);
        return c;
    }
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString makeSource(bool asIndex);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_skopeo;
};

void TestDirTransport::initTestCase()
{
    m_skopeo = findTool(u"skopeo"_s);
    if (m_skopeo.isEmpty())
        QFAIL("skopeo is not installed (scripts/install-deps.sh --test installs it)");
}

void TestDirTransport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestDirTransport::makeSource(bool asIndex)
{
    QString error;
    TestImageSpec spec;
    spec.asIndex = asIndex;
    spec.platforms = {Platform::host().toString(), u"linux/arm64/v8"_s};
    spec.gzipLayers = true;
    const QString top = writeTestLayout(path(u"src"_s), u"t"_s, spec, &error);
    if (top.isEmpty())
        qWarning() << error;
    return top;
}

void TestDirTransport::readWhatSkopeoWrote_data()
{
    QTest::addColumn<bool>("asIndex");
    QTest::newRow("manifest") << false;
    QTest::newRow("index") << true;
}

void TestDirTransport::readWhatSkopeoWrote()
{
    QFETCH(bool, asIndex);
    const QString top = makeSource(asIndex);
    QVERIFY(!top.isEmpty());
    QStringList args{u"copy"_s, u"-q"_s};
    if (asIndex)
        args << u"--all"_s;
    args << u"oci:"_s + path(u"src"_s) + u":t"_s << u"dir:"_s + path(u"y"_s);
    auto sk = runProcess(m_skopeo, args);
    QVERIFY2(sk.ok(), sk.err.constData());
    QCOMPARE(Digest::sha256Of(readAll(path(u"y/manifest.json"_s))).toString(), top);

    auto out = runCopy(u"dir:"_s + path(u"y"_s), u"oci:"_s + path(u"z"_s) + u":t"_s, true, context());
    QVERIFY2(out.state == Job::State::Succeeded, out.error ? qPrintable(out.error->message) : "");
    QCOMPARE(out.digest.toString(), top);
    // What we read is valid for skopeo too.
    auto check = runProcess(m_skopeo, {u"copy"_s, u"-q"_s, u"--all"_s, u"oci:"_s + path(u"z"_s) + u":t"_s,
                                       u"oci:"_s + path(u"check"_s) + u":t"_s});
    QVERIFY2(check.ok(), check.err.constData());
}

void TestDirTransport::skopeoReadsWhatWeWrote_data()
{
    readWhatSkopeoWrote_data();
}

void TestDirTransport::skopeoReadsWhatWeWrote()
{
    QFETCH(bool, asIndex);
    const QString top = makeSource(asIndex);
    QVERIFY(!top.isEmpty());
    const QString w = path(u"w"_s);
    auto out = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"dir:"_s + w, true, context());
    QVERIFY2(out.state == Job::State::Succeeded, out.error ? qPrintable(out.error->message) : "");
    QCOMPARE(out.digest.toString(), top);
    QCOMPARE(readAll(w + u"/version"_s), QByteArray("Directory Transport Version: 1.1\n"));
    QCOMPARE(readAll(w + u"/manifest.json"_s), readAll(path(u"src"_s) + u"/blobs/sha256/"_s + top.mid(7)));
    auto top2 = makeRawManifest(readAll(w + u"/manifest.json"_s));
    QVERIFY(top2.has_value());
    if (asIndex) {
        auto index = ImageIndex::parse(*top2);
        QVERIFY(index.has_value());
        for (const Descriptor &d : std::as_const(index->manifests)) {
            QVERIFY(QFile::exists(w + u"/"_s + d.digest.hex() + u".manifest.json"_s));
            auto m = ImageManifest::parse(*makeRawManifest(readAll(w + u"/"_s + d.digest.hex() + u".manifest.json"_s)));
            QVERIFY(m.has_value());
            for (const Descriptor &l : std::as_const(m->layers))
                QVERIFY(QFile::exists(w + u"/"_s + l.digest.hex()));
            QVERIFY(QFile::exists(w + u"/"_s + m->config.digest.hex()));
        }
    }
    // No temporaries left behind.
    for (const QString &name : QDir(w).entryList(QDir::Files | QDir::Hidden))
        QVERIFY2(!name.startsWith(u'.'), qPrintable(name));

    auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"dir:"_s + w});
    QVERIFY2(raw.ok(), raw.err.constData());
    QCOMPARE(Digest::sha256Of(raw.out).toString(), top);
    QStringList args{u"copy"_s, u"-q"_s};
    if (asIndex)
        args << u"--all"_s;
    args << u"dir:"_s + w << u"oci:"_s + path(u"back"_s) + u":t"_s;
    auto back = runProcess(m_skopeo, args);
    QVERIFY2(back.ok(), back.err.constData());
    auto inspectBack = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci:"_s + path(u"back"_s) + u":t"_s});
    QVERIFY(inspectBack.ok());
    QCOMPARE(Digest::sha256Of(inspectBack.out).toString(), top);
}

void TestDirTransport::overwriteRules()
{
    const QString top = makeSource(false);
    QVERIFY(!top.isEmpty());
    // A folder with other files is not ours to overwrite.
    QVERIFY(QDir().mkpath(path(u"busy"_s)));
    QFile precious(path(u"busy/precious.txt"_s));
    QVERIFY(precious.open(QIODevice::WriteOnly));
    precious.write("keep me");
    precious.close();
    auto refused = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"dir:"_s + path(u"busy"_s), false, context());
    QCOMPARE(refused.state, Job::State::Failed);
    QVERIFY(QFile::exists(path(u"busy/precious.txt"_s)));
    // A folder written by the dir transport is replaced, as skopeo does.
    QVERIFY(runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"dir:"_s + path(u"d"_s), false, context()).state
            == Job::State::Succeeded);
    QFile stale(path(u"d/stale"_s));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();
    QVERIFY(runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"dir:"_s + path(u"d"_s), false, context()).state
            == Job::State::Succeeded);
    QVERIFY(!QFile::exists(path(u"d/stale"_s)));
    QVERIFY(QFile::exists(path(u"d/manifest.json"_s)));
}

void TestDirTransport::errors()
{
    auto missing = openImageSource(*TransportReference::parse(u"dir:"_s + path(u"none"_s)), context());
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(missing.error().message.contains(path(u"none"_s)));

    // A corrupt blob in a dir: source is caught by the copy, naming the digest.
    const QString top = makeSource(false);
    QVERIFY(runProcess(m_skopeo, {u"copy"_s, u"-q"_s, u"oci:"_s + path(u"src"_s) + u":t"_s, u"dir:"_s + path(u"y"_s)})
                .ok());
    auto m = ImageManifest::parse(*makeRawManifest(readAll(path(u"y/manifest.json"_s))));
    QVERIFY(m.has_value());
    const Digest layer = m->layers.first().digest;
    QFile f(path(u"y/"_s) + layer.hex());
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 1);
    f.seek(0);
    f.write(bytes);
    f.close();
    auto out = runCopy(u"dir:"_s + path(u"y"_s), u"oci:"_s + path(u"z"_s) + u":t"_s, false, context());
    QCOMPARE(out.state, Job::State::Failed);
    QCOMPARE(out.error->code, ErrorCode::DigestMismatch);
    QVERIFY2(out.error->message.contains(layer.shortHex()), qPrintable(out.error->message));
    auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci:"_s + path(u"z"_s) + u":t"_s});
    QVERIFY(!raw.ok());
}

QTEST_GUILESS_MAIN(TestDirTransport)
#include "tst_dirtransport.moc"
