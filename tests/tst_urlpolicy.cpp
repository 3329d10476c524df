// The URL policy, end to end: every URL a registry hands back (upload, mount and chunk Locations, layer URLs,
// pagination Links, redirects) goes through one policy. Credentials go only to their exact origin, an https registry
// never continues over plain http unless marked insecure, nothing but http(s) is followed, and a manifest PUT
// answered with another digest fails the push. Token realms are in tst_urlpolicy_tokens, what is printed and logged
// in tst_secrets; what the three share is in support/securitytest.h. Loopback trap servers (plain and TLS) record
// every byte they receive, so each test can prove what did NOT arrive where it must not. Traffic goes to 127.0.0.1
// only.
#include "core/error.h"
#include "registry/registryclient.h"
#include "support/loopbackserver.h"
#include "support/securitytest.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace stevedore;
using namespace stevedore::test::security;
using stevedore::test::captureLog;
using stevedore::test::g_logLines;
using stevedore::test::g_logMutex;
using stevedore::test::g_previousHandler;
using stevedore::test::httpAnswer;
using stevedore::test::LoopbackHttpServer;
using stevedore::test::ProcessResult;
using Seen = stevedore::test::SeenRequest;

class TestUrlPolicy : public QObject, public SecurityFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { initSuite(); }
    void cleanupTestCase() { cleanupSuite(); }
    void init() { initEachTest(); }
    void cleanup() { m_tmp.reset(); }

    // 1. An https registry with Basic auth whose upload Location downgrades to plain http: refused before anything
    //    is sent there; the password only ever went to the registry's own origin.
    void uploadLocationDowngradeRefused()
    {
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([](const Seen &) { return httpAnswer(202, "Location: /upload/1\r\n"); });
        FakeRegistry reg(tls(), kBasic);
        const QByteArray plainOrigin = plain.origin();
        reg.uploadLocation = [plainOrigin](int n) -> QByteArray { return plainOrigin + "/upload/" + QByteArray::number(n); };
        QVERIFY(reg.start());

        QElapsedTimer timer;
        timer.start();
        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds()));
        verifyFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains("plain http") && r.err.contains("refused"), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QByteArray::number(plain.port())), qPrintable(describe(r)));
        QCOMPARE(plain.connectionCount(), 0); // not even a connection
        QVERIFY(plain.allReceived().isEmpty());
        // The registry did get the credentials (the uploads were authorised), and nothing was retried: a refusal is
        // final.
        QVERIFY(authorizedRequests(reg.server()) > 0);
        const int posts = reg.count("POST", "/blobs/uploads/");
        QVERIFY2(posts >= 1 && posts <= 2, qPrintable(QString::number(posts)));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
        QVERIFY(reg.manifests().isEmpty());
    }

    // 2. The same with --tls-verify=false: the plain-http Location is followed, but it is another origin, so it gets
    //    no Authorization.
    void uploadLocationDowngradeFollowedWhenInsecure()
    {
        FakeRegistry plain(std::nullopt); // an upload target, no auth of its own
        QVERIFY(plain.start());
        FakeRegistry reg(tls(), kBasic);
        const QByteArray plainOrigin = plain.server().origin();
        reg.uploadLocation = [plainOrigin](int n) -> QByteArray { return plainOrigin + "/upload/" + QByteArray::number(n); };
        QVERIFY(reg.start());

        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), {u"--tls-verify=false"_s, u"--creds"_s,
                                                                    kUser + u':' + kPassword}));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        verifyNoSecretInOutput(r);
        // Both blobs went to the plain server, without credentials.
        QCOMPARE(plain.blobs().size(), 2);
        QVERIFY(plain.count("PATCH", "/upload/") >= 2);
        QCOMPARE(authorizedRequests(plain.server()), 0);
        QVERIFY(sawNoSecret(plain.server()));
        QCOMPARE(reg.count("PATCH", "/upload/") + reg.count("PUT", "/upload/"), 0);
        // The manifest went to the registry, with them.
        QCOMPARE(reg.manifests().size(), 1);
        QCOMPARE(sha256(reg.manifests().first()), m_digest.toLatin1());
        bool manifestAuthorised = false;
        for (const Seen &s : reg.server().seen())
            if (s.method == "PUT" && s.path.contains("/manifests/"))
                manifestAuthorised = s.headers.value("authorization") == kBasic;
        QVERIFY(manifestAuthorised);
    }

    // 3. An upload Location on another https origin (same CA): followed without credentials; the relative
    //    Locations that origin answers resolve against it, not against the registry; the push completes.
    void uploadLocationOnAnotherHttpsOrigin()
    {
        FakeRegistry storage(tls());
        QVERIFY(storage.start());
        FakeRegistry reg(tls(), kBasic);
        const QByteArray storageOrigin = storage.server().origin();
        QVERIFY(storageOrigin.startsWith("https://"));
        reg.uploadLocation = [storageOrigin](int n) -> QByteArray { return storageOrigin + "/upload/" + QByteArray::number(n); };
        QVERIFY(reg.start());

        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds()));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        verifyNoSecretInOutput(r);
        QVERIFY2(r.out.contains(m_digest.toLatin1()), qPrintable(describe(r)));
        QCOMPARE(storage.blobs().size(), 2);
        QCOMPARE(authorizedRequests(storage.server()), 0);
        QVERIFY(sawNoSecret(storage.server()));
        // Each final PUT went where the storage's own relative Location said (?part=2 after one PATCH).
        int puts = 0;
        for (const Seen &s : storage.server().seen())
            if (s.method == "PUT") {
                ++puts;
                QVERIFY2(s.path.contains("?part=2&digest=sha256"), s.path.constData());
            }
        QCOMPARE(puts, 2);
        QCOMPARE(reg.count("PATCH", "/upload/") + reg.count("PUT", "/upload/"), 0);
        QCOMPARE(reg.manifests().size(), 1);
        QCOMPARE(sha256(reg.manifests().first()), m_digest.toLatin1());
    }

    // 3b. The other Locations of an upload session go through the same policy: a mount answer's (202, a session to use
    //     instead) and each chunk's PATCH answer.
    void mountAndChunkLocations()
    {
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([](const Seen &) { return httpAnswer(202, "Location: /upload/1\r\n"); });
        FakeRegistry storage(tls());
        QVERIFY(storage.start());
        FakeRegistry reg(tls(), kBasic);
        const QByteArray plainOrigin = plain.origin(), storageOrigin = storage.server().origin();
        reg.before = [&](const Seen &r) -> std::optional<QByteArray> {
            if (r.method == "POST" && r.path.contains("mount=") && r.path.startsWith("/v2/down/"))
                return httpAnswer(202, "Location: " + plainOrigin + "/upload/9\r\n");
            if (r.method == "POST" && r.path.contains("mount=") && r.path.startsWith("/v2/away/"))
                return httpAnswer(202, "Location: " + storageOrigin + "/upload/7\r\n");
            if (r.method == "PATCH")
                return httpAnswer(202, "Location: " + plainOrigin + "/upload/8?part=2\r\n");
            return std::nullopt;
        };
        QVERIFY(reg.start());
        RegistryClient client(tlsConfig(reg.port()));
        const Digest digest = Digest::sha256Of("hello");

        auto down = client.mountBlob(u"down/app"_s, digest, u"src/app"_s, CancelToken());
        QVERIFY(!down);
        qInfo().noquote() << "mount answer to http:" << down.error().message;
        QVERIFY2(down.error().message.contains(u"plain http"_s) && down.error().message.contains(u"refused"_s),
                 qPrintable(down.error().message));

        auto away = client.mountBlob(u"away/app"_s, digest, u"src/app"_s, CancelToken());
        QVERIFY2(away, away ? "" : qPrintable(away.error().message));
        QVERIFY(!away->mounted);
        QCOMPARE(away->uploadUrl, QUrl(QString::fromLatin1(storageOrigin) + u"/upload/7"_s));
        {
            auto w = client.beginUpload(u"away/app"_s, away->uploadUrl, 4096, CancelToken());
            QVERIFY2(w, w ? "" : qPrintable(w.error().message));
            auto wrote = (*w)->write("hello", CancelToken());
            QVERIFY2(wrote, wrote ? "" : qPrintable(wrote.error().message));
            auto committed = (*w)->commit(digest, 5, CancelToken());
            QVERIFY2(committed, committed ? "" : qPrintable(committed.error().message));
        }
        QCOMPARE(storage.blobs(), QList<QByteArray>{digest.toString().toLatin1()});
        QCOMPARE(authorizedRequests(storage.server()), 0);
        QVERIFY(sawNoSecret(storage.server()));

        {
            auto w = client.beginUpload(u"team/app"_s, {}, 4096, CancelToken());
            QVERIFY2(w, w ? "" : qPrintable(w.error().message));
            // The PATCH answer points at plain http; the PATCH travels while write() returns, so its failure
            // comes with the next call.
            Status wrote = (*w)->write("hello", CancelToken());
            if (wrote)
                wrote = (*w)->commit(digest, 5, CancelToken());
            QVERIFY(!wrote);
            qInfo().noquote() << "chunk answer to http:" << wrote.error().message;
            QVERIFY2(wrote.error().message.contains(u"plain http"_s) && wrote.error().message.contains(u"refused"_s),
                     qPrintable(wrote.error().message));
            QVERIFY(!wrote.error().temporary);
        }
        QCOMPARE(plain.connectionCount(), 0);
    }

    // 3c. Layer URLs (non-distributable layers) go through the policy too, and never carry the registry's
    //     credentials (RegistryClient::openLayerUrl's contract, as containers/image sends them without auth).
    void layerUrls()
    {
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([](const Seen &) { return httpAnswer(200, {}, "layer"); });
        LoopbackHttpServer storage(tls());
        QVERIFY(storage.listen());
        storage.setResponder([](const Seen &) { return httpAnswer(200, "Content-Type: application/octet-stream\r\n", "layer"); });
        FakeRegistry reg(tls(), kBasic);
        reg.before = [](const Seen &r) -> std::optional<QByteArray> {
            if (r.path.startsWith("/foreign/"))
                return httpAnswer(200, "Content-Type: application/octet-stream\r\n", "layer");
            return std::nullopt;
        };
        QVERIFY(reg.start());
        RegistryClient client(tlsConfig(reg.port()));

        for (const QString &url : QStringList{QString::fromLatin1(plain.origin()) + u"/layer.tar"_s, u"file:///etc/hostname"_s,
                                   u"ftp://127.0.0.1:21/layer.tar"_s}) {
            auto r = client.openLayerUrl(QUrl(url), CancelToken());
            QVERIFY2(!r, qPrintable(url));
            qInfo().noquote() << url << "->" << r.error().message;
            QVERIFY2(r.error().message.contains(u"refused"_s), qPrintable(r.error().message));
        }
        QCOMPARE(plain.connectionCount(), 0);

        auto fromStorage = client.openLayerUrl(QUrl(QString::fromLatin1(storage.origin()) + u"/layer.tar"_s), CancelToken());
        QVERIFY2(fromStorage, fromStorage ? "" : qPrintable(fromStorage.error().message));
        QCOMPARE(storage.seen().size(), 1);
        QCOMPARE(authorizedRequests(storage), 0);

        // A layer URL on the registry's own host: still without the registry's credentials (the registry answers
        // 401 to a request without them, so the open fails, and nothing of the password went out with it).
        auto own = client.openLayerUrl(QUrl(QString::fromLatin1(reg.server().origin()) + u"/foreign/layer.tar"_s), CancelToken());
        int foreignAuthorised = 0;
        for (const Seen &s : reg.server().seen())
            foreignAuthorised += s.path.startsWith("/foreign/") && s.hasHeader("authorization");
        QCOMPARE(reg.count("GET", "/foreign/"), 1);
        QCOMPARE(foreignAuthorised, 0);
        QVERIFY(!own);
    }

    // 4. Pagination: a Link to another https origin is followed without credentials (and a relative Link from
    //    there stays there); a Link to plain http or to file: is refused.
    void paginationAcrossOrigins()
    {
        LoopbackHttpServer other(tls());
        QVERIFY(other.listen());
        other.setResponder([](const Seen &r) -> QByteArray {
            if (r.path.contains("last=a"))
                return httpAnswer(200, "Content-Type: application/json\r\nLink: </v2/team/app/tags/list?last=b>; rel=\"next\"\r\n",
                                  "{\"name\":\"team/app\",\"tags\":[\"b\"]}");
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"name\":\"team/app\",\"tags\":[\"c\"]}");
        });
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([](const Seen &) { return httpAnswer(200, {}, "{\"repositories\":[\"z\"]}"); });
        FakeRegistry reg(tls(), kBasic);
        const QByteArray otherOrigin = other.origin(), plainOrigin = plain.origin();
        reg.before = [&](const Seen &r) -> std::optional<QByteArray> {
            if (r.path.startsWith("/v2/team/app/tags/list"))
                return httpAnswer(200, "Content-Type: application/json\r\nLink: <" + otherOrigin
                                           + "/v2/team/app/tags/list?last=a>; rel=\"next\"\r\n",
                                  "{\"name\":\"team/app\",\"tags\":[\"a\"]}");
            if (r.path.startsWith("/v2/team/file/tags/list"))
                return httpAnswer(200, "Content-Type: application/json\r\nLink: <file:///etc/passwd>; rel=\"next\"\r\n",
                                  "{\"name\":\"team/file\",\"tags\":[\"a\"]}");
            if (r.path.startsWith("/v2/_catalog"))
                return httpAnswer(200, "Content-Type: application/json\r\nLink: <" + plainOrigin
                                           + "/v2/_catalog?last=y>; rel=\"next\"\r\n",
                                  "{\"repositories\":[\"y\"]}");
            return std::nullopt;
        };
        QVERIFY(reg.start());

        RegistryClient client(tlsConfig(reg.port()));
        auto tags = client.listTags(u"team/app"_s, 0, CancelToken());
        QVERIFY2(tags, tags ? "" : qPrintable(tags.error().message));
        QCOMPARE(*tags, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
        const QList<Seen> pages = other.seen();
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages[0].path, QByteArray("/v2/team/app/tags/list?last=a"));
        QCOMPARE(pages[1].path, QByteArray("/v2/team/app/tags/list?last=b"));
        QCOMPARE(authorizedRequests(other), 0);
        QVERIFY(sawNoSecret(other));
        QCOMPARE(reg.count("GET", "/tags/list"), 1); // the relative Link of page 2 did not come back here
        for (const Seen &s : reg.server().seen())
            if (s.path.startsWith("/v2/team/app/tags/list"))
                QCOMPARE(s.headers.value("authorization"), kBasic);

        auto catalog = client.catalog(0, CancelToken());
        QVERIFY(!catalog);
        qInfo().noquote() << "http next page:" << catalog.error().message;
        QVERIFY2(catalog.error().message.contains(u"plain http"_s) && catalog.error().message.contains(u"refused"_s),
                 qPrintable(catalog.error().message));
        QVERIFY(!catalog.error().temporary);
        QCOMPARE(plain.connectionCount(), 0);

        auto file = client.listTags(u"team/file"_s, 0, CancelToken());
        QVERIFY(!file);
        qInfo().noquote() << "file: next page:" << file.error().message;
        QVERIFY2(file.error().message.contains(u"only http and https"_s) && file.error().message.contains(u"refused"_s),
                 qPrintable(file.error().message));
    }

    // 5a. A redirect to something that is not http(s): refused with a message naming http and https.
    void redirectToOtherSchemesRefused_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("file") << QByteArray("file:///etc/hostname");
        QTest::newRow("ftp") << QByteArray("ftp://127.0.0.1:21/pub/manifest");
        QTest::newRow("data") << QByteArray("data:text/plain;base64,aGVsbG8=");
    }

    void redirectToOtherSchemesRefused()
    {
        QFETCH(QByteArray, target);
        FakeRegistry reg(tls(), kBasic);
        reg.before = [target](const Seen &r) -> std::optional<QByteArray> {
            if (r.path.contains("/manifests/"))
                return httpAnswer(307, "Location: " + target + "\r\n");
            return std::nullopt;
        };
        QVERIFY(reg.start());
        RegistryClient client(tlsConfig(reg.port()));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!m);
        qInfo().noquote() << target << "->" << m.error().message;
        QVERIFY2(m.error().message.contains(u"http and https"_s) && m.error().message.contains(u"refused"_s),
                 qPrintable(m.error().message));
        QVERIFY(!m.error().temporary);
        QCOMPARE(reg.count("GET", "/manifests/"), 1);
    }

    // 5b. A redirect from an https registry to plain http is refused even when no credentials would go there (an
    //     anonymous client); one to another https origin is followed without credentials; one back to the registry
    //     keeps them.
    void redirectsFromHttpsRegistry()
    {
        const QByteArray blob = "the bytes of a blob, from a storage host";
        const QByteArray blobDigest = sha256(blob);
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([&](const Seen &) { return httpAnswer(200, kIndexType, kEmptyIndex); });
        LoopbackHttpServer storage(tls());
        QVERIFY(storage.listen());
        storage.setResponder([&](const Seen &r) -> QByteArray {
            if (r.path.startsWith("/signed/"))
                return httpAnswer(307, "Location: /final/blob\r\n"); // relative: against the storage host
            return httpAnswer(200, "Content-Type: application/octet-stream\r\n", blob);
        });
        const QByteArray plainOrigin = plain.origin(), storageOrigin = storage.origin();
        const auto redirects = [&](const Seen &r) -> std::optional<QByteArray> {
            if (r.path.contains("/manifests/down"))
                return httpAnswer(307, "Location: " + plainOrigin + "/v2/team/app/manifests/down\r\n");
            if (r.path.contains("/manifests/moved"))
                return httpAnswer(307, "Location: /v2/team/app/manifests/here\r\n"); // same origin
            if (r.path.contains("/manifests/here"))
                return httpAnswer(200, kIndexType, kEmptyIndex);
            if (r.path.contains(QByteArray("/blobs/" + blobDigest)))
                return httpAnswer(307, "Location: " + storageOrigin + "/signed/blob?sig=abc\r\n");
            return std::nullopt;
        };
        FakeRegistry anonymousReg(tls());
        anonymousReg.before = redirects;
        QVERIFY(anonymousReg.start());
        FakeRegistry reg(tls(), kBasic);
        reg.before = redirects;
        QVERIFY(reg.start());

        // To plain http: refused, anonymous or not, and nothing reaches the plain server.
        RegistryClient anonymous(tlsConfig(anonymousReg.port(), false));
        auto down = anonymous.getManifest(u"team/app"_s, u"down"_s, CancelToken());
        QVERIFY(!down);
        qInfo().noquote() << "redirect to http:" << down.error().message;
        QVERIFY2(down.error().message.contains(u"plain http"_s) && down.error().message.contains(u"refused"_s),
                 qPrintable(down.error().message));
        RegistryClient client(tlsConfig(reg.port()));
        auto downAuth = client.getManifest(u"team/app"_s, u"down"_s, CancelToken());
        QVERIFY(!downAuth);
        QVERIFY2(downAuth.error().message.contains(u"plain http"_s), qPrintable(downAuth.error().message));
        QCOMPARE(plain.connectionCount(), 0);

        // To another https origin, then relative there: followed, without credentials.
        auto reader = client.openBlob(u"team/app"_s, *Digest::parse(QString::fromLatin1(blobDigest)), CancelToken());
        QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
        QByteArray got;
        QByteArray buf(4096, Qt::Uninitialized);
        for (int i = 0; i < 100; ++i) {
            auto n = (*reader)->read(buf.data(), buf.size());
            QVERIFY2(n, n ? "" : qPrintable(n.error().message));
            if (*n == 0)
                break;
            got.append(buf.constData(), *n);
        }
        QCOMPARE(got, blob);
        const QList<Seen> hops = storage.seen();
        QCOMPARE(hops.size(), 2);
        QCOMPARE(hops[0].path, QByteArray("/signed/blob?sig=abc"));
        QCOMPARE(hops[1].path, QByteArray("/final/blob"));
        QCOMPARE(authorizedRequests(storage), 0);
        QVERIFY(sawNoSecret(storage));

        // Back to the registry's own origin: the credentials stay.
        auto moved = client.getManifest(u"team/app"_s, u"moved"_s, CancelToken());
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message));
        bool hereAuthorised = false;
        for (const Seen &s : reg.server().seen())
            if (s.path.contains("/manifests/here"))
                hereAuthorised = s.headers.value("authorization") == kBasic;
        QVERIFY(hereAuthorised);
    }

    // 7. The registry answers a manifest PUT with another digest than the one sent: the push fails, and
    //    --digestfile is not written.
    void manifestDigestMismatch()
    {
        const QByteArray liar = "sha256:" + QByteArray(64, 'a');
        FakeRegistry reg(tls(), kBasic);
        reg.manifestDigest = [liar](const QByteArray &) { return liar; };
        QVERIFY(reg.start());

        // The engine: DIGEST_MISMATCH.
        RegistryClient client(tlsConfig(reg.port()));
        auto raw = makeRawManifest(kEmptyIndex, QString::fromLatin1(mediatype::OciIndex.data()));
        QVERIFY(raw);
        auto put = client.putManifest(u"team/app"_s, u"v1"_s, *raw, CancelToken());
        QVERIFY(!put);
        QCOMPARE(put.error().code, ErrorCode::DigestMismatch);
        QCOMPARE(errorCodeName(put.error().code), u"DIGEST_MISMATCH"_s);
        QVERIFY2(put.error().message.contains(QString::fromLatin1(liar)), qPrintable(put.error().message));

        // The CLI.
        const QString digestFile = path(u"digest.txt"_s);
        QElapsedTimer timer;
        timer.start();
        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds() + QStringList{u"--digestfile"_s, digestFile}));
        verifyFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains(liar) && r.err.contains(m_digest.toLatin1()), qPrintable(describe(r)));
        QVERIFY2(!QFileInfo::exists(digestFile), "the digest file was written for a push the registry misrecorded");
        QVERIFY2(!r.out.contains("Wrote manifest"), qPrintable(describe(r)));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    }
};

// QTEST_GUILESS_MAIN, with the engine's debug logging switched on before the application reads its rules (ctest
// sets QT_LOGGING_RULES=*.debug=false), so that cleanupTestCase() can check every log line for secrets.
int main(int argc, char **argv)
{
    qputenv("QT_LOGGING_RULES", "stevedore.*.debug=true");
    QCoreApplication app(argc, argv);
    TestUrlPolicy tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_urlpolicy.moc"
