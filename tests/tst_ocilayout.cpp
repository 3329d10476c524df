// oci:PATH[:REF] read and written by Stevedore, checked against skopeo and umoci.
#include "copy/copyjob.h"
#include "support/copyrun.h"
#include "support/testsupport.h"
#include "transport/oci/ocilayout.h"
#include "transport/transports.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
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

QJsonArray indexEntries(const QString &layout)
{
    QFile f(layout + u"/index.json"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(u"manifests"_s).toArray();
}

QStringList refNames(const QString &layout)
{
    QStringList names;
    for (const QJsonValue &v : indexEntries(layout))
        names << v.toObject().value(u"annotations"_s).toObject().value(u"org.opencontainers.image.ref.name"_s).toString();
    names.sort();
    return names;
}

QByteArray blobBytes(const QString &layout, const QString &digest)
{
    QFile f(layout + u"/blobs/sha256/"_s + digest.mid(7));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList temporaryFiles(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        if (p.contains(u".stevedore-tmp"_s))
            out << p;
    }
    return out;
}

} // namespace

class TestOciLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void manyRefsReadBySkopeoAndUmoci();
    void readsWhatSkopeoWrote();
    void selectionByRef();
    void corruptBlob();
    void missingLayout();
    void hostileIndex();
    void oversizeManifest();
    void destinationWithoutRef();

private:
    SystemContext context() const
    {
        SystemContext c;
        c.storageRoot = m_dir->filePath(u"store"_s);
        c.blobInfoCachePath = m_dir->filePath(u"cache.json"_s);
        return c;
    }
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString m_skopeo, m_umoci;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestOciLayout::initTestCase()
{
    m_skopeo = findTool(u"skopeo"_s);
    m_umoci = findTool(u"umoci"_s);
    if (m_skopeo.isEmpty())
        QFAIL("skopeo is not installed (scripts/install-deps.sh --test installs it)");
    if (m_umoci.isEmpty())
        QFAIL("umoci is not installed (scripts/install-deps.sh --test installs it)");
}

void TestOciLayout::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestOciLayout::manyRefsReadBySkopeoAndUmoci()
{
    QString error;
    TestImageSpec multi;
    multi.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s};
    const QString v1 = writeTestLayout(path(u"src"_s), u"v1"_s, multi, &error);
    QVERIFY2(!v1.isEmpty(), qPrintable(error));
    TestImageSpec single;
    single.asIndex = false;
    single.seed = 7;
    single.gzipLayers = true;
    const QString v2 = writeTestLayout(path(u"src"_s), u"v2"_s, single, &error);
    QVERIFY2(!v2.isEmpty(), qPrintable(error));

    const QString dst = path(u"dst"_s);
    auto a = runCopy(u"oci:"_s + path(u"src"_s) + u":v1"_s, u"oci:"_s + dst + u":a"_s, true, context());
    QVERIFY2(a.state == Job::State::Succeeded, a.error ? qPrintable(a.error->message) : "not finished");
    QCOMPARE(a.digest.toString(), v1); // the index is copied byte for byte
    auto b = runCopy(u"oci:"_s + path(u"src"_s) + u":v2"_s, u"oci:"_s + dst + u":b"_s, false, context());
    QVERIFY2(b.state == Job::State::Succeeded, b.error ? qPrintable(b.error->message) : "not finished");
    QCOMPARE(b.digest.toString(), v2);
    // Writing "a" again replaces its entry and keeps "b".
    auto again = runCopy(u"oci:"_s + path(u"src"_s) + u":v2"_s, u"oci:"_s + dst + u":a"_s, false, context());
    QVERIFY2(again.state == Job::State::Succeeded, again.error ? qPrintable(again.error->message) : "");
    QCOMPARE(refNames(dst), (QStringList{u"a"_s, u"b"_s}));
    auto back = runCopy(u"oci:"_s + path(u"src"_s) + u":v1"_s, u"oci:"_s + dst + u":a"_s, true, context());
    QVERIFY(back.state == Job::State::Succeeded);
    QCOMPARE(refNames(dst), (QStringList{u"a"_s, u"b"_s}));
    QVERIFY(temporaryFiles(dst).isEmpty());

    QFile layoutFile(dst + u"/oci-layout"_s);
    QVERIFY(layoutFile.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(layoutFile.readAll()).object().value(u"imageLayoutVersion"_s).toString(),
             u"1.0.0"_s);

    // skopeo reads the exact bytes of the source index and of the single manifest.
    auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci:"_s + dst + u":a"_s});
    QVERIFY2(raw.ok(), raw.err.constData());
    QCOMPARE(raw.out, blobBytes(path(u"src"_s), v1));
    auto inspectB = runProcess(m_skopeo, {u"inspect"_s, u"oci:"_s + dst + u":b"_s});
    QVERIFY2(inspectB.ok(), inspectB.err.constData());
    QCOMPARE(QJsonDocument::fromJson(inspectB.out).object().value(u"Digest"_s).toString(), v2);
    // skopeo can copy every platform out of what we wrote (all blobs present and valid).
    auto copied = runProcess(m_skopeo, {u"copy"_s, u"--all"_s, u"-q"_s, u"oci:"_s + dst + u":a"_s,
                                        u"oci:"_s + path(u"check"_s) + u":x"_s});
    QVERIFY2(copied.ok(), copied.err.constData());

    // umoci lists both names.
    auto ls = runProcess(m_umoci, {u"ls"_s, u"--layout"_s, dst});
    QVERIFY2(ls.ok(), ls.err.constData());
    QStringList listed = QString::fromUtf8(ls.out).split(u'\n', Qt::SkipEmptyParts);
    listed.sort();
    QCOMPARE(listed, (QStringList{u"a"_s, u"b"_s}));
}

void TestOciLayout::readsWhatSkopeoWrote()
{
    QString error;
    TestImageSpec multi;
    multi.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s, u"linux/s390x"_s};
    const QString v1 = writeTestLayout(path(u"src"_s), u"v1"_s, multi, &error);
    QVERIFY2(!v1.isEmpty(), qPrintable(error));
    auto copied = runProcess(m_skopeo, {u"copy"_s, u"--all"_s, u"-q"_s, u"oci:"_s + path(u"src"_s) + u":v1"_s,
                                        u"oci:"_s + path(u"sk"_s) + u":t"_s});
    QVERIFY2(copied.ok(), copied.err.constData());
    auto skRaw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci:"_s + path(u"sk"_s) + u":t"_s});
    QVERIFY(skRaw.ok());

    // Without a REF, the only entry is used.
    auto ref = TransportReference::parse(u"oci:"_s + path(u"sk"_s));
    QVERIFY(ref.has_value());
    auto src = openImageSource(*ref, context());
    QVERIFY2(src.has_value(), src ? "" : qPrintable(src.error().message));
    auto top = (*src)->manifest(std::nullopt, {});
    QVERIFY2(top.has_value(), top ? "" : qPrintable(top.error().message));
    QCOMPARE(top->bytes, skRaw.out);
    QVERIFY(top->isIndex());
    auto index = ImageIndex::parse(*top);
    QVERIFY(index.has_value());
    QCOMPARE(index->manifests.size(), 3);
    for (const Descriptor &d : std::as_const(index->manifests)) {
        auto inst = (*src)->manifest(d.digest, {});
        QVERIFY2(inst.has_value(), inst ? "" : qPrintable(inst.error().message));
        QCOMPARE(inst->digest(), d.digest);
    }

    auto out = runCopy(u"oci:"_s + path(u"sk"_s) + u":t"_s, u"oci:"_s + path(u"ours"_s) + u":t"_s, true, context());
    QVERIFY2(out.state == Job::State::Succeeded, out.error ? qPrintable(out.error->message) : "");
    QCOMPARE(out.digest.toString(), Digest::sha256Of(skRaw.out).toString());
}

void TestOciLayout::selectionByRef()
{
    QString error;
    TestImageSpec spec;
    spec.asIndex = false;
    QVERIFY(!writeTestLayout(path(u"l"_s), u"one"_s, spec, &error).isEmpty());
    spec.seed = 3;
    QVERIFY(!writeTestLayout(path(u"l"_s), u"two"_s, spec, &error).isEmpty());

    // Two entries and no REF: a clear error listing the refs.
    auto src = openImageSource(*TransportReference::parse(u"oci:"_s + path(u"l"_s)), context());
    QVERIFY(src.has_value());
    auto top = (*src)->manifest(std::nullopt, {});
    QVERIFY(!top.has_value());
    QVERIFY2(top.error().message.contains(u"one"_s) && top.error().message.contains(u"two"_s),
             qPrintable(top.error().message));
    // An unknown REF names the available ones.
    auto bad = openImageSource(*TransportReference::parse(u"oci:"_s + path(u"l"_s) + u":three"_s), context());
    QVERIFY(bad.has_value());
    auto missing = (*bad)->manifest(std::nullopt, {});
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(missing.error().message.contains(u"three"_s));
    QVERIFY(missing.error().message.contains(u"one"_s));
    // "@N" picks the N-th entry, as containers/image does.
    auto byIndex = openImageSource(*TransportReference::parse(u"oci:"_s + path(u"l"_s) + u":@1"_s), context());
    QVERIFY(byIndex.has_value());
    auto second = (*byIndex)->manifest(std::nullopt, {});
    QVERIFY(second.has_value());
    OciLayout layout(path(u"l"_s));
    auto entries = layout.entries();
    QVERIFY(entries.has_value());
    QCOMPARE(second->digest(), entries->at(1).digest);
}

void TestOciLayout::corruptBlob()
{
    QString error;
    TestImageSpec spec;
    spec.platforms = {u"linux/amd64"_s};
    spec.asIndex = false;
    const QString top = writeTestLayout(path(u"src"_s), u"v1"_s, spec, &error);
    QVERIFY2(!top.isEmpty(), qPrintable(error));
    auto manifest = ImageManifest::parse(*makeRawManifest(blobBytes(path(u"src"_s), top)));
    QVERIFY(manifest.has_value());
    const Digest layer = manifest->layers.last().digest;
    // Same size, different bytes.
    QFile f(path(u"src"_s) + u"/blobs/sha256/"_s + layer.hex());
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a);
    QVERIFY(f.seek(0));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();

    auto out = runCopy(u"oci:"_s + path(u"src"_s) + u":v1"_s, u"oci:"_s + path(u"dst"_s) + u":v1"_s, false, context());
    QCOMPARE(out.state, Job::State::Failed);
    QVERIFY(out.error.has_value());
    QCOMPARE(out.error->code, ErrorCode::DigestMismatch);
    QVERIFY2(out.error->message.contains(layer.toString()) || out.error->message.contains(layer.shortHex()),
             qPrintable(out.error->message));
    QVERIFY(indexEntries(path(u"dst"_s)).isEmpty());
    QVERIFY(!QFile::exists(path(u"dst"_s) + u"/blobs/sha256/"_s + layer.hex()));
    QVERIFY(temporaryFiles(path(u"dst"_s)).isEmpty());
    // skopeo agrees there is nothing called v1.
    auto sk = runProcess(m_skopeo, {u"inspect"_s, u"oci:"_s + path(u"dst"_s) + u":v1"_s});
    QVERIFY(!sk.ok());

    // A corrupt manifest blob is caught when read, naming its digest.
    QFile m(path(u"src"_s) + u"/blobs/sha256/"_s + top.mid(7));
    QVERIFY(m.open(QIODevice::Append));
    m.write(" ");
    m.close();
    auto src = openImageSource(*TransportReference::parse(u"oci:"_s + path(u"src"_s) + u":v1"_s), context());
    QVERIFY(src.has_value());
    auto read = (*src)->manifest(std::nullopt, {});
    QVERIFY(!read.has_value());
    QVERIFY2(read.error().message.contains(top), qPrintable(read.error().message));
}

void TestOciLayout::missingLayout()
{
    const QString nowhere = path(u"nowhere"_s);
    auto src = openImageSource(*TransportReference::parse(u"oci:"_s + nowhere + u":v1"_s), context());
    QVERIFY(!src.has_value());
    QCOMPARE(src.error().code, ErrorCode::NotFound);
    QVERIFY2(src.error().message.contains(nowhere), qPrintable(src.error().message));
    // A folder that is not a layout.
    QVERIFY(QDir().mkpath(path(u"empty"_s)));
    auto empty = openImageSource(*TransportReference::parse(u"oci:"_s + path(u"empty"_s)), context());
    QVERIFY(!empty.has_value());
    QVERIFY2(empty.error().message.contains(u"index.json"_s), qPrintable(empty.error().message));
    // The copy fails cleanly and creates nothing at the destination.
    auto out = runCopy(u"oci:"_s + nowhere + u":v1"_s, u"oci:"_s + path(u"dst"_s) + u":v1"_s, false, context());
    QCOMPARE(out.state, Job::State::Failed);
    QVERIFY(out.error->message.contains(nowhere));
    QVERIFY(indexEntries(path(u"dst"_s)).isEmpty());
}

void TestOciLayout::hostileIndex()
{
    // An index.json entry whose digest would escape blobs/ is refused before any path is built.
    QVERIFY(QDir().mkpath(path(u"evil/blobs/sha256"_s)));
    QFile layout(path(u"evil/oci-layout"_s));
    QVERIFY(layout.open(QIODevice::WriteOnly));
    layout.write("{\"imageLayoutVersion\":\"1.0.0\"}");
    layout.close();
    QFile index(path(u"evil/index.json"_s));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                "\"digest\":\"sha256:../../../../etc/passwd\",\"size\":10}]}");
    index.close();
    auto src = openImageSource(*TransportReference::parse(u"oci:"_s + path(u"evil"_s)), context());
    QVERIFY(src.has_value());
    auto top = (*src)->manifest(std::nullopt, {});
    QVERIFY(!top.has_value());
    QVERIFY(top.error().code == ErrorCode::InvalidDigest || top.error().code == ErrorCode::MalformedContent);
}

void TestOciLayout::oversizeManifest()
{
    // A manifest blob over 4 MiB is refused before it is read into memory.
    QByteArray big = "{\"schemaVersion\":2,\"manifests\":[],\"annotations\":{\"x\":\"";
    big += QByteArray(kMaxManifestSize, 'x');
    big += "\"}}";
    const Digest d = Digest::sha256Of(big);
    QVERIFY(QDir().mkpath(path(u"big/blobs/sha256"_s)));
    QFile blob(path(u"big/blobs/sha256/"_s) + d.hex());
    QVERIFY(blob.open(QIODevice::WriteOnly));
    blob.write(big);
    blob.close();
    QFile layoutFile(path(u"big/oci-layout"_s));
    QVERIFY(layoutFile.open(QIODevice::WriteOnly));
    layoutFile.write("{\"imageLayoutVersion\":\"1.0.0\"}");
    layoutFile.close();
    QFile index(path(u"big/index.json"_s));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                "\"digest\":\"" + d.toString().toLatin1() + "\",\"size\":" + QByteArray::number(big.size()) + "}]}");
    index.close();
    auto src = openImageSource(*TransportReference::parse(u"oci:"_s + path(u"big"_s)), context());
    QVERIFY(src.has_value());
    auto top = (*src)->manifest(std::nullopt, {});
    QVERIFY(!top.has_value());
    QCOMPARE(top.error().code, ErrorCode::TooLarge);
}

void TestOciLayout::destinationWithoutRef()
{
    // oci:DIR without a REF writes an unnamed entry, as skopeo does; the same image again is not duplicated.
    QString error;
    TestImageSpec spec;
    spec.asIndex = false;
    const QString a = writeTestLayout(path(u"src"_s), u"a"_s, spec, &error);
    spec.seed = 9;
    const QString b = writeTestLayout(path(u"src"_s), u"b"_s, spec, &error);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    const QString dst = path(u"dst"_s);
    QVERIFY(runCopy(u"oci:"_s + path(u"src"_s) + u":a"_s, u"oci:"_s + dst, false, context()).state
            == Job::State::Succeeded);
    QVERIFY(runCopy(u"oci:"_s + path(u"src"_s) + u":a"_s, u"oci:"_s + dst, false, context()).state
            == Job::State::Succeeded);
    QCOMPARE(indexEntries(dst).size(), 1);
    QCOMPARE(refNames(dst), QStringList{QString()});
    // skopeo reads the only entry without a name.
    auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci:"_s + dst});
    QVERIFY2(raw.ok(), raw.err.constData());
    QCOMPARE(Digest::sha256Of(raw.out).toString(), a);
    QVERIFY(runCopy(u"oci:"_s + path(u"src"_s) + u":b"_s, u"oci:"_s + dst, false, context()).state
            == Job::State::Succeeded);
    QCOMPARE(indexEntries(dst).size(), 2);
}

QTEST_GUILESS_MAIN(TestOciLayout)
#include "tst_ocilayout.moc"
