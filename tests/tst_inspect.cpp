// inspectImage (Summary, Raw, Config) compared with `skopeo inspect` on the same layouts.
#include "content/manifest.h"
#include "copy/copyjob.h"
#include "ops/inspect.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace stevedore;
using stevedore::test::findTool;
using stevedore::test::runProcess;
using stevedore::test::TestImageSpec;
using stevedore::test::writeTestLayout;

class TestInspect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void summaryMatchesSkopeo();
    void indexPicksHostPlatform();
    void localStoreAndAsync();
    void dockerTransport();
    void errors();

private:
    Result<QByteArray> inspect(const QString &location, InspectMode mode)
    {
        auto r = TransportReference::parse(location);
        if (!r)
            return fail(r.error());
        return inspectImage(*r, context(), mode);
    }
    SystemContext context() const
    {
        SystemContext c;
        c.storageRoot = m_dir->filePath(u"store"_s);
        c.blobInfoCachePath = m_dir->filePath(u"cache.json"_s);
        return c;
    }
    QString path(const QString &name) const { return m_dir->filePath(name); }
    void compareWithSkopeo(const QString &location);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_skopeo, m_umoci;
};

void TestInspect::initTestCase()
{
    m_skopeo = findTool(u"skopeo"_s);
    m_umoci = findTool(u"umoci"_s);
    if (m_skopeo.isEmpty() || m_umoci.isEmpty())
        QFAIL("skopeo and umoci are needed (scripts/install-deps.sh --test installs them)");
}

void TestInspect::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestInspect::compareWithSkopeo(const QString &location)
{
    auto sk = runProcess(m_skopeo, {u"inspect"_s, location});
    QVERIFY2(sk.ok(), sk.err.constData());
    const QJsonObject theirs = QJsonDocument::fromJson(sk.out).object();
    QVERIFY(!theirs.isEmpty());
    auto ours = inspect(location, InspectMode::Summary);
    QVERIFY2(ours.has_value(), ours ? "" : qPrintable(ours.error().message));
    QJsonParseError perr;
    const QJsonObject mine = QJsonDocument::fromJson(*ours, &perr).object();
    QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(perr.errorString()));
    // Every field skopeo prints is there with the same value.
    for (auto it = theirs.begin(); it != theirs.end(); ++it)
        QVERIFY2(mine.value(it.key()) == it.value(),
                 qPrintable(u"%1: ours %2, skopeo %3"_s.arg(
                     it.key(), QString::fromUtf8(QJsonDocument(QJsonObject{{it.key(), mine.value(it.key())}}).toJson()),
                     QString::fromUtf8(QJsonDocument(QJsonObject{{it.key(), it.value()}}).toJson()))));
    // LayersData follows Layers.
    const QJsonArray layers = mine.value(u"Layers"_s).toArray();
    const QJsonArray data = mine.value(u"LayersData"_s).toArray();
    QCOMPARE(data.size(), layers.size());
    for (qsizetype i = 0; i < layers.size(); ++i) {
        QCOMPARE(data.at(i).toObject().value(u"Digest"_s), layers.at(i));
        QVERIFY(data.at(i).toObject().value(u"Size"_s).toInteger() > 0);
    }
    // The keys come in skopeo's order (Digest before Layers before Env).
    QVERIFY(ours->indexOf("\"Digest\"") < ours->indexOf("\"Layers\""));
    QVERIFY(ours->indexOf("\"Layers\"") < ours->indexOf("\"Env\""));

    auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, location});
    QVERIFY(raw.ok());
    auto ourRaw = inspect(location, InspectMode::Raw);
    QVERIFY(ourRaw.has_value());
    QCOMPARE(*ourRaw, raw.out);
    auto config = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"--config"_s, location});
    QVERIFY(config.ok());
    auto ourConfig = inspect(location, InspectMode::Config);
    QVERIFY(ourConfig.has_value());
    QCOMPARE(*ourConfig, config.out);
}

void TestInspect::summaryMatchesSkopeo()
{
    // An image with labels and environment, made by umoci.
    const QString layout = path(u"u"_s);
    QVERIFY(runProcess(m_umoci, {u"init"_s, u"--layout"_s, layout}).ok());
    QVERIFY(runProcess(m_umoci, {u"new"_s, u"--image"_s, layout + u":base"_s}).ok());
    QFile file(path(u"hello.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello\n");
    file.close();
    auto ins = runProcess(m_umoci, {u"insert"_s, u"--image"_s, layout + u":base"_s, path(u"hello.txt"_s), u"/hello.txt"_s});
    QVERIFY2(ins.ok(), ins.err.constData());
    auto cfg = runProcess(m_umoci, {u"config"_s, u"--image"_s, layout + u":base"_s, u"--config.env"_s, u"FOO=bar"_s,
                                    u"--config.label"_s, u"org.example.team=blue"_s, u"--author"_s, u"t"_s,
                                    u"--tag"_s, u"v1"_s});
    QVERIFY2(cfg.ok(), cfg.err.constData());
    compareWithSkopeo(u"oci:"_s + layout + u":v1"_s);
    auto summary = QJsonDocument::fromJson(*inspect(u"oci:"_s + layout + u":v1"_s, InspectMode::Summary)).object();
    QCOMPARE(summary.value(u"Labels"_s).toObject().value(u"org.example.team"_s).toString(), u"blue"_s);
    QVERIFY(summary.value(u"Env"_s).toArray().contains(u"FOO=bar"_s));
    QVERIFY(!summary.contains(u"Name"_s)); // no repository name for a layout, like skopeo

    // A multi-layer image written by the test support.
    QString error;
    TestImageSpec spec;
    spec.asIndex = false;
    spec.layersPerPlatform = 3;
    spec.gzipLayers = true;
    QVERIFY(!writeTestLayout(path(u"t"_s), u"x"_s, spec, &error).isEmpty());
    compareWithSkopeo(u"oci:"_s + path(u"t"_s) + u":x"_s);
}

void TestInspect::indexPicksHostPlatform()
{
    QString error;
    TestImageSpec spec;
    spec.platforms = {u"linux/arm64/v8"_s, Platform::host().toString(), u"linux/s390x"_s};
    const QString top = writeTestLayout(path(u"m"_s), u"x"_s, spec, &error);
    QVERIFY2(!top.isEmpty(), qPrintable(error));
    const QString location = u"oci:"_s + path(u"m"_s) + u":x"_s;
    compareWithSkopeo(location);
    auto summary = QJsonDocument::fromJson(*inspect(location, InspectMode::Summary)).object();
    QCOMPARE(summary.value(u"Digest"_s).toString(), top); // the index digest, as skopeo
    QCOMPARE(summary.value(u"Architecture"_s).toString(), Platform::host().architecture);
    auto raw = inspect(location, InspectMode::Raw);
    QVERIFY(raw.has_value());
    QCOMPARE(Digest::sha256Of(*raw).toString(), top);
}

void TestInspect::localStoreAndAsync()
{
    QString error;
    TestImageSpec spec;
    spec.asIndex = false;
    const QString top = writeTestLayout(path(u"s"_s), u"x"_s, spec, &error);
    QVERIFY(!top.isEmpty());
    auto s = TransportReference::parse(u"oci:"_s + path(u"s"_s) + u":x"_s);
    auto d = TransportReference::parse(u"team/app:v1"_s);
    CopyJob job(*s, *d, context(), {});
    job.start();
    QVERIFY(job.waitForFinished(60000));
    QVERIFY2(job.state() == Job::State::Succeeded, job.error() ? qPrintable(job.error()->message) : "");

    auto future = inspectImageAsync(*d, context(), InspectMode::Summary);
    future.waitForFinished();
    const Result<QByteArray> result = future.result();
    QVERIFY2(result.has_value(), result ? "" : qPrintable(result.error().message));
    const QJsonObject o = QJsonDocument::fromJson(*result).object();
    QCOMPARE(o.value(u"Name"_s).toString(), u"docker.io/team/app"_s);
    QCOMPARE(o.value(u"Digest"_s).toString(), top);
    QCOMPARE(o.value(u"RepoTags"_s).toArray().size(), 0);
    QCOMPARE(o.value(u"Created"_s).toString(), u"1970-01-01T00:00:00Z"_s);
}

void TestInspect::dockerTransport()
{
    // inspect goes through openImageSource: a docker:// image on a real registry, with basic auth.
    stevedore::test::RegistryOptions options;
    options.auth = stevedore::test::RegistryAuth::Basic;
    stevedore::test::RegistryFixture registry(options);
    QString error;
    if (!registry.start(&error))
        QFAIL(qPrintable(u"docker-registry did not start: "_s + error));
    TestImageSpec spec;
    spec.platforms = {Platform::host().toString(), u"linux/arm64/v8"_s};
    spec.gzipLayers = true;
    const QString top = writeTestLayout(path(u"r"_s), u"v1"_s, spec, &error);
    QVERIFY2(!top.isEmpty(), qPrintable(error));
    const QString creds = options.user + u':' + options.password;
    const QString image = u"docker://"_s + registry.hostPort() + u"/team/app"_s;
    for (const QString &tag : {u"v1"_s, u"stable"_s}) {
        auto push = runProcess(m_skopeo, {u"copy"_s, u"-q"_s, u"--all"_s, u"--dest-tls-verify=false"_s,
                                          u"--dest-creds"_s, creds, u"oci:"_s + path(u"r"_s) + u":v1"_s,
                                          image + u':' + tag});
        QVERIFY2(push.ok(), push.err.constData());
    }
    auto sk = runProcess(m_skopeo, {u"inspect"_s, u"--tls-verify=false"_s, u"--creds"_s, creds, image + u":v1"_s});
    QVERIFY2(sk.ok(), sk.err.constData());
    const QJsonObject theirs = QJsonDocument::fromJson(sk.out).object();

    SystemContext ctx = context();
    ctx.tlsVerify = false;
    ctx.credentials = Credentials{options.user, options.password, {}};
    auto ref = TransportReference::parse(image + u":v1"_s);
    QVERIFY(ref.has_value());
    auto ours = inspectImage(*ref, ctx, InspectMode::Summary);
    QVERIFY2(ours.has_value(), ours ? "" : qPrintable(ours.error().message));
    const QJsonObject mine = QJsonDocument::fromJson(*ours).object();
    for (auto it = theirs.begin(); it != theirs.end(); ++it) {
        QJsonValue expected = it.value();
        QJsonValue actual = mine.value(it.key());
        if (it.key() == u"RepoTags"_s) { // order is the registry's: compare as sets
            QStringList a = expected.toVariant().toStringList(), b = actual.toVariant().toStringList();
            a.sort();
            b.sort();
            QCOMPARE(b, a);
            continue;
        }
        QVERIFY2(actual == expected, qPrintable(it.key()));
    }
    QCOMPARE(mine.value(u"Name"_s).toString(), registry.hostPort() + u"/team/app"_s);
    QCOMPARE(mine.value(u"Digest"_s).toString(), top);
    auto raw = inspectImage(*ref, ctx, InspectMode::Raw);
    QVERIFY(raw.has_value());
    QCOMPARE(Digest::sha256Of(*raw).toString(), top);
    // Wrong password: a clear error, and the secret is not in it.
    ctx.credentials = Credentials{options.user, u"wrong-secret"_s, {}};
    auto denied = inspectImage(*ref, ctx, InspectMode::Summary);
    QVERIFY(!denied.has_value());
    QVERIFY(!denied.error().message.contains(u"wrong-secret"_s));
}

void TestInspect::errors()
{
    auto missing = inspect(u"oci:"_s + path(u"none"_s) + u":x"_s, InspectMode::Summary);
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    auto unsupported = inspect(u"sif:/tmp/x.sif"_s, InspectMode::Raw);
    QVERIFY(!unsupported.has_value());
    QCOMPARE(unsupported.error().code, ErrorCode::NotSupportedYet);

    // An index without the host platform: Summary says which platforms exist, Raw still works.
    QString error;
    TestImageSpec spec;
    spec.platforms = {u"linux/s390x"_s, u"linux/ppc64le"_s};
    QVERIFY(!writeTestLayout(path(u"f"_s), u"x"_s, spec, &error).isEmpty());
    auto summary = inspect(u"oci:"_s + path(u"f"_s) + u":x"_s, InspectMode::Summary);
    QVERIFY(!summary.has_value());
    QVERIFY2(summary.error().message.contains(u"linux/s390x"_s), qPrintable(summary.error().message));
    QVERIFY(inspect(u"oci:"_s + path(u"f"_s) + u":x"_s, InspectMode::Raw).has_value());

    // A corrupt config is detected.
    spec.platforms = {Platform::host().toString()};
    spec.asIndex = false;
    const QString top = writeTestLayout(path(u"c"_s), u"x"_s, spec, &error);
    QFile mf(path(u"c"_s) + u"/blobs/sha256/"_s + top.mid(7));
    QVERIFY(mf.open(QIODevice::ReadOnly));
    auto manifest = ImageManifest::parse(*makeRawManifest(mf.readAll()));
    QVERIFY(manifest.has_value());
    QFile cf(path(u"c"_s) + u"/blobs/sha256/"_s + manifest->config.digest.hex());
    QVERIFY(cf.open(QIODevice::ReadWrite));
    QByteArray bytes = cf.readAll();
    bytes[1] = ' ';
    cf.seek(0);
    cf.write(bytes);
    cf.close();
    auto config = inspect(u"oci:"_s + path(u"c"_s) + u":x"_s, InspectMode::Config);
    QVERIFY(!config.has_value());
    QCOMPARE(config.error().code, ErrorCode::DigestMismatch);
    QVERIFY(config.error().message.contains(manifest->config.digest.toString()));
}

QTEST_GUILESS_MAIN(TestInspect)
#include "tst_inspect.moc"
