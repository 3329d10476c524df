// End to end: bad input to `stevedore push` — each a clear one-line error, a non-zero exit, and no tag written.
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    // STEVEDORE_CLI overrides the binary under test (e.g. an installed build).
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    QString m_skopeo;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;
    std::unique_ptr<RegistryFixture> m_reg; // one plain registry for the whole test case

    QString path(const QString &name) const { return m_tmp->filePath(name); }

    ProcessResult stevedore(const QStringList &args, int timeoutMs = 60000)
    {
        return runProcess(m_cli, args, timeoutMs, m_env);
    }

    static QString describe(const ProcessResult &r)
    {
        return u"exit %1%2\nstdout: %3\nstderr: %4"_s.arg(r.exitCode).arg(r.timedOut ? u" (timed out)"_s : QString())
            .arg(QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
    }

    bool tagExists(const QString &repoTag)
    {
        const ProcessResult r = runProcess(m_skopeo, {u"--insecure-policy"_s, u"inspect"_s, u"--raw"_s,
                                                      u"--tls-verify=false"_s,
                                                      u"docker://"_s + m_reg->hostPort() + u'/' + repoTag},
                                           60000, m_env);
        return r.ok();
    }

    QStringList catalog()
    {
        QByteArray body;
        QString error;
        if (httpGetStatus(m_reg->hostPort(), u"/v2/_catalog"_s, {}, {}, {}, &error, &body) != 200)
            return {u"<catalog failed: %1>"_s.arg(error)};
        QStringList repos;
        for (const QJsonValue &v : QJsonDocument::fromJson(body).object().value(u"repositories"_s).toArray())
            repos << v.toString();
        return repos;
    }

    // Non-zero, not a crash, not a hang, one line on stderr.
    void verifyCleanFailure(const ProcessResult &r)
    {
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData()); // shows the messages users get
        QVERIFY2(!r.timedOut, qPrintable(describe(r)));
        QVERIFY2(!r.crashed, qPrintable(u"crashed: "_s + describe(r)));
        QVERIFY2(r.exitCode != 0, qPrintable(describe(r)));
        const QByteArray err = r.err.trimmed();
        QVERIFY2(!err.isEmpty(), "a failure must say why on stderr");
        QVERIFY2(!err.contains('\n'), qPrintable(u"one line expected on stderr:\n"_s + QString::fromUtf8(err)));
    }

    QString writeLayout(const QString &name, bool gzip, QString *digest)
    {
        QString error;
        const QString dir = path(name);
        *digest = writeTestLayout(dir, u"v1"_s,
                                  TestImageSpec{.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s},
                                                .layersPerPlatform = 2, .layerSize = 150 * 1024, .gzipLayers = gzip,
                                                .seed = 31},
                                  &error);
        if (digest->isEmpty())
            qWarning("%s", qPrintable(error));
        return dir;
    }

private slots:
    void initTestCase()
    {
        const QString missing = missingE2ePeers(m_cli, {u"skopeo"_s});
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        m_skopeo = findTool(u"skopeo"_s);
        m_reg = std::make_unique<RegistryFixture>();
        QString error;
        QVERIFY2(m_reg->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_reg.reset(); }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(path(u"home"_s));
    }

    void cleanup() { m_tmp.reset(); }

    void malformedReferences_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        const QString host = u"127.0.0.1:1"_s; // replaced by the registry's address below
        QTest::newRow("uppercase repository") << u"LAYOUT"_s << u"docker://HOST/Team/App:v1"_s;
        QTest::newRow("bad tag") << u"LAYOUT"_s << u"docker://HOST/team/app:bad tag!"_s;
        QTest::newRow("short digest") << u"LAYOUT"_s << u"docker://HOST/team/app@sha256:abc"_s;
        QTest::newRow("bad digest algorithm") << u"LAYOUT"_s << u"docker://HOST/team/app@md5:0123456789abcdef"_s;
        QTest::newRow("empty docker reference") << u"LAYOUT"_s << u"docker://"_s;
        QTest::newRow("docker without //") << u"LAYOUT"_s << u"docker:HOST/team/app:v1"_s;
        QTest::newRow("tag too long") << u"LAYOUT"_s << u"docker://HOST/team/app:"_s + QString(200, u'x');
        QTest::newRow("empty oci path") << u"oci:"_s << u"docker://HOST/team/app:v1"_s;
        QTest::newRow("double slash in repo") << u"LAYOUT"_s << u"docker://HOST/team//app:v1"_s;
        Q_UNUSED(host);
    }

    void malformedReferences()
    {
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QString digest;
        const QString layout = writeLayout(u"layout"_s, true, &digest);
        QVERIFY(!digest.isEmpty());
        source.replace(u"LAYOUT"_s, u"oci:"_s + layout + u":v1"_s);
        destination.replace(u"HOST"_s, m_reg->hostPort());
        const QStringList before = catalog();
        const ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, source, destination});
        verifyCleanFailure(r);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(catalog(), before);
    }

    void missingLayout()
    {
        const QString missing = path(u"does-not-exist"_s);
        const ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"oci:"_s + missing + u":v1"_s,
                                           u"docker://"_s + m_reg->hostPort() + u"/bad/missing:v1"_s});
        verifyCleanFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains("does-not-exist"), qPrintable(describe(r)));
        QVERIFY(!tagExists(u"bad/missing:v1"_s));
    }

    void missingTag()
    {
        QString digest;
        const QString layout = writeLayout(u"layout"_s, true, &digest);
        const ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"oci:"_s + layout + u":nope"_s,
                                           u"docker://"_s + m_reg->hostPort() + u"/bad/notag:v1"_s});
        verifyCleanFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains("nope"), qPrintable(describe(r)));
        QVERIFY(!tagExists(u"bad/notag:v1"_s));
    }

    void corruptIndexJson_data()
    {
        QTest::addColumn<QByteArray>("indexJson");
        QTest::newRow("not json") << QByteArray("{\"schemaVersion\": 2, \"manifests\": [ {");
        QTest::newRow("empty file") << QByteArray();
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("bad digest") << QByteArray(
            R"({"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.index.v1+json",)"
            R"("digest":"sha256:../../../etc/passwd","size":10,)"
            R"("annotations":{"org.opencontainers.image.ref.name":"v1"}}]})");
    }

    void corruptIndexJson()
    {
        QFETCH(QByteArray, indexJson);
        QString digest;
        const QString layout = writeLayout(u"layout"_s, true, &digest);
        QFile f(layout + u"/index.json"_s);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(indexJson);
        f.close();
        const ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"oci:"_s + layout + u":v1"_s,
                                           u"docker://"_s + m_reg->hostPort() + u"/bad/index:v1"_s});
        verifyCleanFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains("index.json"), qPrintable(describe(r)));
        QVERIFY2(!r.err.contains("no error occurred"), qPrintable(u"unclear message: "_s + describe(r)));
        QVERIFY(!tagExists(u"bad/index:v1"_s));
    }

    // A blob whose bytes do not match its digest: the error names the digest; nothing is tagged, and the bad
    // bytes never become a blob in the registry.
    void blobDigestMismatch_data()
    {
        QTest::addColumn<bool>("gzip");
        QTest::addColumn<QString>("which");
        QTest::newRow("gzip layer") << true << u"layer"_s;
        QTest::newRow("truncated gzip layer") << true << u"truncated"_s;
        QTest::newRow("truncated uncompressed layer") << false << u"truncated"_s;
        QTest::newRow("missing layer") << true << u"missing"_s;
        QTest::newRow("uncompressed layer (compressed on the way)") << false << u"layer"_s;
        QTest::newRow("config") << true << u"config"_s;
        QTest::newRow("platform manifest") << true << u"manifest"_s;
    }

    void blobDigestMismatch()
    {
        QFETCH(bool, gzip);
        QFETCH(QString, which);
        QString digest;
        const QString layout = writeLayout(u"layout"_s, gzip, &digest);
        QVERIFY(!digest.isEmpty());
        const QJsonArray entries = readJsonObject(layoutBlobPath(layout, digest)).value(u"manifests"_s).toArray();
        const QString manifestDigest = entries.at(1).toObject().value(u"digest"_s).toString();
        const QJsonObject manifest = readJsonObject(layoutBlobPath(layout, manifestDigest));
        QString victim;
        if (which == u"layer"_s || which == u"truncated"_s || which == u"missing"_s)
            victim = manifest.value(u"layers"_s).toArray().at(1).toObject().value(u"digest"_s).toString();
        else if (which == u"config"_s)
            victim = manifest.value(u"config"_s).toObject().value(u"digest"_s).toString();
        else
            victim = manifestDigest;

        QByteArray bytes = readFileBytes(layoutBlobPath(layout, victim));
        QVERIFY(bytes.size() > 100);
        if (which == u"layer"_s) {
            bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x5a); // same size, different bytes
        } else if (which == u"truncated"_s) {
            bytes.truncate(bytes.size() - 1000); // shorter than its descriptor says
        } else {
            // Still valid JSON of the same size: flip a digit in the middle of a hex digest.
            const qsizetype pos = bytes.indexOf("sha256:") + 20;
            bytes[pos] = bytes.at(pos) == '0' ? '1' : '0';
        }
        QFile f(layoutBlobPath(layout, victim));
        if (which == u"missing"_s) {
            QVERIFY(f.remove());
        } else {
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
            f.close();
        }

        const QString repo = u"bad/mismatch-"_s + which + (gzip ? u"-gz"_s : u"-tar"_s);
        const ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"oci:"_s + layout + u":v1"_s,
                                           u"docker://"_s + m_reg->hostPort() + u'/' + repo + u":v1"_s}, 120000);
        verifyCleanFailure(r);
        if (QTest::currentTestFailed())
            return;
        const QString hex = victim.section(u':', 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(hex.left(12)), qPrintable(u"the error must name "_s + victim +
                                                                             u"\n"_s + describe(r)));
        QVERIFY(!tagExists(repo + u":v1"_s));
        QVERIFY2(!QFileInfo::exists(registryBlobPath(*m_reg, sha256Digest(bytes))),
                 "the corrupt bytes must not be stored as a blob");
    }

    // A closed port: a clear error within a few seconds.
    void unreachableRegistry()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QString digest;
        const QString layout = writeLayout(u"layout"_s, true, &digest);
        QElapsedTimer timer;
        timer.start();
        const ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"oci:"_s + layout + u":v1"_s,
                                           u"docker://127.0.0.1:%1/team/app:v1"_s.arg(port)}, 30000);
        verifyCleanFailure(r);
        if (QTest::currentTestFailed())
            return;
        qInfo("failed after %lld ms", qint64(timer.elapsed()));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
        QVERIFY2(r.err.contains(QByteArray::number(port)), qPrintable(describe(r)));
    }

    // Connection errors are temporary: --retry N tries again after --retry-delay, then fails with the same clear error.
    void unreachableRegistryWithRetries()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QString digest;
        const QString layout = writeLayout(u"layout"_s, true, &digest);
        QElapsedTimer timer;
        timer.start();
        const ProcessResult once = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"--retry"_s, u"0"_s,
                                              u"oci:"_s + layout + u":v1"_s,
                                              u"docker://127.0.0.1:%1/team/app:v1"_s.arg(port)}, 30000);
        verifyCleanFailure(once);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(timer.elapsed() < 3000, qPrintable(u"--retry 0 took %1 ms"_s.arg(timer.elapsed())));
        timer.restart();
        const ProcessResult r = stevedore({u"push"_s, u"--all"_s, u"--tls-verify=false"_s, u"--retry"_s, u"2"_s,
                                           u"--retry-delay"_s, u"1s"_s, u"oci:"_s + layout + u":v1"_s,
                                           u"docker://127.0.0.1:%1/team/app:v1"_s.arg(port)}, 60000);
        verifyCleanFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(timer.elapsed() >= 2000, qPrintable(u"2 retries 1 s apart took only %1 ms"_s.arg(timer.elapsed())));
        QVERIFY2(timer.elapsed() < 20000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
        QVERIFY2(r.err.contains(QByteArray::number(port)), qPrintable(describe(r)));
    }

    // Options of `sealos push` that later issues implement: parsed, then "not supported yet".
    void notSupportedOptions_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("--sign-by") << QStringList{u"--sign-by"_s, u"ABCDEF0123456789"_s};
        QTest::newRow("--encrypt-layer") << QStringList{u"--encrypt-layer"_s, u"0"_s};
        QTest::newRow("--encryption-key") << QStringList{u"--encryption-key"_s, u"jwe:/tmp/key.pem"_s};
        QTest::newRow("--cr-option") << QStringList{u"--cr-option"_s, u"yes"_s};
    }

    void notSupportedOptions()
    {
        QFETCH(QStringList, options);
        QString digest;
        const QString layout = writeLayout(u"layout"_s, true, &digest);
        const QString repo = u"bad/unsupported"_s;
        const ProcessResult r = stevedore(QStringList{u"push"_s, u"--all"_s, u"--tls-verify=false"_s} + options
                                          + QStringList{u"oci:"_s + layout + u":v1"_s,
                                                        u"docker://"_s + m_reg->hostPort() + u'/' + repo + u":v1"_s});
        verifyCleanFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains("not supported yet"), qPrintable(describe(r)));
        QVERIFY(!tagExists(repo + u":v1"_s));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no image") << QStringList{u"push"_s};
        QTest::newRow("three positionals") << QStringList{u"push"_s, u"a:1"_s, u"b:1"_s, u"c:1"_s};
        QTest::newRow("unknown option") << QStringList{u"push"_s, u"--no-such-option"_s, u"a:1"_s};
        QTest::newRow("bad --tls-verify") << QStringList{u"push"_s, u"--tls-verify=maybe"_s, u"a:1"_s};
        QTest::newRow("bad --progress") << QStringList{u"push"_s, u"--progress=fancy"_s, u"a:1"_s};
        QTest::newRow("bad --retry") << QStringList{u"push"_s, u"--retry"_s, u"-3"_s, u"a:1"_s};
        QTest::newRow("unknown command") << QStringList{u"shove"_s, u"a:1"_s};
        QTest::newRow("unknown transport") << QStringList{u"push"_s, u"oci:/tmp/x:v1"_s, u"ftp://example.com/a:b"_s};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const ProcessResult r = stevedore(args, 30000);
        verifyCleanFailure(r);
        if (QTest::currentTestFailed())
            return;
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
