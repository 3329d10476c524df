// RegistryClient against Debian's docker-registry and loopback fakes: TLS (--cert-dir, client certificates),
// authentication (Basic, Bearer tokens, realms, identity and refreshed tokens), the mapping of registry errors,
// redirects, an unreachable registry and cancellation. Blobs, uploads, manifests and the docker:// transport are
// in tst_registryblobs; the helpers both share are in support/registrytest.h.
#include "registry/registryclient.h"
#include "registry/registryerrors.h"
#include "registry/tlsconfig.h"
#include "support/loopbackserver.h"
#include "support/registrytest.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <thread>

using namespace Qt::StringLiterals;
using namespace stevedore;
using namespace stevedore::test;

class TestRegistryClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        for (const char *tool : {"docker-registry", "openssl", "htpasswd"})
            if (stevedore::test::findTool(QString::fromLatin1(tool)).isEmpty())
                QFAIL(qPrintable(u"%1 is missing: install it (scripts/install-deps.sh --test)"_s.arg(QString::fromLatin1(tool))));
        // REGISTRY_* variables override docker-registry's configuration: none may reach it.
        qunsetenv("REGISTRY_AUTH_FILE");
        g_previousHandler = qInstallMessageHandler(captureLog);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        // Secrets used by the tests never reached a log line, whatever was logged.
        QVERIFY(!g_logLines.isEmpty());
        const QString all = g_logLines.join(u'\n');
        for (const QString &secret : {u"Sup3r-S3cret"_s, u"Wr0ng-Passw0rd"_s, u"T0ken-Secret"_s, u"Wr0ng-Token-Pass"_s,
                                      u"N0t-The-Passw0rd"_s, u"Bearer ey"_s, u"Basic "_s, u"refresh-"_s})
            QVERIFY2(!all.contains(secret), qPrintable(secret));
        QVERIFY(!all.contains(QString::fromLatin1(QByteArray("alice:secret").toBase64())));
    }

    void challengeParsing()
    {
        auto cs = parseAuthChallenges(
            "Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:a/b:pull,push\"");
        QCOMPARE(cs.size(), 1);
        QCOMPARE(cs[0].scheme, u"bearer"_s);
        QCOMPARE(cs[0].params.value(u"realm"_s), u"https://auth.example/token"_s);
        QCOMPARE(cs[0].params.value(u"service"_s), u"registry.example"_s);
        QCOMPARE(cs[0].params.value(u"scope"_s), u"repository:a/b:pull,push"_s); // comma inside quotes kept
        cs = parseAuthChallenges("Basic realm=\"Registry Realm\", Bearer realm=\"https://t/x\", error=\"insufficient_scope\"");
        QCOMPARE(cs.size(), 2);
        QCOMPARE(cs[0].scheme, u"basic"_s);
        QCOMPARE(cs[0].params.value(u"realm"_s), u"Registry Realm"_s);
        QCOMPARE(cs[1].scheme, u"bearer"_s);
        QCOMPARE(cs[1].params.value(u"error"_s), u"insufficient_scope"_s);
        cs = parseAuthChallenges("Bearer realm=\"https://t/x?a=\\\"q\\\"\",service=plain");
        QCOMPARE(cs.size(), 1);
        QCOMPARE(cs[0].params.value(u"realm"_s), u"https://t/x?a=\"q\""_s);
        QCOMPARE(cs[0].params.value(u"service"_s), u"plain"_s);
    }

    void errorMapping()
    {
        Error e = registryHttpError(404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}", {}, u"get"_s);
        QCOMPARE(e.code, ErrorCode::ManifestUnknown);
        QVERIFY(!e.temporary);
        QCOMPARE(e.httpStatus, 404);
        QVERIFY(e.message.contains(u"manifest unknown"_s));
        e = registryHttpError(429, "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}", "7", u"x"_s);
        QCOMPARE(e.code, ErrorCode::TooManyRequests);
        QVERIFY(e.temporary);
        QCOMPARE(e.retryAfter, std::chrono::milliseconds(7000));
        e = registryHttpError(503, "<html>oops</html>", {}, u"x"_s);
        QCOMPARE(e.code, ErrorCode::ServerError);
        QVERIFY(e.temporary);
        QCOMPARE(e.retryAfter, std::chrono::milliseconds(-1));
        e = registryHttpError(408, {}, {}, u"x"_s);
        QVERIFY(e.temporary);
        for (int status : {401, 403, 404}) {
            e = registryHttpError(status, "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\"}]}", "1", u"x"_s);
            QVERIFY2(!e.temporary, qPrintable(QString::number(status)));
        }
        e = registryHttpError(401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}", {}, u"x"_s);
        QCOMPARE(e.code, ErrorCode::Unauthorized);
        e = registryHttpError(403, {}, {}, u"x"_s);
        QCOMPARE(e.code, ErrorCode::Denied);
    }

    void plainHttp()
    {
        QString error;
        auto reg = startRegistry({}, &error);
        QVERIFY2(reg, qPrintable(error));
        // --tls-verify=false: https is tried first, then plain http.
        RegistryClient insecure(configFor(*reg));
        VERIFY_OK(insecure.ping(CancelToken()));
        QCOMPARE(insecure.baseUrl().scheme(), u"http"_s);
        // With verification on there is no silent fallback to http.
        RegistryConfig strict = configFor(*reg);
        strict.insecure = false;
        RegistryClient verifying(strict);
        auto p = verifying.ping(CancelToken());
        QVERIFY(!p);
        qInfo().noquote() << "https to a plain-http registry:" << p.error().message;
        QVERIFY2(p.error().code == ErrorCode::TlsError || p.error().code == ErrorCode::NetworkError,
                 qPrintable(p.error().message));
        QVERIFY2(p.error().message.contains(reg->hostPort()), qPrintable(p.error().message));
    }

    void tlsWithCertDir()
    {
        QString error;
        auto reg = startRegistry({.tls = true}, &error);
        QVERIFY2(reg, qPrintable(error));
        QVERIFY(!reg->certDir().isEmpty());
        RegistryClient client(configFor(*reg));
        VERIFY_OK(client.ping(CancelToken()));
        QCOMPARE(client.baseUrl().scheme(), u"https"_s);
        auto d = upload(client, u"tls/app"_s, "hello over tls", 1024);
        VERIFY_OK(d);

        // Without the CA: a clear certificate error, and no fallback to http.
        RegistryConfig noCa = configFor(*reg);
        noCa.certDir = QDir::tempPath() + u"/stevedore-empty-certs-"_s + QString::number(QCoreApplication::applicationPid());
        QDir().mkpath(noCa.certDir);
        RegistryClient untrusted(noCa);
        auto p = untrusted.ping(CancelToken());
        QDir(noCa.certDir).removeRecursively();
        QVERIFY(!p);
        qInfo().noquote() << "untrusted TLS:" << p.error().message;
        QCOMPARE(p.error().code, ErrorCode::TlsError);
        QVERIFY2(p.error().message.contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(p.error().message));
        QVERIFY2(p.error().message.contains(u"--cert-dir"_s), qPrintable(p.error().message));

        // --tls-verify=false against a TLS registry: https without verification (not http).
        RegistryConfig skip = noCa;
        skip.certDir.clear();
        skip.insecure = true;
        RegistryClient skipping(skip);
        VERIFY_OK(skipping.ping(CancelToken()));
        QCOMPARE(skipping.baseUrl().scheme(), u"https"_s);

        // A --cert-dir that does not exist is an error, not silently ignored.
        RegistryConfig missing = configFor(*reg);
        missing.certDir = u"/nonexistent/stevedore-certs"_s;
        RegistryClient missingDir(missing);
        auto pm = missingDir.ping(CancelToken());
        QVERIFY(!pm);
        QVERIFY2(pm.error().message.contains(u"/nonexistent/stevedore-certs"_s), qPrintable(pm.error().message));

        // No --cert-dir: the user's ~/.config/containers/certs.d/HOST:PORT is read (as podman and skopeo do), so a
        // CA put there once is trusted by every push, the window's included.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", home.path().toLocal8Bit());
        RegistryConfig perUser = configFor(*reg);
        perUser.certDir.clear();
        QCOMPARE(stevedore::perHostCertDirs(perUser.host).first(),
                 home.path() + u"/.config/containers/certs.d/"_s + perUser.host);
        RegistryClient beforeCa(perUser);
        auto pb = beforeCa.ping(CancelToken());
        const QString userDir = stevedore::perHostCertDirs(perUser.host).first();
        QVERIFY(QDir().mkpath(userDir));
        QVERIFY(QFile::copy(QDir(reg->certDir()).filePath(u"ca.crt"_s), userDir + u"/ca.crt"_s));
        RegistryClient afterCa(perUser);
        auto pa = afterCa.ping(CancelToken());
        qputenv("HOME", oldHome);
        QVERIFY(!pb);
        QCOMPARE(pb.error().code, ErrorCode::TlsError);
        VERIFY_OK(pa);
    }

    void clientCertificates()
    {
        // docker-registry that requires a client certificate issued by our CA (certs.d's *.cert/*.key pair).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString d = dir.path();
        QString pkiError;
        QVERIFY2(makePki(d, &pkiError), qPrintable(pkiError));
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        QFile config(d + u"/config.yml"_s);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(u"version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %1/storage\nhttp:\n  addr: 127.0.0.1:%2\n"
                     "  tls:\n    certificate: %1/server.crt\n    key: %1/server.key\n    clientcas:\n      - %1/ca.crt\n"_s
                         .arg(d)
                         .arg(port)
                         .toUtf8());
        config.close();
        QProcess registry;
        registry.setProcessChannelMode(QProcess::MergedChannels);
        registry.start(stevedore::test::findTool(u"docker-registry"_s), {u"serve"_s, config.fileName()});
        QVERIFY(registry.waitForStarted());
        auto stop = qScopeGuard([&registry]() {
            registry.kill();
            registry.waitForFinished(5000);
        });

        const QString mine = d + u"/mine"_s;   // CA + client pair
        const QString caOnly = d + u"/caonly"_s; // CA only
        QVERIFY(QDir().mkpath(mine) && QDir().mkpath(caOnly));
        QVERIFY(QFile::copy(d + u"/ca.crt"_s, mine + u"/ca.crt"_s));
        QVERIFY(QFile::copy(d + u"/client.cert"_s, mine + u"/client.cert"_s));
        QVERIFY(QFile::copy(d + u"/client.key"_s, mine + u"/client.key"_s));
        QVERIFY(QFile::copy(d + u"/ca.crt"_s, caOnly + u"/ca.crt"_s));

        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(port);
        c.certDir = mine;
        Status pinged = fail(ErrorCode::Internal, u"not tried"_s);
        for (int i = 0; i < 100 && !pinged; ++i) { // the registry needs a moment to listen
            RegistryClient client(c);
            pinged = client.ping(CancelToken());
            if (!pinged)
                QTest::qWait(100);
        }
        QVERIFY2(pinged, pinged ? "" : qPrintable(pinged.error().message + u"\n"_s + QString::fromLocal8Bit(registry.readAll())));
        RegistryClient withPair(c);
        VERIFY_OK(upload(withPair, u"mtls/app"_s, "client certificates work", 1024));

        c.certDir = caOnly;
        RegistryClient withoutPair(c);
        auto refused = withoutPair.ping(CancelToken());
        QVERIFY(!refused);
        qInfo().noquote() << "no client certificate:" << refused.error().message;
        QCOMPARE(refused.error().code, ErrorCode::TlsError);
        QVERIFY(!refused.error().temporary);
        QVERIFY2(refused.error().message.contains(u"client certificate"_s), qPrintable(refused.error().message));

        // A certificate without its key (and a key without its certificate) is a clear error.
        QVERIFY(QFile::remove(mine + u"/client.key"_s));
        c.certDir = mine;
        RegistryClient noKey(c);
        auto e = noKey.ping(CancelToken());
        QVERIFY(!e);
        QVERIFY2(e.error().message.contains(u"client.key"_s), qPrintable(e.error().message));
        QVERIFY(QFile::remove(mine + u"/client.cert"_s));
        QVERIFY(QFile::copy(d + u"/client.key"_s, mine + u"/other.key"_s));
        RegistryClient noCert(c);
        e = noCert.ping(CancelToken());
        QVERIFY(!e);
        QVERIFY2(e.error().message.contains(u"other.cert"_s), qPrintable(e.error().message));
    }

    void tokenRealmMustBeHttps()
    {
        // A TLS "registry" whose Bearer challenge points at an http realm: the password must not go there.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString pkiError;
        QVERIFY2(makePki(dir.path(), &pkiError), qPrintable(pkiError));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate::fromPath(dir.filePath(u"server.crt"_s)).value(0));
        QFile keyFile(dir.filePath(u"server.key"_s));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        HttpRecorder realm; // plain http
        QVERIFY(realm.listen());
        realm.setResponder([](const Seen &) { return httpAnswer(200, {}, "{\"token\":\"t\"}"); });
        HttpRecorder registry(tls);
        QVERIFY(registry.listen());
        registry.setResponder([&](const Seen &) {
            return httpAnswer(401, "WWW-Authenticate: Bearer realm=\"http://127.0.0.1:" + QByteArray::number(realm.port())
                                       + "/token\",service=\"fake\"\r\n");
        });
        const QString caDir = dir.filePath(u"ca"_s);
        QVERIFY(QDir().mkpath(caDir) && QFile::copy(dir.filePath(u"ca.crt"_s), caDir + u"/ca.crt"_s));
        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(registry.port());
        c.certDir = caDir;
        c.credentials = Credentials{u"alice"_s, u"Realm-Secret"_s, {}};
        RegistryClient client(c);
        auto r = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!r);
        qInfo().noquote() << "http realm:" << r.error().message;
        QVERIFY2(r.error().message.contains(u"plain http"_s) && r.error().message.contains(u"refused"_s),
                 qPrintable(r.error().message));
        QVERIFY(!r.error().temporary);
        QVERIFY(!registry.seen().isEmpty());
        QVERIFY(realm.seen().isEmpty()); // nothing, let alone the password, went to the http realm
    }

    void basicAuth()
    {
        QString error;
        auto reg = startRegistry({.auth = RegistryAuth::Basic, .password = u"Sup3r-S3cret"_s}, &error);
        QVERIFY2(reg, qPrintable(error));
        RegistryClient good(configFor(*reg));
        auto pushed = pushSmallImage(good, u"team/basic"_s, u"v1"_s, 3);
        VERIFY_OK(pushed);
        auto back = good.getManifest(u"team/basic"_s, u"v1"_s, CancelToken());
        VERIFY_OK(back);
        QCOMPARE(back->bytes, pushed->bytes);

        RegistryConfig wrong = configFor(*reg);
        wrong.credentials->password = u"Wr0ng-Passw0rd"_s;
        RegistryClient bad(wrong);
        auto r = bad.getManifest(u"team/basic"_s, u"v1"_s, CancelToken());
        QVERIFY(!r);
        qInfo().noquote() << "wrong basic password:" << r.error().message;
        QCOMPARE(r.error().code, ErrorCode::Unauthorized);
        QCOMPARE(r.error().httpStatus, 401);
        QVERIFY(!r.error().temporary);
        QVERIFY2(!r.error().message.contains(u"Wr0ng-Passw0rd"_s), qPrintable(r.error().message));
        QVERIFY2(!r.error().message.contains(u"Sup3r-S3cret"_s), qPrintable(r.error().message));

        RegistryClient anonymous(configFor(*reg, false));
        auto a = anonymous.blobSize(u"team/basic"_s, Digest::sha256Of("x"), CancelToken());
        QVERIFY(!a);
        QCOMPARE(a.error().code, ErrorCode::Unauthorized);
    }

    void tokenAuth()
    {
        QString error;
        auto reg = startRegistry({.tls = true, .auth = RegistryAuth::Token, .password = u"T0ken-Secret"_s}, &error);
        QVERIFY2(reg, qPrintable(error));
        QVERIFY(reg->tokenRealm().startsWith(u"https://"_s));
        RegistryClient client(configFor(*reg));
        auto pushed = pushSmallImage(client, u"team/token"_s, u"v1"_s, 4);
        VERIFY_OK(pushed);
        auto back = client.getManifest(u"team/token"_s, u"v1"_s, CancelToken());
        VERIFY_OK(back);
        QCOMPARE(back->bytes, pushed->bytes);
        // A dozen requests (HEAD, POST, PATCH, PUT, GET) under one scope: one token fetched, then the cache.
        const auto fetched = [](const QString &scope) {
            qsizetype n = 0;
            for (const QString &line : std::as_const(g_logLines))
                n += line.startsWith(u"token for"_s) && line.contains(scope);
            return n;
        };
        QCOMPARE(fetched(u"repository:team/token:pull,push"_s), 1);
        // Mount across repositories needs a token with pull on the source as well.
        const ImageManifest im = *ImageManifest::parse(*pushed);
        auto mounted = client.mountBlob(u"team/other"_s, im.layers[0].digest, u"team/token"_s, CancelToken());
        VERIFY_OK(mounted);
        QVERIFY(mounted->mounted);
        auto tags = client.listTags(u"team/token"_s, 0, CancelToken());
        VERIFY_OK(tags);
        QCOMPARE(*tags, QStringList{u"v1"_s});
        QCOMPARE(fetched(u"repository:team/token:pull,push"_s), 1);
        QCOMPARE(fetched(u"repository:team/token:pull\""_s), 1); // the mount's source scope

        RegistryConfig wrong = configFor(*reg);
        wrong.credentials->password = u"Wr0ng-Token-Pass"_s;
        RegistryClient bad(wrong);
        auto r = bad.getManifest(u"team/token"_s, u"v1"_s, CancelToken());
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Unauthorized);
        QVERIFY(!r.error().temporary);
        qInfo().noquote() << "wrong token password:" << r.error().message;
        QVERIFY2(!r.error().message.contains(u"Wr0ng-Token-Pass"_s), qPrintable(r.error().message));
        QVERIFY2(!r.error().message.contains(u"T0ken-Secret"_s), qPrintable(r.error().message));

        // An identity (refresh) token from the token server is used instead of the password.
        const QString refresh = fetchRefreshToken(*reg);
        QVERIFY2(!refresh.isEmpty(), "the token server gave no refresh token");
        RegistryConfig idCfg = configFor(*reg, false);
        idCfg.credentials = Credentials{u"<token>"_s, {}, refresh};
        RegistryClient byIdentity(idCfg);
        auto viaId = byIdentity.getManifest(u"team/token"_s, u"v1"_s, CancelToken());
        VERIFY_OK(viaId);
        QCOMPARE(viaId->bytes, pushed->bytes);
    }

    void tokenAuthPlainHttpInsecure()
    {
        QString error;
        auto reg = startRegistry({.auth = RegistryAuth::Token}, &error);
        QVERIFY2(reg, qPrintable(error));
        QVERIFY(reg->tokenRealm().startsWith(u"http://"_s));
        // The realm is http: allowed only because the registry is marked insecure.
        RegistryClient client(configFor(*reg));
        VERIFY_OK(pushSmallImage(client, u"plain/token"_s, u"latest"_s, 5));
    }

    void redirectsKeepCredentialsHome()
    {
        // "Storage" on another host name (localhost, not 127.0.0.1): it must never see the registry's credentials.
        const QByteArray blob = randomBytes(5000, 41);
        const Digest digest = Digest::sha256Of(blob);
        HttpRecorder storage;
        QVERIFY(storage.listen());
        storage.setResponder([&](const Seen &) { return httpAnswer(200, "Content-Type: application/octet-stream\r\n", blob); });
        HttpRecorder registry;
        QVERIFY(registry.listen());
        std::atomic<int> hops = 0;
        registry.setResponder([&](const Seen &req) -> QByteArray {
            if (req.headers.value("authorization").isEmpty())
                return httpAnswer(401, "WWW-Authenticate: Basic realm=\"test\"\r\n");
            if (req.path.startsWith("/v2/team/app/blobs/") && req.path.endsWith("/hop"))
                return httpAnswer(307, "Location: /v2/team/app/blobs/" + QByteArray::number(++hops) + "/hop\r\n");
            if (req.path.startsWith("/v2/team/app/blobs/sha256:"))
                return httpAnswer(307, "Location: http://localhost:" + QByteArray::number(storage.port())
                                           + "/blobs/data?X-Amz-Signature=s3cr3t\r\n");
            return httpAnswer(200, "Content-Type: application/json\r\n", "{}");
        });
        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(registry.port());
        c.insecure = true;
        c.credentials = Credentials{u"alice"_s, u"Redirect-Secret"_s, {}};
        RegistryClient client(c);
        auto reader = client.openBlob(u"team/app"_s, digest, CancelToken());
        VERIFY_OK(reader);
        QCOMPARE(readAll(**reader), blob);
        QCOMPARE(storage.seen().size(), 1);
        QVERIFY(!storage.seen()[0].headers.contains("authorization"));
        QCOMPARE(storage.seen()[0].path, QByteArray("/blobs/data?X-Amz-Signature=s3cr3t"));
        bool registrySawCreds = false;
        for (const auto &req : registry.seen())
            registrySawCreds |= req.path.startsWith("/v2/team/app/blobs/") && req.headers.contains("authorization");
        QVERIFY(registrySawCreds);

        // Redirect loops end with a clear error after 5 hops.
        RegistryClient::Request loop;
        loop.url = QUrl(u"/v2/team/app/blobs/0/hop"_s);
        auto r = client.send(loop, CancelToken());
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(u"redirects"_s), qPrintable(r.error().message));
        QCOMPARE(hops.load(), 6);
    }

    void retryableAnswers()
    {
        HttpRecorder registry;
        QVERIFY(registry.listen());
        registry.setResponder([](const Seen &req) -> QByteArray {
            if (req.path == "/v2/")
                return httpAnswer(200, {}, "{}");
            if (req.path.contains("/busy/"))
                return httpAnswer(429, "Retry-After: 2\r\nContent-Type: application/json\r\n",
                                  "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}");
            if (req.path.contains("/huge/"))
                return httpAnswer(200, "Content-Type: application/vnd.oci.image.manifest.v1+json\r\n",
                                  "{\"schemaVersion\":2,\"pad\":\"" + QByteArray(5 * 1024 * 1024, 'x') + "\"}");
            if (req.path.contains("/liar/"))
                return httpAnswer(200, "Content-Type: application/vnd.oci.image.index.v1+json\r\n",
                                  "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}");
            if (req.path.contains("/broken/"))
                return httpAnswer(503, {}, "<html>maintenance</html>");
            return httpAnswer(404, "Content-Type: application/json\r\n",
                              "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}");
        });
        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(registry.port());
        c.insecure = true;
        RegistryClient client(c);
        auto busy = client.getManifest(u"busy/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!busy);
        QCOMPARE(busy.error().code, ErrorCode::TooManyRequests);
        QVERIFY(busy.error().temporary);
        QCOMPARE(busy.error().retryAfter, std::chrono::milliseconds(2000));
        QCOMPARE(busy.error().httpStatus, 429);
        auto broken = client.getManifest(u"broken/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, ErrorCode::ServerError);
        QVERIFY(broken.error().temporary);
        auto huge = client.getManifest(u"huge/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!huge);
        QCOMPARE(huge.error().code, ErrorCode::TooLarge);
        // The message names the operation that really failed.
        QVERIFY2(huge.error().message.contains(u"manifest v1"_s) && huge.error().message.contains(u"larger than"_s),
                 qPrintable(huge.error().message));
        auto liar = client.getManifest(u"liar/app"_s, Digest::sha256Of("something else").toString(), CancelToken());
        QVERIFY(!liar);
        QCOMPARE(liar.error().code, ErrorCode::DigestMismatch);
        auto honest = client.getManifest(u"liar/app"_s, u"v1"_s, CancelToken()); // by tag: nothing to verify
        VERIFY_OK(honest);
        QVERIFY(honest->isIndex());
        auto missing = client.getManifest(u"gone/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::ManifestUnknown);
        QVERIFY(!missing.error().temporary);
    }

    void rejectedTokenIsRefreshed()
    {
        // The registry stops accepting the cached token (expired or revoked): one 401, a new token, success.
        std::atomic<int> generation = 1;
        HttpRecorder tokens;
        QVERIFY(tokens.listen());
        tokens.setResponder([&](const Seen &req) -> QByteArray {
            if (req.headers.value("authorization") != "Basic " + QByteArray("alice:Gen-Secret").toBase64())
                return httpAnswer(401, {});
            return httpAnswer(200, "Content-Type: application/json\r\n",
                              "{\"token\":\"tok-" + QByteArray::number(generation.load()) + "\",\"expires_in\":300}");
        });
        HttpRecorder registry;
        QVERIFY(registry.listen());
        registry.setResponder([&](const Seen &req) -> QByteArray {
            const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"http://127.0.0.1:" + QByteArray::number(tokens.port())
                + "/token\",service=\"fake\"\r\n";
            if (req.headers.value("authorization") != "Bearer tok-" + QByteArray::number(generation.load()))
                return httpAnswer(401, challenge);
            return httpAnswer(200, "Content-Type: application/vnd.oci.image.index.v1+json\r\n",
                              "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}");
        });
        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(registry.port());
        c.insecure = true; // an http realm is only acceptable for an insecure registry
        c.credentials = Credentials{u"alice"_s, u"Gen-Secret"_s, {}};
        RegistryClient client(c);
        VERIFY_OK(client.getManifest(u"team/app"_s, u"v1"_s, CancelToken()));
        VERIFY_OK(client.getManifest(u"team/app"_s, u"v1"_s, CancelToken()));
        QCOMPARE(tokens.seen().size(), 1); // cached
        generation = 2;
        VERIFY_OK(client.getManifest(u"team/app"_s, u"v1"_s, CancelToken()));
        QCOMPARE(tokens.seen().size(), 2);
        const QByteArray scope = "scope=" + QUrl::toPercentEncoding(u"repository:team/app:pull"_s);
        QVERIFY2(tokens.seen().last().path.contains(scope), tokens.seen().last().path.constData());
        QVERIFY(tokens.seen().last().path.contains("service=fake"));
        QVERIFY(tokens.seen().last().path.contains("account=alice"));
        // A challenge naming a scope the client did not ask for: the next token covers it as well.
        registry.setResponder([&](const Seen &req) -> QByteArray {
            if (req.headers.value("authorization") != "Bearer tok-3")
                return httpAnswer(401, "WWW-Authenticate: Bearer realm=\"http://127.0.0.1:" + QByteArray::number(tokens.port())
                                           + "/token\",service=\"fake\",scope=\"repository:shared/base:pull\"\r\n");
            return httpAnswer(200, "Content-Type: application/vnd.oci.image.index.v1+json\r\n",
                              "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}");
        });
        generation = 3;
        VERIFY_OK(client.getManifest(u"team/app"_s, u"v2"_s, CancelToken()));
        QCOMPARE(tokens.seen().size(), 3);
        QVERIFY2(tokens.seen().last().path.contains(scope)
                     && tokens.seen().last().path.contains(QByteArray("scope=" + QUrl::toPercentEncoding(u"repository:shared/base:pull"_s))),
                 tokens.seen().last().path.constData());
        // The token server never got a Bearer token, the registry never the password.
        for (const auto &req : registry.seen())
            QVERIFY(!req.headers.value("authorization").startsWith("Basic"));
    }

    void unreachableRegistry()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there any more
        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(port);
        c.insecure = true;
        RegistryClient client(c);
        QElapsedTimer t;
        t.start();
        auto r = client.getManifest(u"x/y"_s, u"latest"_s, CancelToken());
        QVERIFY(!r);
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        qInfo().noquote() << "unreachable:" << r.error().message;
        QCOMPARE(r.error().code, ErrorCode::NetworkError);
        QVERIFY(r.error().temporary);
        QVERIFY2(r.error().message.contains(c.host), qPrintable(r.error().message));
    }

    void cancellation()
    {
        // A listening socket that never answers: the request waits until the token is cancelled.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(silent.serverPort());
        c.insecure = true;
        RegistryClient client(c);
        CancelToken cancel;
        std::thread canceller([cancel]() {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel.cancel();
        });
        QElapsedTimer t;
        t.start();
        auto r = client.ping(cancel);
        canceller.join();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
    }

private:
    // POST grant_type=password&access_type=offline to the token server: its refresh token.
    QString fetchRefreshToken(const RegistryFixture &reg)
    {
        QNetworkAccessManager nam;
        QNetworkRequest req{QUrl(reg.tokenRealm())};
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(QSslCertificate::fromPath(reg.caFile()));
        req.setSslConfiguration(ssl);
        const QByteArray form = "grant_type=password&access_type=offline&client_id=stevedore-test&service="
            + QUrl::toPercentEncoding(reg.service()) + "&username=" + QUrl::toPercentEncoding(reg.options().user)
            + "&password=" + QUrl::toPercentEncoding(reg.options().password);
        std::unique_ptr<QNetworkReply> reply(nam.post(req, form));
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        return QJsonDocument::fromJson(reply->readAll()).object().value("refresh_token"_L1).toString();
    }
};

// QTEST_GUILESS_MAIN, with the engine's debug logging switched on before the application reads its rules
// (ctest sets QT_LOGGING_RULES=*.debug=false), so that cleanupTestCase() can check the logs for secrets.
int main(int argc, char **argv)
{
    qputenv("QT_LOGGING_RULES", "stevedore.*.debug=true");
    QCoreApplication app(argc, argv);
    TestRegistryClient tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_registryclient.moc"
