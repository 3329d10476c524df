// The progress renderers of the `stevedore` CLI, run as a real process: tty (on a pseudo-terminal made by script(1),
// also one too short for every blob), json (every line an object, every blob ending "done", an error event), plain
// (no carriage returns or escapes) and quiet (nothing at all). The rest of the CLI is in tst_cli; the fixture both use
// is in support/clifixture.h.

#include "support/clifixture.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

class TestCliProgress : public QObject, public CliFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void progressTtyOnTerminal();
    void progressJson();
    void progressJsonError();
    void progressPlainHasNoCarriageReturns();
    void quietPrintsNothing();
};

void TestCliProgress::initTestCase()
{
    m_cli = QStringLiteral(STEVEDORE_CLI_PATH);
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(u"stevedore not built at "_s + m_cli));
}

void TestCliProgress::init()
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

void TestCliProgress::cleanup()
{
    m_home.reset();
}

void TestCliProgress::progressTtyOnTerminal()
{
    const QString script = findTool(u"script"_s);
    if (script.isEmpty())
        QFAIL("script (util-linux) is needed to run the CLI on a pseudo-terminal");
    const QString layout = makeLayout(u"ttyprogress"_s, u"v1"_s);
    QVERIFY(!layout.isEmpty());
    m_env.insert(u"LINES"_s, u"30"_s);
    m_env.insert(u"COLUMNS"_s, u"100"_s);
    const QStringList cmd{m_cli, u"copy"_s, u"oci:"_s + layout + u":v1"_s,
                          u"dir:"_s + m_home->path() + u"/work/ttyout"_s};
    QStringList quoted;
    for (const QString &a : cmd)
        quoted << shellQuote(a);
    const ProcessResult r = runProcess(script, {u"-qec"_s, quoted.join(u' '), u"/dev/null"_s}, 60000, m_env,
                                       QByteArray());
    QCOMPARE(r.exitCode, 0);
    // auto = tty on a terminal: lines redrawn in place with ANSI escapes, bars, a final manifest line
    QVERIFY2(r.out.contains("\x1b[2K"), r.out.constData());
    QVERIFY2(r.out.contains("] "), r.out.constData());
    QVERIFY2(r.out.contains(" done"), r.out.constData());
    QVERIFY2(r.out.contains("Wrote manifest sha256:"), r.out.constData());
    QVERIFY2(r.out.contains("3/3 blobs done, 0 waiting"), r.out.constData()); // 2 layers + config
    for (const QByteArray &line : r.out.split('\n'))
        QVERIFY2(line.size() < 100 + 40, line.constData()); // never wider than the terminal (+ escapes)

    // a terminal too short for every blob: the blobs in flight plus one summary line, never more lines
    TestImageSpec four;
    four.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s, u"linux/ppc64le"_s, u"linux/s390x"_s};
    const QString big = makeLayout(u"ttyfour"_s, u"v1"_s, four);
    QVERIFY(!big.isEmpty());
    m_env.insert(u"LINES"_s, u"6"_s);
    const QString shortCmd = shellQuote(m_cli) + u" copy --all "_s + shellQuote(u"oci:"_s + big + u":v1"_s) + u' '
        + shellQuote(u"oci:"_s + m_home->path() + u"/work/ttyfourout:v1"_s);
    const ProcessResult s = runProcess(script, {u"-qec"_s, shortCmd, u"/dev/null"_s}, 60000, m_env);
    QCOMPARE(s.exitCode, 0);
    QVERIFY2(s.out.contains("12/12 blobs done, 0 waiting"), s.out.constData());
    QVERIFY2(!s.out.contains("\x1b[5A") && !s.out.contains("\x1b[12A"), s.out.constData()); // at most 4 lines redrawn
    m_env.insert(u"LINES"_s, u"30"_s);

    // and --progress=plain on the same terminal has no escapes
    QStringList plain = quoted;
    plain.insert(2, u"--progress=plain"_s);
    plain.last() = shellQuote(u"dir:"_s + m_home->path() + u"/work/ttyout2"_s);
    const ProcessResult p = runProcess(script, {u"-qec"_s, plain.join(u' '), u"/dev/null"_s}, 60000, m_env);
    QCOMPARE(p.exitCode, 0);
    QVERIFY2(!p.out.contains("\x1b["), p.out.constData());
}

void TestCliProgress::progressJson()
{
    QString digest;
    TestImageSpec spec;
    spec.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s};
    const QString layout = makeLayout(u"json"_s, u"v1"_s, spec, &digest);
    QVERIFY(!layout.isEmpty());
    const ProcessResult r = cli({u"copy"_s, u"--all"_s, u"--progress=json"_s, u"oci:"_s + layout + u":v1"_s,
                                 u"oci:"_s + m_home->path() + u"/work/out:v1"_s},
                                120000);
    QVERIFY2(r.ok(), r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 3);
    QHash<QString, QString> lastState; // blob digest -> last state seen
    for (const QByteArray &line : lines) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError && doc.isObject(), line.constData());
        const QJsonObject o = doc.object();
        const QString event = o.value(u"event"_s).toString();
        QVERIFY2(QStringList({u"start"_s, u"blob"_s, u"image"_s, u"done"_s}).contains(event), line.constData());
        if (event == "blob"_L1) {
            QVERIFY(o.value(u"digest"_s).toString().startsWith(u"sha256:"_s));
            QVERIFY(o.contains(u"done"_s) && o.contains(u"total"_s) && o.contains(u"state"_s) && o.contains(u"image"_s));
            lastState.insert(o.value(u"digest"_s).toString(), o.value(u"state"_s).toString());
            if (o.value(u"state"_s).toString() == "done"_L1)
                QCOMPARE(o.value(u"done"_s).toInteger(), o.value(u"total"_s).toInteger());
        }
    }
    // 2 platforms x (2 layers + 1 config): at least 3 distinct blobs, every one of them ends "done"
    QVERIFY2(lastState.size() >= 3, qPrintable(QString::number(lastState.size())));
    for (auto it = lastState.cbegin(); it != lastState.cend(); ++it)
        QVERIFY2(it.value() == "done"_L1, qPrintable(it.key() + u' ' + it.value()));
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(last.value(u"event"_s).toString(), u"done"_s);
    QCOMPARE(last.value(u"digest"_s).toString(), digest);
    QVERIFY(QJsonDocument::fromJson(lines.first()).object().value(u"event"_s).toString() == "start"_L1);
}

void TestCliProgress::progressJsonError()
{
    const ProcessResult r = cli({u"copy"_s, u"--progress=json"_s, u"oci:"_s + m_home->path() + u"/work/missing:v1"_s,
                                 u"oci:"_s + m_home->path() + u"/work/out:v1"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(stderrLines(r), 1);
    QVERIFY(r.err.startsWith("stevedore copy: "));
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    for (const QByteArray &line : lines)
        QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(last.value(u"event"_s).toString(), u"error"_s);
    QVERIFY(!last.value(u"code"_s).toString().isEmpty());
    QVERIFY(!last.value(u"message"_s).toString().isEmpty());
    // no tag was written at the destination
    QFile index(m_home->path() + u"/work/out/index.json"_s);
    if (index.open(QIODevice::ReadOnly))
        QVERIFY(!index.readAll().contains("\"v1\""));
}

void TestCliProgress::progressPlainHasNoCarriageReturns()
{
    const QString layout = makeLayout(u"plain"_s, u"v1"_s);
    QVERIFY(!layout.isEmpty());
    const ProcessResult r = cli({u"copy"_s, u"oci:"_s + layout + u":v1"_s, u"dir:"_s + m_home->path() + u"/work/dirout"_s},
                                120000);
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY(!r.out.contains('\r'));
    QVERIFY(!r.out.contains('\x1b'));
    QVERIFY2(r.out.contains("blob ") && r.out.contains(": done"), r.out.constData());
    QVERIFY2(r.out.trimmed().split('\n').last().startsWith("Wrote manifest sha256:"), r.out.constData());
    QVERIFY(r.err.isEmpty());
}

void TestCliProgress::quietPrintsNothing()
{
    const QString layout = makeLayout(u"quiet"_s, u"v1"_s);
    QVERIFY(!layout.isEmpty());
    for (const QString &q : {u"-q"_s, u"--quiet"_s}) {
        const ProcessResult r = cli({u"pull"_s, q, u"oci:"_s + layout + u":v1"_s, u"quiet:"_s + q.mid(q.lastIndexOf(u'-') + 1)},
                                    120000);
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
    }
}

QTEST_GUILESS_MAIN(TestCliProgress)
#include "tst_cli_progress.moc"
