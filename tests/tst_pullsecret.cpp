// Kubernetes pull secrets: `stevedore secret create` / `secret import` run as real processes (a fresh HOME, XDG_*
// folders and DOCKER_CONFIG per test, scripted credential helpers on PATH), their output re-read with yaml-cpp and
// QJsonDocument and their auth files with AuthFile; parsePullSecrets and renderPullSecret as units for positions
// and quoting. kubectl cannot run offline here (apply needs an API server), so what kubectl itself writes is
// embedded below (kubectl v1.32 `create secret docker-registry --dry-run=client`) and must import.

#include "support/clifixture.h"
#include "support/testsupport.h"

#include "auth/authfile.h"
#include "auth/pullsecret.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace stevedore;
using namespace stevedore::test;

namespace {

const QString kPassword = u"Pa55-w0rd-Secret!"_s; // never in any output of a failing run
const QString kHelperSecret = u"Helper-Secret-9"_s;

QByteArray b64(const QByteArray &b) { return b.toBase64(); }
QByteArray b64(const QString &s) { return s.toUtf8().toBase64(); }

// What kubectl v1.32.4 prints for: kubectl create secret docker-registry kubecred -n team
//   --docker-server=registry.example.com:5000 --docker-username=kube-user --docker-password=Kube-Passw0rd
//   --docker-email=k@example.com --dry-run=client -o yaml (and -o json)
const QByteArray kKubectlYaml =
    "apiVersion: v1\n"
    "data:\n"
    "  .dockerconfigjson: eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbTo1MDAwIjp7InVzZXJuYW1lIjoia3ViZS11c2VyIiwicGFzc3dvcmQiOiJLdWJlLVBhc3N3MHJkIiwiZW1haWwiOiJrQGV4YW1wbGUuY29tIiwiYXV0aCI6ImEzVmlaUzExYzJWeU9rdDFZbVV0VUdGemMzY3djbVE9In19fQ==\n"
    "kind: Secret\n"
    "metadata:\n"
    "  creationTimestamp: null\n"
    "  name: kubecred\n"
    "  namespace: team\n"
    "type: kubernetes.io/dockerconfigjson\n";
const QByteArray kKubectlJson =
    "{\n    \"kind\": \"Secret\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"kubecred\",\n"
    "        \"namespace\": \"team\",\n        \"creationTimestamp\": null\n    },\n    \"data\": {\n"
    "        \".dockerconfigjson\": \"eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbTo1MDAwIjp7InVzZXJuYW1lIjoia3ViZS11c2VyIiwicGFzc3dvcmQiOiJLdWJlLVBhc3N3MHJkIiwiZW1haWwiOiJrQGV4YW1wbGUuY29tIiwiYXV0aCI6ImEzVmlaUzExYzJWeU9rdDFZbVV0VUdGemMzY3djbVE9In19fQ==\"\n"
    "    },\n    \"type\": \"kubernetes.io/dockerconfigjson\"\n}\n";

// {"auths":{host:{"auth":base64(user:pass)}}}
QByteArray dockerConfig(const QList<std::pair<QString, QString>> &hostUser, const QString &password = kPassword)
{
    QJsonObject auths;
    for (const auto &[host, user] : hostUser)
        auths.insert(host, QJsonObject{{u"auth"_s, QString::fromLatin1(b64(user + u':' + password))}});
    return QJsonDocument(QJsonObject{{u"auths"_s, auths}}).toJson(QJsonDocument::Compact);
}

// A Secret document with `value` under data (base64 of it) or stringData (as a double-quoted YAML string).
QByteArray secretDoc(const QString &name, const QString &type, const QString &key, const QByteArray &value,
                     bool stringData = false)
{
    QByteArray y = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name.toUtf8() + "\n  namespace: apps\ntype: "
                   + type.toUtf8() + "\n";
    if (stringData) {
        QByteArray quoted = value;
        quoted.replace('\\', "\\\\").replace('"', "\\\"");
        y += "stringData:\n  " + key.toUtf8() + ": \"" + quoted + "\"\n";
    } else {
        y += "data:\n  " + key.toUtf8() + ": " + b64(value) + "\n";
    }
    return y;
}

mode_t modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : mode_t(0);
}

QString describe(const Credentials &c)
{
    return c.username + u" / "_s + c.password + u" / "_s + c.identityToken;
}

} // namespace

class TestPullSecret : public QObject, public CliFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void createYamlFieldByField();
    void createJson();
    void createUsageErrors_data();
    void createUsageErrors();
    void roundTripFromAuthfileWithHelper();
    void createFailsWhenHelperFails();
    void importList();
    void importMultiDocument();
    void importLegacyDockercfg();
    void importKubectlOutput_data();
    void importKubectlOutput();
    void importStringData();
    void importReportsAddedAndReplaced();
    void importDefaultTargetAndStdin();
    void badInputs_data();
    void badInputs();
    void parserPositions();
    void renderQuotesWhatIsNotAString();

private:
    QString work(const QString &name) const { return m_home->path() + u"/work/"_s + name; }
    QString writeWork(const QString &name, const QByteArray &data);
    QMap<QString, Credentials> entriesOf(const QString &authFile);
    YAML::Node loadYaml(const QByteArray &text);
    QJsonObject dockerConfigOf(const QByteArray &base64Data);
    void writeHelper(const QString &name, const QByteArray &body);
};

void TestPullSecret::initTestCase()
{
    m_cli = QStringLiteral(STEVEDORE_CLI_PATH);
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(u"stevedore not built at "_s + m_cli));
}

void TestPullSecret::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    const QString h = m_home->path();
    for (const char *d : {"home", "config", "data", "run", "cache", "work", "bin", "docker"})
        QVERIFY(QDir(h).mkpath(QString::fromLatin1(d)));
    m_env = isolatedEnvironment(h + u"/home"_s);
    m_env.insert(u"XDG_CONFIG_HOME"_s, h + u"/config"_s);
    m_env.insert(u"XDG_RUNTIME_DIR"_s, h + u"/run"_s);
    m_env.insert(u"DOCKER_CONFIG"_s, h + u"/docker"_s);
    m_env.insert(u"STEVEDORE_ROOT"_s, h + u"/store"_s);
    m_env.insert(u"PATH"_s, h + u"/bin:"_s + m_env.value(u"PATH"_s));
    m_env.remove(u"REGISTRY_AUTH_FILE"_s);
    m_env.remove(u"QT_LOGGING_RULES"_s);
}

QString TestPullSecret::writeWork(const QString &name, const QByteArray &data)
{
    QFile f(work(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        qWarning("cannot write %s", qPrintable(f.fileName()));
    return f.fileName();
}

QMap<QString, Credentials> TestPullSecret::entriesOf(const QString &authFile)
{
    QMap<QString, Credentials> out;
    auto f = AuthFile::load(authFile);
    if (!f) {
        qWarning("%s", qPrintable(f.error().message));
        return out;
    }
    for (const AuthFileEntry &e : f->entries())
        out.insert(normaliseAuthKey(e.key), e.credentials);
    return out;
}

YAML::Node TestPullSecret::loadYaml(const QByteArray &text)
{
    try {
        return YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        qWarning("yaml-cpp: %s", e.what());
        return YAML::Node();
    }
}

QJsonObject TestPullSecret::dockerConfigOf(const QByteArray &base64Data)
{
    auto decoded = QByteArray::fromBase64Encoding(base64Data, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return {};
    QJsonParseError pe{};
    const QJsonDocument d = QJsonDocument::fromJson(*decoded, &pe);
    return pe.error == QJsonParseError::NoError ? d.object() : QJsonObject();
}

// docker-credential-NAME in the test's PATH: `body` is the shell code run for "get" (the server URL in $url).
void TestPullSecret::writeHelper(const QString &name, const QByteArray &body)
{
    const QString path = m_home->path() + u"/bin/docker-credential-"_s + name;
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\nread -r url\ncase \"$1\" in\nget)\n" + body + "\n;;\n*) exit 1 ;;\nesac\n");
    f.close();
    QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

void TestPullSecret::createYamlFieldByField()
{
    const auto r = cli({u"secret"_s, u"create"_s, u"regcred"_s, u"--registry"_s, u"quay.io/team"_s, u"-u"_s,
                        u"alice"_s, u"--password-stdin"_s, u"-n"_s, u"apps"_s},
                       60000, kPassword.toUtf8() + '\n');
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY(r.err.isEmpty());
    const YAML::Node y = loadYaml(r.out);
    QVERIFY(y.IsMap());
    QCOMPARE(y.size(), std::size_t(5));
    QCOMPARE(y["apiVersion"].as<std::string>(), "v1");
    QCOMPARE(y["kind"].as<std::string>(), "Secret");
    QCOMPARE(y["type"].as<std::string>(), "kubernetes.io/dockerconfigjson");
    QCOMPARE(y["metadata"]["name"].as<std::string>(), "regcred");
    QCOMPARE(y["metadata"]["namespace"].as<std::string>(), "apps");
    QVERIFY(y["data"].IsMap());
    QCOMPARE(y["data"].size(), std::size_t(1));
    const QJsonObject config = dockerConfigOf(QByteArray::fromStdString(y["data"][".dockerconfigjson"].as<std::string>()));
    const QJsonObject auths = config.value("auths"_L1).toObject();
    QCOMPARE(auths.keys(), QStringList{u"quay.io/team"_s}); // one trailing newline stripped, nothing else
    const QJsonObject e = auths.value("quay.io/team"_L1).toObject();
    QCOMPARE(e.value("username"_L1).toString(), u"alice"_s);
    QCOMPARE(e.value("password"_L1).toString(), kPassword);
    QCOMPARE(e.value("auth"_L1).toString(), QString::fromLatin1(b64(u"alice:"_s + kPassword)));
    QVERIFY(!e.contains("identitytoken"_L1));

    // Docker Hub under the key kubelet and docker know it by.
    const auto hub = cli({u"secret"_s, u"create"_s, u"hub"_s, u"--registry"_s, u"docker.io"_s, u"-u"_s, u"bob"_s,
                          u"--password-stdin"_s}, 60000, "pw-with-crlf\r\n");
    QVERIFY2(hub.ok(), hub.err.constData());
    const YAML::Node h = loadYaml(hub.out);
    QVERIFY(!h["metadata"]["namespace"].IsDefined());
    const QJsonObject hubAuths =
        dockerConfigOf(QByteArray::fromStdString(h["data"][".dockerconfigjson"].as<std::string>())).value("auths"_L1).toObject();
    QCOMPARE(hubAuths.keys(), QStringList{u"https://index.docker.io/v1/"_s});
    QCOMPARE(hubAuths.value(hubAuths.keys().first()).toObject().value("password"_L1).toString(), u"pw-with-crlf"_s);
}

void TestPullSecret::createJson()
{
    const auto r = cli({u"secret"_s, u"create"_s, u"regcred"_s, u"--registry"_s, u"localhost:5000"_s,
                        u"--username"_s, u"alice"_s, u"--password-stdin"_s, u"-o"_s, u"json"_s},
                       60000, kPassword.toUtf8());
    QVERIFY2(r.ok(), r.err.constData());
    QJsonParseError pe{};
    const QJsonObject s = QJsonDocument::fromJson(r.out, &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(s.value("apiVersion"_L1).toString(), u"v1"_s);
    QCOMPARE(s.value("kind"_L1).toString(), u"Secret"_s);
    QCOMPARE(s.value("type"_L1).toString(), u"kubernetes.io/dockerconfigjson"_s);
    QCOMPARE(s.value("metadata"_L1).toObject(), (QJsonObject{{u"name"_s, u"regcred"_s}}));
    const QJsonObject data = s.value("data"_L1).toObject();
    QCOMPARE(data.keys(), QStringList{u".dockerconfigjson"_s});
    const QJsonObject e = dockerConfigOf(data.value(".dockerconfigjson"_L1).toString().toLatin1())
                              .value("auths"_L1).toObject().value("localhost:5000"_L1).toObject();
    QCOMPARE(e.value("username"_L1).toString(), u"alice"_s);
    QCOMPARE(e.value("password"_L1).toString(), kPassword); // no trailing newline was given: none removed

    const auto bad = cli({u"secret"_s, u"create"_s, u"Reg_Cred"_s, u"--registry"_s, u"quay.io"_s, u"-u"_s, u"a"_s,
                          u"--password-stdin"_s}, 60000, kPassword.toUtf8());
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains("not a valid Secret name"));
}

void TestPullSecret::createUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QStringList reg{u"--registry"_s, u"quay.io"_s, u"-u"_s, u"a"_s, u"--password-stdin"_s};
    QTest::newRow("no source") << QStringList{} << u"give --from-authfile"_s;
    QTest::newRow("both sources") << (reg + QStringList{u"--from-authfile"_s, u"x.json"_s}) << u"cannot be used together"_s;
    QTest::newRow("no user") << QStringList{u"--registry"_s, u"quay.io"_s, u"--password-stdin"_s} << u"--username"_s;
    QTest::newRow("no password-stdin") << QStringList{u"--registry"_s, u"quay.io"_s, u"-u"_s, u"a"_s} << u"--password-stdin"_s;
    QTest::newRow("bad registry") << QStringList{u"--registry"_s, u"quay.io/Team:v1"_s, u"-u"_s, u"a"_s, u"--password-stdin"_s}
                                  << u"not a registry key"_s;
    QTest::newRow("bad namespace") << (reg + QStringList{u"-n"_s, u"Apps_1"_s}) << u"not a valid namespace"_s;
    QTest::newRow("bad output") << (reg + QStringList{u"-o"_s, u"xml"_s}) << u"--output"_s;
    QTest::newRow("import option") << (reg + QStringList{u"--authfile"_s, u"a.json"_s}) << u"secret import"_s;
}

void TestPullSecret::createUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = cli(QStringList{u"secret"_s, u"create"_s, u"regcred"_s} + args, 60000, kPassword.toUtf8());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.contains(kPassword.toUtf8()));
}

void TestPullSecret::roundTripFromAuthfileWithHelper()
{
    writeHelper(u"stvtest"_s, "case \"$url\" in\n quay.io) printf '{\"ServerURL\":\"%s\",\"Username\":\"helper-user\","
                              "\"Secret\":\"" + kHelperSecret.toUtf8() + "\"}' \"$url\" ;;\n"
                              " *) echo 'credentials not found in native keychain'; exit 1 ;;\nesac");
    QJsonObject auths{
        {u"registry.example.com:5000"_s, QJsonObject{{u"auth"_s, QString::fromLatin1(b64(u"alice:"_s + kPassword))}}},
        {u"https://index.docker.io/v1/"_s, QJsonObject{{u"username"_s, u"bob"_s}, {u"password"_s, u"bob-pässwörd"_s}}},
        {u"ghcr.io/team"_s, QJsonObject{{u"auth"_s, QString::fromLatin1(b64(u"carol:"_s))},
                                        {u"identitytoken"_s, u"refresh-token-123"_s}}},
        {u"quay.io"_s, QJsonObject{}}, // a marker: the credsStore helper holds it
    };
    const QString source = writeWork(u"source.json"_s, QJsonDocument(QJsonObject{{u"auths"_s, auths},
                                                                                  {u"credsStore"_s, u"stvtest"_s}}).toJson());
    const auto created = cli({u"secret"_s, u"create"_s, u"all"_s, u"--from-authfile"_s, source, u"-n"_s, u"ci"_s});
    QVERIFY2(created.ok(), created.err.constData());
    QVERIFY(created.err.isEmpty());
    const QString secretFile = writeWork(u"all.yaml"_s, created.out);

    const QString target = work(u"target.json"_s);
    const auto imported = cli({u"secret"_s, u"import"_s, secretFile, u"--authfile"_s, target});
    QVERIFY2(imported.ok(), imported.err.constData());
    const QString report = QString::fromUtf8(imported.out);
    for (const auto key : {"added registry.example.com:5000\n"_L1, "added https://index.docker.io/v1/\n"_L1,
                           "added ghcr.io/team\n"_L1, "added quay.io\n"_L1})
        QVERIFY2(report.contains(key), qPrintable(report));
    QVERIFY(report.contains("(4 added, 0 replaced)"_L1));

    const auto got = entriesOf(target);
    QMap<QString, Credentials> want;
    want.insert(u"registry.example.com:5000"_s, Credentials{u"alice"_s, kPassword, {}});
    want.insert(u"docker.io"_s, Credentials{u"bob"_s, u"bob-pässwörd"_s, {}});
    want.insert(u"ghcr.io/team"_s, Credentials{u"carol"_s, {}, u"refresh-token-123"_s});
    want.insert(u"quay.io"_s, Credentials{u"helper-user"_s, kHelperSecret, {}});
    QCOMPARE(got.keys(), want.keys());
    for (auto it = want.cbegin(); it != want.cend(); ++it)
        QCOMPARE(describe(got.value(it.key())), describe(it.value()));
    QCOMPARE(modeOf(target), mode_t(0600));

    // An empty entry no helper holds is skipped with a warning, not an error.
    const QString lonely = writeWork(u"lonely.json"_s, R"({"auths":{"a.example":{},"b.example":{"auth":"dTpw"}}})");
    const auto partial = cli({u"secret"_s, u"create"_s, u"x"_s, u"--from-authfile"_s, lonely});
    QVERIFY2(partial.ok(), partial.err.constData());
    QVERIFY(partial.err.contains("a.example") && partial.err.contains("skipped"));
    QCOMPARE(dockerConfigOf(QByteArray::fromStdString(loadYaml(partial.out)["data"][".dockerconfigjson"].as<std::string>()))
                 .value("auths"_L1).toObject().keys(), QStringList{u"b.example"_s});
}

void TestPullSecret::createFailsWhenHelperFails()
{
    writeHelper(u"broken"_s, "echo \"" + kPassword.toUtf8() + "\"; echo boom >&2; exit 3");
    const QString source = writeWork(u"source.json"_s, R"({"auths":{"quay.io":{}},"credHelpers":{"quay.io":"broken"}})");
    const auto r = cli({u"secret"_s, u"create"_s, u"x"_s, u"--from-authfile"_s, source});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("docker-credential-broken"), r.err.constData());
    QVERIFY(!r.err.contains(kPassword.toUtf8()));
    const auto missing = cli({u"secret"_s, u"create"_s, u"x"_s, u"--from-authfile"_s, work(u"nothing.json"_s)});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("nothing.json"));
}

void TestPullSecret::importList()
{
    const QByteArray list =
        "apiVersion: v1\nkind: List\nitems:\n"
        "- apiVersion: v1\n  kind: Secret\n  metadata: {name: one, namespace: a}\n  type: kubernetes.io/dockerconfigjson\n"
        "  data:\n    .dockerconfigjson: " + b64(dockerConfig({{u"one.example"_s, u"u1"_s}})) + "\n"
        "- apiVersion: v1\n  kind: Secret\n  metadata: {name: two, namespace: b}\n  type: kubernetes.io/dockerconfigjson\n"
        "  data:\n    .dockerconfigjson: " + b64(dockerConfig({{u"two.example/team"_s, u"u2"_s}})) + "\n";
    const QString target = work(u"auth.json"_s);
    const auto r = cli({u"secret"_s, u"import"_s, writeWork(u"list.yaml"_s, list), u"--authfile"_s, target});
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY(r.out.contains("added one.example\nadded two.example/team\n"));
    const auto got = entriesOf(target);
    QCOMPARE(got.keys(), (QStringList{u"one.example"_s, u"two.example/team"_s}));
    QCOMPARE(describe(got.value(u"two.example/team"_s)), describe(Credentials{u"u2"_s, kPassword, {}}));
}

void TestPullSecret::importMultiDocument()
{
    const QByteArray text = "# pull secrets\n---\n"
                            + secretDoc(u"one"_s, u"kubernetes.io/dockerconfigjson"_s, u".dockerconfigjson"_s,
                                        dockerConfig({{u"one.example"_s, u"u1"_s}}))
                            + "---\n"
                            + secretDoc(u"two"_s, u"kubernetes.io/dockerconfigjson"_s, u".dockerconfigjson"_s,
                                        dockerConfig({{u"two.example"_s, u"u2"_s}, {u"three.example"_s, u"u3"_s}}))
                            + "---\n";
    const QString target = work(u"auth.json"_s);
    const auto r = cli({u"secret"_s, u"import"_s, writeWork(u"multi.yaml"_s, text), u"--authfile"_s, target});
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY(r.out.contains("(3 added, 0 replaced)"));
    QCOMPARE(entriesOf(target).keys(), (QStringList{u"one.example"_s, u"three.example"_s, u"two.example"_s}));
}

void TestPullSecret::importLegacyDockercfg()
{
    // The legacy type's JSON is the auths object itself, with the email field docker used to write.
    const QByteArray cfg = R"({"https://legacy.example/v1/":{"auth":")" + b64(u"old:"_s + kPassword)
                           + R"(","email":"old@example.com"}})";
    const QString target = work(u"auth.json"_s);
    const auto r = cli({u"secret"_s, u"import"_s,
                        writeWork(u"legacy.yaml"_s, secretDoc(u"old"_s, u"kubernetes.io/dockercfg"_s, u".dockercfg"_s, cfg)),
                        u"--authfile"_s, target});
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY(r.out.contains("added https://legacy.example/v1/\n"));
    QCOMPARE(describe(entriesOf(target).value(u"legacy.example"_s)), describe(Credentials{u"old"_s, kPassword, {}}));
}

void TestPullSecret::importKubectlOutput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("yaml") << kKubectlYaml;
    QTest::newRow("json") << kKubectlJson;
    // One line and a UTF-8 byte order mark: still JSON.
    QTest::newRow("json, compact, BOM") << "\xEF\xBB\xBF" + QJsonDocument::fromJson(kKubectlJson).toJson(QJsonDocument::Compact);
}

void TestPullSecret::importKubectlOutput()
{
    QFETCH(QByteArray, text);
    const QString target = work(u"auth.json"_s);
    const auto r = cli({u"secret"_s, u"import"_s, writeWork(u"kubecred"_s, text), u"--authfile"_s, target});
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY(r.out.contains("added registry.example.com:5000\n"));
    QCOMPARE(describe(entriesOf(target).value(u"registry.example.com:5000"_s)),
             describe(Credentials{u"kube-user"_s, u"Kube-Passw0rd"_s, {}}));
    auto parsed = parsePullSecrets(text, u"kubecred"_s);
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->size(), 1);
    QCOMPARE(parsed->first().name, u"kubecred"_s);
    QCOMPARE(parsed->first().namespace_, u"team"_s);
}

void TestPullSecret::importStringData()
{
    // stringData is plain text and wins over data, as the API server merges them.
    QByteArray doc = secretDoc(u"plain"_s, u"kubernetes.io/dockerconfigjson"_s, u".dockerconfigjson"_s,
                               R"({"auths":{"plain.example":{"username":"sd-user","password":"sd-pass"}}})", true);
    doc += "data:\n  .dockerconfigjson: " + b64(dockerConfig({{u"ignored.example"_s, u"x"_s}})) + "\n";
    const QString target = work(u"auth.json"_s);
    const auto r = cli({u"secret"_s, u"import"_s, writeWork(u"plain.yaml"_s, doc), u"--authfile"_s, target});
    QVERIFY2(r.ok(), r.err.constData());
    const auto got = entriesOf(target);
    QCOMPARE(got.keys(), QStringList{u"plain.example"_s});
    QCOMPARE(describe(got.value(u"plain.example"_s)), describe(Credentials{u"sd-user"_s, u"sd-pass"_s, {}}));
}

void TestPullSecret::importReportsAddedAndReplaced()
{
    const QString target = writeWork(u"auth.json"_s, R"({"auths":{"quay.io":{"auth":"b2xkOm9sZA==","email":"x@y"},)"
                                                     R"("keep.example":{"auth":"azpr"}},"credHelpers":{"gcr.io":"gcloud"},)"
                                                     R"("unknownKey":{"a":1}})");
    const QByteArray text = secretDoc(u"s"_s, u"kubernetes.io/dockerconfigjson"_s, u".dockerconfigjson"_s,
                                      dockerConfig({{u"https://quay.io"_s, u"new"_s}, {u"ghcr.io"_s, u"g"_s}}));
    const auto r = cli({u"secret"_s, u"import"_s, writeWork(u"s.yaml"_s, text), u"--authfile"_s, target});
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY2(r.out.contains("added ghcr.io\n") && r.out.contains("replaced https://quay.io\n"), r.out.constData());
    QVERIFY(r.out.contains("(1 added, 1 replaced)"));
    const auto got = entriesOf(target);
    QCOMPARE(got.keys(), (QStringList{u"ghcr.io"_s, u"keep.example"_s, u"quay.io"_s}));
    QCOMPARE(describe(got.value(u"quay.io"_s)), describe(Credentials{u"new"_s, kPassword, {}}));
    QCOMPARE(describe(got.value(u"keep.example"_s)), describe(Credentials{u"k"_s, u"k"_s, {}}));
    QFile f(target);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(root.value("credHelpers"_L1).toObject().value("gcr.io"_L1).toString(), u"gcloud"_s);
    QVERIFY(root.contains("unknownKey"_L1));
    QCOMPARE(root.value("auths"_L1).toObject().value("https://quay.io"_L1).toObject().value("email"_L1).toString(), u"x@y"_s);
    QCOMPARE(modeOf(target), mode_t(0600));
}

void TestPullSecret::importDefaultTargetAndStdin()
{
    const QByteArray text = secretDoc(u"s"_s, u"kubernetes.io/dockerconfigjson"_s, u".dockerconfigjson"_s,
                                      dockerConfig({{u"stdin.example"_s, u"u"_s}}));
    // No --authfile: podman's runtime file.
    const auto r = cli({u"secret"_s, u"import"_s, u"-"_s}, 60000, text);
    QVERIFY2(r.ok(), r.err.constData());
    const QString runtimeFile = m_home->path() + u"/run/containers/auth.json"_s;
    QVERIFY2(r.out.contains(runtimeFile.toUtf8()) && r.out.contains("from standard input"), r.out.constData());
    QCOMPARE(entriesOf(runtimeFile).keys(), QStringList{u"stdin.example"_s});
    QCOMPARE(modeOf(runtimeFile), mode_t(0600));
    // REGISTRY_AUTH_FILE names the target when --authfile does not.
    const QString named = work(u"named.json"_s);
    m_env.insert(u"REGISTRY_AUTH_FILE"_s, named);
    const auto n = cli({u"secret"_s, u"import"_s, u"-"_s}, 60000, text);
    QVERIFY2(n.ok(), n.err.constData());
    QCOMPARE(entriesOf(named).keys(), QStringList{u"stdin.example"_s});
}

void TestPullSecret::badInputs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    const QString dcj = u"kubernetes.io/dockerconfigjson"_s;
    const QByteArray good = dockerConfig({{u"q.example"_s, u"u"_s}});
    QTest::newRow("malformed yaml")
        << "apiVersion: v1\nkind: Secret\nstringData:\n  .dockerconfigjson: \"" + kPassword.toUtf8() + "\"\n  x: [1, 2\n"
        << u"not valid YAML at line 6, column 1"_s;
    QTest::newRow("malformed json") << "{\"kind\": \"Secret\",\n \"data\": {\"x\": \"" + kPassword.toUtf8() + "\"\n"
                                    << u"not valid JSON at line 3"_s;
    QTest::newRow("wrong type") << secretDoc(u"op"_s, u"Opaque"_s, u"password"_s, kPassword.toUtf8())
                                << u"(document 1, Secret \"op\", line 1): a Secret of type Opaque"_s;
    QTest::newRow("no type") << QByteArray("apiVersion: v1\nkind: Secret\nmetadata: {name: nt}\n") << u"without a type"_s;
    QTest::newRow("bad base64") << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: b\ntype: " + dcj.toUtf8()
                                              + "\ndata:\n  .dockerconfigjson: \"" + kPassword.toUtf8() + "@@\"\n")
                                << u"line 7): data[.dockerconfigjson] is not valid base64"_s;
    QTest::newRow("missing key") << secretDoc(u"m"_s, dcj, u".dockercfg"_s, good)
                                 << u"without the key .dockerconfigjson in data or stringData"_s;
    QTest::newRow("dockerconfigjson not json")
        << secretDoc(u"nj"_s, dcj, u".dockerconfigjson"_s, R"({"auths":{"q.example":{"password":")" + kPassword.toUtf8(), true)
        << u"stringData[.dockerconfigjson] is not valid JSON"_s;
    QTest::newRow("no auths") << secretDoc(u"na"_s, dcj, u".dockerconfigjson"_s, R"({"credsStore":"pass"})")
                              << u"has no \"auths\" object"_s;
    QTest::newRow("bad auth field") << secretDoc(u"ba"_s, dcj, u".dockerconfigjson"_s,
                                                 R"({"auths":{"q.example":{"auth":")" + kPassword.toUtf8() + R"("}}})")
                                    << u"the \"auth\" of q.example in data[.dockerconfigjson] is not valid base64"_s;
    QTest::newRow("second document a ConfigMap")
        << secretDoc(u"ok"_s, dcj, u".dockerconfigjson"_s, good) + "---\napiVersion: v1\nkind: ConfigMap\ndata:\n  p: \""
               + kPassword.toUtf8() + "\"\n"
        << u"(document 2, line 10): a ConfigMap, not a Secret"_s;
    QTest::newRow("list item of another type")
        << "kind: List\nitems:\n- kind: Secret\n  type: kubernetes.io/tls\n  metadata: {name: tls}\n  data: {tls.key: "
               + b64(kPassword) + "}\n"
        << u"(document 1, item 1, Secret \"tls\", line 3): a Secret of type kubernetes.io/tls"_s;
    QTest::newRow("duplicate key") << secretDoc(u"d"_s, dcj, u".dockerconfigjson"_s, good) + "type: Opaque\n"
                                   << u"has the key \"type\" twice"_s;
    QTest::newRow("empty file") << QByteArray("# nothing\n") << u"no Secret of type"_s;
    QTest::newRow("deep nesting") << "kind: Secret\ndata: " + QByteArray(5000, '[') << u"nested more than"_s;
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe\\\"\x01\t{", 9) + kPassword.toUtf8() << u"not valid"_s;
}

void TestPullSecret::badInputs()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const QByteArray before = R"({"auths":{"keep.example":{"auth":"azpr"}}})" "\n";
    const QString target = writeWork(u"auth.json"_s, before);
    QVERIFY(::chmod(QFile::encodeName(target).constData(), 0640) == 0);
    const QString input = writeWork(u"bad-secret.yaml"_s, text);
    const auto r = cli({u"secret"_s, u"import"_s, input, u"--authfile"_s, target});
    QVERIFY(!r.crashed && !r.timedOut);
    QCOMPARE(r.exitCode, 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith("stevedore secret: "_L1 + input), qPrintable(err)); // names the file first
    QVERIFY2(err.contains(message), qPrintable(err));
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY(r.out.isEmpty());
    for (const QByteArray &secret : {kPassword.toUtf8(), b64(kPassword)}) {
        QVERIFY(!r.out.contains(secret));
        QVERIFY2(!r.err.contains(secret), r.err.constData());
    }
    QFile f(target);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QCOMPARE(modeOf(target), mode_t(0640));
    // The same from standard input, named so.
    const auto s = cli({u"secret"_s, u"import"_s, u"-"_s, u"--authfile"_s, target}, 60000, text);
    QCOMPARE(s.exitCode, 1);
    QVERIFY2(s.err.contains("standard input"), s.err.constData());
    QVERIFY(!s.err.contains(kPassword.toUtf8()));
}

void TestPullSecret::parserPositions()
{
    const QByteArray good = secretDoc(u"a"_s, u"kubernetes.io/dockerconfigjson"_s, u".dockerconfigjson"_s,
                                      dockerConfig({{u"a.example"_s, u"u"_s}}));
    // Line 10 of the file: data of document 2.
    const QByteArray text = good + "---\n" + secretDoc(u"b"_s, u"kubernetes.io/dockerconfigjson"_s, u".dockerconfigjson"_s, {})
                                                 .replace("data:\n  .dockerconfigjson: \n", "data:\n  .dockerconfigjson: \"%%%\"\n");
    auto r = parsePullSecrets(text, u"f.yaml"_s);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::MalformedContent);
    QCOMPARE(r.error().message, u"f.yaml (document 2, Secret \"b\", line 17): data[.dockerconfigjson] is not valid base64"_s);
    auto syntax = parsePullSecrets("a: b\n  c: d\n", u"g.yaml"_s);
    QVERIFY(!syntax);
    QCOMPARE(syntax.error().message, u"g.yaml: not valid YAML at line 2, column 4: illegal map value"_s);
    auto ok = parsePullSecrets(good + "---\n" + good, u"h.yaml"_s);
    QVERIFY(ok);
    QCOMPARE(ok->size(), 2);
    QCOMPARE(ok->at(1).origin, u"document 2"_s);
    QCOMPARE(ok->at(1).type, u"kubernetes.io/dockerconfigjson"_s);
}

void TestPullSecret::renderQuotesWhatIsNotAString()
{
    const QList<AuthFileEntry> entries{{u"q.example"_s, Credentials{u"u"_s, kPassword, {}}}};
    for (const auto &[name, ns] : {std::pair{u"123"_s, u"true"_s}, std::pair{u"1e5"_s, u"no"_s}, std::pair{u"a.b"_s, u"on"_s}}) {
        auto out = renderPullSecret(name, ns, entries, PullSecretFormat::Yaml);
        QVERIFY(out);
        const YAML::Node y = loadYaml(*out);
        QCOMPARE(QString::fromStdString(y["metadata"]["name"].as<std::string>()), name);
        QCOMPARE(QString::fromStdString(y["metadata"]["namespace"].as<std::string>()), ns);
        // "!" is yaml-cpp's tag of a quoted scalar: a YAML 1.1 reader (Kubernetes') sees a string, not a number or bool.
        QCOMPARE(y["metadata"]["namespace"].Tag(), "!");
        if (name != "a.b"_L1)
            QCOMPARE(y["metadata"]["name"].Tag(), "!");
        auto back = parsePullSecrets(*out, u"out"_s);
        QVERIFY(back);
        QCOMPARE(back->first().name, name);
        QCOMPARE(describe(back->first().entries.first().credentials), describe(entries.first().credentials));
    }
    QVERIFY(!renderPullSecret(u"x"_s, {}, {}, PullSecretFormat::Yaml));
    QVERIFY(!renderPullSecret(u"x"_s, {}, {{u"q.example"_s, Credentials()}}, PullSecretFormat::Json));
}

QTEST_GUILESS_MAIN(TestPullSecret)
#include "tst_pullsecret.moc"
