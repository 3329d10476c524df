// The URL policy for token realms, end to end: a Bearer realm on another https origin gets the user's Basic
// credentials and the registry only the token, which does not follow a redirect to a storage host; the realm's own
// redirects drop the credentials, or are refused when they go to plain http; an http realm of an https registry is
// refused unless the registry is marked insecure; a token answer that never ends (or is announced too large) is cut
// early, named as the token fetch, in bounded memory. The other URLs a registry hands back are in tst_urlpolicy,
// what is printed and logged in tst_secrets; what the three share is in support/securitytest.h. Traffic goes to
// 127.0.0.1 only.
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
#include <QHostAddress>
#include <QMutex>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
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

namespace {

// A plain-http server that answers every request with 200 and a JSON body that never ends ({"token":"xxxx...), as
// fast as the client takes it, until the client goes away or `cap` bytes were handed to the socket. Counts what
// it sent, so a test can prove that the client stopped reading early.
class EndlessServer final
{
public:
    explicit EndlessServer(qint64 cap) : d(std::make_unique<Impl>())
    {
        d->cap = cap;
        d->moveToThread(&d->thread);
        d->thread.start();
    }
    ~EndlessServer()
    {
        Impl *impl = d.get();
        QMetaObject::invokeMethod(impl, [impl] {
            delete impl->server; // and its sockets
            impl->server = nullptr;
        }, Qt::BlockingQueuedConnection);
        d->thread.quit();
        d->thread.wait();
    }
    bool listen()
    {
        Impl *impl = d.get();
        QMetaObject::invokeMethod(impl, [impl] { impl->start(); }, Qt::BlockingQueuedConnection);
        return d->port != 0;
    }
    quint16 port() const { return d->port; }
    qint64 sent() const { return d->sent.load(); }
    int requests() const { return d->requests.load(); }
    QByteArray received() const
    {
        QMutexLocker lock(&d->mutex);
        return d->received;
    }

private:
    class Impl final : public QObject
    {
    public:
        QThread thread;
        QTcpServer *server = nullptr;
        quint16 port = 0;
        qint64 cap = 0;
        std::atomic<qint64> sent{0};
        std::atomic<int> requests{0};
        mutable QMutex mutex;
        QByteArray received;

        void start()
        {
            server = new QTcpServer(this);
            connect(server, &QTcpServer::newConnection, this, [this] {
                while (QTcpSocket *s = server->nextPendingConnection()) {
                    auto head = std::make_shared<QByteArray>();
                    auto started = std::make_shared<bool>(false);
                    connect(s, &QTcpSocket::readyRead, this, [this, s, head, started] {
                        const QByteArray in = s->readAll();
                        {
                            QMutexLocker lock(&mutex);
                            received += in;
                        }
                        if (*started)
                            return;
                        *head += in;
                        if (!head->contains("\r\n\r\n"))
                            return;
                        *started = true;
                        ++requests;
                        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                                 "{\"token\":\"");
                        pump(s);
                    });
                    connect(s, &QTcpSocket::bytesWritten, this, [this, s, started] {
                        if (*started)
                            pump(s);
                    });
                }
            });
            if (server->listen(QHostAddress::LocalHost, 0))
                port = server->serverPort();
        }

        void pump(QTcpSocket *s)
        {
            static const QByteArray chunk(256 * 1024, 'x');
            while (s->state() == QAbstractSocket::ConnectedState && s->bytesToWrite() < 1024 * 1024 && sent.load() < cap) {
                s->write(chunk);
                sent += chunk.size();
            }
            if (sent.load() >= cap)
                s->disconnectFromHost();
        }
    };
    std::unique_ptr<Impl> d;
};

} // namespace

class TestUrlPolicyTokens : public QObject, public SecurityFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { initSuite(); }
    void cleanupTestCase() { cleanupSuite(); }
    void init() { initEachTest(); }
    void cleanup() { m_tmp.reset(); }

    // 6a. A Bearer realm on another https origin gets the user's Basic credentials (as docker does); the registry
    //     gets only the token, and the token does not follow a redirect to a storage host.
    void tokenRealmOnAnotherHttpsOrigin()
    {
        LoopbackHttpServer realm(tls());
        QVERIFY(realm.listen());
        realm.setResponder([](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != kBasic)
                return httpAnswer(401, {});
            return httpAnswer(200, "Content-Type: application/json\r\n",
                              "{\"token\":\"" + kToken1 + "\",\"expires_in\":300}");
        });
        LoopbackHttpServer storage(tls());
        QVERIFY(storage.listen());
        storage.setResponder([](const Seen &) { return httpAnswer(200, "Content-Type: application/octet-stream\r\n", "blob"); });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin()
                                     + "/token\",service=\"fake\"\r\n";
        const QByteArray storageOrigin = storage.origin();
        reg.setResponder([&](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != "Bearer " + kToken1)
                return httpAnswer(401, challenge);
            if (r.path.contains("/blobs/"))
                return httpAnswer(307, "Location: " + storageOrigin + "/blob\r\n");
            return httpAnswer(200, kIndexType, kEmptyIndex);
        });

        RegistryClient client(tlsConfig(reg.port()));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY2(m, m ? "" : qPrintable(m.error().message));
        QCOMPARE(realm.seen().size(), 1);
        QCOMPARE(realm.seen()[0].headers.value("authorization"), kBasic);
        QVERIFY(realm.seen()[0].path.contains("account=alice"));
        QVERIFY(realm.seen()[0].path.contains("service=fake"));
        for (const Seen &s : reg.seen())
            QVERIFY2(!s.headers.value("authorization").startsWith("Basic"), "the registry got the password");
        QVERIFY(sawNoSecret(reg));

        auto reader = client.openBlob(u"team/app"_s, *Digest::parse(QString::fromLatin1(sha256("blob"))), CancelToken());
        QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
        QCOMPARE(storage.seen().size(), 1);
        QCOMPARE(authorizedRequests(storage), 0);
        QVERIFY(!storage.received(kToken1));
    }

    // 6b. The realm's own redirect to another origin drops the user's credentials.
    void tokenRealmRedirectDropsCredentials()
    {
        LoopbackHttpServer second(tls());
        QVERIFY(second.listen());
        second.setResponder([](const Seen &) {
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"token\":\"" + kToken2 + "\"}");
        });
        LoopbackHttpServer realm(tls());
        QVERIFY(realm.listen());
        const QByteArray secondOrigin = second.origin();
        realm.setResponder([&](const Seen &r) -> QByteArray {
            const QByteArray query = r.path.mid(r.path.indexOf('?'));
            return httpAnswer(307, "Location: " + secondOrigin + "/token" + query + "\r\n");
        });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != "Bearer " + kToken2)
                return httpAnswer(401, challenge);
            return httpAnswer(200, kIndexType, kEmptyIndex);
        });
        RegistryClient client(tlsConfig(reg.port()));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY2(m, m ? "" : qPrintable(m.error().message));
        QCOMPARE(realm.seen().size(), 1);
        QCOMPARE(realm.seen()[0].headers.value("authorization"), kBasic); // the realm itself: yes
        QCOMPARE(second.seen().size(), 1);
        QCOMPARE(authorizedRequests(second), 0); // where it redirected: no
        QVERIFY(sawNoSecret(second));
    }

    // 6b'. An https realm that redirects to plain http: refused, the plain server gets nothing.
    void tokenRealmRedirectToHttpRefused()
    {
        LoopbackHttpServer plain;
        QVERIFY(plain.listen());
        plain.setResponder([](const Seen &) { return httpAnswer(200, {}, "{\"token\":\"" + kToken1 + "\"}"); });
        LoopbackHttpServer realm(tls());
        QVERIFY(realm.listen());
        const QByteArray plainOrigin = plain.origin();
        realm.setResponder([&](const Seen &) { return httpAnswer(302, "Location: " + plainOrigin + "/token\r\n"); });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &) { return httpAnswer(401, challenge); });
        RegistryClient client(tlsConfig(reg.port()));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!m);
        qInfo().noquote() << "realm redirect to http:" << m.error().message;
        QVERIFY2(m.error().message.contains(u"getting a token from"_s) && m.error().message.contains(u"plain http"_s)
                     && m.error().message.contains(u"refused"_s),
                 qPrintable(m.error().message));
        QCOMPARE(realm.seen().size(), 1);
        QCOMPARE(plain.connectionCount(), 0);
    }

    // 6c. An http realm from an https registry is refused and receives nothing, with or without credentials.
    void httpTokenRealmRefused_data()
    {
        QTest::addColumn<bool>("withCreds");
        QTest::newRow("with credentials") << true;
        QTest::newRow("anonymous") << false;
    }

    void httpTokenRealmRefused()
    {
        QFETCH(bool, withCreds);
        LoopbackHttpServer realm;
        QVERIFY(realm.listen());
        realm.setResponder([](const Seen &) {
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"token\":\"" + kToken1 + "\"}");
        });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != "Bearer " + kToken1)
                return httpAnswer(401, challenge);
            return httpAnswer(200, kIndexType, kEmptyIndex);
        });
        RegistryClient client(tlsConfig(reg.port(), withCreds));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!m);
        qInfo().noquote() << "http realm:" << m.error().message;
        QVERIFY2(m.error().message.contains(u"http"_s) && m.error().message.contains(u"refus"_s),
                 qPrintable(m.error().message));
        QVERIFY(!m.error().temporary);
        QCOMPARE(realm.connectionCount(), 0);
        QVERIFY(sawNoSecret(reg));
    }

    // 6d. The same http realm for a registry marked insecure: it is used, and gets the credentials.
    void httpTokenRealmWhenInsecure()
    {
        LoopbackHttpServer realm;
        QVERIFY(realm.listen());
        realm.setResponder([](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != kBasic)
                return httpAnswer(401, {});
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"token\":\"" + kToken1 + "\"}");
        });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &r) -> QByteArray {
            if (r.headers.value("authorization") != "Bearer " + kToken1)
                return httpAnswer(401, challenge);
            return httpAnswer(200, kIndexType, kEmptyIndex);
        });
        RegistryConfig c = tlsConfig(reg.port());
        c.certDir.clear();
        c.insecure = true;
        RegistryClient client(c);
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY2(m, m ? "" : qPrintable(m.error().message));
        QCOMPARE(client.baseUrl().scheme(), u"https"_s);
        QCOMPARE(realm.seen().size(), 1);
        QCOMPARE(realm.seen()[0].headers.value("authorization"), kBasic);
    }

    // 8. A token server whose answer never ends (or is announced larger than 1 MiB): the error names the token
    //    fetch, not a manifest limit, the client stops reading early, and memory stays bounded.
    void endlessTokenAnswer_data()
    {
        QTest::addColumn<bool>("announced");
        QTest::newRow("streaming without Content-Length") << false;
        QTest::newRow("Content-Length of 3 MiB") << true;
    }

    void endlessTokenAnswer()
    {
        QFETCH(bool, announced);
        EndlessServer endless(256ll << 20);
        QVERIFY(endless.listen());
        LoopbackHttpServer big;
        QVERIFY(big.listen());
        big.setResponder([](const Seen &) {
            return httpAnswer(200, "Content-Type: application/json\r\n",
                              "{\"token\":\"" + QByteArray(3 << 20, 'x') + "\"}");
        });
        const quint16 realmPort = announced ? big.port() : endless.port();
        LoopbackHttpServer reg;
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"http://127.0.0.1:" + QByteArray::number(realmPort)
                                     + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &) { return httpAnswer(401, challenge); });
        const QString realmHost = u"127.0.0.1:%1"_s.arg(realmPort);

        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(reg.port());
        c.insecure = true; // plain http everywhere
        c.credentials = Credentials{kUser, kPassword, {}};
        RegistryClient client(c);
        const qint64 before = rssKiB();
        QElapsedTimer timer;
        timer.start();
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        const qint64 after = rssKiB();
        QVERIFY(!m);
        qInfo().noquote() << "endless token:" << m.error().message << "| sent" << endless.sent() << "bytes, RSS +"
                          << (after - before) << "KiB in" << timer.elapsed() << "ms";
        QCOMPARE(m.error().code, ErrorCode::TooLarge);
        QVERIFY2(m.error().message.contains(u"getting a token from "_s + realmHost), qPrintable(m.error().message));
        QVERIFY2(!m.error().message.contains(u"4 MiB"_s) && !m.error().message.contains(u"4194304"_s),
                 qPrintable(m.error().message));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(endless.sent() < (32 << 20), qPrintable(QString::number(endless.sent())));
        if (stevedore::test::kMemoryBoundsApply)
            QVERIFY2(after - before < 24 * 1024, qPrintable(u"grew by %1 KiB"_s.arg(after - before)));

        // The CLI says the same in one line, and its memory stays bounded.
        const MeasuredRun run = runMeasured(m_cli, pushArgs(u"127.0.0.1:%1"_s.arg(reg.port()),
                                                            {u"--tls-verify=false"_s, u"--creds"_s, kUser + u':' + kPassword}),
                                            m_env, 20000);
        qInfo("CLI peak RSS %lld KiB in %lld ms", run.peakKiB, run.elapsedMs);
        verifyFailure(run.result);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(run.result.err.contains(QByteArray("getting a token from " + realmHost.toLatin1())), qPrintable(describe(run.result)));
        QVERIFY2(!run.result.err.contains("4 MiB") && !run.result.err.contains("4194304"), qPrintable(describe(run.result)));
        if (stevedore::test::kMemoryBoundsApply)
            QVERIFY2(run.peakKiB > 0 && run.peakKiB < 96 * 1024, qPrintable(u"peak %1 KiB"_s.arg(run.peakKiB)));
        QVERIFY2(endless.sent() < (64 << 20), qPrintable(QString::number(endless.sent())));
    }
};

// QTEST_GUILESS_MAIN, with the engine's debug logging switched on before the application reads its rules (ctest
// sets QT_LOGGING_RULES=*.debug=false), so that cleanupTestCase() can check every log line for secrets.
int main(int argc, char **argv)
{
    qputenv("QT_LOGGING_RULES", "stevedore.*.debug=true");
    QCoreApplication app(argc, argv);
    TestUrlPolicyTokens tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_urlpolicy_tokens.moc"
