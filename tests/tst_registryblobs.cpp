// RegistryClient's blobs and manifests against Debian's docker-registry and loopback fakes: blob sizes, reads and
// mounts, uploads (Locations, headers, a connection broken in a chunk), manifests by tag and digest with pagination,
// streaming in bounded memory, one client shared by worker threads, the docker:// transport and a CopyJob between
// repositories. Authentication, TLS and error mapping are in tst_registryclient; the helpers both share are in
// support/registrytest.h.
#include "copy/copyjob.h"
#include "registry/registryclient.h"
#include "support/loopbackserver.h"
#include "support/registrytest.h"
#include "support/testsupport.h"
#include "transport/transports.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QUrl>

#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;
using namespace stevedore;
using namespace stevedore::test;


class TestRegistryBlobs : public QObject
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
        // The layer (600 KiB of random bytes: one PATCH of about 616 KB) is the only request whose range starts 0-6;
        // the config's is 0-4xx. The cut lands 60 KiB into the layer's body.
        relay2.cutAfterPattern("Content-Range: 0-6", 1, 60 * 1024, 1);
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
        // The cut chunk was sent again from its first byte: either Qt's HTTP layer resent the cut request on a new
        // connection (it does so once when a connection drops before any answer; the registry then takes it in the
        // same session), or the retry asked the session how far it got (GET) and, the registry having dropped the
        // session whose stored size no longer matched, uploaded the blob again in a new one.
        const QByteArray sent2 = relay2.fromClient();
        QVERIFY2(sent2.count("Content-Range: 0-6") >= 2, sent2.left(2000).constData());
        if (sent2.contains("GET /v2/team/resumed/blobs/uploads/"))
            QVERIFY2(sent2.count("POST /v2/team/resumed/blobs/uploads/") >= 2, sent2.left(2000).constData());
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

    void streamingBlobsUseBoundedMemory()
    {
        if (!stevedore::test::kMemoryBoundsApply)
            QSKIP("RSS says nothing under AddressSanitizer: its quarantine keeps freed memory (the normal build checks it)");
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
};

// QTEST_GUILESS_MAIN, with the engine's debug logging switched on before the application reads its rules
// (ctest sets QT_LOGGING_RULES=*.debug=false), so that cleanupTestCase() can check the logs for secrets.
int main(int argc, char **argv)
{
    qputenv("QT_LOGGING_RULES", "stevedore.*.debug=true");
    QCoreApplication app(argc, argv);
    TestRegistryBlobs tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_registryblobs.moc"
