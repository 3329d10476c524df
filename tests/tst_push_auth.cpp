// End to end: `stevedore push` against docker-registry with htpasswd basic auth and with Bearer tokens from the
// test token server. Right credentials push; wrong ones fail with one clear line, never show the password, and
// leave no tag at the destination.
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {
const QString kWrongPassword = u"Wr0ng-Passw0rd-7431"_s;
}

class TestPushAuth : public QObject
{
    Q_OBJECT

private:
    // STEVEDORE_CLI overrides the binary under test (e.g. an installed build).
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    QString m_skopeo;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;
    QString m_layout;
    QString m_digest;

    QString path(const QString &name) const { return m_tmp->filePath(name); }

    ProcessResult stevedore(const QStringList &args, const QProcessEnvironment &env, int timeoutMs = 120000)
    {
        return runProcess(m_cli, args, timeoutMs, env);
    }
    ProcessResult stevedore(const QStringList &args) { return stevedore(args, m_env); }

    static QString describe(const ProcessResult &r)
    {
        return u"exit %1%2\nstdout: %3\nstderr: %4"_s.arg(r.exitCode).arg(r.timedOut ? u" (timed out)"_s : QString())
            .arg(QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
    }

    static QStringList tlsArgs(const RegistryFixture &reg)
    {
        QStringList args;
        if (reg.options().tls)
            args << u"--cert-dir"_s << reg.certDir();
        else
            args << u"--tls-verify=false"_s;
        return args;
    }

    // The digest at HOST/repo:tag read with the right credentials, or empty when there is none.
    QString remoteDigest(const RegistryFixture &reg, const QString &repoTag)
    {
        const QStringList args = QStringList{u"--insecure-policy"_s, u"inspect"_s, u"--raw"_s, u"--creds"_s,
                                             reg.options().user + u':' + reg.options().password}
                                 + tlsArgs(reg) + QStringList{u"docker://"_s + reg.hostPort() + u'/' + repoTag};
        const ProcessResult r = runProcess(m_skopeo, args, 60000, m_env);
        return r.ok() ? sha256Digest(r.out) : QString();
    }

    static QString readDigestFile(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).trimmed() : u"(no file)"_s;
    }

    QStringList pushArgs(const RegistryFixture &reg, const QString &repoTag, const QStringList &extra)
    {
        return QStringList{u"push"_s, u"--all"_s} + tlsArgs(reg) + extra
               + QStringList{u"oci:"_s + m_layout + u":v1"_s, u"docker://"_s + reg.hostPort() + u'/' + repoTag};
    }

    // A failed push: non-zero exit, one clear line on stderr, the secret nowhere, no tag at the destination.
    void verifyRejected(const RegistryFixture &reg, const ProcessResult &r, const QString &repoTag)
    {
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData()); // shows the messages users get
        QVERIFY2(!r.ok() && !r.timedOut, qPrintable(describe(r)));
        const QByteArray err = r.err.trimmed();
        QVERIFY2(!err.isEmpty(), "a failure must say why on stderr");
        QVERIFY2(!err.contains('\n'), qPrintable(u"one line expected on stderr:\n"_s + QString::fromUtf8(err)));
        QVERIFY2(!r.out.contains(kWrongPassword.toUtf8()) && !r.err.contains(kWrongPassword.toUtf8()),
                 "the password must not appear in any output");
        QVERIFY2(!r.out.contains(reg.options().password.toUtf8()) && !r.err.contains(reg.options().password.toUtf8()),
                 "no password may appear in any output");
        QVERIFY2(remoteDigest(reg, repoTag).isEmpty(), "a rejected push must not write a tag");
    }

    void writeAuthFile(const QString &file, const QList<std::pair<QString, QString>> &entries)
    {
        QJsonObject auths;
        for (const auto &[key, userPass] : entries)
            auths.insert(key, QJsonObject{{u"auth"_s, QString::fromLatin1(userPass.toUtf8().toBase64())}});
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject{{u"auths"_s, auths}}).toJson());
    }

private slots:
    void initTestCase()
    {
        const QString missing = missingE2ePeers(m_cli, {u"skopeo"_s});
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        m_skopeo = findTool(u"skopeo"_s);
        for (const QString &t : {u"docker-registry"_s, u"htpasswd"_s, u"openssl"_s})
            if (findTool(t).isEmpty())
                QFAIL(qPrintable(t + u" is missing: run scripts/install-deps.sh --test"_s));
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(path(u"home"_s));
        m_layout = path(u"layout"_s);
        QString error;
        m_digest = writeTestLayout(m_layout, u"v1"_s,
                                   TestImageSpec{.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s},
                                                 .layersPerPlatform = 1, .layerSize = 20 * 1024, .gzipLayers = true,
                                                 .seed = 21},
                                   &error);
        QVERIFY2(!m_digest.isEmpty(), qPrintable(error));
    }

    void cleanup() { m_tmp.reset(); }

    void basicCreds_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }

    void basicCreds()
    {
        QFETCH(bool, tls);
        RegistryFixture reg(RegistryOptions{.tls = tls, .auth = RegistryAuth::Basic});
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));

        // No credentials at all.
        ProcessResult r = stevedore(pushArgs(reg, u"team/none:v1"_s, {}));
        verifyRejected(reg, r, u"team/none:v1"_s);
        if (QTest::currentTestFailed())
            return;
        // A wrong password.
        r = stevedore(pushArgs(reg, u"team/wrong:v1"_s, {u"--creds"_s, reg.options().user + u':' + kWrongPassword}));
        verifyRejected(reg, r, u"team/wrong:v1"_s);
        if (QTest::currentTestFailed())
            return;
        // The right one: the command, push --all --creds --cert-dir (https) --digestfile.
        const QString digestFile = path(u"basic-digest.txt"_s);
        r = stevedore(pushArgs(reg, u"team/app:v1"_s,
                               {u"--creds"_s, reg.options().user + u':' + reg.options().password, u"--digestfile"_s,
                                digestFile}));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(!r.out.contains(reg.options().password.toUtf8()) && !r.err.contains(reg.options().password.toUtf8()));
        QCOMPARE(remoteDigest(reg, u"team/app:v1"_s), m_digest);
        QCOMPARE(readDigestFile(digestFile), m_digest);
    }

    // 401 is final: --retry never retries it (so a wrong password fails fast, whatever the retry delay).
    void noRetryOnUnauthorized()
    {
        RegistryFixture reg(RegistryOptions{.auth = RegistryAuth::Basic});
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        QElapsedTimer timer;
        timer.start();
        const ProcessResult r = stevedore(pushArgs(reg, u"team/wrong:v1"_s,
                                                   {u"--retry"_s, u"3"_s, u"--retry-delay"_s, u"5s"_s, u"--creds"_s,
                                                    reg.options().user + u':' + kWrongPassword}));
        verifyRejected(reg, r, u"team/wrong:v1"_s);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(timer.elapsed() < 5000, qPrintable(u"took %1 ms: a 401 was retried"_s.arg(timer.elapsed())));
    }

    // --authfile and REGISTRY_AUTH_FILE: keys are matched most specific first (host/ns/repo before host).
    void authFile_data()
    {
        QTest::addColumn<bool>("viaEnvironment");
        QTest::newRow("--authfile") << false;
        QTest::newRow("REGISTRY_AUTH_FILE") << true;
    }

    void authFile()
    {
        QFETCH(bool, viaEnvironment);
        RegistryFixture reg(RegistryOptions{.auth = RegistryAuth::Basic});
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        const QString file = path(u"auth.json"_s);
        const QString good = reg.options().user + u':' + reg.options().password;
        const QString bad = reg.options().user + u':' + kWrongPassword;
        writeAuthFile(file, {{reg.hostPort(), bad}, {reg.hostPort() + u"/team"_s, good},
                             {reg.hostPort() + u"/team/locked"_s, bad}});
        // The default auth file locations hold the right password, but an explicit file means only that file.
        QDir().mkpath(path(u"home/run/containers"_s));
        writeAuthFile(path(u"home/run/containers/auth.json"_s), {{reg.hostPort(), good}});

        QProcessEnvironment env = m_env;
        QStringList extra;
        if (viaEnvironment)
            env.insert(u"REGISTRY_AUTH_FILE"_s, file);
        else
            extra << u"--authfile"_s << file;

        // host/team matches before host.
        ProcessResult r = stevedore(pushArgs(reg, u"team/app:v1"_s, extra), env);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(remoteDigest(reg, u"team/app:v1"_s), m_digest);
        // host/team/locked matches before host/team, and holds a wrong password.
        r = stevedore(pushArgs(reg, u"team/locked:v1"_s, extra), env);
        verifyRejected(reg, r, u"team/locked:v1"_s);
        if (QTest::currentTestFailed())
            return;
        // Only the host key matches: wrong password there.
        r = stevedore(pushArgs(reg, u"other/app:v1"_s, extra), env);
        verifyRejected(reg, r, u"other/app:v1"_s);
        if (QTest::currentTestFailed())
            return;
        // Without an explicit file the default location's (right) credentials are used.
        r = stevedore(pushArgs(reg, u"other/app:v1"_s, {}));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(remoteDigest(reg, u"other/app:v1"_s), m_digest);
    }

    void authFileInvalid()
    {
        RegistryFixture reg(RegistryOptions{.auth = RegistryAuth::Basic});
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        const QString file = path(u"broken.json"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ \"auths\": { not json");
        f.close();
        const ProcessResult r = stevedore(pushArgs(reg, u"team/app:v1"_s, {u"--authfile"_s, file}));
        verifyRejected(reg, r, u"team/app:v1"_s);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains("broken.json"), qPrintable(describe(r)));
    }

    // Bearer tokens: https realm with --cert-dir, and an http realm only with --tls-verify=false.
    void tokenAuth_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("https realm") << true;
        QTest::newRow("http realm, --tls-verify=false") << false;
    }

    void tokenAuth()
    {
        QFETCH(bool, tls);
        RegistryFixture reg(RegistryOptions{.tls = tls, .auth = RegistryAuth::Token, .user = u"tok"_s,
                                            .password = u"t0ken-pw-99"_s});
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));

        ProcessResult r = stevedore(pushArgs(reg, u"team/none:v1"_s, {}));
        verifyRejected(reg, r, u"team/none:v1"_s);
        if (QTest::currentTestFailed())
            return;
        r = stevedore(pushArgs(reg, u"team/wrong:v1"_s, {u"--creds"_s, u"tok:"_s + kWrongPassword}));
        verifyRejected(reg, r, u"team/wrong:v1"_s);
        if (QTest::currentTestFailed())
            return;
        const QString digestFile = path(u"token-digest.txt"_s);
        r = stevedore(pushArgs(reg, u"team/app:v1"_s, {u"--creds"_s, u"tok:t0ken-pw-99"_s, u"--digestfile"_s, digestFile}));
        QVERIFY2(r.ok(), qPrintable(describe(r) + reg.logs()));
        QVERIFY(!r.out.contains("t0ken-pw-99") && !r.err.contains("t0ken-pw-99"));
        QCOMPARE(remoteDigest(reg, u"team/app:v1"_s), m_digest);
        QCOMPARE(readDigestFile(digestFile), m_digest);
        // Debug logging shows no secret: no password, no Basic credentials, no token (JWTs start with "eyJ").
        r = stevedore(pushArgs(reg, u"team/debug:v1"_s, {u"--debug"_s, u"--creds"_s, u"tok:t0ken-pw-99"_s}));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QByteArray all = r.out + r.err;
        QVERIFY2(r.err.contains("stevedore."), "--debug should log the stevedore.* categories on stderr");
        QVERIFY(!all.contains("t0ken-pw-99"));
        QVERIFY(!all.contains(QByteArray("tok:t0ken-pw-99").toBase64()));
        QVERIFY2(!all.contains("eyJ"), "a token appears in the debug output");
        // Token auth from an auth file works too.
        const QString file = path(u"auth.json"_s);
        writeAuthFile(file, {{reg.hostPort(), u"tok:t0ken-pw-99"_s}});
        r = stevedore(pushArgs(reg, u"team/again:v1"_s, {u"--authfile"_s, file}));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(remoteDigest(reg, u"team/again:v1"_s), m_digest);
    }

    // A TLS registry whose token realm is plain http: the password must not be sent in clear text, so the push
    // fails (the realm must be https unless the registry is marked insecure) and the token server sees nothing.
    void httpRealmRefusedWhenVerifying()
    {
        RegistryFixture reg(RegistryOptions{.tls = true, .auth = RegistryAuth::Token, .httpTokenRealm = true});
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        QVERIFY(reg.tokenRealm().startsWith(u"http://"_s));
        const ProcessResult r = stevedore(pushArgs(reg, u"team/app:v1"_s,
                                                   {u"--creds"_s, reg.options().user + u':' + reg.options().password}));
        // (Checked before verifyRejected, whose skopeo oracle does use the http realm.)
        const QString logs = reg.logs();
        QVERIFY2(!logs.contains(u"token server: 200"_s) && !logs.contains(u"token server: 401"_s),
                 qPrintable(u"the token server was asked: "_s + logs));
        verifyRejected(reg, r, u"team/app:v1"_s);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.err.contains("https"), qPrintable(describe(r)));
    }
};

QTEST_GUILESS_MAIN(TestPushAuth)
#include "tst_push_auth.moc"
