// engine/auth beyond lookup: AuthFile reading and writing, list() and its shadowing, resolve() and its reasons,
// store/erase into files and into a credential helper, helper timeouts and failures. Scripted helpers in a temporary
// PATH folder keep their entries in files, so what the engine asked them is checked on disk.
#include "auth/authfile.h"
#include "auth/credentials.h"
#include "auth/credhelper.h"
#include "support/e2e.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>


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
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    return stevedore::test::readFileBytes(path);
}

QJsonObject readJson(const QString &path)
{
    return stevedore::test::readJsonObject(path);
}

int modeOf(const QString &path)
{
    return stevedore::test::fileMode(path);
}

// A helper keeping one file per server URL in $HELPER_STORE: "user\nsecret". Logs each verb and server.
const QByteArray kStoreHelper =
    "#!/bin/sh\n"
    "store=\"$HELPER_STORE\"; mkdir -p \"$store\"\n"
    "enc() { printf %s \"$1\" | od -An -tx1 | tr -d ' \\n'; }\n"
    "case \"$1\" in\n"
    "get) read -r s; echo \"get $s\" >> \"$store.log\"; f=\"$store/$(enc \"$s\")\";\n"
    "     [ -f \"$f\" ] || { echo 'credentials not found in native keychain'; exit 1; }\n"
    "     u=$(sed -n 1p \"$f\"); p=$(sed -n 2p \"$f\");\n"
    "     printf '{\"ServerURL\":\"%s\",\"Username\":\"%s\",\"Secret\":\"%s\"}' \"$s\" \"$u\" \"$p\" ;;\n"
    "store) j=$(cat); echo \"store\" >> \"$store.log\";\n"
    "     s=$(printf %s \"$j\" | sed 's/.*\"ServerURL\":\"\\([^\"]*\\)\".*/\\1/');\n"
    "     u=$(printf %s \"$j\" | sed 's/.*\"Username\":\"\\([^\"]*\\)\".*/\\1/');\n"
    "     p=$(printf %s \"$j\" | sed 's/.*\"Secret\":\"\\([^\"]*\\)\".*/\\1/');\n"
    "     printf '%s\\n%s\\n%s\\n' \"$u\" \"$p\" \"$s\" > \"$store/$(enc \"$s\")\" ;;\n"
    "erase) read -r s; echo \"erase $s\" >> \"$store.log\"; f=\"$store/$(enc \"$s\")\";\n"
    "     [ -f \"$f\" ] || { echo 'credentials not found in native keychain'; exit 1; }; rm -f \"$f\" ;;\n"
    "list) printf '{'; first=1; for f in \"$store\"/*; do [ -f \"$f\" ] || continue;\n"
    "     [ $first = 1 ] || printf ','; first=0; printf '\"%s\":\"%s\"' \"$(sed -n 3p \"$f\")\" \"$(sed -n 1p \"$f\")\"; done; printf '}' ;;\n"
    "*) exit 2 ;;\n"
    "esac\n";

} // namespace

class TestAuthFiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QByteArray m_savedPath;
    QString runtimeFile() const { return m_home.path() + u"/run/containers/auth.json"_s; }
    QString configFile() const { return m_home.path() + u"/.config/containers/auth.json"_s; }
    QString dockerFile() const { return m_home.path() + u"/.docker/config.json"_s; }
    QString legacyFile() const { return m_home.path() + u"/.dockercfg"_s; }
    QString helperStore() const { return m_home.path() + u"/helperstore"_s; }

    void installHelper(const QString &name, const QByteArray &script)
    {
        const QString bin = m_home.path() + u"/bin"_s;
        const QString helper = bin + u"/docker-credential-"_s + name;
        QVERIFY(writeFile(helper, script));
        QVERIFY(QFile::setPermissions(helper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("PATH", bin.toLocal8Bit() + ':' + m_savedPath);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_home.isValid());
        m_savedPath = qgetenv("PATH");
    }

    void init()
    {
        QDir(m_home.path()).removeRecursively();
        QDir().mkpath(m_home.path());
        stevedore::test::useIsolatedEnvironment(m_home.path());
        qputenv("HELPER_STORE", helperStore().toLocal8Bit());
        qunsetenv("STEVEDORE_CREDENTIAL_HELPER_TIMEOUT");
        qputenv("PATH", m_savedPath);
    }

    void keyNormalisation_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("legacy hub") << u"https://index.docker.io/v1/"_s << u"docker.io"_s;
        QTest::newRow("registry-1") << u"registry-1.docker.io"_s << u"docker.io"_s;
        QTest::newRow("v2 suffix") << u"https://quay.io/v2/"_s << u"quay.io"_s;
        QTest::newRow("http port") << u"http://localhost:5000"_s << u"localhost:5000"_s;
        QTest::newRow("namespace") << u"quay.io/team/"_s << u"quay.io/team"_s;
        QTest::newRow("hub path") << u"docker.io/library/alpine"_s << u"docker.io/library/alpine"_s;
        QTest::newRow("host case") << u"Quay.IO/team"_s << u"quay.io/team"_s;
    }

    void keyNormalisation()
    {
        QFETCH(QString, key);
        QFETCH(QString, expected);
        QCOMPARE(normaliseAuthKey(key), expected);
    }

    void entriesOfEveryForm()
    {
        // auth, username/password, identitytoken, a /v2/ key, and the legacy ~/.dockercfg last in the search order.
        QJsonObject auths{{u"https://a.example/v2/"_s, QJsonObject{{u"username"_s, u"ua"_s}, {u"password"_s, u"pa"_s}}},
                          {u"b.example"_s, QJsonObject{{u"auth"_s, b64(u"ub:pb"_s)}}},
                          {u"c.example"_s, QJsonObject{{u"auth"_s, b64(u"uc:"_s)}, {u"identitytoken"_s, u"tok-c"_s}}}};
        QVERIFY(writeFile(dockerFile(), QJsonDocument(QJsonObject{{u"auths"_s, auths}}).toJson()));
        QVERIFY(writeFile(legacyFile(), QJsonDocument(QJsonObject{{u"https://index.docker.io/v1/"_s,
                                                                   QJsonObject{{u"auth"_s, b64(u"leg:pl"_s)}, {u"email"_s, u"x@y"_s}}}}).toJson()));
        const CredentialStore store;
        auto a = store.lookup(u"a.example"_s, u"x"_s);
        QVERIFY(a && *a);
        QCOMPARE((*a)->credentials.username, u"ua"_s);
        QCOMPARE((*a)->credentials.password, u"pa"_s);
        auto c = store.lookup(u"c.example"_s, u"x"_s);
        QVERIFY(c && *c);
        QCOMPARE((*c)->credentials.identityToken, u"tok-c"_s);
        auto hub = store.lookup(u"registry-1.docker.io"_s, u"library/alpine"_s);
        QVERIFY(hub && *hub);
        QCOMPARE((*hub)->credentials.username, u"leg"_s);
        QCOMPARE((*hub)->source, legacyFile());
    }

    void parseErrorNamesLineAndColumn()
    {
        QVERIFY(writeFile(configFile(), "{\n  \"auths\": {\n    \"quay.io\": {\"auth\": \"aHVudGVyMg==\"},,\n  }\n}\n"));
        auto r = AuthFile::load(configFile());
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::AuthFileInvalid);
        QVERIFY2(r.error().message.contains(configFile()), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(u"line 3"_s), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(u"column"_s), qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(u"aHVudGVyMg"_s));
        // Writing into it is refused and it stays byte-identical.
        const QByteArray before = readFile(configFile());
        auto stored = CredentialStore(configFile()).store(u"quay.io"_s, Credentials{u"u"_s, u"p"_s, {}});
        QVERIFY(!stored);
        QCOMPARE(stored.error().code, ErrorCode::AuthFileInvalid);
        auto erased = CredentialStore(configFile()).erase(u"quay.io"_s);
        QVERIFY(!erased);
        QCOMPARE(readFile(configFile()), before);
    }

    void writeKeepsWhatItDoesNotOwn()
    {
        QJsonObject root{{u"auths"_s, QJsonObject{{u"https://index.docker.io/v1/"_s, QJsonObject{{u"auth"_s, b64(u"old:o"_s)}, {u"email"_s, u"me@x"_s}}},
                                                 {u"other.example"_s, QJsonObject{{u"auth"_s, b64(u"keep:k"_s)}}}}},
                         {u"credHelpers"_s, QJsonObject{{u"gcr.io"_s, u"gcloud"_s}}},
                         {u"psFormat"_s, u"table {{.ID}}"_s},
                         {u"proxies"_s, QJsonObject{{u"default"_s, QJsonObject{{u"httpProxy"_s, u"http://p:3128"_s}}}}}};
        QVERIFY(writeFile(dockerFile(), QJsonDocument(root).toJson()));
        QVERIFY(QFile::setPermissions(dockerFile(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        auto where = CredentialStore(dockerFile()).store(u"docker.io"_s, Credentials{u"new"_s, u"n"_s, {}});
        QVERIFY2(where, where ? "" : qPrintable(where.error().message));
        QCOMPARE(*where, dockerFile());
        const QJsonObject after = readJson(dockerFile());
        QCOMPARE(after.value("psFormat"_L1).toString(), u"table {{.ID}}"_s);
        QCOMPARE(after.value("proxies"_L1), root.value("proxies"_L1));
        QCOMPARE(after.value("credHelpers"_L1), root.value("credHelpers"_L1));
        const QJsonObject auths = after.value("auths"_L1).toObject();
        QCOMPARE(auths.size(), 2); // the legacy spelling was replaced, not duplicated
        QCOMPARE(auths.value("docker.io"_L1).toObject().value("auth"_L1).toString(), b64(u"new:n"_s));
        QCOMPARE(auths.value("docker.io"_L1).toObject().value("email"_L1).toString(), u"me@x"_s);
        QCOMPARE(auths.value("other.example"_L1), root.value("auths"_L1).toObject().value("other.example"_L1));
        QCOMPARE(modeOf(dockerFile()), 0600);
        const QStringList left = QDir(QFileInfo(dockerFile()).absolutePath()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(left, QStringList{u"config.json"_s}); // no temporary file left behind
    }

    void writeFollowsSymlinkAndMakesPrivateFolder()
    {
        // A symlinked config (dotfiles repositories do this): the target is written, the link stays.
        const QString target = m_home.path() + u"/dotfiles/docker-config.json"_s;
        QVERIFY(writeFile(target, "{\"auths\":{}}"));
        QDir().mkpath(QFileInfo(dockerFile()).absolutePath());
        QVERIFY(QFile::link(target, dockerFile()));
        QVERIFY(CredentialStore(dockerFile()).store(u"quay.io"_s, Credentials{u"u"_s, u"p"_s, {}}));
        QVERIFY(QFileInfo(dockerFile()).isSymLink());
        QVERIFY(readJson(target).value("auths"_L1).toObject().contains("quay.io"_L1));
        QCOMPARE(modeOf(target), 0600);

        // The default write file is podman's runtime file; its folder is created 0700.
        const CredentialStore store;
        QCOMPARE(store.defaultWriteFile(), runtimeFile());
        auto where = store.store(u"quay.io/team"_s, Credentials{u"t"_s, u"p"_s, {}});
        QVERIFY2(where, where ? "" : qPrintable(where.error().message));
        QCOMPARE(*where, runtimeFile());
        QCOMPARE(modeOf(QFileInfo(runtimeFile()).absolutePath()), 0700);
        QCOMPARE(modeOf(runtimeFile()), 0600);
    }

    void listShowsShadowing()
    {
        // runtime: quay.io ; config: quay.io/team (shadowed: runtime's quay.io serves it first) ;
        // docker: quay.io/other (shadowed too), two spellings of docker.io (the second shadowed), b.example (free).
        QVERIFY(writeFile(runtimeFile(), "{\"auths\":{\"quay.io\":{\"auth\":\"" + b64(u"r:1"_s).toLatin1() + "\"}}}"));
        QVERIFY(writeFile(configFile(), "{\"auths\":{\"quay.io/team\":{\"auth\":\"" + b64(u"c:1"_s).toLatin1() + "\"}}}"));
        QVERIFY(writeFile(dockerFile(), "{\"auths\":{\"docker.io\":{\"auth\":\"" + b64(u"d1:1"_s).toLatin1()
                                            + "\"},\"https://index.docker.io/v1/\":{\"auth\":\"" + b64(u"d2:1"_s).toLatin1()
                                            + "\"},\"b.example\":{\"auth\":\"" + b64(u"b:1"_s).toLatin1() + "\"}}}"));
        auto l = CredentialStore().list();
        QVERIFY(l);
        QVERIFY(l->problems.isEmpty());
        QCOMPARE(l->entries.size(), 5);
        QHash<QString, CredentialEntry> byUser;
        for (const CredentialEntry &e : std::as_const(l->entries))
            byUser.insert(e.username, e);
        QVERIFY(byUser.value(u"r"_s).shadowedBy.isEmpty());
        QVERIFY2(byUser.value(u"c"_s).shadowedBy.contains(runtimeFile()), qPrintable(byUser.value(u"c"_s).shadowedBy));
        QVERIFY(byUser.value(u"b"_s).shadowedBy.isEmpty());
        const bool oneHubShadowed = byUser.value(u"d1"_s).shadowedBy.isEmpty() != byUser.value(u"d2"_s).shadowedBy.isEmpty();
        QVERIFY(oneHubShadowed);
        // Never a secret in what list() returns.
        for (const CredentialEntry &e : std::as_const(l->entries))
            QVERIFY(!e.source().contains(u":1"_s) && !e.shadowedBy.contains(b64(u"r:1"_s)));
    }

    void resolveExplainsWinnerAndLosers()
    {
        QVERIFY(writeFile(dockerFile(), "{\"auths\":{\"quay.io\":{\"auth\":\"" + b64(u"q:pw-q"_s).toLatin1()
                                            + "\"},\"quay.io/repository-main\":{\"auth\":\"" + b64(u"main:pw-m"_s).toLatin1()
                                            + "\"},\"quay.io/other\":{\"auth\":\"" + b64(u"o:pw-o"_s).toLatin1() + "\"}}}"));
        auto r = CredentialStore().resolve(u"quay.io"_s, u"repository-main/app"_s);
        QVERIFY(r);
        QVERIFY(r->winner);
        QCOMPARE(r->winner->key, u"quay.io/repository-main"_s);
        QCOMPARE(r->match->credentials.username, u"main"_s);
        QCOMPARE(r->candidateKeys, (QStringList{u"quay.io/repository-main/app"_s, u"quay.io/repository-main"_s, u"quay.io"_s}));
        QCOMPARE(r->others.size(), 2);
        for (const auto &o : std::as_const(r->others)) {
            if (o.entry.key == "quay.io"_L1)
                QVERIFY2(o.reason.contains(u"less specific"_s), qPrintable(o.reason));
            else
                QVERIFY2(o.reason.contains(u"does not cover"_s), qPrintable(o.reason));
        }
        const QString text = r->explanation();
        QVERIFY(text.contains(u"Uses: quay.io/repository-main (user main)"_s));
        QVERIFY(!text.contains(u"pw-"_s));
        // Other images under quay.io use quay.io; a later file does not win.
        QVERIFY(writeFile(runtimeFile(), "{\"auths\":{\"quay.io\":{\"auth\":\"" + b64(u"early:pw-e"_s).toLatin1() + "\"}}}"));
        r = CredentialStore().resolve(u"quay.io"_s, u"repository-main/app"_s);
        QVERIFY(r && r->winner);
        QCOMPARE(r->match->credentials.username, u"early"_s);
        bool sawLaterFile = false;
        for (const auto &o : std::as_const(r->others))
            sawLaterFile |= o.entry.key == "quay.io/repository-main"_L1 && o.reason.contains(u"earlier in the search order"_s);
        QVERIFY(sawLaterFile);
        // Nothing matches: anonymous, said so.
        r = CredentialStore().resolve(u"ghcr.io"_s, u"x/y"_s);
        QVERIFY(r && !r->winner && !r->match);
        QVERIFY(r->explanation().contains(u"anonymous"_s));
    }

    void storeAndEraseThroughCredsStore()
    {
        installHelper(u"filestore"_s, kStoreHelper);
        QVERIFY(writeFile(dockerFile(), "{\"credsStore\":\"filestore\",\"auths\":{\"quay.io\":{\"auth\":\""
                                            + b64(u"plain:pw-plain"_s).toLatin1() + "\"}},\"experimental\":\"enabled\"}"));
        // No file named: the helper the docker config names for the registry keeps the secret, not a plain file.
        const CredentialStore store;
        auto where = store.store(u"quay.io"_s, Credentials{u"alice"_s, u"pw-alice"_s, {}});
        QVERIFY2(where, where ? "" : qPrintable(where.error().message));
        QVERIFY2(where->contains(u"docker-credential-filestore"_s), qPrintable(*where));
        QVERIFY(!QFileInfo::exists(runtimeFile()));
        const QByteArray docker = readFile(dockerFile());
        QVERIFY2(!docker.contains(b64(u"plain:pw-plain"_s).toLatin1()), docker.constData()); // the old secret went
        QVERIFY(!docker.contains("pw-alice"));
        QCOMPARE(readJson(dockerFile()).value("auths"_L1).toObject().value("quay.io"_L1).toObject(), QJsonObject()); // a marker
        QCOMPARE(readJson(dockerFile()).value("experimental"_L1).toString(), u"enabled"_s);
        // Resolution reads it back from the helper; list() names the helper; a namespace key too.
        QVERIFY(store.store(u"quay.io/team-a"_s, Credentials{u"bob"_s, u"pw-bob"_s, {}}));
        auto m = store.lookup(u"quay.io"_s, u"team-a/app"_s);
        QVERIFY(m && *m);
        QCOMPARE((*m)->credentials.username, u"bob"_s);
        QCOMPARE((*m)->credentials.password, u"pw-bob"_s);
        m = store.lookup(u"quay.io"_s, u"team-b/app"_s);
        QVERIFY(m && *m);
        QCOMPARE((*m)->credentials.username, u"alice"_s);
        auto l = store.list();
        QVERIFY(l && l->problems.isEmpty());
        QCOMPARE(l->entries.size(), 2);
        for (const CredentialEntry &e : std::as_const(l->entries)) {
            QCOMPARE(e.kind, CredentialEntry::Kind::Helper);
            QVERIFY(e.source().contains(u"credsStore"_s));
        }
        // Erase: from the helper and the marker.
        auto erased = store.erase(u"quay.io/team-a"_s);
        QVERIFY2(erased, erased ? "" : qPrintable(erased.error().message));
        QVERIFY(erased->contains(u"docker-credential-filestore"_s));
        m = store.lookup(u"quay.io"_s, u"team-a/app"_s);
        QVERIFY(m && *m);
        QCOMPARE((*m)->credentials.username, u"alice"_s);
        auto again = store.erase(u"quay.io/team-a"_s);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::NotFound);
        auto all = store.eraseAll();
        QVERIFY(all);
        m = store.lookup(u"quay.io"_s, u"x"_s);
        QVERIFY(m && !*m);
        QCOMPARE(readJson(dockerFile()).value("credsStore"_L1).toString(), u"filestore"_s);
    }

    void helperTimeoutAndFailure()
    {
        installHelper(u"slow"_s, "#!/bin/sh\nsleep 30\n");
        installHelper(u"leaky"_s, "#!/bin/sh\necho 'fatal: password Sup3r-S3cret-Leak rejected'; echo 'Sup3r-S3cret-Leak' >&2; exit 3\n");
        qputenv("PATH", (m_home.path() + u"/bin:"_s).toLocal8Bit() + m_savedPath);
        qputenv("STEVEDORE_CREDENTIAL_HELPER_TIMEOUT", "1");
        QVERIFY(writeFile(dockerFile(), "{\"credHelpers\":{\"slow.example\":\"slow\",\"leaky.example\":\"leaky\",\"gone.example\":\"gone\"}}"));
        QElapsedTimer t;
        t.start();
        auto r = CredentialStore().lookup(u"slow.example"_s, u"app"_s);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Timeout);
        QVERIFY2(r.error().message.contains(u"docker-credential-slow"_s), qPrintable(r.error().message));
        QVERIFY2(t.elapsed() < 8000, qPrintable(QString::number(t.elapsed())));
        r = CredentialStore().lookup(u"leaky.example"_s, u"app"_s);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(u"docker-credential-leaky"_s) && r.error().message.contains(u"exit code 3"_s),
                 qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(u"Sup3r"_s));
        // No fallback to another registry's entry or another file when the named helper fails.
        r = CredentialStore().lookup(u"gone.example"_s, u"app"_s);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(u"docker-credential-gone"_s) && r.error().message.contains(u"PATH"_s),
                 qPrintable(r.error().message));
        // list() reports the failing helpers as problems and still lists the rest.
        QVERIFY(writeFile(runtimeFile(), "{\"auths\":{\"fine.example\":{\"auth\":\"" + b64(u"f:p"_s).toLatin1() + "\"}}}"));
        auto l = CredentialStore().list();
        QVERIFY(l);
        QCOMPARE(l->entries.size(), 1);
        QCOMPARE(l->problems.size(), 3);
    }

    void helperCancel()
    {
        installHelper(u"slow"_s, "#!/bin/sh\nsleep 30\n");
        QVERIFY(writeFile(dockerFile(), "{\"credsStore\":\"slow\"}"));
        CancelToken cancel;
        QElapsedTimer t;
        t.start();
        auto future = QtConcurrent::run([cancel]() { return CredentialStore().lookup(u"x.example"_s, u"a"_s, cancel); });
        QTest::qWait(300);
        cancel.cancel();
        future.waitForFinished();
        QVERIFY(!future.result());
        QCOMPARE(future.result().error().code, ErrorCode::Cancelled);
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestAuthFiles)
#include "tst_authfiles.moc"
