// The secrets rules, end to end: nothing printed or logged carries a secret (an error body echoing the credentials
// or a token, credentials typed into a reference) or a server's control characters; a one-character password does
// not mangle the output, '%' in a server's text is shown as it is, a flooding credential helper fails clearly in
// bounded memory, and a refused answer never crashes the CLI on its way out. Which URLs are followed with which
// credentials is in tst_urlpolicy and tst_urlpolicy_tokens; what the three share is in support/securitytest.h.
// Loopback trap servers (plain and TLS) and the real CLI; traffic goes to 127.0.0.1 only.
#include "core/error.h"
#include "registry/registryclient.h"
#include "registry/registryerrors.h"
#include "support/loopbackserver.h"
#include "support/securitytest.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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

class TestSecrets : public QObject, public SecurityFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { initSuite(); }
    void cleanupTestCase() { cleanupSuite(); }
    void init() { initEachTest(); }
    void cleanup() { m_tmp.reset(); }

    // 6b''. Tokens (bearer and identity) that a server echoes in an error never reach the message.
    void tokensNeverInErrors()
    {
        const QString identity = u"R3fresh-T0ken-Value-77"_s;
        LoopbackHttpServer realm(tls());
        QVERIFY(realm.listen());
        realm.setResponder([&](const Seen &r) -> QByteArray {
            if (r.method == "POST") // the refresh-token grant: echoes the form it got
                return jsonError(400, "DENIED", u"cannot use %1"_s.arg(QString::fromLatin1(r.body)));
            if (r.headers.value("authorization") != kBasic)
                return httpAnswer(401, {});
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"token\":\"" + kToken1 + "\"}");
        });
        LoopbackHttpServer reg(tls());
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + realm.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &r) -> QByteArray {
            if (!r.headers.value("authorization").startsWith("Bearer "))
                return httpAnswer(401, challenge);
            return jsonError(403, "DENIED", u"token %1 is not allowed here"_s.arg(QString::fromLatin1(r.headers.value("authorization").mid(7))));
        });
        RegistryClient client(tlsConfig(reg.port()));
        auto m = client.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!m);
        qInfo().noquote() << "echoed bearer token:" << m.error().message;
        QCOMPARE(m.error().code, ErrorCode::Denied);
        QVERIFY2(m.error().message.contains(u"is not allowed here"_s), qPrintable(m.error().message));
        QVERIFY2(!m.error().message.contains(QString::fromLatin1(kToken1)), qPrintable(m.error().message));

        RegistryConfig c = tlsConfig(reg.port(), false);
        c.credentials = Credentials{u"<token>"_s, {}, identity};
        RegistryClient byIdentity(c);
        auto i = byIdentity.getManifest(u"team/app"_s, u"v1"_s, CancelToken());
        QVERIFY(!i);
        qInfo().noquote() << "echoed identity token:" << i.error().message;
        QVERIFY2(i.error().message.contains(u"cannot use"_s), qPrintable(i.error().message));
        QVERIFY2(!i.error().message.contains(identity), qPrintable(i.error().message));
        QVERIFY(realm.received(identity.toLatin1())); // it did go to the realm (https): the echo is what is hidden
    }

    // 8b. A refused answer (the token above) fails the push at once, and the CLI shuts down right after: it must exit
    //     with its error, never crash on the way out. (The network thread used to free a reply twice when shutdown
    //     overtook the reply's queued deletion: SIGSEGV in a few percent of such runs.) Bounded: at most 200 runs,
    //     at most 10 s.
    void refusedAnswerNeverCrashesTheCli()
    {
        LoopbackHttpServer big;
        QVERIFY(big.listen());
        big.setResponder([](const Seen &) {
            return httpAnswer(200, "Content-Type: application/json\r\n", "{\"token\":\"" + QByteArray(3 << 20, 'x') + "\"}");
        });
        LoopbackHttpServer reg;
        QVERIFY(reg.listen());
        const QByteArray challenge = "WWW-Authenticate: Bearer realm=\"" + big.origin() + "/token\",service=\"fake\"\r\n";
        reg.setResponder([&](const Seen &) { return httpAnswer(401, challenge); });
        const QStringList args = pushArgs(u"127.0.0.1:%1"_s.arg(reg.port()),
                                          {u"--tls-verify=false"_s, u"--creds"_s, kUser + u':' + kPassword});
        QElapsedTimer timer;
        timer.start();
        int runs = 0;
        while (runs < 200 && timer.elapsed() < 10000) {
            const ProcessResult r = stevedore(args, 20000);
            ++runs;
            QVERIFY2(!r.crashed && !r.timedOut, qPrintable(u"run %1: "_s.arg(runs) + describe(r)));
            QVERIFY2(r.exitCode == 1 && r.err.contains("getting a token from"), qPrintable(describe(r)));
        }
        qInfo("%d runs in %lld ms, none crashed", runs, qint64(timer.elapsed()));
        QVERIFY(runs >= 10);
    }

    // 9a. An error body that echoes the request's Authorization header (and the password): stderr carries neither,
    //     with or without debug logging.
    void errorBodyEchoingCredentials()
    {
        FakeRegistry reg(tls(), kBasic);
        reg.before = [](const Seen &r) -> std::optional<QByteArray> {
            if (r.method == "POST")
                return jsonError(400, "UNSUPPORTED",
                                 u"you sent Authorization: %1 (that is %2, for the password %3)"_s.arg(
                                     QString::fromLatin1(r.headers.value("authorization")),
                                     QString::fromLatin1(r.headers.value("authorization").mid(6)), kPassword));
            return std::nullopt;
        };
        QVERIFY(reg.start());
        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds()));
        verifyFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains("you sent") && r.err.contains("HTTP 400"), qPrintable(describe(r))); // the message got through
        QProcessEnvironment debugEnv = m_env;
        debugEnv.remove(u"QT_LOGGING_RULES"_s); // it would override --log-level
        const ProcessResult debug = stevedore::test::runProcess(
            m_cli, QStringList{u"--log-level"_s, u"debug"_s} + pushArgs(reg.hostPort(), tlsCreds()), 30000, debugEnv);
        QVERIFY2(debug.exitCode == 1, qPrintable(describe(debug)));
        QVERIFY2(debug.err.count('\n') > 3, "debug logging did not reach stderr");
        verifyNoSecretInOutput(debug);
        QVERIFY2(!debug.err.contains("Basic "), qPrintable(describe(debug)));
    }

    // 9b. Credentials typed into a reference: the "invalid reference" error does not carry the password, or any part
    //     of it, whatever characters it holds.
    void credentialsInReference_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("password");
        for (const QString &command : {u"push"_s, u"copy"_s, u"inspect"_s}) {
            QTest::addRow("%s, plain password", qPrintable(command)) << command << kPassword;
            QTest::addRow("%s, password with @", qPrintable(command)) << command << u"S3cr@t-Pw"_s;
            QTest::addRow("%s, password with /", qPrintable(command)) << command << u"S3cret/Pw9"_s;
        }
    }

    void credentialsInReference()
    {
        QFETCH(QString, command);
        QFETCH(QString, password);
        const QString ref = u"docker://alice:%1@127.0.0.1:1/x:y"_s.arg(password);
        QStringList args;
        if (command == u"push"_s)
            args = {u"push"_s, u"oci:"_s + m_layout + u":v1"_s, ref};
        else if (command == u"copy"_s)
            args = {u"copy"_s, ref, u"oci:"_s + path(u"out"_s) + u":v1"_s};
        else
            args = {u"inspect"_s, ref};
        const ProcessResult r = stevedore(args);
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        QVERIFY2(!r.timedOut && !r.crashed && r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(r.err.contains("invalid reference"), qPrintable(describe(r)));
        QVERIFY2(!r.err.trimmed().contains('\n'), qPrintable(describe(r)));
        // Neither the password nor any piece of it around its special character.
        QStringList pieces{password};
        for (const QString &part : password.split(QRegularExpression(u"[@/]"_s)))
            if (part.size() >= 4)
                pieces << part;
        for (const QString &piece : std::as_const(pieces)) {
            QVERIFY2(!r.err.contains(piece.toUtf8()), qPrintable(u"\""_s + piece + u"\" in: "_s + describe(r)));
            QVERIFY2(!r.out.contains(piece.toUtf8()), qPrintable(u"\""_s + piece + u"\" in: "_s + describe(r)));
        }
        QCOMPARE(QDir(path(u"out"_s)).exists(), false);
    }

    // 9c. A one-character password cannot be told from ordinary text: it must not mangle the output.
    void shortPasswordDoesNotMangleOutput()
    {
        FakeRegistry reg(tls(), "Basic " + QByteArray("alice:a").toBase64());
        reg.before = [](const Seen &r) -> std::optional<QByteArray> {
            if (r.method == "PUT" && r.path.contains("/manifests/"))
                return jsonError(400, "MANIFEST_INVALID", u"manifest invalid: a layer is missing"_s);
            return std::nullopt;
        };
        QVERIFY(reg.start());
        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), {u"--cert-dir"_s, m_caDir, u"--creds"_s, u"alice:a"_s}));
        verifyFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!reg.blobs().isEmpty()); // the credentials were right: the blobs went in
        for (const QByteArray &word : {QByteArray("manifest invalid: a layer is missing"), QByteArray("manifest"),
                                       QByteArray("HTTP 400"), reg.hostPort().toLatin1(), QByteArray("team/app")})
            QVERIFY2(r.err.contains(word), qPrintable(u"\""_s + QString::fromLatin1(word) + u"\" missing: "_s + describe(r)));
        QVERIFY2(!r.err.contains("***"), qPrintable(describe(r)));
    }

    // 9d. Control characters and escape sequences from a server never reach the terminal raw.
    void controlCharactersFromServer_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("error message") << u"message"_s;
        QTest::newRow("Docker-Content-Digest header") << u"digest"_s;
    }

    void controlCharactersFromServer()
    {
        QFETCH(QString, where);
        const QByteArray evil = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\r\nfake: line\x9b" "1m";
        FakeRegistry reg(tls(), kBasic);
        if (where == u"message"_s) {
            reg.before = [evil](const Seen &r) -> std::optional<QByteArray> {
                if (r.method == "POST")
                    return jsonError(400, "DENIED", QString::fromLatin1(evil));
                return std::nullopt;
            };
        } else {
            reg.manifestDigest = [evil](const QByteArray &) {
                QByteArray v = "sha256:" + evil;
                v.replace("\r\n", " "); // one header line
                return v;
            };
        }
        QVERIFY(reg.start());
        for (const QString &progress : {u"plain"_s, u"json"_s}) {
            const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds() + QStringList{u"--progress"_s, progress}));
            verifyFailure(r);
            if (QTest::currentTestFailed())
                return;
            for (const char c : {'\x1b', '\x07', '\r'}) {
                QVERIFY2(!r.err.contains(c), qPrintable(u"stderr carries 0x%1: "_s.arg(QString::number(int(c), 16)) + describe(r)));
                QVERIFY2(!r.out.contains(c), qPrintable(u"stdout carries 0x%1: "_s.arg(QString::number(int(c), 16)) + describe(r)));
            }
            QVERIFY2(!r.err.contains("\xc2\x9b"), qPrintable(describe(r))); // C1 CSI
            // The text around the sequences is still shown, on the one line.
            QVERIFY2(r.err.contains("red fake: line"), qPrintable(describe(r)));
        }
    }

    // 9e. A server's text holding '%' sequences (a percent-encoded path, "100%1") is shown as it is, and the message
    //     keeps its own parts (the HTTP status): it is never taken for QString::arg() markers.
    void percentSignsInServerText()
    {
        const QString text = u"quota 100%1 used for a%2Fb (%3A)"_s;
        const QByteArray body = QJsonDocument(QJsonObject{{u"errors"_s, QJsonArray{QJsonObject{
                                                  {u"code"_s, u"DENIED"_s}, {u"message"_s, text}}}}})
                                    .toJson(QJsonDocument::Compact);
        const Error e = registryHttpError(403, body, {}, u"pushing blob x"_s);
        QCOMPARE(e.message, u"pushing blob x: "_s + text + u" (HTTP 403)"_s);

        FakeRegistry reg(tls(), kBasic);
        reg.before = [&](const Seen &r) -> std::optional<QByteArray> {
            if (r.method == "POST")
                return jsonError(403, "DENIED", text);
            return std::nullopt;
        };
        QVERIFY(reg.start());
        const ProcessResult r = stevedore(pushArgs(reg.hostPort(), tlsCreds()));
        verifyFailure(r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains(QByteArray(text.toUtf8() + " (HTTP 403)")), qPrintable(describe(r)));
    }

    // 10. A credential helper that floods its output: a clear error naming the helper, quickly, in bounded memory.
    void floodingCredentialHelper_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::newRow("20 MiB then exit") << QByteArray("#!/bin/sh\nhead -c 20971520 /dev/zero | tr '\\000' x\n");
        QTest::newRow("never stops") << QByteArray("#!/bin/sh\nexec yes xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n");
    }

    void floodingCredentialHelper()
    {
        QFETCH(QByteArray, script);
        const QString bin = path(u"bin"_s);
        QVERIFY(QDir().mkpath(bin));
        const auto writeHelper = [&](const QString &name, const QByteArray &text) {
            QFile f(bin + u"/docker-credential-"_s + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
            f.close();
            QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        };
        writeHelper(u"flood"_s, script);
        writeHelper(u"quiet"_s, "#!/bin/sh\necho '{\"ServerURL\":\"\",\"Username\":\"\",\"Secret\":\"\"}'\n");
        LoopbackHttpServer reg; // never answers anything but 401
        QVERIFY(reg.listen());
        reg.setResponder([](const Seen &) { return unauthorized(); });
        QProcessEnvironment env = m_env;
        env.insert(u"PATH"_s, bin + u':' + env.value(u"PATH"_s));
        const QString configFile = env.value(u"DOCKER_CONFIG"_s) + u"/config.json"_s;
        const auto useStore = [&](const QByteArray &store) {
            QFile f(configFile);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("{\"credsStore\":\"" + store + "\"}");
        };
        const QStringList args = pushArgs(u"127.0.0.1:%1"_s.arg(reg.port()), {u"--tls-verify=false"_s});

        // The baseline: a helper that answers "no credentials", then a 401.
        useStore("quiet");
        const MeasuredRun baseline = runMeasured(m_cli, args, env, 20000);
        QVERIFY2(baseline.result.exitCode == 1, qPrintable(describe(baseline.result)));
        useStore("flood");
        const MeasuredRun run = runMeasured(m_cli, args, env, 20000);
        qInfo("baseline peak %lld KiB; flooding helper: peak %lld KiB, %lld ms", baseline.peakKiB, run.peakKiB,
              run.elapsedMs);
        verifyFailure(run.result);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(run.result.err.contains("docker-credential-flood"), qPrintable(describe(run.result)));
        QVERIFY2(run.elapsedMs < 5000, qPrintable(u"took %1 ms"_s.arg(run.elapsedMs)));
        if (stevedore::test::kMemoryBoundsApply)
            QVERIFY2(run.peakKiB > 0 && run.peakKiB < baseline.peakKiB + 16 * 1024,
                     qPrintable(u"peak %1 KiB, baseline %2 KiB"_s.arg(run.peakKiB).arg(baseline.peakKiB)));
        QVERIFY2(!run.result.err.contains("xxxxxxxx"), "the helper's output was echoed");
    }
};

// QTEST_GUILESS_MAIN, with the engine's debug logging switched on before the application reads its rules (ctest
// sets QT_LOGGING_RULES=*.debug=false), so that cleanupTestCase() can check every log line for secrets.
int main(int argc, char **argv)
{
    qputenv("QT_LOGGING_RULES", "stevedore.*.debug=true");
    QCoreApplication app(argc, argv);
    TestSecrets tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_secrets.moc"
