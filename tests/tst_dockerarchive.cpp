// docker-archive:PATH[:NAME:TAG|:@N]: what we write skopeo reads and the reverse (its archives have docker's legacy
// links), layers written uncompressed as docker load wants them, the config kept byte for byte, an index copied as
// one platform (and --all refused before anything is written), an archive replaced only once the new one is
// complete, and bad archives refused with a clear error.
#include "content/manifest.h"
#include "support/archivetest.h"
#include "support/copyrun.h"
#include "support/testsupport.h"
#include "transport/tar/imagetar.h"
#include "transport/transports.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

namespace {


// The image a layout's tag names: its manifest, config digest and diff_ids.
struct LayoutImage {
    ImageManifest manifest;
    Digest config;
    QList<Digest> diffIds;
};

std::optional<LayoutImage> layoutImage(const QString &layout, const QString &manifestDigest)
{
    auto raw = makeRawManifest(fileBytes(layout + u"/blobs/sha256/"_s + manifestDigest.mid(7)));
    if (!raw)
        return std::nullopt;
    auto m = ImageManifest::parse(*raw);
    if (!m)
        return std::nullopt;
    auto config = ImageConfig::parse(fileBytes(layout + u"/blobs/sha256/"_s + m->config.digest.hex()));
    if (!config)
        return std::nullopt;
    return LayoutImage{*m, m->config.digest, config->diffIds};
}

} // namespace

class TestDockerArchive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_skopeo = findTool(u"skopeo"_s);
        m_tar = findTool(u"tar"_s);
        m_gzip = findTool(u"gzip"_s);
        if (m_skopeo.isEmpty() || m_tar.isEmpty() || m_gzip.isEmpty())
            QFAIL("skopeo, tar and gzip are needed (scripts/install-deps.sh --test installs skopeo)");
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

    // Our archive: <hex>.tar layers (uncompressed: their digest is the diff_id), <hex>.json the same config,
    // manifest.json with the tag; skopeo reads it, and its copy of it has the same config and layers.
    void skopeoReadsWhatWeWrite()
    {
        const QString top = makeSource(false);
        QVERIFY(!top.isEmpty());
        const auto source = layoutImage(path(u"src"_s), top);
        QVERIFY(source.has_value());
        QCOMPARE(source->manifest.layers.first().mediaType, u"application/vnd.oci.image.layer.v1.tar+gzip"_s);
        const QString archive = path(u"out/a.tar"_s);
        auto out = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"docker-archive:"_s + archive + u":demo/app:v1"_s,
                           false, context());
        QVERIFY2(out.state == Job::State::Succeeded, out.error ? qPrintable(out.error->message) : "");

        auto list = runProcess(m_tar, {u"-tf"_s, archive});
        QVERIFY2(list.ok(), list.err.constData());
        QStringList expected{u"manifest.json"_s, source->config.hex() + u".json"_s};
        for (const Digest &d : source->diffIds)
            expected.append(d.hex() + u".tar"_s);
        QStringList entries = QString::fromUtf8(list.out).split(u'\n', Qt::SkipEmptyParts);
        entries.sort();
        expected.sort();
        QCOMPARE(entries, expected);
        auto manifest = runProcess(m_tar, {u"-xOf"_s, archive, u"manifest.json"_s});
        QVERIFY(manifest.ok());
        const QJsonObject entry = QJsonDocument::fromJson(manifest.out).array().first().toObject();
        QCOMPARE(entry.value(u"RepoTags"_s).toArray().first().toString(), u"demo/app:v1"_s);
        QCOMPARE(entry.value(u"Config"_s).toString(), source->config.hex() + u".json"_s);
        auto config = runProcess(m_tar, {u"-xOf"_s, archive, source->config.hex() + u".json"_s});
        QCOMPARE(Digest::sha256Of(config.out), source->config); // the config byte for byte
        auto layer = runProcess(m_tar, {u"-xOf"_s, archive, source->diffIds.first().hex() + u".tar"_s});
        QCOMPARE(Digest::sha256Of(layer.out), source->diffIds.first()); // decompressed

        auto copied = runProcess(m_skopeo, {u"copy"_s, u"-q"_s, u"docker-archive:"_s + archive + u":demo/app:v1"_s,
                                            u"oci:"_s + path(u"back"_s) + u":b"_s});
        QVERIFY2(copied.ok(), copied.err.constData());
        auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci:"_s + path(u"back"_s) + u":b"_s});
        QVERIFY(raw.ok());
        // skopeo rewrites the config as it converts to OCI (its JSON, one byte shorter); what it says is the same.
        const auto back = layoutImage(path(u"back"_s), Digest::sha256Of(raw.out).toString());
        QVERIFY(back.has_value());
        QCOMPARE(back->diffIds, source->diffIds);
        QCOMPARE(QDir(path(u"out"_s)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{u"a.tar"_s}); // no temporary archive beside it
    }

    // skopeo's archive (with docker's legacy <id>/layer.tar links), plain and gzipped, named every way.
    void weReadWhatSkopeoWrites()
    {
        const QString top = makeSource(false);
        QVERIFY(!top.isEmpty());
        const auto source = layoutImage(path(u"src"_s), top);
        QVERIFY(source.has_value());
        const QString archive = path(u"s.tar"_s);
        auto sk = runProcess(m_skopeo, {u"copy"_s, u"-q"_s, u"oci:"_s + path(u"src"_s) + u":t"_s,
                                        u"docker-archive:"_s + archive + u":demo/app:v1"_s});
        QVERIFY2(sk.ok(), sk.err.constData());
        QVERIFY(QString::fromUtf8(runProcess(m_tar, {u"-tf"_s, archive}).out).contains(u"/layer.tar"_s));
        QVERIFY(runProcess(m_gzip, {u"-k"_s, archive}).ok());
        const QStringList names{u":demo/app:v1"_s, u":docker.io/demo/app:v1"_s, u""_s, u":@0"_s};
        int n = 0;
        for (const QString &file : QStringList{archive, archive + u".gz"_s}) {
            for (const QString &name : names) {
                const QString to = path(u"z%1"_s.arg(n++));
                auto out = runCopy(u"docker-archive:"_s + file + name, u"oci:"_s + to + u":t"_s, false, context());
                QVERIFY2(out.state == Job::State::Succeeded, qPrintable(name + u": "_s + (out.error ? out.error->message : QString())));
                const auto copied = layoutImage(to, out.digest.toString());
                QVERIFY(copied.has_value());
                QCOMPARE(copied->config, source->config);
                QCOMPARE(copied->diffIds, source->diffIds);
                QCOMPARE(copied->manifest.layers.size(), source->diffIds.size());
            }
        }
        auto missing = runCopy(u"docker-archive:"_s + archive + u":demo/app:v2"_s, u"oci:"_s + path(u"m"_s), false, context());
        QCOMPARE(missing.state, Job::State::Failed);
        QVERIFY2(missing.error->code == ErrorCode::NotFound && missing.error->message.contains(u"demo/app:v1"_s),
                 qPrintable(missing.error->message));
    }

    // An index goes in as one platform (this machine's); --all is refused before anything is written.
    void indexAsOnePlatform()
    {
        const QString top = makeSource(true);
        QVERIFY(!top.isEmpty());
        const QString archive = path(u"i.tar"_s);
        auto all = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"docker-archive:"_s + archive, true, context());
        QCOMPARE(all.state, Job::State::Failed);
        QVERIFY2(all.error->message.contains(u"holds one image, not an index"_s), qPrintable(all.error->message));
        QVERIFY(!QFile::exists(archive));
        auto one = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"docker-archive:"_s + archive, false, context());
        QVERIFY2(one.state == Job::State::Succeeded, one.error ? qPrintable(one.error->message) : "");
        auto inspected = runProcess(m_skopeo, {u"inspect"_s, u"docker-archive:"_s + archive});
        QVERIFY2(inspected.ok(), inspected.err.constData());
        const QJsonObject info = QJsonDocument::fromJson(inspected.out).object();
        QCOMPARE(info.value(u"Os"_s).toString() + u'/' + info.value(u"Architecture"_s).toString(),
                 Platform::host().os + u'/' + Platform::host().architecture);
    }

    // A failed copy leaves the archive that was there as it was; a complete one replaces it.
    void replacedOnlyWhenComplete()
    {
        const QString top = makeSource(false);
        QVERIFY(!top.isEmpty());
        const auto source = layoutImage(path(u"src"_s), top);
        const QString archive = path(u"keep.tar"_s);
        QVERIFY(writeFileBytes(archive, "the old archive"));
        const QString layer = path(u"src/blobs/sha256/"_s + source->manifest.layers.last().digest.hex());
        const QByteArray good = fileBytes(layer);
        QByteArray bad = good;
        bad[bad.size() / 2] = char(bad[bad.size() / 2] ^ 0x55);
        QVERIFY(writeFileBytes(layer, bad));
        auto failed = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"docker-archive:"_s + archive, false, context());
        QCOMPARE(failed.state, Job::State::Failed);
        QCOMPARE(fileBytes(archive), QByteArray("the old archive"));
        QVERIFY(writeFileBytes(layer, good));
        auto done = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"docker-archive:"_s + archive, false, context());
        QVERIFY2(done.state == Job::State::Succeeded, done.error ? qPrintable(done.error->message) : "");
        QVERIFY(runProcess(m_skopeo, {u"inspect"_s, u"docker-archive:"_s + archive}).ok());
        QCOMPARE(firstTarMember(archive).value_or(QString()).endsWith(u".tar"_s), true); // a layer first, never oci-layout
    }

    void badArchives()
    {
        const QString top = makeSource(false);
        QVERIFY(!top.isEmpty());
        const auto source = layoutImage(path(u"src"_s), top);
        auto errorOf = [this](const QString &reference) -> QString {
            auto r = openImageSource(*TransportReference::parse(u"docker-archive:"_s + reference), context());
            return r ? u"opened"_s : r.error().message;
        };
        // Missing; not a tar; an OCI archive (a hint to open it as one).
        QVERIFY(errorOf(path(u"none.tar"_s)).contains(path(u"none.tar"_s)));
        QVERIFY(writeFileBytes(path(u"noise.tar"_s), QByteArray(4096, 'x')));
        QVERIFY(errorOf(path(u"noise.tar"_s)).contains(u"not a tar archive"_s));
        QVERIFY(runProcess(m_skopeo, {u"copy"_s, u"-q"_s, u"oci:"_s + path(u"src"_s) + u":t"_s,
                                      u"oci-archive:"_s + path(u"oci.tar"_s)}).ok());
        QVERIFY2(errorOf(path(u"oci.tar"_s)).contains(u"open it as oci-archive:"_s), qPrintable(errorOf(path(u"oci.tar"_s))));
        auto asOci = openImageSource(*TransportReference::parse(u"oci-archive:"_s + path(u"oci.tar"_s)), context());
        QVERIFY(asOci.has_value());

        // Archives made by hand from the parts of a good one.
        auto sk = runProcess(m_skopeo, {u"copy"_s, u"-q"_s, u"oci:"_s + path(u"src"_s) + u":t"_s,
                                        u"docker-archive:"_s + path(u"good.tar"_s) + u":demo/app:v1"_s});
        QVERIFY2(sk.ok(), sk.err.constData());
        const QString parts = path(u"parts"_s);
        QVERIFY(QDir().mkpath(parts));
        QVERIFY(runProcess(m_tar, {u"-xf"_s, path(u"good.tar"_s), u"-C"_s, parts}).ok());
        const QByteArray goodList = fileBytes(parts + u"/manifest.json"_s);
        auto archiveWith = [&](const QString &name, const QByteArray &list, const QStringList &extra = {}) {
            QVERIFY(writeFileBytes(parts + u"/manifest.json"_s, list));
            QStringList args{u"-cf"_s, path(name), u"-C"_s, parts, u"."_s};
            args.append(extra);
            QVERIFY(runProcess(m_tar, args).ok());
        };
        QJsonArray list = QJsonDocument::fromJson(goodList).array();
        QJsonObject first = list.first().toObject();

        archiveWith(u"nojson.tar"_s, "[{\"Config\":");
        QVERIFY(errorOf(path(u"nojson.tar"_s)).contains(u"manifest.json is not JSON"_s));
        archiveWith(u"empty.tar"_s, "[]");
        QVERIFY(errorOf(path(u"empty.tar"_s)).contains(u"lists no image"_s));
        QJsonObject climbing = first;
        climbing.insert(u"Layers"_s, QJsonArray{u"../../etc/passwd"_s});
        archiveWith(u"climb.tar"_s, QJsonDocument(QJsonArray{climbing}).toJson());
        QVERIFY(errorOf(path(u"climb.tar"_s)).contains(u"names a layer that is no file of the archive"_s));
        QJsonObject missingLayer = first;
        missingLayer.insert(u"Layers"_s, QJsonArray{u"nothing.tar"_s, u"nothing2.tar"_s});
        archiveWith(u"missing.tar"_s, QJsonDocument(QJsonArray{missingLayer}).toJson());
        QVERIFY(errorOf(path(u"missing.tar"_s)).contains(u"names nothing.tar, which is no file of the archive"_s));
        QJsonObject oneLayer = first;
        oneLayer.insert(u"Layers"_s, QJsonArray{first.value(u"Layers"_s).toArray().first()});
        archiveWith(u"count.tar"_s, QJsonDocument(QJsonArray{oneLayer}).toJson());
        QVERIFY2(errorOf(path(u"count.tar"_s)).contains(u"has 1 layers, and its config lists 2 diff_ids"_s),
                 qPrintable(errorOf(path(u"count.tar"_s))));
        // Two images and no name: which ones there are.
        QJsonObject second = first;
        second.insert(u"RepoTags"_s, QJsonArray{u"demo/other:v2"_s});
        archiveWith(u"two.tar"_s, QJsonDocument(QJsonArray{first, second}).toJson());
        const QString two = errorOf(path(u"two.tar"_s));
        QVERIFY2(two.contains(u"holds 2 images"_s) && two.contains(u"demo/other:v2"_s), qPrintable(two));
        QCOMPARE(errorOf(path(u"two.tar:demo/other:v2"_s)), u"opened"_s);
        QVERIFY(errorOf(path(u"two.tar:@2"_s)).contains(u"there is no @2"_s));
        // Layers named through docker's legacy links (<id>/layer.tar -> ../<hex>.tar) are followed.
        QJsonArray viaLinks;
        for (const QString &entry : QDir(parts).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            if (QFileInfo(parts + u'/' + entry + u"/layer.tar"_s).isSymLink())
                viaLinks.append(QString(entry + u"/layer.tar"_s));
        QCOMPARE(viaLinks.size(), source->diffIds.size());
        QJsonObject linked = first;
        linked.insert(u"Layers"_s, viaLinks);
        archiveWith(u"linked.tar"_s, QJsonDocument(QJsonArray{linked}).toJson());
        auto throughLinks = runCopy(u"docker-archive:"_s + path(u"linked.tar"_s), u"oci:"_s + path(u"l"_s) + u":t"_s, false, context());
        QVERIFY2(throughLinks.state == Job::State::Succeeded, throughLinks.error ? qPrintable(throughLinks.error->message) : "");
        QCOMPARE(layoutImage(path(u"l"_s), throughLinks.digest.toString())->diffIds, source->diffIds);
        // A link out of the archive.
        QVERIFY(QFile::link(u"../../../etc/passwd"_s, parts + u"/escape.tar"_s));
        archiveWith(u"link.tar"_s, goodList);
        QVERIFY2(errorOf(path(u"link.tar"_s)).contains(u"points outside the archive"_s), qPrintable(errorOf(path(u"link.tar"_s))));
        QVERIFY(QFile::remove(parts + u"/escape.tar"_s));
        // A layer whose bytes are not what its diff_id says: the copy stops at it, nothing written.
        const QString layerFile = parts + u'/' + source->diffIds.first().hex() + u".tar"_s;
        QByteArray layer = fileBytes(layerFile);
        layer[layer.size() / 3] = char(layer[layer.size() / 3] ^ 0x20);
        QVERIFY(writeFileBytes(layerFile, layer));
        archiveWith(u"wrong.tar"_s, goodList);
        auto wrong = runCopy(u"docker-archive:"_s + path(u"wrong.tar"_s), u"oci:"_s + path(u"w"_s) + u":t"_s, false, context());
        QCOMPARE(wrong.state, Job::State::Failed);
        QVERIFY2(wrong.error->code == ErrorCode::DigestMismatch, qPrintable(wrong.error->message));

        // Destinations: a folder, an image number, a digest.
        for (const QString &to : QStringList{path(u"parts"_s), path(u"x.tar:@1"_s), path(u"x.tar:demo/app@"_s) + top}) {
            auto out = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"docker-archive:"_s + to, false, context());
            QCOMPARE(out.state, Job::State::Failed);
        }
        QVERIFY(!QFile::exists(path(u"x.tar"_s)));
    }

    // What inspect, the push dialog's summary and the details pane open (openSourceAndManifest) unpacks no layer: the
    // same top manifest and config as a full open, layers not there to open, nothing large in the temporary folder.
    void summaryUnpacksNoLayer()
    {
        QVERIFY(!makeSource(false, 5 * 1024 * 1024).isEmpty());
        const QString archive = path(u"big.tar"_s);
        auto out = runCopy(u"oci:"_s + path(u"src"_s) + u":t"_s, u"docker-archive:"_s + archive, false, context());
        QVERIFY2(out.state == Job::State::Succeeded, out.error ? qPrintable(out.error->message) : "");
        stevedore::test::checkSummaryUnpacksNoLayer(u"docker-archive:"_s + archive, path(u"tmp"_s), context());
    }

private:
    SystemContext context() const { return stevedore::test::archiveTestContext(m_dir->path()); }
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString makeSource(bool asIndex, qint64 layerSize = 64 * 1024)
    {
        return stevedore::test::writeArchiveTestSource(path(u"src"_s), asIndex, layerSize);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_skopeo, m_tar, m_gzip;
};

QTEST_GUILESS_MAIN(TestDockerArchive)
#include "tst_dockerarchive.moc"
