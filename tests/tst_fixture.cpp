// Proves the shared test support against the real peers: docker-registry in every flavour, the token server,
// and writeTestLayout output checked by skopeo (and tar).
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>


using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {

QString tool(const char *name)
{
    const QString path = findTool(QString::fromLatin1(name));
    if (path.isEmpty())
        qWarning("%s is missing: run scripts/install-deps.sh --test", name);
    return path;
}

} // namespace

class TestFixture : public QObject
{
    Q_OBJECT

private:
    QString m_skopeo;

    ProcessResult skopeo(const QStringList &args, int timeoutMs = 120000)
    {
        return runProcess(m_skopeo, QStringList{u"--insecure-policy"_s} + args, timeoutMs);
    }

private slots:
    void initTestCase()
    {
        for (const char *name : {"docker-registry", "skopeo", "openssl", "htpasswd", "tar"})
            if (tool(name).isEmpty())
                QFAIL(qPrintable(u"required peer missing: %1"_s.arg(QString::fromLatin1(name))));
        m_skopeo = findTool(u"skopeo"_s);
    }

    void findToolFindsSbinAndMissing()
    {
        QVERIFY(QFileInfo(findTool(u"docker-registry"_s)).isAbsolute());
        QVERIFY(findTool(u"no-such-tool-stevedore-xyz"_s).isEmpty());
    }

    void runProcessBasics()
    {
        const ProcessResult r = runProcess(u"/bin/sh"_s, {u"-c"_s, u"cat; echo oops >&2; exit 3"_s}, 10000,
                                           QProcessEnvironment::systemEnvironment(), "hello stdin");
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!r.ok());
        QVERIFY(!r.timedOut);
        QCOMPARE(r.out, QByteArray("hello stdin"));
        QCOMPARE(r.err, QByteArray("oops\n"));

        QElapsedTimer timer;
        timer.start();
        const ProcessResult slow = runProcess(u"/bin/sleep"_s, {u"30"_s}, 300);
        QVERIFY(slow.timedOut);
        QVERIFY(!slow.ok());
        QVERIFY2(timer.elapsed() < 5000, "the timeout must kill the process");

        const ProcessResult missing = runProcess(u"/nonexistent/program"_s, {});
        QVERIFY(!missing.ok());
        QVERIFY(!missing.err.isEmpty());

        const ProcessResult fine = runProcess(u"/bin/true"_s, {});
        QVERIFY(fine.ok());
    }

    void plainRegistry()
    {
        QString hostPort, storage;
        {
            RegistryFixture reg;
            QString error;
            QVERIFY2(reg.start(&error), qPrintable(error));
            hostPort = reg.hostPort();
            storage = reg.storageDir();
            QVERIFY(hostPort.startsWith(u"127.0.0.1:"_s));
            QVERIFY(reg.certDir().isEmpty());
            QVERIFY(reg.caFile().isEmpty());
            QVERIFY(QFileInfo(storage).isDir());
            QCOMPARE(httpGetStatus(hostPort, u"/v2/"_s, {}, {}, {}, &error), 200);
            QCOMPARE(httpGetStatus(hostPort, u"/v2/nothing/here/manifests/latest"_s), 404);
        }
        // Destructor: registry stopped, files gone.
        QString error;
        QCOMPARE(httpGetStatus(hostPort, u"/v2/"_s, {}, {}, {}, &error, nullptr, 2000), -1);
        QVERIFY(!QFileInfo::exists(storage));
    }

    void tlsRegistry()
    {
        RegistryFixture reg(RegistryOptions{.tls = true});
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        QVERIFY(QFileInfo::exists(reg.certDir() + u"/ca.crt"_s));
        QCOMPARE(reg.caFile(), reg.certDir() + u"/ca.crt"_s);
        QCOMPARE(httpGetStatus(reg.hostPort(), u"/v2/"_s, reg.caFile(), {}, {}, &error), 200);
        // Plain http to the TLS port is not answered with 200.
        QVERIFY(httpGetStatus(reg.hostPort(), u"/v2/"_s, {}, {}, {}, &error, nullptr, 3000) != 200);
        // A client that does not trust the CA fails.
        const ProcessResult noCa = skopeo({u"inspect"_s, u"--raw"_s, u"docker://"_s + reg.hostPort() + u"/x/y:z"_s}, 60000);
        QVERIFY(!noCa.ok());
        QVERIFY2(noCa.err.contains("certificate"), noCa.err.constData());
    }

    void clientCertificateRegistry()
    {
        RegistryFixture reg(RegistryOptions{.tls = true, .clientCerts = true});
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        QVERIFY(QFileInfo::exists(reg.certDir() + u"/client.cert"_s));
        QVERIFY(QFileInfo::exists(reg.certDir() + u"/client.key"_s));
        // Without the client certificate the handshake fails.
        QVERIFY(httpGetStatus(reg.hostPort(), u"/v2/"_s, reg.caFile(), {}, {}, &error, nullptr, 3000) != 200);
        // skopeo presents certs.d's client.cert/client.key.
        ProcessResult r = skopeo({u"inspect"_s, u"--raw"_s, u"--cert-dir"_s, reg.certDir(),
                                  u"docker://"_s + reg.hostPort() + u"/x/y:z"_s});
        QVERIFY(!r.ok());
        QVERIFY2(r.err.contains("manifest unknown") || r.err.contains("MANIFEST_UNKNOWN") || r.err.contains("not found"),
                 r.err.constData());
        QTemporaryDir onlyCa;
        QVERIFY(QFile::copy(reg.caFile(), onlyCa.filePath(u"ca.crt"_s)));
        r = skopeo({u"inspect"_s, u"--raw"_s, u"--cert-dir"_s, onlyCa.path(),
                    u"docker://"_s + reg.hostPort() + u"/x/y:z"_s});
        QVERIFY(!r.ok());
        QVERIFY2(!r.err.contains("manifest unknown"), r.err.constData());
    }

    void basicRegistry()
    {
        RegistryFixture reg(RegistryOptions{.auth = RegistryAuth::Basic});
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        QCOMPARE(httpGetStatus(reg.hostPort(), u"/v2/"_s, {}, {}, {}, &error), 401);
        QCOMPARE(httpGetStatus(reg.hostPort(), u"/v2/"_s, {}, reg.options().user, reg.options().password, &error), 200);
        QCOMPARE(httpGetStatus(reg.hostPort(), u"/v2/"_s, {}, reg.options().user, u"wrong"_s, &error), 401);
        QVERIFY(!reg.logs().contains(reg.options().password));
    }

    void tlsBasicRegistry()
    {
        RegistryFixture reg(RegistryOptions{.tls = true, .auth = RegistryAuth::Basic, .user = u"bob"_s,
                                            .password = u"p4ss word"_s});
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        QCOMPARE(httpGetStatus(reg.hostPort(), u"/v2/"_s, reg.caFile(), {}, {}, &error), 401);
        QCOMPARE(httpGetStatus(reg.hostPort(), u"/v2/"_s, reg.caFile(), u"bob"_s, u"p4ss word"_s, &error), 200);
    }

    void tokenServer_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("https") << true;
        QTest::newRow("http") << false;
    }

    void tokenServer()
    {
        QFETCH(bool, tls);
        RegistryFixture reg(RegistryOptions{.tls = tls, .auth = RegistryAuth::Token});
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        QVERIFY(reg.tokenRealm().startsWith(tls ? u"https://127.0.0.1:"_s : u"http://127.0.0.1:"_s));
        QCOMPARE(httpGetStatus(reg.hostPort(), u"/v2/"_s, tls ? reg.caFile() : QString(), {}, {}, &error), 401);

        // The token endpoint: right and wrong credentials.
        const QString realmHost = reg.tokenRealm().section(u'/', 2, 2);
        const QString path = u"/token?service=%1&scope=repository:team/app:pull,push"_s.arg(reg.service());
        const QString ca = tls ? reg.caFile() : QString();
        QByteArray body;
        QCOMPARE(httpGetStatus(realmHost, path, ca, {}, {}, &error), 401);
        QCOMPARE(httpGetStatus(realmHost, path, ca, reg.options().user, u"nope"_s, &error), 401);
        QCOMPARE(httpGetStatus(realmHost, path + u"&offline_token=true"_s, ca, reg.options().user,
                               reg.options().password, &error, &body), 200);
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        const QStringList jwt = answer.value(u"token"_s).toString().split(u'.');
        QCOMPARE(jwt.size(), 3);
        QCOMPARE(answer.value(u"access_token"_s).toString(), answer.value(u"token"_s).toString());
        QCOMPARE(answer.value(u"expires_in"_s).toInt(), 300);
        QVERIFY(!answer.value(u"refresh_token"_s).toString().isEmpty());
        const QJsonObject header = QJsonDocument::fromJson(
            QByteArray::fromBase64(jwt[0].toLatin1(), QByteArray::Base64UrlEncoding)).object();
        QCOMPARE(header.value(u"alg"_s).toString(), u"RS256"_s);
        QCOMPARE(header.value(u"x5c"_s).toArray().size(), 1);
        const QJsonObject claims = QJsonDocument::fromJson(
            QByteArray::fromBase64(jwt[1].toLatin1(), QByteArray::Base64UrlEncoding)).object();
        QCOMPARE(claims.value(u"aud"_s).toString(), reg.service());
        QCOMPARE(claims.value(u"sub"_s).toString(), reg.options().user);
        const QJsonObject access = claims.value(u"access"_s).toArray().at(0).toObject();
        QCOMPARE(access.value(u"name"_s).toString(), u"team/app"_s);
        QCOMPARE(access.value(u"actions"_s).toArray(), (QJsonArray{u"pull"_s, u"push"_s}));

        // docker-registry accepts the tokens: skopeo pushes and reads back through the token flow.
        QTemporaryDir dir;
        const QString layout = dir.filePath(u"layout"_s);
        const QString digest = writeTestLayout(layout, u"v1"_s, TestImageSpec{.gzipLayers = true, .asIndex = false}, &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const QString creds = reg.options().user + u':' + reg.options().password;
        QStringList tlsDest, tlsSrc;
        if (tls) {
            tlsDest << u"--dest-cert-dir"_s << reg.certDir();
            tlsSrc << u"--cert-dir"_s << reg.certDir();
        } else {
            tlsDest << u"--dest-tls-verify=false"_s;
            tlsSrc << u"--tls-verify=false"_s;
        }
        const QString dest = u"docker://"_s + reg.hostPort() + u"/team/app:v1"_s;
        ProcessResult r = skopeo(QStringList{u"copy"_s, u"--dest-creds"_s, reg.options().user + u":wrong"_s}
                                 + tlsDest + QStringList{u"oci:"_s + layout + u":v1"_s, dest});
        QVERIFY2(!r.ok(), "a wrong password must not get a token");
        r = skopeo(QStringList{u"copy"_s, u"--preserve-digests"_s, u"--dest-creds"_s, creds} + tlsDest
                   + QStringList{u"oci:"_s + layout + u":v1"_s, dest});
        QVERIFY2(r.ok(), qPrintable(QString::fromLocal8Bit(r.err) + reg.logs()));
        r = skopeo(QStringList{u"inspect"_s, u"--raw"_s, u"--creds"_s, creds} + tlsSrc + QStringList{dest});
        QVERIFY2(r.ok(), r.err.constData());
        QCOMPARE(sha256Digest(r.out), digest);
        const QString logs = reg.logs();
        QVERIFY2(logs.contains(u"token server: 200"_s) && logs.contains(u"token server: 401"_s), qPrintable(logs));
        QVERIFY(!logs.contains(reg.options().password));
    }

    void testLayoutIsDeterministicAndValid_data()
    {
        QTest::addColumn<bool>("gzip");
        QTest::addColumn<bool>("asIndex");
        QTest::newRow("tar index") << false << true;
        QTest::newRow("gzip index") << true << true;
        QTest::newRow("tar manifest") << false << false;
        QTest::newRow("gzip manifest") << true << false;
    }

    void testLayoutIsDeterministicAndValid()
    {
        QFETCH(bool, gzip);
        QFETCH(bool, asIndex);
        QTemporaryDir dir;
        const TestImageSpec spec{.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s, u"linux/arm/v7"_s},
                                 .layersPerPlatform = 3, .layerSize = 100 * 1000 + 7, .gzipLayers = gzip,
                                 .asIndex = asIndex, .seed = 42};
        QString error;
        const QString a = writeTestLayout(dir.filePath(u"a"_s), u"v1"_s, spec, &error);
        QVERIFY2(!a.isEmpty(), qPrintable(error));
        const QString b = writeTestLayout(dir.filePath(u"b"_s), u"v1"_s, spec, &error);
        QCOMPARE(a, b);
        QCOMPARE(readFileBytes(dir.filePath(u"a/index.json"_s)), readFileBytes(dir.filePath(u"b/index.json"_s)));
        TestImageSpec other = spec;
        other.seed = 43;
        QVERIFY(writeTestLayout(dir.filePath(u"c"_s), u"v1"_s, other, &error) != a);

        const QString layout = dir.filePath(u"a"_s);
        const QByteArray top = readFileBytes(layoutBlobPath(layout, a));
        QCOMPARE(sha256Digest(top), a);
        // skopeo reads it: the raw top-level manifest is ours, byte for byte.
        ProcessResult r = skopeo({u"inspect"_s, u"--raw"_s, u"oci:"_s + layout + u":v1"_s});
        QVERIFY2(r.ok(), r.err.constData());
        QCOMPARE(sha256Digest(r.out), a);
        r = skopeo({u"inspect"_s, u"oci:"_s + layout + u":v1"_s});
        QVERIFY2(r.ok(), r.err.constData());
        const QJsonObject inspected = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(inspected.value(u"Architecture"_s).toString(), u"amd64"_s);
        QCOMPARE(inspected.value(u"Layers"_s).toArray().size(), 3);

        // Every platform: layers are tars (gzip when asked) whose uncompressed digests are the config's diff_ids.
        QList<QByteArray> manifests;
        if (asIndex) {
            const QJsonArray entries = QJsonDocument::fromJson(top).object().value(u"manifests"_s).toArray();
            QCOMPARE(entries.size(), 3);
            QCOMPARE(entries.at(1).toObject().value(u"platform"_s).toObject().value(u"variant"_s).toString(), u"v8"_s);
            for (const QJsonValue &e : entries)
                manifests.append(readFileBytes(layoutBlobPath(layout, e.toObject().value(u"digest"_s).toString())));
        } else {
            manifests.append(top);
        }
        for (const QByteArray &m : manifests) {
            const QJsonObject manifest = QJsonDocument::fromJson(m).object();
            const QJsonObject config = QJsonDocument::fromJson(readFileBytes(layoutBlobPath(
                layout, manifest.value(u"config"_s).toObject().value(u"digest"_s).toString()))).object();
            const QJsonArray diffIds = config.value(u"rootfs"_s).toObject().value(u"diff_ids"_s).toArray();
            const QJsonArray layers = manifest.value(u"layers"_s).toArray();
            QCOMPARE(layers.size(), diffIds.size());
            for (qsizetype i = 0; i < layers.size(); ++i) {
                const QJsonObject layer = layers.at(i).toObject();
                QCOMPARE(layer.value(u"mediaType"_s).toString().endsWith(u"+gzip"_s), gzip);
                const QString path = layoutBlobPath(layout, layer.value(u"digest"_s).toString());
                const QByteArray blob = readFileBytes(path);
                QCOMPARE(blob.size(), layer.value(u"size"_s).toInteger());
                const QByteArray tar = gzip ? gunzipBytes(blob) : blob;
                QVERIFY(!tar.isEmpty());
                QCOMPARE(sha256Digest(tar), diffIds.at(i).toString());
                const ProcessResult list = runProcess(findTool(u"tar"_s), {u"-tvf"_s, path});
                QVERIFY2(list.ok(), list.err.constData());
                QVERIFY2(list.out.contains("100007"), list.out.constData());
            }
        }
        // skopeo copies every platform (verifying every digest on the way).
        r = skopeo({u"copy"_s, u"--all"_s, u"oci:"_s + layout + u":v1"_s, u"oci:"_s + dir.filePath(u"copy"_s) + u":v1"_s});
        QVERIFY2(r.ok(), r.err.constData());

        // A second tag in the same layout keeps the first.
        const QString second = writeTestLayout(layout, u"v2"_s, TestImageSpec{.seed = 7}, &error);
        QVERIFY2(!second.isEmpty(), qPrintable(error));
        r = skopeo({u"inspect"_s, u"--raw"_s, u"oci:"_s + layout + u":v1"_s});
        QVERIFY2(r.ok(), r.err.constData());
        QCOMPARE(sha256Digest(r.out), a);
        r = skopeo({u"inspect"_s, u"--raw"_s, u"oci:"_s + layout + u":v2"_s});
        QVERIFY2(r.ok(), r.err.constData());
        QCOMPARE(sha256Digest(r.out), second);
    }

    void badSpecFails()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(writeTestLayout(dir.path(), u"v1"_s, TestImageSpec{.platforms = {u"amd64"_s}}, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFixture)
#include "tst_fixture.moc"
