// RegistryClient and the docker:// transport against Debian's docker-registry (plain http, TLS, Basic, Bearer token).
#include "registry/registryclient.h"
#include "support/testsupport.h"
#include "support/loopbackserver.h"
#include "registry/registryerrors.h"
#include "copy/copyjob.h"
#include "transport/transports.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <functional>
#include <thread>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QProcess>
#include <QScopeGuard>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QThreadPool>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace stevedore;
using stevedore::test::RegistryAuth;
using stevedore::test::RegistryFixture;

#define VERIFY_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto &r_ = (expr);                                                                                       \
        QVERIFY2(bool(r_), bool(r_) ? "" : qPrintable(r_.error().message));                                          \
    } while (false)

namespace {

// Every log line of the engine, with debug output of stevedore.* enabled: checked for secrets.
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    static QMutex mutex; // worker threads log too
    if (ctx.category && QByteArray(ctx.category).startsWith("stevedore.")) {
        QMutexLocker lock(&mutex);
        g_logLines << msg;
    }
    else if (g_previousHandler)
        g_previousHandler(type, ctx, msg);
}

qint64 rssKiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// A CA (ca.crt/ca.key), a server certificate for 127.0.0.1 (server.crt/key) and a client pair (client.cert/key).
bool makePki(const QString &d, QString *error)
{
    const QString openssl = stevedore::test::findTool(u"openssl"_s);
    QFile ext(d + u"/ext.cnf"_s);
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("[srv]\nsubjectAltName=IP:127.0.0.1\n[cli]\nextendedKeyUsage=clientAuth\n");
    ext.close();
    const QList<QStringList> steps = {
        {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, d + u"/ca.key"_s, u"-out"_s,
         d + u"/ca.crt"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=stevedore-test-ca"_s},
        {u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, d + u"/server.key"_s, u"-out"_s,
         d + u"/server.csr"_s, u"-subj"_s, u"/CN=127.0.0.1"_s},
        {u"x509"_s, u"-req"_s, u"-in"_s, d + u"/server.csr"_s, u"-CA"_s, d + u"/ca.crt"_s, u"-CAkey"_s, d + u"/ca.key"_s,
         u"-CAcreateserial"_s, u"-out"_s, d + u"/server.crt"_s, u"-days"_s, u"2"_s, u"-extfile"_s, d + u"/ext.cnf"_s,
         u"-extensions"_s, u"srv"_s},
        {u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, d + u"/client.key"_s, u"-out"_s,
         d + u"/client.csr"_s, u"-subj"_s, u"/CN=stevedore-client"_s},
        {u"x509"_s, u"-req"_s, u"-in"_s, d + u"/client.csr"_s, u"-CA"_s, d + u"/ca.crt"_s, u"-CAkey"_s, d + u"/ca.key"_s,
         u"-CAcreateserial"_s, u"-out"_s, d + u"/client.cert"_s, u"-days"_s, u"2"_s, u"-extfile"_s, d + u"/ext.cnf"_s,
         u"-extensions"_s, u"cli"_s},
    };
    for (const QStringList &args : steps) {
        const auto r = stevedore::test::runProcess(openssl, args, 60000);
        if (!r.ok()) {
            *error = QString::fromLocal8Bit(r.err);
            return false;
        }
    }
    return true;
}

std::unique_ptr<RegistryFixture> startRegistry(stevedore::test::RegistryOptions o, QString *error)
{
    auto f = std::make_unique<RegistryFixture>(o);
    if (!f->start(error))
        return nullptr;
    return f;
}

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator g(seed);
    const qsizetype words = n / 4;
    g.fillRange(reinterpret_cast<quint32 *>(b.data()), words);
    for (qsizetype i = words * 4; i < n; ++i)
        b[i] = char(g.generate() & 0xff);
    return b;
}

RegistryConfig configFor(const RegistryFixture &f, bool withCreds = true)
{
    RegistryConfig c;
    c.host = f.hostPort();
    c.certDir = f.certDir();
    c.insecure = !f.options().tls;
    c.pushAccess = true;
    c.idleTimeout = std::chrono::milliseconds(20000);
    if (withCreds && f.options().auth != RegistryAuth::None)
        c.credentials = Credentials{f.options().user, f.options().password, {}};
    return c;
}

// Uploads `data` as a blob in chunks of `chunk` bytes; returns its digest.
Result<Digest> upload(RegistryClient &client, const QString &repo, const QByteArray &data, qint64 chunk)
{
    CancelToken cancel;
    auto writer = client.beginUpload(repo, {}, chunk, cancel);
    if (!writer)
        return fail(writer.error());
    for (qsizetype off = 0; off < data.size(); off += chunk)
        if (auto w = (*writer)->write(data.mid(off, chunk), cancel); !w)
            return fail(w.error());
    const Digest d = Digest::sha256Of(data);
    if (auto c = (*writer)->commit(d, data.size(), cancel); !c)
        return fail(c.error());
    return d;
}

QByteArray readAll(BlobReader &reader)
{
    QByteArray out;
    QByteArray buf(100000, Qt::Uninitialized);
    for (;;) {
        auto n = reader.read(buf.data(), buf.size());
        if (!n || *n == 0)
            break;
        out.append(buf.constData(), *n);
    }
    return out;
}

// An OCI manifest for a config and one layer, with deliberately unusual formatting (bytes must survive as they are).
QByteArray manifestFor(const Digest &config, qint64 configSize, const Digest &layer, qint64 layerSize)
{
    return QByteArray("{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",\n"
                      "   \"config\": {\"mediaType\": \"application/vnd.oci.image.config.v1+json\", \"digest\": \"")
        + config.toString().toLatin1() + "\", \"size\": " + QByteArray::number(configSize)
        + "},\n   \"layers\": [ {\"mediaType\": \"application/vnd.oci.image.layer.v1.tar\", \"digest\": \""
        + layer.toString().toLatin1() + "\", \"size\": " + QByteArray::number(layerSize) + "} ]\n}\n";
}

// A full push of a small image through the client: two blobs and a manifest tagged `tag`.
Result<RawManifest> pushSmallImage(RegistryClient &client, const QString &repo, const QString &tag, quint32 seed)
{
    const QByteArray config = QJsonDocument(QJsonObject{{u"architecture"_s, u"amd64"_s}, {u"os"_s, u"linux"_s},
                                                        {u"seed"_s, int(seed)}})
                                  .toJson(QJsonDocument::Compact);
    const QByteArray layer = randomBytes(150 * 1024, seed);
    auto c = upload(client, repo, config, 1 << 20);
    if (!c)
        return fail(c.error());
    auto l = upload(client, repo, layer, 64 * 1024);
    if (!l)
        return fail(l.error());
    RawManifest m{manifestFor(*c, config.size(), *l, layer.size()), QString(mediatype::OciManifest)};
    auto put = client.putManifest(repo, tag, m, CancelToken());
    if (!put)
        return fail(put.error());
    return m;
}

// Where docker-registry cannot misbehave on demand: threaded loopback servers that record what they receive.
using HttpRecorder = stevedore::test::LoopbackHttpServer;
using Seen = stevedore::test::SeenRequest;
using stevedore::test::httpAnswer;

// Blob locations as the blob-info cache would know them.
struct Locations final : KnownBlobLocations {
    QList<BlobLocation> list;
    QList<BlobLocation> locations(const Digest &, const QString &transport) const override
    {
        QList<BlobLocation> out;
        for (const BlobLocation &l : list)
            if (l.transport == transport)
                out << l;
        return out;
    }
};

} // namespace

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

    void blobsAndMounts()
    {
        QString error;
        auto reg = startRegistry({}, &error);
        QVERIFY2(reg, qPrintable(error));
        auto client = std::make_shared<RegistryClient>(configFor(*reg));
        const QByteArray data = randomBytes(300 * 1024 + 17, 9);
        auto d = upload(*client, u"team/a"_s, data, 64 * 1024); // 5 PATCH chunks of 64 KiB + a short one
        VERIFY_OK(d);
        QCOMPARE(*d, Digest::sha256Of(data));

        auto size = client->blobSize(u"team/a"_s, *d, CancelToken());
        VERIFY_OK(size);
        QVERIFY(size->has_value());
        QCOMPARE(**size, qint64(data.size()));
        auto absent = client->blobSize(u"team/b"_s, *d, CancelToken());
        VERIFY_OK(absent);
        QVERIFY(!absent->has_value());

        auto reader = client->openBlob(u"team/a"_s, *d, CancelToken());
        VERIFY_OK(reader);
        QCOMPARE(readAll(**reader), data);
        auto unknown = client->openBlob(u"team/a"_s, Digest::sha256Of("nope"), CancelToken());
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::BlobUnknown);
        QVERIFY(!unknown.error().temporary);

        auto mounted = client->mountBlob(u"team/b"_s, *d, u"team/a"_s, CancelToken());
        VERIFY_OK(mounted);
        QVERIFY(mounted->mounted);
        size = client->blobSize(u"team/b"_s, *d, CancelToken());
        VERIFY_OK(size);
        QVERIFY(size->has_value());

        // Nothing to mount: the registry opens an upload session instead, which can be used.
        const QByteArray other = randomBytes(1000, 10);
        auto notMounted = client->mountBlob(u"team/c"_s, Digest::sha256Of(other), u"team/a"_s, CancelToken());
        VERIFY_OK(notMounted);
        QVERIFY(!notMounted->mounted);
        QVERIFY(notMounted->uploadUrl.isValid());
        {
            auto w = client->beginUpload(u"team/c"_s, notMounted->uploadUrl, 4096, CancelToken());
            VERIFY_OK(w);
            VERIFY_OK((*w)->write(other, CancelToken()));
            VERIFY_OK((*w)->commit(Digest::sha256Of(other), other.size(), CancelToken()));
        }
        size = client->blobSize(u"team/c"_s, Digest::sha256Of(other), CancelToken());
        VERIFY_OK(size);
        QVERIFY(size->has_value());

        // The registry checks the digest on the final PUT.
        {
            auto w = client->beginUpload(u"team/c"_s, {}, 4096, CancelToken());
            VERIFY_OK(w);
            VERIFY_OK((*w)->write("some bytes", CancelToken()));
            auto c = (*w)->commit(Digest::sha256Of("other bytes"), 10, CancelToken());
            QVERIFY(!c);
            QVERIFY2(c.error().code == ErrorCode::DigestInvalid, qPrintable(c.error().message));
        }

        // A writer destroyed without commit cancels its session.
        auto session = client->startUpload(u"team/c"_s, CancelToken());
        VERIFY_OK(session);
        {
            auto w = client->beginUpload(u"team/c"_s, *session, 4096, CancelToken());
            VERIFY_OK(w);
            VERIFY_OK((*w)->write("abandoned", CancelToken()));
        }
        // The DELETE is detached (clean-up never blocks the caller) and bounded: the session is gone shortly after.
        RegistryClient::Request status;
        status.url = *session;
        status.scopes = {client->repositoryScope(u"team/c"_s, true)};
        int last = 0;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 3000) {
            auto st = client->send(status, CancelToken());
            VERIFY_OK(st);
            last = st->status;
            if (last == 404)
                break;
            QThread::msleep(20);
        }
        QCOMPARE(last, 404);
    }

    void manifestRoundTripAndPagination()
    {
        QString error;
        auto reg = startRegistry({}, &error);
        QVERIFY2(reg, qPrintable(error));
        RegistryClient client(configFor(*reg));
        auto m = pushSmallImage(client, u"team/app"_s, u"v1"_s, 11);
        VERIFY_OK(m);
        auto byTag = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        VERIFY_OK(byTag);
        QCOMPARE(byTag->bytes, m->bytes);
        QCOMPARE(byTag->mediaType, QString(mediatype::OciManifest));
        auto byDigest = client.getManifest(u"team/app"_s, m->digest().toString(), CancelToken());
        VERIFY_OK(byDigest);
        QCOMPARE(byDigest->bytes, m->bytes);
        QCOMPARE(byDigest->digest(), m->digest());

        // By digest only (an index's instance), then a missing tag.
        auto other = pushSmallImage(client, u"team/app"_s, u"tmp"_s, 12);
        VERIFY_OK(other);
        auto put = client.putManifest(u"team/app"_s, other->digest().toString(), *other, CancelToken());
        VERIFY_OK(put);
        QCOMPARE(*put, other->digest());
        auto missing = client.getManifest(u"team/app"_s, u"nope"_s, CancelToken());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::ManifestUnknown);
        QVERIFY(!missing.error().temporary);

        // An index referring to the manifest, with the Docker manifest list type's sibling: OCI index.
        const QByteArray index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                                 "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
            + m->digest().toString().toLatin1() + "\",\"size\":" + QByteArray::number(m->bytes.size())
            + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}";
        VERIFY_OK(client.putManifest(u"team/app"_s, u"multi"_s, RawManifest{index, QString(mediatype::OciIndex)}, CancelToken()));
        auto gotIndex = client.getManifest(u"team/app"_s, u"multi"_s, CancelToken());
        VERIFY_OK(gotIndex);
        QCOMPARE(gotIndex->bytes, index);
        QVERIFY(gotIndex->isIndex());

        for (const QString &t : {u"a1"_s, u"a2"_s, u"a3"_s})
            VERIFY_OK(client.putManifest(u"team/app"_s, t, *m, CancelToken()));
        auto tags = client.listTags(u"team/app"_s, 2, CancelToken()); // 6 tags, 3 pages
        VERIFY_OK(tags);
        QStringList sorted = *tags;
        sorted.sort();
        QCOMPARE(sorted, (QStringList{u"a1"_s, u"a2"_s, u"a3"_s, u"multi"_s, u"tmp"_s, u"v1"_s}));
        QCOMPARE(tags->size(), 6); // no duplicates across pages

        VERIFY_OK(pushSmallImage(client, u"zeta/one"_s, u"v1"_s, 13));
        auto repos = client.catalog(1, CancelToken());
        VERIFY_OK(repos);
        QCOMPARE(*repos, (QStringList{u"team/app"_s, u"zeta/one"_s}));
    }

    void dockerTransport()
    {
        QString error;
        auto reg = startRegistry({.auth = RegistryAuth::Basic}, &error);
        QVERIFY2(reg, qPrintable(error));
        RegistryClient client(configFor(*reg));
        auto m = pushSmallImage(client, u"src/app"_s, u"v1"_s, 21);
        VERIFY_OK(m);
        const ImageManifest im = *ImageManifest::parse(*m);

        SystemContext ctx;
        ctx.tlsVerify = false;
        ctx.credentials = Credentials{u"alice"_s, u"secret"_s, {}};
        auto srcRef = TransportReference::parse(u"docker://"_s + reg->hostPort() + u"/src/app:v1"_s);
        VERIFY_OK(srcRef);
        auto src = openImageSource(*srcRef, ctx);
        VERIFY_OK(src);
        auto raw = (*src)->manifest(std::nullopt, CancelToken());
        VERIFY_OK(raw);
        QCOMPARE(raw->bytes, m->bytes);
        QCOMPARE((*src)->blobLocation()->scope, reg->hostPort() + u"/src/app"_s);

        auto dstRef = TransportReference::parse(u"docker://"_s + reg->hostPort() + u"/dst/app:v2"_s);
        VERIFY_OK(dstRef);
        auto dst = openImageDestination(*dstRef, ctx);
        VERIFY_OK(dst);
        QCOMPARE((*dst)->capabilities().compressUncompressedLayers, std::optional<Compression>(Compression::Gzip));
        // Not there, no known locations: upload needed. With a location on the same registry: mounted.
        const BlobInfo layer0 = BlobInfo::fromDescriptor(im.layers[0], BlobRole::Layer, 0);
        const BlobInfo config = BlobInfo::fromDescriptor(im.config, BlobRole::Config, -1);
        const Locations none;
        auto reuse = (*dst)->tryReuseBlob(layer0, none, CancelToken());
        VERIFY_OK(reuse);
        QVERIFY(!reuse->has_value());
        Locations known;
        known.list = {BlobLocation{u"docker"_s, u"elsewhere:5000/src/app"_s}, *(*src)->blobLocation()};
        reuse = (*dst)->tryReuseBlob(layer0, known, CancelToken());
        VERIFY_OK(reuse);
        QVERIFY(reuse->has_value());
        QVERIFY((*reuse)->mounted);
        reuse = (*dst)->tryReuseBlob(layer0, none, CancelToken());
        VERIFY_OK(reuse);
        QVERIFY(reuse->has_value() && !(*reuse)->mounted);
        QCOMPARE((*reuse)->size, im.layers[0].size);
        // The config is copied through the stream interfaces.
        {
            auto reader = (*src)->openBlob(config, CancelToken());
            VERIFY_OK(reader);
            const QByteArray bytes = readAll(**reader);
            auto writer = (*dst)->beginBlob(config, CancelToken());
            VERIFY_OK(writer);
            VERIFY_OK((*writer)->write(bytes, CancelToken()));
            VERIFY_OK((*writer)->commit(im.config.digest, bytes.size(), CancelToken()));
        }
        VERIFY_OK((*dst)->putManifest(*raw, false, CancelToken()));
        VERIFY_OK((*dst)->commit(CancelToken()));
        auto copied = client.getManifest(u"dst/app"_s, u"v2"_s, CancelToken());
        VERIFY_OK(copied);
        QCOMPARE(copied->bytes, m->bytes);

        // A destination named by digest only: the manifest goes by digest, and must be the one named.
        auto byDigestRef = TransportReference::parse(u"docker://"_s + reg->hostPort() + u"/dst/pinned@"_s + m->digest().toString());
        VERIFY_OK(byDigestRef);
        auto pinned = openImageDestination(*byDigestRef, ctx);
        VERIFY_OK(pinned);
        Locations fromSource;
        fromSource.list = {*(*src)->blobLocation()};
        VERIFY_OK((*pinned)->tryReuseBlob(config, fromSource, CancelToken()));
        VERIFY_OK((*pinned)->tryReuseBlob(layer0, fromSource, CancelToken()));
        VERIFY_OK((*pinned)->putManifest(*raw, false, CancelToken()));
        auto pinnedBack = client.getManifest(u"dst/pinned"_s, m->digest().toString(), CancelToken());
        VERIFY_OK(pinnedBack);
        QCOMPARE(pinnedBack->bytes, m->bytes);
        RawManifest other = *raw;
        other.bytes.append('\n');
        auto mismatch = (*pinned)->putManifest(other, false, CancelToken());
        QVERIFY(!mismatch);
        QCOMPARE(mismatch.error().code, ErrorCode::DigestMismatch);

        // Credentials from an auth file (--authfile) when --creds is not given.
        QTemporaryDir authDir;
        const QString authFile = authDir.filePath(u"auth.json"_s);
        {
            QFile f(authFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject{{u"auths"_s, QJsonObject{{reg->hostPort() + u"/src"_s,
                                                                        QJsonObject{{u"auth"_s, QString::fromLatin1(QByteArray("alice:secret").toBase64())}}}}}})
                        .toJson());
        }
        SystemContext fileCtx;
        fileCtx.tlsVerify = false;
        fileCtx.authFile = authFile;
        auto viaFile = openImageSource(*srcRef, fileCtx);
        VERIFY_OK(viaFile);
        auto fileManifest = (*viaFile)->manifest(std::nullopt, CancelToken());
        VERIFY_OK(fileManifest);
        QCOMPARE(fileManifest->bytes, m->bytes);
        // The key "host/src" does not cover dst/...: anonymous there, so refused.
        auto uncovered = openImageSource(*dstRef, fileCtx);
        VERIFY_OK(uncovered);
        auto refused = (*uncovered)->manifest(std::nullopt, CancelToken());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unauthorized);

        // Wrong --creds: a clear UNAUTHORIZED error without the password.
        ctx.credentials = Credentials{u"alice"_s, u"N0t-The-Passw0rd"_s, {}};
        auto badSrc = openImageSource(*srcRef, ctx);
        VERIFY_OK(badSrc);
        auto denied = (*badSrc)->manifest(std::nullopt, CancelToken());
        QVERIFY(!denied);
        QCOMPARE(denied.error().code, ErrorCode::Unauthorized);
        QVERIFY(!denied.error().message.contains(u"N0t-The-Passw0rd"_s));
    }

    void copyJobBetweenRepositories()
    {
        const QString skopeo = stevedore::test::findTool(u"skopeo"_s);
        QVERIFY2(!skopeo.isEmpty(), "skopeo is missing: install it (scripts/install-deps.sh --test)");
        QString error;
        auto reg = startRegistry({.tls = true, .auth = RegistryAuth::Token}, &error);
        QVERIFY2(reg, qPrintable(error));
        RegistryClient client(configFor(*reg));
        auto m = pushSmallImage(client, u"src/app"_s, u"v1"_s, 31); // one uncompressed layer
        VERIFY_OK(m);

        QTemporaryDir tmp;
        SystemContext ctx;
        ctx.certDir = reg->certDir();
        ctx.credentials = Credentials{reg->options().user, reg->options().password, {}};
        ctx.blobInfoCachePath = tmp.filePath(u"cache.json"_s);
        auto from = TransportReference::parse(u"docker://"_s + reg->hostPort() + u"/src/app:v1"_s);
        auto to = TransportReference::parse(u"docker://"_s + reg->hostPort() + u"/dst/app:v1"_s);
        VERIFY_OK(from);
        VERIFY_OK(to);
        CopyJob job(*from, *to, ctx, CopyOptions{});
        job.start();
        QVERIFY(job.waitForFinished(120000));
        QVERIFY2(!job.error(), job.error() ? qPrintable(job.error()->message) : "");

        // The uncompressed layer went out gzip-compressed; the manifest is what the registry now serves.
        auto pushed = client.getManifest(u"dst/app"_s, u"v1"_s, CancelToken());
        VERIFY_OK(pushed);
        QCOMPARE(pushed->digest(), job.resultDigest());
        const ImageManifest im = *ImageManifest::parse(*pushed);
        QCOMPARE(im.layers.size(), 1);
        QCOMPARE(im.layers[0].mediaType, QString(mediatype::OciLayerGzip));
        auto layer = client.openBlob(u"dst/app"_s, im.layers[0].digest, CancelToken());
        VERIFY_OK(layer);
        const QByteArray gz = readAll(**layer);
        QCOMPARE(Digest::sha256Of(gz), im.layers[0].digest);
        QVERIFY(gz.startsWith("\x1f\x8b"));

        // skopeo, the oracle, sees byte-identical manifest bytes.
        QTemporaryDir home;
        const auto env = stevedore::test::isolatedEnvironment(home.path());
        auto inspect = stevedore::test::runProcess(
            skopeo, {u"inspect"_s, u"--raw"_s, u"--cert-dir"_s, reg->certDir(),
                     u"--creds"_s, reg->options().user + u':' + reg->options().password,
                     u"docker://"_s + reg->hostPort() + u"/dst/app:v1"_s},
            60000, env);
        QVERIFY2(inspect.ok(), inspect.err.constData());
        QCOMPARE(inspect.out, pushed->bytes);
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

    void brokenUploadFailsOnceAndTheRetryRecovers()
    {
        QString error;
        auto reg = startRegistry({}, &error);
        QVERIFY2(reg, qPrintable(error));
        const quint16 registryPort = quint16(reg->hostPort().section(u':', 1).toUInt());
        const QByteArray data = randomBytes(400 * 1024 + 3, 51);

        // The connection breaks inside the body of the second PATCH: the writer makes no attempt of its own (no
        // hidden retry loop under --retry), it fails the write with a temporary error, and the upload session is
        // abandoned with a detached DELETE.
        stevedore::test::TcpRelay relay;
        QVERIFY(relay.listen(registryPort));
        relay.cutAfterPattern("PATCH ", 2, 60 * 1024, 3);
        RegistryConfig c = configFor(*reg);
        c.host = u"127.0.0.1:%1"_s.arg(relay.port());
        RegistryClient client(c);
        auto d = upload(client, u"team/resume"_s, data, 128 * 1024);
        QVERIFY(relay.cuts() >= 1);
        QVERIFY(!d);
        qInfo().noquote() << "broken chunk:" << d.error().message;
        QVERIFY2(d.error().temporary, qPrintable(d.error().message));
        QVERIFY(d.error().httpStatus != 404 && d.error().httpStatus != 401 && d.error().httpStatus != 403);
        // No attempt of the writer's own: every PATCH is for one of the first two chunks (Qt's HTTP layer may resend an
        // unanswered request by itself; the writer never moves on to another offset).
        const QByteArray sent = relay.fromClient();
        QVERIFY(!sent.contains("Content-Range: 262144-"));
        QVERIFY(!sent.contains("GET /v2/team/resume/blobs/uploads/"));

        // The same cut under a CopyJob with --retry 1: the blob is uploaded again from the start, and the image
        // arrives whole.
        QTemporaryDir dir;
        QString layoutError;
        const QString top = stevedore::test::writeTestLayout(dir.filePath(u"layout"_s), u"v1"_s,
                                                             {.layersPerPlatform = 1, .layerSize = 600 * 1024, .asIndex = false},
                                                             &layoutError);
        QVERIFY2(!top.isEmpty(), qPrintable(layoutError));
        stevedore::test::TcpRelay relay2;
        QVERIFY(relay2.listen(registryPort));
        relay2.cutAfterPattern("PATCH ", 1, 60 * 1024, 1);
        SystemContext ctx;
        ctx.tlsVerify = false;
        ctx.retry.maxRetries = 1;
        ctx.retry.delay = std::chrono::milliseconds(50);
        ctx.blobInfoCachePath = dir.filePath(u"cache.json"_s);
        auto from = TransportReference::parse(u"oci:"_s + dir.filePath(u"layout"_s) + u":v1"_s);
        auto to = TransportReference::parse(u"docker://127.0.0.1:%1/team/resumed:v1"_s.arg(relay2.port()));
        VERIFY_OK(from);
        VERIFY_OK(to);
        CopyJob job(*from, *to, ctx, CopyOptions{});
        job.start();
        QVERIFY(job.waitForFinished(120000));
        QVERIFY2(!job.error(), job.error() ? qPrintable(job.error()->message) : "");
        QCOMPARE(relay2.cuts(), 1);
        // config and layer, then the layer again with a new session
        QCOMPARE(relay2.fromClient().count("POST /v2/team/resumed/blobs/uploads/"), 3);
        RegistryClient direct(configFor(*reg));
        auto pushed = direct.getManifest(u"team/resumed"_s, u"v1"_s, CancelToken());
        VERIFY_OK(pushed);
        const ImageManifest im = *ImageManifest::parse(*pushed);
        auto layer = direct.openBlob(u"team/resumed"_s, im.layers[0].digest, CancelToken());
        VERIFY_OK(layer);
        QCOMPARE(Digest::sha256Of(readAll(**layer)), im.layers[0].digest);
    }

    void concurrentWorkers()
    {
        // One client shared by worker threads (each with its own network manager), as the copy pipeline uses it.
        QString error;
        auto reg = startRegistry({.auth = RegistryAuth::Token}, &error);
        QVERIFY2(reg, qPrintable(error));
        auto client = std::make_shared<RegistryClient>(configFor(*reg));
        const qsizetype before = g_logLines.size();
        QList<QByteArray> blobs;
        for (quint32 i = 0; i < 6; ++i)
            blobs << randomBytes(200 * 1024 + i, 60 + i);
        QList<Result<Digest>> results(blobs.size(), fail(ErrorCode::Internal, u"not run"_s));
        {
            QThreadPool pool;
            pool.setMaxThreadCount(4);
            for (qsizetype i = 0; i < blobs.size(); ++i)
                pool.start([&, i]() { results[i] = upload(*client, u"par/app"_s, blobs[i], 64 * 1024); });
            QVERIFY(pool.waitForDone(120000));
        } // the pool's threads end here, and their network managers with them
        for (qsizetype i = 0; i < blobs.size(); ++i) {
            VERIFY_OK(results[i]);
            QCOMPARE(*results[i], Digest::sha256Of(blobs[i]));
            auto size = client->blobSize(u"par/app"_s, *results[i], CancelToken());
            VERIFY_OK(size);
            QCOMPARE(size->value_or(-1), qint64(blobs[i].size()));
        }
        qsizetype tokens = 0;
        for (qsizetype i = before; i < g_logLines.size(); ++i)
            tokens += g_logLines[i].startsWith(u"token for"_s);
        QCOMPARE(tokens, 1); // one fetch, shared by every thread
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

    void streamingBlobsUseBoundedMemory()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("RSS says nothing under AddressSanitizer: its quarantine keeps freed memory (the normal build checks it)");
#endif
        QString error;
        auto reg = startRegistry({}, &error);
        QVERIFY2(reg, qPrintable(error));
        RegistryClient client(configFor(*reg));
        Digest digest;
        constexpr qint64 size = 96ll * 1024 * 1024;
        {
            auto writer = client.beginUpload(u"big/app"_s, {}, 8 << 20, CancelToken());
            VERIFY_OK(writer);
            Digester hash;
            for (qint64 off = 0; off < size; off += 8 << 20) {
                const QByteArray piece = randomBytes(8 << 20, quint32(off >> 20));
                hash.addData(piece);
                VERIFY_OK((*writer)->write(piece, CancelToken()));
            }
            digest = hash.result();
            VERIFY_OK((*writer)->commit(digest, size, CancelToken()));
        }
        const qint64 before = rssKiB();
        qint64 peak = before;
        auto reader = client.openBlob(u"big/app"_s, digest, CancelToken());
        VERIFY_OK(reader);
        Digester hash;
        QByteArray buf(64 * 1024, Qt::Uninitialized);
        qint64 total = 0;
        for (int i = 0;; ++i) {
            auto n = (*reader)->read(buf.data(), buf.size());
            VERIFY_OK(n);
            if (*n == 0)
                break;
            hash.addData(buf.constData(), *n);
            total += *n;
            if (i % 64 == 0)
                peak = std::max(peak, rssKiB());
        }
        QCOMPARE(total, size);
        QCOMPARE(hash.result(), digest);
        qInfo() << "RSS before" << before << "KiB, peak while streaming 96 MiB" << peak << "KiB";
        QVERIFY2(peak - before < 24 * 1024, qPrintable(u"grew by %1 KiB"_s.arg(peak - before)));
    }

    void uploadLocationsAndHeaders()
    {
        // Relative Locations, with and without a query: each PATCH goes where the previous answer said, and the
        // digest is appended to whatever query the last Location has.
        HttpRecorder registry;
        QVERIFY(registry.listen());
        std::atomic<int> patches = 0;
        registry.setResponder([&](const Seen &req) -> QByteArray {
            if (req.path == "/v2/")
                return httpAnswer(200, {}, "{}");
            if (req.method == "POST")
                return httpAnswer(202, "Location: /upload/abc\r\nRange: 0-0\r\n");
            if (req.method == "PATCH") {
                ++patches;
                return httpAnswer(202, "Location: /upload/abc?part=" + QByteArray::number(patches.load() + 1) + "&_state=zz\r\n");
            }
            if (req.method == "PUT")
                return httpAnswer(201, {});
            return httpAnswer(400, {});
        });
        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(registry.port());
        c.insecure = true;
        RegistryClient client(c);
        const QByteArray data = randomBytes(10000, 70);
        auto d = upload(client, u"team/app"_s, data, 4096);
        VERIFY_OK(d);
        QList<Seen> writes;
        for (const auto &req : registry.seen())
            if (req.method == "PATCH" || req.method == "PUT")
                writes << req;
        QCOMPARE(writes.size(), 4);
        QCOMPARE(writes[0].path, QByteArray("/upload/abc"));
        QCOMPARE(writes[0].headers.value("content-range"), QByteArray("0-4095"));
        QCOMPARE(writes[0].headers.value("content-type"), QByteArray("application/octet-stream"));
        QCOMPARE(writes[1].path, QByteArray("/upload/abc?part=2&_state=zz"));
        QCOMPARE(writes[1].headers.value("content-range"), QByteArray("4096-8191"));
        QCOMPARE(writes[2].headers.value("content-range"), QByteArray("8192-9999"));
        QCOMPARE(writes[3].method, QByteArray("PUT"));
        QCOMPARE(writes[3].path, "/upload/abc?part=4&_state=zz&digest=" + QUrl::toPercentEncoding(d->toString()));
        // No PATCH at all (an empty blob): the session URL has no query yet.
        auto empty = upload(client, u"team/app"_s, QByteArray(), 4096);
        VERIFY_OK(empty);
        QCOMPARE(registry.seen().last().method, QByteArray("PUT"));
        QCOMPARE(registry.seen().last().path, "/upload/abc?digest=" + QUrl::toPercentEncoding(empty->toString()));
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
