// CredentialStore and --creds parsing, against auth files and a credential helper written into temporary folders.
#include "auth/credentials.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace stevedore;

namespace {

QString b64(const QString &s)
{
    return QString::fromLatin1(s.toUtf8().toBase64());
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(data) == data.size();
}

QByteArray authsJson(const QList<std::pair<QString, QString>> &entries, const QJsonObject &extra = {})
{
    QJsonObject auths;
    for (const auto &[key, userPass] : entries)
        auths.insert(key, QJsonObject{{u"auth"_s, b64(userPass)}});
    QJsonObject root = extra;
    root.insert(u"auths"_s, auths);
    return QJsonDocument(root).toJson();
}

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QByteArray m_savedPath;
    QString runtimeFile() const { return m_home.path() + u"/run/containers/auth.json"_s; }
    QString configFile() const { return m_home.path() + u"/config/containers/auth.json"_s; }
    QString dockerFile() const { return m_home.path() + u"/docker/config.json"_s; }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_home.isValid());
        m_savedPath = qgetenv("PATH");
    }

    void init()
    {
        // Fresh environment for each test: every location under the temporary home.
        QDir(m_home.path()).removeRecursively();
        QDir().mkpath(m_home.path());
        qputenv("HOME", m_home.path().toLocal8Bit());
        qputenv("XDG_RUNTIME_DIR", (m_home.path() + u"/run"_s).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", (m_home.path() + u"/config"_s).toLocal8Bit());
        qputenv("DOCKER_CONFIG", (m_home.path() + u"/docker"_s).toLocal8Bit());
        qunsetenv("REGISTRY_AUTH_FILE");
        qputenv("PATH", m_savedPath);
    }

    void parseCreds()
    {
        auto c = Credentials::parseCredsOption(u"alice:s3:cret"_s);
        QVERIFY(c);
        QCOMPARE(c->username, u"alice"_s);
        QCOMPARE(c->password, u"s3:cret"_s); // only the first colon splits
        auto noPass = Credentials::parseCredsOption(u"bob"_s);
        QVERIFY(noPass);
        QCOMPARE(noPass->username, u"bob"_s);
        QVERIFY(noPass->password.isEmpty());
        QVERIFY(!Credentials::parseCredsOption(QString()));
        auto noUser = Credentials::parseCredsOption(u":pw"_s);
        QVERIFY(!noUser);
        QCOMPARE(noUser.error().code, ErrorCode::InvalidArgument);
    }

    void searchPathsOrder()
    {
        const QStringList paths = CredentialStore().searchPaths();
        QCOMPARE(paths, (QStringList{runtimeFile(), configFile(), dockerFile(), m_home.path() + u"/.dockercfg"_s}));
        qunsetenv("XDG_CONFIG_HOME");
        qunsetenv("DOCKER_CONFIG");
        qunsetenv("XDG_RUNTIME_DIR");
        QCOMPARE(CredentialStore().searchPaths(),
                 (QStringList{m_home.path() + u"/.config/containers/auth.json"_s, m_home.path() + u"/.docker/config.json"_s,
                              m_home.path() + u"/.dockercfg"_s}));
        QCOMPARE(CredentialStore(u"/x/auth.json"_s).searchPaths(), QStringList{u"/x/auth.json"_s});
    }

    void nothingFound()
    {
        auto r = CredentialStore().lookup(u"quay.io"_s, u"ns/app"_s);
        QVERIFY(r);
        QVERIFY(!r->has_value());
    }

    void filePrecedence()
    {
        QVERIFY(writeFile(dockerFile(), authsJson({{u"quay.io"_s, u"docker:d"_s}})));
        auto r = CredentialStore().lookup(u"quay.io"_s, u"ns/app"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"docker"_s);
        QCOMPARE((*r)->source, dockerFile());

        QVERIFY(writeFile(configFile(), authsJson({{u"quay.io"_s, u"config:c"_s}})));
        r = CredentialStore().lookup(u"quay.io"_s, u"ns/app"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"config"_s);

        QVERIFY(writeFile(runtimeFile(), authsJson({{u"quay.io"_s, u"runtime:r"_s}})));
        r = CredentialStore().lookup(u"quay.io"_s, u"ns/app"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"runtime"_s);
        QCOMPARE((*r)->credentials.password, u"r"_s);
        QCOMPARE((*r)->source, runtimeFile());

        // A file without a match for this host does not stop the search.
        r = CredentialStore().lookup(u"other.example"_s, u"x"_s);
        QVERIFY(r && !r->has_value());
        QVERIFY(writeFile(dockerFile(), authsJson({{u"quay.io"_s, u"docker:d"_s}, {u"other.example"_s, u"o:o"_s}})));
        r = CredentialStore().lookup(u"other.example"_s, u"x"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"o"_s);
    }

    void explicitAuthFileOnly()
    {
        QVERIFY(writeFile(runtimeFile(), authsJson({{u"quay.io"_s, u"runtime:r"_s}})));
        const QString mine = m_home.path() + u"/mine.json"_s;
        QVERIFY(writeFile(mine, authsJson({{u"registry.example:5000"_s, u"mine:m"_s}})));

        qputenv("REGISTRY_AUTH_FILE", mine.toLocal8Bit());
        QCOMPARE(CredentialStore().searchPaths(), QStringList{mine});
        auto r = CredentialStore().lookup(u"quay.io"_s, u"ns/app"_s);
        QVERIFY(r && !r->has_value()); // the runtime file is not consulted any more
        r = CredentialStore().lookup(u"registry.example:5000"_s, u"team/app"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"mine"_s);

        // --authfile wins over REGISTRY_AUTH_FILE.
        const QString flag = m_home.path() + u"/flag.json"_s;
        QVERIFY(writeFile(flag, authsJson({{u"registry.example:5000"_s, u"flag:f"_s}})));
        r = CredentialStore(flag).lookup(u"registry.example:5000"_s, u"team/app"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"flag"_s);
        QCOMPARE((*r)->source, flag);
    }

    void specificity()
    {
        QVERIFY(writeFile(configFile(), authsJson({{u"quay.io"_s, u"generic:g"_s},
                                                   {u"quay.io/repository-main"_s, u"ns:n"_s},
                                                   {u"quay.io/repository-main/app"_s, u"repo:r"_s}})));
        CredentialStore store;
        auto r = store.lookup(u"quay.io"_s, u"repository-main/app"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"repo"_s);
        QCOMPARE((*r)->key, u"quay.io/repository-main/app"_s);
        r = store.lookup(u"quay.io"_s, u"repository-main/other"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"ns"_s);
        QCOMPARE((*r)->key, u"quay.io/repository-main"_s);
        r = store.lookup(u"quay.io"_s, u"someone-else/app"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"generic"_s);
        // A prefix that is not a whole path component does not match.
        r = store.lookup(u"quay.io"_s, u"repository-main-2/app"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"generic"_s);
        r = store.lookup(u"quay.io"_s, QString());
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"generic"_s);
    }

    void legacyKeysAndDockerHubAliases()
    {
        QVERIFY(writeFile(dockerFile(), authsJson({{u"https://index.docker.io/v1/"_s, u"hub:h"_s},
                                                   {u"http://legacy.example:5000/v1/"_s, u"legacy:l"_s},
                                                   {u"https://registry.example"_s, u"scheme:s"_s}})));
        CredentialStore store;
        auto r = store.lookup(u"docker.io"_s, u"library/busybox"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"hub"_s);
        QCOMPARE((*r)->key, u"https://index.docker.io/v1/"_s);
        r = store.lookup(u"registry-1.docker.io"_s, u"library/busybox"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"hub"_s);
        r = store.lookup(u"legacy.example:5000"_s, u"a/b"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.username, u"legacy"_s);
        r = store.lookup(u"registry.example"_s, u"a"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.password, u"s"_s);
        // Port matters.
        r = store.lookup(u"legacy.example"_s, u"a/b"_s);
        QVERIFY(r && !r->has_value());
    }

    void identityToken()
    {
        QJsonObject auths{{u"id.example"_s,
                           QJsonObject{{u"auth"_s, b64(u"<token>:"_s)}, {u"identitytoken"_s, u"refresh-abc"_s}}},
                          {u"idonly.example"_s, QJsonObject{{u"identitytoken"_s, u"refresh-xyz"_s}}}};
        QVERIFY(writeFile(configFile(), QJsonDocument(QJsonObject{{u"auths"_s, auths}}).toJson()));
        auto r = CredentialStore().lookup(u"id.example"_s, u"app"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.identityToken, u"refresh-abc"_s);
        QCOMPARE((*r)->credentials.username, u"<token>"_s);
        r = CredentialStore().lookup(u"idonly.example"_s, u"app"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.identityToken, u"refresh-xyz"_s);
        QVERIFY((*r)->credentials.password.isEmpty());
    }

    void malformedFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expectInMessage");
        // The secret "hunter2" must never appear in the error.
        QTest::newRow("bad json") << QByteArray("{\"auths\": {\"quay.io\": {\"auth\": \"hunter2\"") << u"JSON"_s;
        QTest::newRow("bad base64") << QByteArray("{\"auths\": {\"quay.io\": {\"auth\": \"hunter2!!!***\"}}}")
                                    << u"base64"_s;
        QTest::newRow("no colon") << (QByteArray("{\"auths\": {\"quay.io\": {\"auth\": \"")
                                      + QByteArray("alicehunter2").toBase64() + "\"}}}")
                                  << u"user:password"_s;
        QTest::newRow("auths not object") << QByteArray("{\"auths\": [\"hunter2\"]}") << u"auths"_s;
        QTest::newRow("top level array") << QByteArray("[\"hunter2\"]") << u"object"_s;
    }

    void malformedFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expectInMessage);
        QVERIFY(writeFile(configFile(), content));
        auto r = CredentialStore().lookup(u"quay.io"_s, u"ns/app"_s);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::AuthFileInvalid);
        QVERIFY2(r.error().message.contains(configFile()), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(expectInMessage), qPrintable(r.error().message));
        QVERIFY2(!r.error().message.contains(u"hunter2"_s), qPrintable(r.error().message));
        QVERIFY2(!r.error().message.contains(QString::fromLatin1(QByteArray("alicehunter2").toBase64())),
                 qPrintable(r.error().message));
    }

    void credentialHelper()
    {
        // A helper script in a temporary PATH folder, logging what it was asked.
        const QString bin = m_home.path() + u"/bin"_s;
        const QString log = m_home.path() + u"/helper.log"_s;
        QVERIFY(QDir().mkpath(bin));
        const QByteArray script = "#!/bin/sh\n"
                                  "[ \"$1\" = get ] || exit 2\n"
                                  "read server\n"
                                  "echo \"$server\" >> '" + log.toUtf8() + "'\n"
                                  "case \"$server\" in\n"
                                  "  helped.example:5000) echo '{\"ServerURL\":\"helped.example:5000\",\"Username\":\"helperuser\",\"Secret\":\"helpersecret\"}' ;;\n"
                                  "  tok.example) echo '{\"ServerURL\":\"tok.example\",\"Username\":\"<token>\",\"Secret\":\"refresh-1\"}' ;;\n"
                                  "  slow.example) sleep 60 ;;\n"
                                  "  *) echo 'credentials not found in native keychain'; exit 1 ;;\n"
                                  "esac\n";
        const QString helper = bin + u"/docker-credential-testhelper"_s;
        QVERIFY(writeFile(helper, script));
        QVERIFY(QFile::setPermissions(helper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("PATH", bin.toLocal8Bit() + ':' + m_savedPath);

        QJsonObject root{{u"credHelpers"_s, QJsonObject{{u"helped.example:5000"_s, u"testhelper"_s},
                                                        {u"tok.example"_s, u"testhelper"_s}}},
                         {u"auths"_s, QJsonObject{{u"helped.example:5000"_s, QJsonObject{{u"auth"_s, b64(u"file:f"_s)}}}}}};
        QVERIFY(writeFile(dockerFile(), QJsonDocument(root).toJson()));

        auto r = CredentialStore().lookup(u"helped.example:5000"_s, u"team/app"_s);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(r->has_value());
        QCOMPARE((*r)->credentials.username, u"helperuser"_s);
        QCOMPARE((*r)->credentials.password, u"helpersecret"_s);
        QVERIFY((*r)->source.contains(u"docker-credential-testhelper"_s));

        r = CredentialStore().lookup(u"tok.example"_s, u"app"_s);
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->credentials.identityToken, u"refresh-1"_s);
        QVERIFY((*r)->credentials.username.isEmpty());

        // credsStore: the default helper for every other registry; "not found" is no match, not an error.
        root.insert(u"credsStore"_s, u"testhelper"_s);
        QVERIFY(writeFile(dockerFile(), QJsonDocument(root).toJson()));
        r = CredentialStore().lookup(u"unknown.example"_s, u"app"_s);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(!r->has_value());
        QFile logFile(log);
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        const QByteArray asked = logFile.readAll();
        QVERIFY2(asked.contains("helped.example:5000\n") && asked.contains("unknown.example\n"), asked.constData());

        // A helper that is not installed is a clear error.
        QJsonObject missing{{u"credHelpers"_s, QJsonObject{{u"gone.example"_s, u"nosuchhelper"_s}}}};
        QVERIFY(writeFile(dockerFile(), QJsonDocument(missing).toJson()));
        r = CredentialStore().lookup(u"gone.example"_s, u"app"_s);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(u"docker-credential-nosuchhelper"_s), qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
