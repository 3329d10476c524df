// Content: manifests keep their exact bytes, media types are detected, oversize and malformed input is refused.
#include "content/manifest.h"
#include "content/conversion.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace stevedore;

namespace {

const QByteArray kDigestA = "sha256:" + QByteArray(64, 'a');
const QByteArray kDigestB = "sha256:" + QByteArray(64, 'b');

// Odd but valid spacing and key order: any re-serialisation would change the digest.
QByteArray ociManifest()
{
    return "{ \"schemaVersion\" : 2,\n  \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",\n"
           "  \"config\": {\"mediaType\": \"application/vnd.oci.image.config.v1+json\", \"size\": 7, \"digest\": \""
        + kDigestA + "\"},\n  \"layers\": [ {\"mediaType\": \"application/vnd.oci.image.layer.v1.tar+gzip\","
        " \"digest\": \"" + kDigestB + "\", \"size\": 12} ],\n  \"annotations\": {\"z\": \"1\", \"a\": \"2\"} }\n";
}

} // namespace

class TestManifest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exactBytes();
    void mediaTypes_data();
    void mediaTypes();
    void tooLarge();
    void malformed_data();
    void malformed();
    void indexParse();
    void rewriteKeepsOtherFields();
};

void TestManifest::exactBytes()
{
    const QByteArray bytes = ociManifest();
    auto raw = makeRawManifest(bytes);
    QVERIFY2(raw.has_value(), raw ? "" : qPrintable(raw.error().message));
    QCOMPARE(raw->bytes, bytes);
    QCOMPARE(raw->digest(), Digest::sha256Of(bytes));
    QCOMPARE(raw->mediaType, QString(mediatype::OciManifest));
    auto parsed = ImageManifest::parse(*raw);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->config.digest.toString(), QString::fromLatin1(kDigestA));
    QCOMPARE(parsed->layers.size(), 1);
    QCOMPARE(parsed->layers.first().size, 12);
    QCOMPARE(parsed->annotations.value(u"z"_s), u"1"_s);
    // Parsing never touches the bytes.
    QCOMPARE(raw->bytes, bytes);
    // A compact re-serialisation has another digest: the point of keeping bytes.
    const QByteArray compact = QJsonDocument::fromJson(bytes).toJson(QJsonDocument::Compact);
    QVERIFY(Digest::sha256Of(compact) != raw->digest());
}

void TestManifest::mediaTypes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<QString>("expected");
    const QByteArray layers = ",\"layers\":[]";
    const QByteArray config = "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"size\":2,"
                              "\"digest\":\"" + kDigestA + "\"}";
    QTest::newRow("field wins") << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution."
                                              "manifest.v2+json\"," + config + layers + "}")
                                << QString(mediatype::OciManifest) << QString(mediatype::DockerManifest);
    QTest::newRow("hint") << QByteArray("{\"schemaVersion\":2," + config + layers + "}")
                          << QString(mediatype::DockerManifest) << QString(mediatype::DockerManifest);
    QTest::newRow("shape: manifest") << QByteArray("{\"schemaVersion\":2," + config + layers + "}") << QString()
                                     << QString(mediatype::OciManifest);
    QTest::newRow("shape: index") << QByteArray("{\"schemaVersion\":2,\"manifests\":[]}") << QString()
                                  << QString(mediatype::OciIndex);
    QTest::newRow("docker list") << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker."
                                               "distribution.manifest.list.v2+json\",\"manifests\":[]}")
                                 << QString() << QString(mediatype::DockerManifestList);
    QTest::newRow("v2s1") << QByteArray("{\"schemaVersion\":1,\"name\":\"a\",\"tag\":\"b\",\"fsLayers\":[],\"signatures\":[]}") << QString()
                          << QString(mediatype::DockerV2S1Signed);
}

void TestManifest::mediaTypes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, hint);
    QFETCH(QString, expected);
    auto mt = detectManifestMediaType(bytes, hint);
    QVERIFY2(mt.has_value(), mt ? "" : qPrintable(mt.error().message));
    QCOMPARE(*mt, expected);
}

void TestManifest::tooLarge()
{
    QByteArray big = "{\"schemaVersion\":2,\"manifests\":[],\"annotations\":{\"x\":\"";
    big += QByteArray(kMaxManifestSize, 'x');
    big += "\"}}";
    auto raw = makeRawManifest(big);
    QVERIFY(!raw.has_value());
    QCOMPARE(raw.error().code, ErrorCode::TooLarge);
    // Exactly at the limit is fine as far as size goes.
    QByteArray atLimit = "{\"schemaVersion\":2,\"manifests\":[]}";
    atLimit += QByteArray(kMaxManifestSize - atLimit.size(), ' ');
    QCOMPARE(atLimit.size(), kMaxManifestSize);
    QVERIFY(makeRawManifest(atLimit).has_value());
    auto cfg = ImageConfig::parse(big);
    QVERIFY(!cfg.has_value() || big.size() <= kMaxManifestSize);
}

void TestManifest::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("hello");
    QTest::newRow("truncated") << QByteArray("{\"schemaVersion\":2,\"manifests\":[");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("unknown shape") << QByteArray("{\"foo\":1}");
}

void TestManifest::malformed()
{
    QFETCH(QByteArray, bytes);
    auto raw = makeRawManifest(bytes);
    QVERIFY(!raw.has_value());
    QVERIFY(!raw.error().message.isEmpty());
    QVERIFY(raw.error().code == ErrorCode::MalformedContent || raw.error().code == ErrorCode::ManifestInvalid);
}

void TestManifest::indexParse()
{
    const QByteArray bytes = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                             "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
        + kDigestA + "\",\"size\":100,\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\"}}]}";
    auto raw = makeRawManifest(bytes);
    QVERIFY(raw.has_value());
    QVERIFY(raw->isIndex());
    auto idx = ImageIndex::parse(*raw);
    QVERIFY(idx.has_value());
    QCOMPARE(idx->manifests.size(), 1);
    QCOMPARE(idx->manifests.first().platform->toString(), u"linux/arm64/v8"_s);

    // A descriptor with a bad digest is refused (digests are validated before any path is built from them).
    QByteArray bad = bytes;
    bad.replace(kDigestA, "sha256:../../../etc/passwd");
    auto badRaw = makeRawManifest(bad);
    QVERIFY(!badRaw.has_value() || !ImageIndex::parse(*badRaw).has_value());
}

void TestManifest::rewriteKeepsOtherFields()
{
    auto raw = makeRawManifest(ociManifest());
    QVERIFY(raw.has_value());
    Descriptor l;
    l.mediaType = QString(mediatype::OciLayer);
    l.digest = Digest::sha256Of("x");
    l.size = 1;
    auto bytes = rewriteManifestLayers(*raw, {l});
    QVERIFY(bytes.has_value());
    auto again = ImageManifest::parse(*makeRawManifest(*bytes));
    QVERIFY(again.has_value());
    QCOMPARE(again->layers.first().digest, l.digest);
    QCOMPARE(again->annotations.value(u"a"_s), u"2"_s);
    QVERIFY(!rewriteManifestLayers(*raw, {l, l}).has_value());
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
