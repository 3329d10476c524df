// The reshaped copy pipeline: layer compression conversion (gzip, zstd, none) with diff_ids verified whenever a
// layer is decompressed, manifest format conversion (OCI <-> Docker v2s2), destination capabilities (oci: stores
// OCI only, the local store keeps what it is given), signatures in the transport contract, and the same location
// refused as source and destination. skopeo (and zstd, gzip) are the oracles.
#include "content/conversion.h"
#include "content/manifest.h"
#include "copy/copyjob.h"
#include "support/e2e.h"
#include "support/testsupport.h"
#include "transport/transportreference.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace stevedore;
using namespace stevedore::test;

namespace {

struct Outcome {
    Job::State state = Job::State::Idle;
    std::optional<Error> error;
    Digest digest;
};

Outcome copy(const QString &src, const QString &dst, const SystemContext &ctx, const CopyOptions &options)
{
    auto s = TransportReference::parse(src);
    auto d = TransportReference::parse(dst);
    if (!s || !d)
        return {Job::State::Failed, !s ? s.error() : d.error(), {}};
    CopyJob job(*s, *d, ctx, options);
    job.start();
    if (!job.waitForFinished(120000)) {
        job.cancel();
        job.waitForFinished();
    }
    return {job.state(), job.error(), job.resultDigest()};
}

#define VERIFY_COPIED(o) QVERIFY2((o).state == Job::State::Succeeded, (o).error ? qPrintable((o).error->message) : "not succeeded")

QJsonObject jsonOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

// The top-level manifest of an OCI layout's only (or named) image, and its children when it is an index.
QByteArray layoutTop(const QString &layout, const QString &tag = {})
{
    const QJsonArray entries = readJsonObject(layout + u"/index.json"_s).value(u"manifests"_s).toArray();
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        const QString name = e.value(u"annotations"_s).toObject().value(u"org.opencontainers.image.ref.name"_s).toString();
        if (tag.isEmpty() || name == tag)
            return readFileBytes(layoutBlobPath(layout, e.value(u"digest"_s).toString()));
    }
    return {};
}

QList<QJsonObject> imageManifestsOf(const QString &layout, const QByteArray &top)
{
    QList<QJsonObject> out;
    const QJsonObject t = jsonOf(top);
    if (!t.contains(u"manifests"_s))
        return {t};
    for (const QJsonValue &v : t.value(u"manifests"_s).toArray())
        out << jsonOf(readFileBytes(layoutBlobPath(layout, v.toObject().value(u"digest"_s).toString())));
    return out;
}

QStringList diffIdsOf(const QString &layout, const QJsonObject &manifest)
{
    const QJsonObject config =
        readJsonObject(layoutBlobPath(layout, manifest.value(u"config"_s).toObject().value(u"digest"_s).toString()));
    QStringList ids;
    for (const QJsonValue &v : config.value(u"rootfs"_s).toObject().value(u"diff_ids"_s).toArray())
        ids << v.toString();
    return ids;
}

QByteArray writeBlob(const QString &layout, const QByteArray &bytes)
{
    const QString digest = sha256Digest(bytes);
    QFile f(layoutBlobPath(layout, digest));
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return digest.toLatin1();
}

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_skopeo = findTool(u"skopeo"_s);
        QVERIFY2(!m_skopeo.isEmpty(), "skopeo is missing: install it (scripts/install-deps.sh --test)");
        QVERIFY2(!findTool(u"zstd"_s).isEmpty(), "zstd is missing: install it (scripts/install-deps.sh --test)");
        QVERIFY(m_tmp.isValid());
        m_env = isolatedEnvironment(m_tmp.filePath(u"home"_s));
        m_ctx.blobInfoCachePath = m_tmp.filePath(u"cache.json"_s);
        m_ctx.storageRoot = m_tmp.filePath(u"store"_s);
        QString error;
        TestImageSpec gz;
        gz.platforms = {u"linux/amd64"_s, u"linux/arm64"_s};
        gz.gzipLayers = true;
        gz.layerSize = 300 * 1024;
        gz.seed = 5;
        m_gzipLayout = m_tmp.filePath(u"gz"_s);
        QVERIFY2(!writeTestLayout(m_gzipLayout, u"v1"_s, gz, &error).isEmpty(), qPrintable(error));
    }

    void disableCompressionDecompressesEveryLayer()
    {
        const QString out = m_tmp.filePath(u"plain"_s);
        CopyOptions o;
        o.all = true;
        o.compression = Compression::None;
        const Outcome r = copy(u"oci:"_s + m_gzipLayout + u":v1"_s, u"oci:"_s + out + u":v1"_s, m_ctx, o);
        VERIFY_COPIED(r);
        const QList<QJsonObject> manifests = imageManifestsOf(out, layoutTop(out, u"v1"_s));
        QCOMPARE(manifests.size(), 2);
        for (const QJsonObject &m : manifests) {
            const QStringList ids = diffIdsOf(out, m);
            const QJsonArray layers = m.value(u"layers"_s).toArray();
            QCOMPARE(layers.size(), ids.size());
            for (qsizetype i = 0; i < layers.size(); ++i) {
                const QJsonObject l = layers.at(i).toObject();
                QCOMPARE(l.value(u"mediaType"_s).toString(), QString(mediatype::OciLayer));
                // An uncompressed layer's digest is its diff_id, and the bytes are what the digest says.
                QCOMPARE(l.value(u"digest"_s).toString(), ids.at(i));
                QCOMPARE(sha256Digest(readFileBytes(layoutBlobPath(out, ids.at(i)))), ids.at(i));
            }
        }
        const auto inspect = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci:"_s + out + u":v1"_s}, 60000, m_env);
        QVERIFY2(inspect.ok(), inspect.err.constData());
    }

    void recompressToZstdAndBack()
    {
        const QString zst = m_tmp.filePath(u"zstd"_s);
        CopyOptions o;
        o.all = true;
        o.compression = Compression::Zstd;
        const Outcome r = copy(u"oci:"_s + m_gzipLayout + u":v1"_s, u"oci:"_s + zst + u":v1"_s, m_ctx, o);
        VERIFY_COPIED(r);
        const QString zstdTool = findTool(u"zstd"_s);
        for (const QJsonObject &m : imageManifestsOf(zst, layoutTop(zst, u"v1"_s))) {
            const QStringList ids = diffIdsOf(zst, m);
            const QJsonArray layers = m.value(u"layers"_s).toArray();
            for (qsizetype i = 0; i < layers.size(); ++i) {
                const QJsonObject l = layers.at(i).toObject();
                QCOMPARE(l.value(u"mediaType"_s).toString(), QString(mediatype::OciLayerZstd));
                const QString path = layoutBlobPath(zst, l.value(u"digest"_s).toString());
                // Standard frames: the zstd tool decodes them to the layer's diff_id.
                const auto decoded = runProcess(zstdTool, {u"-d"_s, u"-c"_s, path}, 60000);
                QVERIFY2(decoded.ok(), decoded.err.constData());
                QCOMPARE(sha256Digest(decoded.out), ids.at(i));
            }
        }
        // skopeo reads the zstd layers.
        const auto back = runProcess(m_skopeo, {u"copy"_s, u"--all"_s, u"oci:"_s + zst + u":v1"_s,
                                                u"dir:"_s + m_tmp.filePath(u"skopeo-zstd"_s)},
                                     60000, m_env);
        QVERIFY2(back.ok(), back.err.constData());

        // And back to gzip: gzip members that decompress to the same diff_ids.
        const QString gz2 = m_tmp.filePath(u"gz2"_s);
        o.compression = Compression::Gzip;
        o.compressionLevel = 1;
        const Outcome again = copy(u"oci:"_s + zst + u":v1"_s, u"oci:"_s + gz2 + u":v1"_s, m_ctx, o);
        VERIFY_COPIED(again);
        for (const QJsonObject &m : imageManifestsOf(gz2, layoutTop(gz2, u"v1"_s))) {
            const QStringList ids = diffIdsOf(gz2, m);
            const QJsonArray layers = m.value(u"layers"_s).toArray();
            for (qsizetype i = 0; i < layers.size(); ++i) {
                const QJsonObject l = layers.at(i).toObject();
                QCOMPARE(l.value(u"mediaType"_s).toString(), QString(mediatype::OciLayerGzip));
                QCOMPARE(sha256Digest(gunzipBytes(readFileBytes(layoutBlobPath(gz2, l.value(u"digest"_s).toString())))),
                         ids.at(i));
            }
        }
    }

    void decompressedLayerMustMatchItsDiffId()
    {
        // A layout whose config claims a diff_id the gzip layer does not decompress to.
        const QString bad = m_tmp.filePath(u"baddiff"_s);
        QString error;
        TestImageSpec spec;
        spec.gzipLayers = true;
        spec.asIndex = false;
        spec.layersPerPlatform = 1;
        spec.seed = 9;
        QVERIFY2(!writeTestLayout(bad, u"v1"_s, spec, &error).isEmpty(), qPrintable(error));
        QJsonObject manifest = jsonOf(layoutTop(bad, u"v1"_s));
        const QString configDigest = manifest.value(u"config"_s).toObject().value(u"digest"_s).toString();
        QJsonObject config = readJsonObject(layoutBlobPath(bad, configDigest));
        QJsonObject rootfs = config.value(u"rootfs"_s).toObject();
        const QString wrong = sha256Digest("not the layer");
        rootfs.insert(u"diff_ids"_s, QJsonArray{wrong});
        config.insert(u"rootfs"_s, rootfs);
        const QByteArray configBytes = QJsonDocument(config).toJson(QJsonDocument::Compact);
        QJsonObject configDesc = manifest.value(u"config"_s).toObject();
        configDesc.insert(u"digest"_s, QString::fromLatin1(writeBlob(bad, configBytes)));
        configDesc.insert(u"size"_s, configBytes.size());
        manifest.insert(u"config"_s, configDesc);
        const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
        const QString manifestDigest = QString::fromLatin1(writeBlob(bad, manifestBytes));
        QFile index(bad + u"/index.json"_s);
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write(QJsonDocument(QJsonObject{
                                      {u"schemaVersion"_s, 2},
                                      {u"manifests"_s,
                                       QJsonArray{QJsonObject{{u"mediaType"_s, QString(mediatype::OciManifest)},
                                                              {u"digest"_s, manifestDigest},
                                                              {u"size"_s, manifestBytes.size()},
                                                              {u"annotations"_s,
                                                               QJsonObject{{u"org.opencontainers.image.ref.name"_s, u"v1"_s}}}}}}})
                        .toJson());
        index.close();
        const QString layerDigest = manifest.value(u"layers"_s).toArray().at(0).toObject().value(u"digest"_s).toString();

        // Decompressed on the way (-D): the diff_id is checked, the copy fails naming the layer, nothing is written.
        const QString out = m_tmp.filePath(u"baddiff-out"_s);
        CopyOptions o;
        o.compression = Compression::None;
        const Outcome r = copy(u"oci:"_s + bad + u":v1"_s, u"oci:"_s + out + u":v1"_s, m_ctx, o);
        QCOMPARE(r.state, Job::State::Failed);
        QVERIFY(r.error);
        QCOMPARE(r.error->code, ErrorCode::DigestMismatch);
        QVERIFY2(r.error->message.contains(u"diff_id"_s) && r.error->message.contains(layerDigest.mid(7, 12))
                     && r.error->message.contains(wrong),
                 qPrintable(r.error->message));
        QVERIFY(!QFileInfo::exists(out));
        // Copied as it is (no decompression), the layer's own digest is all there is to check: it succeeds.
        const Outcome asIs = copy(u"oci:"_s + bad + u":v1"_s, u"oci:"_s + out + u":v1"_s, m_ctx, CopyOptions{});
        VERIFY_COPIED(asIs);
    }

    void dockerFormatToARegistryAndBack()
    {
        QString error;
        RegistryFixture reg;
        QVERIFY2(reg.start(&error), qPrintable(error));
        SystemContext ctx = m_ctx;
        ctx.tlsVerify = false;
        CopyOptions o;
        o.all = true;
        o.manifestFormat = ManifestFamily::Docker;
        const QString dst = u"docker://"_s + reg.hostPort() + u"/team/v2s2:v1"_s;
        const Outcome pushed = copy(u"oci:"_s + m_gzipLayout + u":v1"_s, dst, ctx, o);
        VERIFY_COPIED(pushed);
        const auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s, dst}, 60000, m_env);
        QVERIFY2(raw.ok(), raw.err.constData());
        const QJsonObject list = jsonOf(raw.out);
        QCOMPARE(list.value(u"mediaType"_s).toString(), QString(mediatype::DockerManifestList));
        QCOMPARE(sha256Digest(raw.out), pushed.digest.toString());
        const QJsonArray entries = list.value(u"manifests"_s).toArray();
        QCOMPARE(entries.size(), 2);
        for (const QJsonValue &e : entries) {
            QCOMPARE(e.toObject().value(u"mediaType"_s).toString(), QString(mediatype::DockerManifest));
            const auto child = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s,
                                                     u"docker://"_s + reg.hostPort() + u"/team/v2s2@"_s
                                                         + e.toObject().value(u"digest"_s).toString()},
                                          60000, m_env);
            QVERIFY2(child.ok(), child.err.constData());
            const QJsonObject m = jsonOf(child.out);
            QCOMPARE(m.value(u"mediaType"_s).toString(), QString(mediatype::DockerManifest));
            QCOMPARE(m.value(u"config"_s).toObject().value(u"mediaType"_s).toString(), QString(mediatype::DockerConfig));
            for (const QJsonValue &l : m.value(u"layers"_s).toArray())
                QCOMPARE(l.toObject().value(u"mediaType"_s).toString(), QString(mediatype::DockerLayerGzip));
        }
        // skopeo copies all of it back (every blob is there).
        const auto back = runProcess(m_skopeo, {u"copy"_s, u"--all"_s, u"--src-tls-verify=false"_s, dst,
                                                u"oci:"_s + m_tmp.filePath(u"skopeo-v2s2"_s) + u":v1"_s},
                                     60000, m_env);
        QVERIFY2(back.ok(), back.err.constData());

        // Pulled into oci: (which stores OCI manifests only) it becomes OCI again, the layers unchanged.
        const QString oci = m_tmp.filePath(u"from-v2s2"_s);
        const Outcome toOci = copy(dst, u"oci:"_s + oci + u":v1"_s, ctx, CopyOptions{.all = true});
        VERIFY_COPIED(toOci);
        const QByteArray top = layoutTop(oci, u"v1"_s);
        QCOMPARE(jsonOf(top).value(u"mediaType"_s).toString(), QString(mediatype::OciIndex));
        for (const QJsonObject &m : imageManifestsOf(oci, top)) {
            QCOMPARE(m.value(u"mediaType"_s).toString(), QString(mediatype::OciManifest));
            QCOMPARE(m.value(u"config"_s).toObject().value(u"mediaType"_s).toString(), QString(mediatype::OciConfig));
            for (const QJsonValue &l : m.value(u"layers"_s).toArray()) {
                QCOMPARE(l.toObject().value(u"mediaType"_s).toString(), QString(mediatype::OciLayerGzip));
                QVERIFY(QFileInfo::exists(layoutBlobPath(m_gzipLayout, l.toObject().value(u"digest"_s).toString())));
            }
        }
        // The local store keeps what it is given, byte for byte: the Docker list's digest is the registry's.
        const Outcome toStore = copy(dst, u"team-v2s2:v1"_s, ctx, CopyOptions{.all = true});
        VERIFY_COPIED(toStore);
        QCOMPARE(toStore.digest, pushed.digest);

        // zstd cannot be written into Docker manifests: refused before anything is copied.
        CopyOptions zstdDocker = o;
        zstdDocker.compression = Compression::Zstd;
        const Outcome refused = copy(u"oci:"_s + m_gzipLayout + u":v1"_s, u"docker://"_s + reg.hostPort() + u"/team/zd:v1"_s,
                                     ctx, zstdDocker);
        QCOMPARE(refused.state, Job::State::Failed);
        QVERIFY2(refused.error && refused.error->message.contains(u"zstd"_s) && refused.error->message.contains(u"Docker"_s),
                 refused.error ? qPrintable(refused.error->message) : "");
    }

    void signaturesTravelWithTheImage()
    {
        const QString a = m_tmp.filePath(u"signed-a"_s);
        VERIFY_COPIED(copy(u"oci:"_s + m_gzipLayout + u":v1"_s, u"dir:"_s + a, m_ctx, CopyOptions{}));
        QFile sig(a + u"/signature-1"_s);
        QVERIFY(sig.open(QIODevice::WriteOnly));
        sig.write("a signature blob\n");
        sig.close();
        // dir: stores signatures: they are copied along.
        const QString b = m_tmp.filePath(u"signed-b"_s);
        VERIFY_COPIED(copy(u"dir:"_s + a, u"dir:"_s + b, m_ctx, CopyOptions{}));
        QCOMPARE(readFileBytes(b + u"/signature-1"_s), QByteArray("a signature blob\n"));
        // oci: does not: refused with the way out named, nothing written.
        const QString c = m_tmp.filePath(u"signed-c"_s);
        const Outcome refused = copy(u"dir:"_s + a, u"oci:"_s + c + u":v1"_s, m_ctx, CopyOptions{});
        QCOMPARE(refused.state, Job::State::Failed);
        QVERIFY2(refused.error && refused.error->message.contains(u"--remove-signatures"_s),
                 refused.error ? qPrintable(refused.error->message) : "");
        QVERIFY(!QFileInfo::exists(c));
        CopyOptions without;
        without.removeSignatures = true;
        VERIFY_COPIED(copy(u"dir:"_s + a, u"oci:"_s + c + u":v1"_s, m_ctx, without));
        // --remove-signatures into dir: leaves them out.
        const QString d = m_tmp.filePath(u"signed-d"_s);
        VERIFY_COPIED(copy(u"dir:"_s + a, u"dir:"_s + d, m_ctx, without));
        QVERIFY(!QFileInfo::exists(d + u"/signature-1"_s));
    }

    void sameLocationIsRefused()
    {
        const Outcome r = copy(u"oci:"_s + m_gzipLayout + u":v1"_s, u"oci:"_s + m_gzipLayout + u"/:v1"_s, m_ctx, CopyOptions{});
        QCOMPARE(r.state, Job::State::Failed);
        QVERIFY2(r.error && r.error->message.contains(u"both the source and the destination"_s),
                 r.error ? qPrintable(r.error->message) : "");
        // Another name in the same layout is fine.
        VERIFY_COPIED(copy(u"oci:"_s + m_gzipLayout + u":v1"_s, u"oci:"_s + m_gzipLayout + u":v2"_s, m_ctx, CopyOptions{.all = true}));
    }

private:
    QTemporaryDir m_tmp;
    QString m_skopeo;
    QProcessEnvironment m_env;
    SystemContext m_ctx;
    QString m_gzipLayout;
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
