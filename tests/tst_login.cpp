// stevedore login / logout / auth against a real docker-registry: two htpasswd users prove namespace matching, a
// token server proves the identity token is kept, Debian's docker-credential-pass (with pass and a GPG key made here)
// proves credsStore and credHelpers through login, push and logout. Every run has its own HOME and XDG folders.
#include "support/e2e.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTest>


using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {
const QString kAlicePw = u"Alice-Pw-5521"_s;
const QString kBobPw = u"Bob-Pw-9034"_s;
const QString kWrongPw = u"Wr0ng-Pw-7431"_s;

int modeOf(const QString &path)
{
    return fileMode(path);
}

QByteArray readFile(const QString &path)
{
    return readFileBytes(path);
}

// Basic auth (htpasswd: alice, and bob when `twoUsers`), TLS unless told otherwise.
RegistryOptions basicRegistry(bool twoUsers, bool tls = true)
{
    RegistryOptions o;
    o.tls = tls;
    o.auth = RegistryAuth::Basic;
    o.user = u"alice"_s;
    o.password = kAlicePw;
    if (twoUsers)
        o.moreUsers = {{u"bob"_s, kBobPw}};
    return o;
}
} // namespace

class TestLogin : public QObject
{
    Q_OBJECT

private:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;
    QString m_layout;

    QString home() const { return m_tmp->filePath(u"home"_s); }
    QString runtimeFile() const { return home() + u"/run/containers/auth.json"_s; }
    QString dockerFile() const { return home() + u"/.docker/config.json"_s; }

    ProcessResult stevedore(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 120000)
    {
        return runProcess(m_cli, args, timeoutMs, m_env, stdinData);
    }
    static QString describe(const ProcessResult &r)
    {
        return u"exit %1%2\nstdout: %3\nstderr: %4"_s.arg(r.exitCode).arg(r.timedOut ? u" (timed out)"_s : QString())
            .arg(QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
    }
    static void verifyNoSecret(const ProcessResult &r)
    {
        for (const QString &s : {kAlicePw, kBobPw, kWrongPw})
            QVERIFY2(!r.out.contains(s.toUtf8()) && !r.err.contains(s.toUtf8()), qPrintable(describe(r)));
        // Nor the Basic forms of them.
        for (const QString &s : QStringList{u"alice:"_s + kAlicePw, u"bob:"_s + kBobPw, u"bob:"_s + kWrongPw}) {
            const QByteArray basic = s.toUtf8().toBase64();
            QVERIFY2(!r.out.contains(basic) && !r.err.contains(basic), qPrintable(describe(r)));
        }
    }
    ProcessResult login(const RegistryFixture &reg, const QString &key, const QString &user, const QString &pw,
                        const QStringList &extra = {})
    {
        return stevedore(QStringList{u"login"_s, u"--cert-dir"_s, reg.certDir(), u"-u"_s, user, u"--password-stdin"_s}
                             + extra + QStringList{key},
                         pw.toUtf8() + '\n');
    }
    ProcessResult push(const RegistryFixture &reg, const QString &repoTag)
    {
        return stevedore({u"push"_s, u"--cert-dir"_s, reg.certDir(), u"--retry"_s, u"0"_s, u"oci:"_s + m_layout + u":v1"_s,
                          u"docker://"_s + reg.hostPort() + u'/' + repoTag});
    }
    void writeJson(const QString &file, const QJsonObject &o)
    {
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(o).toJson());
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo(m_cli).isExecutable())
            QFAIL(qPrintable(u"the stevedore CLI is missing at %1"_s.arg(m_cli)));
        for (const QString &t : {u"docker-registry"_s, u"htpasswd"_s, u"openssl"_s, u"pass"_s, u"gpg"_s,
                                 u"docker-credential-pass"_s})
            if (findTool(t).isEmpty())
                QFAIL(qPrintable(t + u" is missing: run scripts/install-deps.sh --test"_s));
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(home());
        m_env.remove(u"QT_LOGGING_RULES"_s); // ctest's rules would silence --debug, whose lines are checked too
        QDir(home()).rmdir(u"run"_s); // login makes podman's runtime folder itself (0700)
        QDir().mkpath(home() + u"/run"_s);
        QVERIFY(QFile::setPermissions(home() + u"/run"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        m_layout = m_tmp->filePath(u"layout"_s);
        QString error;
        QVERIFY2(!writeTestLayout(m_layout, u"v1"_s,
                                  TestImageSpec{.platforms = {u"linux/amd64"_s}, .layersPerPlatform = 1,
                                                .layerSize = 8 * 1024, .asIndex = false, .seed = 7},
                                  &error).isEmpty(),
                 qPrintable(error));
    }

    void cleanup() { m_tmp.reset(); }

    void namespaceMatching()
    {
        RegistryFixture reg(basicRegistry(true));
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        const QString host = reg.hostPort();

        // A wrong password is refused by the registry and nothing is written.
        // --debug: the log lines too must hold no secret.
        ProcessResult r = login(reg, host, u"bob"_s, kWrongPw, {u"--debug"_s});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.contains("stevedore.auth") || r.err.contains("stevedore.registry"), qPrintable(describe(r)));
        QVERIFY2(r.err.contains("rejected") && r.err.contains(host.toUtf8()), qPrintable(describe(r)));
        verifyNoSecret(r);
        QVERIFY(!QFileInfo::exists(runtimeFile()));

        // user A for HOST/team-a, verified, stored in podman's runtime file (0600 in a 0700 folder).
        r = login(reg, host + u"/team-a"_s, u"alice"_s, kAlicePw, {u"--debug"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY2(r.out.contains("Login Succeeded") && r.out.contains(runtimeFile().toUtf8()), qPrintable(describe(r)));
        verifyNoSecret(r);
        QCOMPARE(modeOf(runtimeFile()), 0600);
        QCOMPARE(modeOf(QFileInfo(runtimeFile()).absolutePath()), 0700);
        // A key for HOST with a wrong password (as a stale entry would be), in docker's file.
        writeJson(dockerFile(), QJsonObject{{u"auths"_s, QJsonObject{{host, QJsonObject{{u"auth"_s,
                                    QString::fromLatin1((u"bob:"_s + kWrongPw).toUtf8().toBase64())}}}}}});

        r = push(reg, u"team-a/app:v1"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = push(reg, u"team-b/app:v1"_s);
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.contains("401") || r.err.contains("authentication") || r.err.contains("unauthorized"),
                 qPrintable(describe(r)));
        verifyNoSecret(r);

        // What resolved, and why.
        r = stevedore({u"auth"_s, u"resolve"_s, host + u"/team-a/app:v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY2(r.out.contains((u"Uses: "_s + host + u"/team-a (user alice)"_s).toUtf8()), qPrintable(describe(r)));
        QVERIFY2(r.out.contains(dockerFile().toUtf8()) && r.out.contains("earlier in the search order"), qPrintable(describe(r)));
        verifyNoSecret(r);
        r = stevedore({u"auth"_s, u"resolve"_s, host + u"/team-b/app"_s});
        QVERIFY2(r.out.contains((u"Uses: "_s + host + u" (user bob)"_s).toUtf8()), qPrintable(describe(r)));
        r = stevedore({u"auth"_s, u"list"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QByteArray listed = r.out;
        QVERIFY(listed.contains((u"\""_s + host + u"/team-a\""_s).toUtf8()) && listed.contains("\"bob\""));
        verifyNoSecret(r);
        r = stevedore({u"login"_s, u"--get-login"_s, host + u"/team-a"_s});
        QCOMPARE(r.out.trimmed(), QByteArray("alice"));

        // Logout: the runtime file loses the key, keeps the rest; team-a now gets HOST's wrong password.
        r = stevedore({u"logout"_s, u"--authfile"_s, runtimeFile(), host + u"/team-a"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(!readFile(runtimeFile()).contains("team-a"));
        QCOMPARE(modeOf(runtimeFile()), 0600);
        r = push(reg, u"team-a/app:v2"_s);
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        r = stevedore({u"logout"_s, host + u"/team-a"_s});
        QVERIFY2(r.exitCode == 1 && r.err.contains("not logged in"), qPrintable(describe(r)));
        r = stevedore({u"logout"_s, u"--all"_s});
        QVERIFY2(r.ok() && r.out.contains(dockerFile().toUtf8()), qPrintable(describe(r)));
        r = stevedore({u"auth"_s, u"resolve"_s, host + u"/team-a/app"_s});
        QVERIFY2(r.out.contains("anonymous"), qPrintable(describe(r)));
    }

    void tokenServerIdentityToken()
    {
        RegistryOptions o;
        o.tls = true;
        o.auth = RegistryAuth::Token;
        o.user = u"alice"_s;
        o.password = kAlicePw;
        RegistryFixture reg(o);
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        ProcessResult r = login(reg, reg.hostPort(), u"alice"_s, kWrongPw);
        QVERIFY2(r.exitCode == 1 && r.err.contains("authentication"), qPrintable(describe(r)));
        QVERIFY(!QFileInfo::exists(runtimeFile()));
        r = login(reg, reg.hostPort(), u"alice"_s, kAlicePw);
        QVERIFY2(r.ok() && r.out.contains("identity token"), qPrintable(describe(r)));
        const QJsonObject entry = QJsonDocument::fromJson(readFile(runtimeFile())).object().value("auths"_L1).toObject()
                                      .value(reg.hostPort()).toObject();
        QVERIFY(!entry.value("identitytoken"_L1).toString().isEmpty());
        QCOMPARE(QByteArray::fromBase64(entry.value("auth"_L1).toString().toLatin1()), QByteArray("alice:"));
        QVERIFY(!readFile(runtimeFile()).contains(kAlicePw.toUtf8()));
        // The push uses the refresh-token grant with what login kept.
        r = push(reg, u"team/app:v1"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        // POST is the refresh-token grant here (Stevedore never uses the password grant); GET was the login.
        QVERIFY2(reg.logs().contains(u"token server: 200 POST"_s), qPrintable(reg.logs().right(3000)));
    }

    void plainHttpRegistry()
    {
        RegistryFixture reg(basicRegistry(false, /*tls=*/false));
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        // https is required unless told otherwise: the password never goes to a plain-http registry by default.
        ProcessResult r = stevedore({u"login"_s, u"-u"_s, u"alice"_s, u"--password-stdin"_s, reg.hostPort()}, kAlicePw.toUtf8());
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY(!QFileInfo::exists(runtimeFile()));
        r = stevedore({u"login"_s, u"--tls-verify=false"_s, u"-u"_s, u"alice"_s, u"--password-stdin"_s, reg.hostPort()},
                      kAlicePw.toUtf8());
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"push"_s, u"--tls-verify=false"_s, u"oci:"_s + m_layout + u":v1"_s,
                       u"docker://"_s + reg.hostPort() + u"/any/app:v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
    }

    void registryDownAndBadInput()
    {
        // Nothing listens there: a clear error, nothing written, bounded in time.
        quint16 port = 0;
        {
            QTcpServer s;
            QVERIFY(s.listen(QHostAddress::LocalHost));
            port = s.serverPort();
        }
        const QString host = u"127.0.0.1:%1"_s.arg(port);
        ProcessResult r = stevedore({u"login"_s, u"-u"_s, u"alice"_s, u"--password-stdin"_s, host}, kAlicePw.toUtf8(), 60000);
        QVERIFY2(r.exitCode == 1 && !r.timedOut && r.err.contains(host.toUtf8()), qPrintable(describe(r)));
        verifyNoSecret(r);
        QVERIFY(!QFileInfo::exists(runtimeFile()));
        // A key that is not one; a password with no terminal; a corrupt auth file is reported and kept.
        r = stevedore({u"login"_s, u"-u"_s, u"a"_s, u"--password-stdin"_s, u"quay.io/Team A:latest"_s}, "x\n");
        QVERIFY2(r.exitCode == 2 && r.err.contains("not a registry key"), qPrintable(describe(r)));
        r = stevedore({u"login"_s, u"-u"_s, u"a"_s, u"quay.io"_s});
        QVERIFY2(r.exitCode == 2 && r.err.contains("not a terminal"), qPrintable(describe(r)));
        QDir().mkpath(QFileInfo(runtimeFile()).absolutePath());
        QFile f(runtimeFile());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"auths\": {\"quay.io\": {\"auth\": \"" + (u"alice:"_s + kAlicePw).toUtf8().toBase64() + "\"}\n");
        f.close();
        const QByteArray before = readFile(runtimeFile());
        r = stevedore({u"auth"_s, u"list"_s});
        QVERIFY2(r.exitCode == 1 && r.err.contains(runtimeFile().toUtf8()) && r.err.contains("line 2"), qPrintable(describe(r)));
        verifyNoSecret(r);
        r = stevedore({u"logout"_s, u"quay.io"_s});
        QVERIFY2(r.exitCode == 1 && r.err.contains(runtimeFile().toUtf8()), qPrintable(describe(r)));
        QCOMPARE(readFile(runtimeFile()), before);
    }

    void passHelper()
    {
        RegistryFixture reg(basicRegistry(true));
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
        const QString host = reg.hostPort();

        // pass with a GPG key made here (no passphrase), all under the temporary HOME.
        const QString gnupg = home() + u"/.gnupg"_s;
        QVERIFY(QDir().mkpath(gnupg));
        QVERIFY(QFile::setPermissions(gnupg, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        m_env.insert(u"GNUPGHOME"_s, gnupg);
        m_env.insert(u"PASSWORD_STORE_DIR"_s, home() + u"/.password-store"_s);
        const auto cleanupAgent = qScopeGuard([&] { runProcess(findTool(u"gpgconf"_s), {u"--kill"_s, u"gpg-agent"_s}, 10000, m_env); });
        ProcessResult g = runProcess(findTool(u"gpg"_s), {u"--batch"_s, u"--passphrase"_s, QString(), u"--quick-gen-key"_s,
                                                         u"Stevedore Test <test@stevedore.invalid>"_s, u"default"_s,
                                                         u"default"_s, u"never"_s}, 60000, m_env);
        QVERIFY2(g.ok(), qPrintable(describe(g)));
        g = runProcess(findTool(u"pass"_s), {u"init"_s, u"test@stevedore.invalid"_s}, 30000, m_env);
        QVERIFY2(g.ok(), qPrintable(describe(g)));

        // credsStore: login keeps the password in pass, the file only a marker.
        writeJson(dockerFile(), QJsonObject{{u"credsStore"_s, u"pass"_s}, {u"detachKeys"_s, u"ctrl-e"_s}});
        ProcessResult r = login(reg, host + u"/team-a"_s, u"alice"_s, kAlicePw);
        QVERIFY2(r.ok() && r.out.contains("docker-credential-pass"), qPrintable(describe(r)));
        QVERIFY(!QFileInfo::exists(runtimeFile()));
        QVERIFY(!readFile(dockerFile()).contains(kAlicePw.toUtf8()));
        QVERIFY(readFile(dockerFile()).contains("detachKeys"));
        ProcessResult l = runProcess(findTool(u"docker-credential-pass"_s), {u"list"_s}, 30000, m_env);
        QVERIFY2(l.ok() && l.out.contains((host + u"/team-a"_s).toUtf8()), qPrintable(describe(l)));
        r = push(reg, u"team-a/app:v1"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"auth"_s, u"list"_s});
        QVERIFY2(r.ok() && r.out.contains("docker-credential-pass (credsStore in"), qPrintable(describe(r)));
        verifyNoSecret(r);
        r = stevedore({u"logout"_s, host + u"/team-a"_s});
        QVERIFY2(r.ok() && r.out.contains("docker-credential-pass"), qPrintable(describe(r)));
        l = runProcess(findTool(u"docker-credential-pass"_s), {u"list"_s}, 30000, m_env);
        QVERIFY2(l.ok() && !l.out.contains(host.toUtf8()), qPrintable(describe(l)));
        r = push(reg, u"team-a/app:v2"_s);
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));

        // credHelpers for this registry: bob through pass; a plain entry in the same file is not used.
        writeJson(dockerFile(), QJsonObject{{u"credHelpers"_s, QJsonObject{{host, u"pass"_s}}},
                                            {u"auths"_s, QJsonObject{{host, QJsonObject{{u"auth"_s,
                                                QString::fromLatin1((u"x:"_s + kWrongPw).toUtf8().toBase64())}}}}}});
        r = login(reg, host, u"bob"_s, kBobPw);
        QVERIFY2(r.ok() && r.out.contains("credHelpers"), qPrintable(describe(r)));
        r = push(reg, u"team-b/app:v1"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"auth"_s, u"resolve"_s, host + u"/team-b/app"_s});
        QVERIFY2(r.out.contains(QByteArray(QByteArray("Uses: ") + host.toUtf8())) && r.out.contains("(user bob) from docker-credential-pass"),
                 qPrintable(describe(r)));
        QVERIFY2(r.out.contains("credHelpers"), qPrintable(describe(r)));
        r = stevedore({u"logout"_s, host});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        l = runProcess(findTool(u"docker-credential-pass"_s), {u"list"_s}, 30000, m_env);
        QVERIFY2(l.ok() && !l.out.contains(host.toUtf8()), qPrintable(describe(l)));
    }
};

QTEST_GUILESS_MAIN(TestLogin)
#include "tst_login.moc"
