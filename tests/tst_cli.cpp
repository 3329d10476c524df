// The `stevedore` CLI, run as a real process: help, overview, usage errors and exit codes, credentials
// handling, the local store flow (pull/images/tag/inspect/rmi) over real OCI layouts and Ctrl-C. The progress
// renderers (tty, json, plain, quiet) are in tst_cli_progress; the fixture both use is in support/clifixture.h.
// Pushes to a real registry are covered by the e2e tests.

#include "support/clifixture.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

class TestCli : public QObject, public CliFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void version();
    void commandHelp_data();
    void commandHelp();
    void overview();
    void unknownOptionAndCommand_data();
    void unknownOptionAndCommand();
    void notSupportedOptions_data();
    void notSupportedOptions();
    void badValues_data();
    void badValues();
    void malformedReferences_data();
    void malformedReferences();
    void credsWithoutPasswordAndNoTty();
    void passwordNeverPrinted();
    void passwordPromptOnTty();
    void corruptStore();
    void localStoreFlow();
    void pullDerivesNameAndDigestFile();
    void ctrlCCancels_data();
    void ctrlCCancels();
};

void TestCli::initTestCase()
{
    m_cli = QStringLiteral(STEVEDORE_CLI_PATH);
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(u"stevedore not built at "_s + m_cli));
}

void TestCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    const QString h = m_home->path();
    for (const char *d : {"home", "config", "data", "run", "cache", "work"})
        QVERIFY(QDir(h).mkpath(QString::fromLatin1(d)));
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(u"HOME"_s, h + u"/home"_s);
    m_env.insert(u"XDG_CONFIG_HOME"_s, h + u"/config"_s);
    m_env.insert(u"XDG_DATA_HOME"_s, h + u"/data"_s);
    m_env.insert(u"XDG_RUNTIME_DIR"_s, h + u"/run"_s);
    m_env.insert(u"XDG_CACHE_HOME"_s, h + u"/cache"_s);
    m_env.insert(u"STEVEDORE_ROOT"_s, h + u"/store"_s);
    m_env.remove(u"DOCKER_CONFIG"_s);
    m_env.remove(u"REGISTRY_AUTH_FILE"_s);
    m_env.remove(u"QT_LOGGING_RULES"_s);
    m_env.remove(u"COLUMNS"_s);
}

void TestCli::cleanup()
{
    m_home.reset();
}

void TestCli::version()
{
    const ProcessResult r = cli({u"--version"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("stevedore version "), r.out.constData());
}

void TestCli::commandHelp_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("options");
    const QStringList push{u"--all"_s, u"--authfile"_s, u"--cert-dir"_s, u"--creds"_s, u"--digestfile"_s,
                           u"--quiet"_s, u"-q"_s, u"--retry"_s, u"--retry-delay"_s, u"--tls-verify"_s,
                           u"--progress"_s, u"--compression-format"_s, u"--compression-level"_s,
                           u"--cr-option"_s, u"--disable-compression"_s, u"-D"_s, u"--encrypt-layer"_s,
                           u"--encryption-key"_s, u"--format"_s, u"-f"_s, u"--remove-signatures"_s, u"--rm"_s,
                           u"--sign-by"_s, u"--root"_s, u"--log-level"_s, u"--debug"_s};
    QTest::newRow("push") << u"push"_s << push;
    QTest::newRow("copy") << u"copy"_s << push;
    QTest::newRow("pull") << u"pull"_s
                          << QStringList{u"--all"_s, u"--authfile"_s, u"--cert-dir"_s, u"--creds"_s, u"--quiet"_s,
                                         u"--retry"_s, u"--retry-delay"_s, u"--tls-verify"_s, u"--progress"_s,
                                         u"--platform"_s};
    QTest::newRow("images") << u"images"_s << QStringList{u"--format"_s, u"--noheading"_s, u"--root"_s};
    QTest::newRow("tag") << u"tag"_s << QStringList{u"--root"_s};
    QTest::newRow("rmi") << u"rmi"_s << QStringList{u"--root"_s};
    QTest::newRow("inspect") << u"inspect"_s
                             << QStringList{u"--raw"_s, u"--config"_s, u"--authfile"_s, u"--cert-dir"_s,
                                            u"--creds"_s, u"--tls-verify"_s};
}

void TestCli::commandHelp()
{
    QFETCH(QString, command);
    QFETCH(QStringList, options);
    for (const QStringList &args : {QStringList{command, u"--help"_s}, QStringList{u"help"_s, command},
                                    QStringList{command, u"-h"_s}}) {
        const ProcessResult r = cli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.startsWith(u"Usage: stevedore "_s + command), qPrintable(out));
        for (const QString &o : options)
            QVERIFY2(out.contains(o), qPrintable(command + u" --help lacks "_s + o));
    }
    if (command == "push"_L1) {
        const QString out = QString::fromUtf8(cli({command, u"--help"_s}).out);
        QVERIFY(out.contains(u"--sign-by FINGERPRINT"_s));
        QVERIFY(out.contains(u"(not supported yet)"_s));
        QVERIFY(out.contains(u"docker://registry.example:5000/team/app:v1"_s)); // the issue's example
    }
}

void TestCli::overview()
{
    // An auth file in the second place of the search order exists; the others do not.
    const QString authDir = m_home->path() + u"/config/containers"_s;
    QVERIFY(QDir().mkpath(authDir));
    QFile auth(authDir + u"/auth.json"_s);
    QVERIFY(auth.open(QIODevice::WriteOnly));
    auth.write(R"({"auths":{}})");
    auth.close();

    ProcessResult r = cli({});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(m_home->path() + u"/store"_s), qPrintable(out));
    QVERIFY2(out.contains(u"0 images"_s), qPrintable(out));
    QVERIFY(out.contains(u"[found]   "_s + authDir + u"/auth.json"_s));
    QVERIFY(out.contains(u"[missing] "_s + m_home->path() + u"/run/containers/auth.json"_s));
    QVERIFY(out.contains(u"[missing] "_s + m_home->path() + u"/home/.docker/config.json"_s));
    for (const char *c : {"push", "pull", "copy", "images", "tag", "rmi", "inspect"})
        QVERIFY2(out.contains(u"  "_s + QLatin1StringView(c) + u' '), c);
    // the order of the search paths is the documented one
    QVERIFY(out.indexOf(u"/run/containers/auth.json"_s) < out.indexOf(u"/config/containers/auth.json"_s));
    QVERIFY(out.indexOf(u"/config/containers/auth.json"_s) < out.indexOf(u"/.docker/config.json"_s));

    // --root wins over STEVEDORE_ROOT
    r = cli({u"--root"_s, m_home->path() + u"/elsewhere"_s});
    QCOMPARE(r.exitCode, 0);
    out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(m_home->path() + u"/elsewhere"_s), qPrintable(out));

    // REGISTRY_AUTH_FILE: only that file
    m_env.insert(u"REGISTRY_AUTH_FILE"_s, authDir + u"/auth.json"_s);
    r = cli({});
    QCOMPARE(r.exitCode, 0);
    out = QString::fromUtf8(r.out);
    QVERIFY(out.contains(authDir + u"/auth.json"_s));
    QVERIFY2(!out.contains(u".docker/config.json"_s), qPrintable(out));
}

void TestCli::unknownOptionAndCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("push --bogus") << QStringList{u"push"_s, u"--bogus"_s, u"a:b"_s} << u"stevedore push: "_s << u"--bogus"_s;
    QTest::newRow("push -Z") << QStringList{u"push"_s, u"-Z"_s, u"a:b"_s} << u"stevedore push: "_s << u"-Z"_s;
    QTest::newRow("global --bogus") << QStringList{u"--bogus"_s} << u"stevedore: "_s << u"--bogus"_s;
    QTest::newRow("images --raw") << QStringList{u"images"_s, u"--raw"_s} << u"stevedore images: "_s << u"--raw"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"stevedore: "_s << u"frobnicate"_s;
    QTest::newRow("missing argument") << QStringList{u"push"_s} << u"stevedore push: "_s << u"missing argument"_s;
    QTest::newRow("missing value") << QStringList{u"push"_s, u"a:b"_s, u"--retry"_s} << u"stevedore push: "_s << u"--retry"_s;
    QTest::newRow("too many") << QStringList{u"tag"_s, u"a"_s, u"b"_s, u"c"_s} << u"stevedore tag: "_s << u"too many"_s;
    QTest::newRow("copy one arg") << QStringList{u"copy"_s, u"oci:/x:y"_s} << u"stevedore copy: "_s << u"missing"_s;
}

void TestCli::unknownOptionAndCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QString, prefix);
    QFETCH(QString, mentions);
    const ProcessResult r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(stderrLines(r), 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(prefix), qPrintable(err));
    QVERIFY2(err.contains(mentions), qPrintable(err));
}

void TestCli::notSupportedOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("option");
    const QString img = u"localhost:5000/team/app:v1"_s;
    QTest::newRow("cr-option") << QStringList{u"push"_s, u"--cr-option"_s, u"yes"_s, img} << u"--cr-option"_s;
    QTest::newRow("encrypt-layer") << QStringList{u"push"_s, u"--encrypt-layer"_s, u"0"_s, img} << u"--encrypt-layer"_s;
    QTest::newRow("encryption-key") << QStringList{u"push"_s, u"--encryption-key"_s, u"jwe:/k.pem"_s, img} << u"--encryption-key"_s;
    QTest::newRow("sign-by") << QStringList{u"push"_s, u"--sign-by"_s, u"ABCD"_s, img} << u"--sign-by"_s;
    QTest::newRow("copy sign-by") << QStringList{u"copy"_s, u"--sign-by=ABCD"_s, u"oci:/a:b"_s, u"dir:/c"_s} << u"--sign-by"_s;
}

void TestCli::notSupportedOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QString, option);
    const ProcessResult r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(stderrLines(r), 1);
    const QString expected = u"stevedore %1: %2 is not supported yet\n"_s.arg(args.first(), option);
    QCOMPARE(QString::fromUtf8(r.err), expected);
}

void TestCli::badValues_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QString img = u"localhost:5000/team/app:v1"_s;
    QTest::newRow("retry-delay") << QStringList{u"push"_s, u"--retry-delay"_s, u"soon"_s, img} << u"soon"_s;
    QTest::newRow("retry-delay no unit") << QStringList{u"push"_s, u"--retry-delay=5"_s, img} << u"duration"_s;
    QTest::newRow("retry") << QStringList{u"push"_s, u"--retry"_s, u"-1"_s, img} << u"--retry"_s;
    QTest::newRow("tls-verify") << QStringList{u"push"_s, u"--tls-verify=maybe"_s, img} << u"maybe"_s;
    QTest::newRow("progress") << QStringList{u"push"_s, u"--progress=fancy"_s, u"oci:/nonexistent:x"_s, u"dir:/tmp/x"_s}
                              << u"fancy"_s;
    QTest::newRow("authfile missing") << QStringList{u"push"_s, u"--authfile"_s, u"/nonexistent/auth.json"_s, img}
                                      << u"/nonexistent/auth.json"_s;
    QTest::newRow("cert-dir missing") << QStringList{u"push"_s, u"--cert-dir"_s, u"/nonexistent/certs"_s, img}
                                      << u"/nonexistent/certs"_s;
    QTest::newRow("log-level") << QStringList{u"--log-level"_s, u"loud"_s, u"images"_s} << u"loud"_s;
    QTest::newRow("images format") << QStringList{u"images"_s, u"--format"_s, u"xml"_s} << u"xml"_s;
    QTest::newRow("inspect raw+config") << QStringList{u"inspect"_s, u"--raw"_s, u"--config"_s, u"a:b"_s} << u"--raw"_s;
    QTest::newRow("push oci without destination") << QStringList{u"push"_s, u"oci:/tmp/layout:v1"_s} << u"DESTINATION"_s;
    QTest::newRow("platform") << QStringList{u"pull"_s, u"--platform"_s, u"linux"_s, u"oci:/tmp/l:v1"_s} << u"--platform"_s;
}

void TestCli::badValues()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const ProcessResult r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(stderrLines(r), 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(u"stevedore"_s), qPrintable(err));
    QVERIFY2(err.contains(mentions), qPrintable(err));
}

void TestCli::malformedReferences_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("uppercase repo") << QStringList{u"push"_s, u"localhost:5000/Team/App:v1"_s};
    QTest::newRow("bad tag") << QStringList{u"push"_s, u"app:-v1"_s, u"docker://localhost:5000/app:v1"_s};
    QTest::newRow("short digest") << QStringList{u"push"_s, u"app@sha256:1234"_s};
    QTest::newRow("empty docker") << QStringList{u"push"_s, u"app:v1"_s, u"docker://"_s};
    QTest::newRow("double colon") << QStringList{u"copy"_s, u"oci:/tmp/x:v1"_s, u"docker://localhost:5000/a::b"_s};
    QTest::newRow("inspect spaces") << QStringList{u"inspect"_s, u"not an image"_s};
    QTest::newRow("tag target") << QStringList{u"tag"_s, u"app:v1"_s, u"APP:v1"_s};
    QTest::newRow("tag transport") << QStringList{u"tag"_s, u"app:v1"_s, u"oci:/tmp/x:v1"_s};
    QTest::newRow("pull bad name") << QStringList{u"pull"_s, u"oci:/tmp/x:v1"_s, u"Bad Name"_s};
}

void TestCli::malformedReferences()
{
    QFETCH(QStringList, args);
    const ProcessResult r = cli(args);
    QVERIFY2(r.exitCode != 0 && !r.crashed && !r.timedOut, r.err.constData());
    QCOMPARE(stderrLines(r), 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(u"stevedore %1: "_s.arg(args.first())), qPrintable(err));
    QVERIFY2(err.size() > 30, qPrintable(err));
}

void TestCli::credsWithoutPasswordAndNoTty()
{
    const ProcessResult r = cli({u"push"_s, u"--creds"_s, u"alice"_s, u"localhost:5000/team/app:v1"_s}, 20000,
                                QByteArray("secret\n"));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(stderrLines(r), 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(u"stevedore push: --creds alice has no password"_s), qPrintable(err));
    QVERIFY(err.contains(u"not a terminal"_s));
}

void TestCli::passwordNeverPrinted()
{
    const QByteArray pw = "Tr0ub4dor&3xyzzy";
    const QString creds = u"alice:"_s + QString::fromLatin1(pw);
    const QString layout = makeLayout(u"pw"_s, u"v1"_s);
    QVERIFY(!layout.isEmpty());
    // A registry port where nothing listens, with every output mode and debug logging.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString dead = u"127.0.0.1:%1"_s.arg(probe.serverPort());
    probe.close();
    const QList<QStringList> runs{
        {u"push"_s, u"--debug"_s, u"--retry=0"_s, u"--creds"_s, creds, u"oci:"_s + layout + u":v1"_s,
         u"docker://"_s + dead + u"/team/app:v1"_s},
        {u"push"_s, u"--progress=json"_s, u"--retry=0"_s, u"--creds="_s + creds, u"oci:"_s + layout + u":v1"_s,
         u"docker://"_s + dead + u"/team/app:v1"_s},
        {u"inspect"_s, u"--debug"_s, u"--creds"_s, creds, u"--tls-verify=false"_s, u"docker://"_s + dead + u"/team/app:v1"_s},
        {u"push"_s, u"--creds"_s, creds, u"--sign-by"_s, u"X"_s, u"app:v1"_s},
        {u"push"_s, u"--creds"_s, creds, u"Bad Ref"_s},
    };
    for (const QStringList &args : runs) {
        const ProcessResult r = cli(args, 60000);
        QVERIFY2(r.exitCode != 0 && !r.timedOut, qPrintable(args.join(u' ')));
        QVERIFY2(!r.out.contains(pw), r.out.constData());
        QVERIFY2(!r.err.contains(pw), r.err.constData());
        QVERIFY2(!r.err.isEmpty(), qPrintable(args.join(u' ')));
    }
}

void TestCli::passwordPromptOnTty()
{
    // script(1) gives the CLI a pseudo-terminal; the password typed there is read without echo and used
    // against a registry with htpasswd basic auth.
    const QString script = findTool(u"script"_s);
    if (script.isEmpty())
        QFAIL("script (util-linux) is needed to run the CLI on a pseudo-terminal");
    RegistryOptions ro;
    ro.auth = RegistryAuth::Basic;
    RegistryFixture registry(ro);
    QString error;
    QVERIFY2(registry.start(&error), qPrintable(error));
    const QString layout = makeLayout(u"tty"_s, u"v1"_s);
    QVERIFY(!layout.isEmpty());

    auto pushTyping = [&](const QString &typed, const QString &tag) {
        const QStringList cmd{m_cli, u"push"_s, u"--retry=0"_s, u"--tls-verify=false"_s, u"--creds"_s, ro.user,
                              u"oci:"_s + layout + u":v1"_s,
                              u"docker://"_s + registry.hostPort() + u"/team/app:"_s + tag};
        QStringList quoted;
        for (const QString &a : cmd)
            quoted << shellQuote(a);
        const QString shell = u"(sleep 1; printf '%s\\n' %1; sleep 3) | %2 -qec %3 /dev/null"_s.arg(
            shellQuote(typed), shellQuote(script), shellQuote(quoted.join(u' ')));
        return runProcess(u"/bin/sh"_s, {u"-c"_s, shell}, 90000, m_env);
    };

    ProcessResult r = pushTyping(ro.password, u"v1"_s);
    QVERIFY2(!r.timedOut, "timed out");
    QByteArray all = r.out + r.err;
    QVERIFY2(all.contains("Password for alice: "), all.constData());
    QVERIFY2(!all.contains(ro.password.toUtf8()), all.constData()); // no echo, never printed
    QVERIFY2(r.exitCode == 0, all.constData());
    QVERIFY2(all.contains("Wrote manifest sha256:"), all.constData());

    // a wrong password typed at the prompt: an operation failure (exit 1), and it is not printed either
    r = pushTyping(u"Wr0ngPassw0rd"_s, u"v2"_s);
    all = r.out + r.err;
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(all.contains("stevedore push: "), all.constData());
    QVERIFY2(!all.contains("Wr0ngPassw0rd"), all.constData());
    QVERIFY2(!all.contains("has no password"), all.constData());
}

void TestCli::corruptStore()
{
    const QString root = m_home->path() + u"/work/badstore"_s;
    QVERIFY(QDir().mkpath(root));
    QFile layoutFile(root + u"/oci-layout"_s);
    QVERIFY(layoutFile.open(QIODevice::WriteOnly));
    layoutFile.write("{\"imageLayoutVersion\":\"1.0.0\"}");
    layoutFile.close();
    QFile index(root + u"/index.json"_s);
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("{\"schemaVersion\": 2, \"manifests\": [");
    index.close();
    // the overview still works (exit 0) and says what is wrong
    ProcessResult r = cli({u"--root"_s, root});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("unreadable"), r.out.constData());
    // images fails with one line
    r = cli({u"images"_s, u"--root"_s, root});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(stderrLines(r), 1);
    QVERIFY2(r.err.startsWith("stevedore images: ") && r.err.contains("index.json"), r.err.constData());
}

void TestCli::localStoreFlow()
{
    TestImageSpec spec;
    spec.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s};
    QString digest;
    const QString layout = makeLayout(u"app"_s, u"v1"_s, spec, &digest);
    QVERIFY2(!layout.isEmpty(), "writeTestLayout failed (tests/support)");
    QFile manifestFile(layout + u"/blobs/sha256/"_s + digest.mid(7));
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    const QByteArray manifest = manifestFile.readAll();

    // empty store
    ProcessResult r = cli({u"images"_s, u"--format"_s, u"json"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);

    r = cli({u"pull"_s, u"--all"_s, u"-q"_s, u"oci:"_s + layout + u":v1"_s, u"myapp:v1"_s}, 120000);
    QVERIFY2(r.ok(), r.err.constData());

    r = cli({u"images"_s});
    QCOMPARE(r.exitCode, 0);
    QString out = QString::fromUtf8(r.out);
    QStringList lines = out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(u"REPOSITORY"_s) && lines.at(0).contains(u"TAG"_s) && lines.at(0).contains(u"DIGEST"_s)
                 && lines.at(0).contains(u"CREATED"_s),
             qPrintable(out));
    QVERIFY2(lines.at(1).contains(u"docker.io/library/myapp"_s), qPrintable(out));
    QVERIFY(lines.at(1).contains(u" v1 "_s));
    QVERIFY(lines.at(1).contains(digest.mid(7, 12)));

    r = cli({u"images"_s, u"--noheading"_s});
    QCOMPARE(QString::fromUtf8(r.out).trimmed().split(u'\n').size(), 1);

    r = cli({u"tag"_s, u"myapp:v1"_s, u"localhost:5000/team/app:v2"_s});
    QVERIFY2(r.ok(), r.err.constData());

    r = cli({u"images"_s, u"--format=json"_s});
    QCOMPARE(r.exitCode, 0);
    QJsonArray arr = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(arr.size(), 2);
    QStringList names;
    for (const auto &v : arr) {
        names << v.toObject().value(u"name"_s).toString();
        QCOMPARE(v.toObject().value(u"digest"_s).toString(), digest);
    }
    names.sort();
    QCOMPARE(names, (QStringList{u"docker.io/library/myapp:v1"_s, u"localhost:5000/team/app:v2"_s}));

    // inspect --raw returns the layout's manifest bytes exactly, from the store and from the layout itself
    r = cli({u"inspect"_s, u"--raw"_s, u"localhost:5000/team/app:v2"_s});
    QVERIFY2(r.ok(), r.err.constData());
    QCOMPARE(r.out, manifest);
    r = cli({u"inspect"_s, u"--raw"_s, u"oci:"_s + layout + u":v1"_s});
    QVERIFY2(r.ok(), r.err.constData());
    QCOMPARE(r.out, manifest);
    r = cli({u"inspect"_s, u"myapp:v1"_s});
    QVERIFY2(r.ok(), r.err.constData());
    QJsonParseError pe;
    const QJsonDocument summary = QJsonDocument::fromJson(r.out, &pe);
    QVERIFY2(pe.error == QJsonParseError::NoError && summary.isObject(), r.out.constData());
    r = cli({u"inspect"_s, u"--config"_s, u"myapp:v1"_s});
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY(QJsonDocument::fromJson(r.out).object().contains(u"rootfs"_s));

    // the overview counts them
    r = cli({});
    QVERIFY2(QString::fromUtf8(r.out).contains(u"2 images"_s), r.out.constData());

    // rmi of an unknown name fails with one line and changes nothing
    r = cli({u"rmi"_s, u"nothere:v9"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(stderrLines(r), 1);
    QVERIFY(r.err.startsWith("stevedore rmi: "));

    r = cli({u"rmi"_s, u"myapp:v1"_s, u"localhost:5000/team/app:v2"_s});
    QVERIFY2(r.ok(), r.err.constData());
    r = cli({u"images"_s, u"--format"_s, u"json"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
    r = cli({u"images"_s, u"--noheading"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.trimmed().isEmpty());

    // and inspect of a removed name is a clear failure
    r = cli({u"inspect"_s, u"myapp:v1"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(stderrLines(r), 1);
}

void TestCli::pullDerivesNameAndDigestFile()
{
    QString digest;
    TestImageSpec spec;
    spec.asIndex = false;
    const QString layout = makeLayout(u"Web_Server"_s, u"1.0"_s, spec, &digest);
    QVERIFY(!layout.isEmpty());
    const QString digestFile = m_home->path() + u"/work/digest.txt"_s;
    ProcessResult r = cli({u"pull"_s, u"-q"_s, u"--digestfile"_s, digestFile, u"oci:"_s + layout + u":1.0"_s});
    QVERIFY2(r.ok(), r.err.constData());
    QFile f(digestFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()).trimmed(), digest);
    r = cli({u"images"_s, u"--format"_s, u"json"_s});
    const QJsonArray arr = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(arr.size(), 1);
    QCOMPARE(arr.at(0).toObject().value(u"name"_s).toString(), u"localhost/web_server:1.0"_s);
}

void TestCli::ctrlCCancels_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("SIGINT") << int(SIGINT) << 130;
    QTest::newRow("SIGTERM") << int(SIGTERM) << 143;
}

void TestCli::ctrlCCancels()
{
    QFETCH(int, signalNumber);
    QFETCH(int, exitCode);
    // A "registry" that accepts connections and never answers: the push waits until SIGINT cancels it.
    const QString layout = makeLayout(u"ctrlc"_s, u"v1"_s);
    QVERIFY(!layout.isEmpty());
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = silent.nextPendingConnection())
            held << s;
    });
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(m_cli, {u"push"_s, u"--tls-verify=false"_s, u"--retry=0"_s, u"--progress=plain"_s,
                    u"oci:"_s + layout + u":v1"_s, u"docker://127.0.0.1:%1/team/app:v1"_s.arg(silent.serverPort())});
    QVERIFY(p.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(!held.isEmpty(), 15000); // it connected
    QTest::qWait(300);
    QCOMPARE(p.state(), QProcess::Running);
    ::kill(pid_t(p.processId()), signalNumber);
    QVERIFY2(p.waitForFinished(10000), "the CLI did not stop within 10 s of the signal");
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), exitCode);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.startsWith("stevedore push: interrupted"), err.constData());
    qDeleteAll(held);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
