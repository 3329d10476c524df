// import-image end to end: the real `stevedore` binary against Debian's docker-registry (skopeo pushes the sources
// and reads them back as the oracle), plus the engine API the GUI's timer uses (ScheduledImports,
// runScheduledImportsAsync) in process. Network only to 127.0.0.1.
#include "support/e2e.h"
#include "support/testsupport.h"

#include "ops/importimage.h"
#include "transport/store/localstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {

const QStringList kPlatforms{u"linux/amd64"_s, u"linux/arm64/v8"_s, u"linux/arm/v7"_s, u"linux/ppc64le"_s};
const QString kModeError = u"error: valid ImportMode values are Legacy or PreserveOriginal"_s;
constexpr int kRunTimeout = 60000; // every CLI or skopeo run, so each test function stays bounded

} // namespace

class TestImportImage : public QObject
{
    Q_OBJECT

private:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    QString m_skopeo;
    std::unique_ptr<QTemporaryDir> m_shared; // the registry's sources, for the whole run
    std::unique_ptr<RegistryFixture> m_reg;
    QString m_listDigest;                    // team/multi:v1, as the registry holds it
    QMap<QString, QString> m_children;       // platform -> child digest in that list
    std::unique_ptr<QTemporaryDir> m_tmp;    // per test: HOME and the store
    QProcessEnvironment m_env;

    QString path(const QString &name) const { return m_tmp->filePath(name); }
    QString storeRoot() const { return m_tmp->filePath(u"store"_s); }
    QString remote(const QString &repo) const { return m_reg->hostPort() + u'/' + repo; }

    static QString describe(const ProcessResult &r)
    {
        return u"exit %1%2\nstdout: %3\nstderr: %4"_s.arg(r.exitCode).arg(r.timedOut ? u" (timed out)"_s : QString())
            .arg(QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
    }

    ProcessResult stevedore(const QStringList &args) { return runProcess(m_cli, args, kRunTimeout, m_env); }

    ProcessResult skopeo(const QStringList &args, const QProcessEnvironment &env)
    {
        return runProcess(m_skopeo, QStringList{u"--insecure-policy"_s} + args, kRunTimeout, env);
    }

    // Pushes a 4-platform (or 1-platform) list made with `seed` to the registry at repo:tag; returns the list digest
    // the registry holds (read back by skopeo) and fills `children` (platform -> digest).
    QString pushList(const QString &repoTag, quint32 seed, const QStringList &platforms, QMap<QString, QString> *children,
                     QString *error)
    {
        const QString layout = m_shared->filePath(u"layout-%1"_s.arg(seed));
        const TestImageSpec spec{.platforms = platforms, .layersPerPlatform = 1, .layerSize = 32 * 1024,
                                 .gzipLayers = true, .seed = seed};
        if (writeTestLayout(layout, u"v1"_s, spec, error).isEmpty())
            return {};
        const QProcessEnvironment env = isolatedEnvironment(m_shared->filePath(u"home"_s));
        ProcessResult r = skopeo({u"copy"_s, u"--all"_s, u"--dest-tls-verify=false"_s, u"oci:"_s + layout + u":v1"_s,
                                  u"docker://"_s + remote(repoTag)}, env);
        if (!r.ok()) {
            *error = u"skopeo copy: "_s + describe(r);
            return {};
        }
        r = skopeo({u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s, u"docker://"_s + remote(repoTag)}, env);
        if (!r.ok()) {
            *error = u"skopeo inspect: "_s + describe(r);
            return {};
        }
        if (children) {
            children->clear();
            const QJsonArray entries = QJsonDocument::fromJson(r.out).object().value(u"manifests"_s).toArray();
            for (const QJsonValue &v : entries) {
                const QJsonObject p = v.toObject().value(u"platform"_s).toObject();
                QString name = p.value(u"os"_s).toString() + u'/' + p.value(u"architecture"_s).toString();
                if (!p.value(u"variant"_s).toString().isEmpty())
                    name += u'/' + p.value(u"variant"_s).toString();
                children->insert(name, v.toObject().value(u"digest"_s).toString());
            }
        }
        return sha256Digest(r.out);
    }

    // The digest of what the store holds at NAME (read with `stevedore inspect --raw`), or empty.
    QString storedDigest(const QString &name)
    {
        const ProcessResult r = stevedore({u"inspect"_s, u"--raw"_s, name});
        return r.ok() ? sha256Digest(r.out) : QString();
    }

    // The names in the store's index.json (its entries' ref.name): empty when nothing was ever written.
    QStringList storeNames() const
    {
        QStringList names;
        const QJsonObject index = readJsonObject(QDir(storeRoot()).filePath(u"index.json"_s));
        for (const QJsonValue &m : index.value(u"manifests"_s).toArray())
            names << m.toObject().value(u"annotations"_s).toObject().value(u"org.opencontainers.image.ref.name"_s).toString();
        return names;
    }

    // The "os/arch[/variant]  sha256:..." lines after "Manifests:".
    static QStringList manifestLines(const QByteArray &out)
    {
        const QStringList lines = QString::fromUtf8(out).split(u'\n');
        const qsizetype start = lines.indexOf(u"Manifests:"_s);
        QStringList result;
        static const QRegularExpression line(u"^[a-z0-9]+/[a-z0-9]+(/[a-z0-9.]+)?  sha256:[0-9a-f]{64}$"_s);
        for (qsizetype i = start + 1; start >= 0 && i < lines.size() && line.match(lines.at(i)).hasMatch(); ++i)
            result << lines.at(i);
        return result;
    }

    QString line(const QString &platform) const { return platform + u"  "_s + m_children.value(platform); }

private slots:
    void initTestCase()
    {
        const QString missing = missingE2ePeers(m_cli, {u"skopeo"_s, u"docker-registry"_s});
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        m_skopeo = findTool(u"skopeo"_s);
        m_shared = std::make_unique<QTemporaryDir>();
        QVERIFY(m_shared->isValid());
        m_reg = std::make_unique<RegistryFixture>();
        QString error;
        QVERIFY2(m_reg->start(&error), qPrintable(error));
        m_listDigest = pushList(u"team/multi:v1"_s, 1, kPlatforms, &m_children, &error);
        QVERIFY2(!m_listDigest.isEmpty(), qPrintable(error));
        QCOMPARE(m_children.keys().size(), 4);
        for (const QString &p : kPlatforms)
            QVERIFY2(m_children.contains(p), qPrintable(p));
    }

    void cleanupTestCase()
    {
        m_reg.reset();
        m_shared.reset();
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(path(u"home"_s));
        m_env.insert(u"STEVEDORE_ROOT"_s, storeRoot());
    }

    void cleanup() { m_tmp.reset(); }

    // Legacy with --platform: the store holds that sub-manifest alone under NAME, not the list.
    void legacyWithPlatform()
    {
        const ProcessResult r = stevedore({u"import-image"_s, u"app:v1"_s, u"--from="_s + remote(u"team/multi:v1"_s),
                                           u"--platform"_s, u"linux/arm64/v8"_s, u"--insecure"_s, u"--confirm"_s, u"-q"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(manifestLines(r.out), QStringList{line(u"linux/arm64/v8"_s)});
        QCOMPARE(storedDigest(u"app:v1"_s), m_children.value(u"linux/arm64/v8"_s));
        QCOMPARE(storeNames(), QStringList{u"docker.io/library/app:v1"_s});
        // The stored manifest is an image manifest (the list was discarded).
        const ProcessResult raw = stevedore({u"inspect"_s, u"--raw"_s, u"app:v1"_s});
        QVERIFY(!QJsonDocument::fromJson(raw.out).object().contains(u"manifests"_s));
    }

    // Legacy without --platform on this machine: its platform's child (linux/amd64 on an amd64 machine, and
    // linux/amd64 as the fallback on machines the list does not have).
    void legacyDefaultPlatform()
    {
        const QString hostArch = hostPlatformArchitecture();
        QString expected = u"linux/amd64"_s;
        for (const QString &p : kPlatforms)
            if (p.section(u'/', 1, 1) == hostArch)
                expected = p;
        const ProcessResult r = stevedore({u"import-image"_s, u"app"_s, u"--from=docker://"_s + remote(u"team/multi:v1"_s),
                                           u"--insecure"_s, u"--confirm"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(manifestLines(r.out), QStringList{line(expected)});
        QVERIFY2(r.out.contains("Import mode: Legacy"), r.out.constData());
        QCOMPARE(storedDigest(u"app:latest"_s), m_children.value(expected));
    }

    // PreserveOriginal: the list itself at NAME, every child (and its blobs) in the store.
    void preserveOriginal()
    {
        const ProcessResult r = stevedore({u"import-image"_s, u"app:all"_s, u"--from="_s + remote(u"team/multi:v1"_s),
                                           u"--import-mode=PreserveOriginal"_s, u"--tls-verify=false"_s, u"--confirm"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QStringList expected;
        for (const QString &p : kPlatforms)
            expected << line(p);
        QCOMPARE(manifestLines(r.out), expected);
        QCOMPARE(storedDigest(u"app:all"_s), m_listDigest);
        for (const QString &child : std::as_const(m_children)) {
            const QJsonObject manifest = readJsonObject(layoutBlobPath(storeRoot(), child));
            QVERIFY2(!manifest.isEmpty(), qPrintable(u"child %1 is not in the store"_s.arg(child)));
            QVERIFY(QFileInfo::exists(layoutBlobPath(storeRoot(), manifest.value(u"config"_s).toObject()
                                                                      .value(u"digest"_s).toString())));
            for (const QJsonValue &l : manifest.value(u"layers"_s).toArray())
                QVERIFY(QFileInfo::exists(layoutBlobPath(storeRoot(), l.toObject().value(u"digest"_s).toString())));
        }
    }

    // Any transport reference is a source too: an OCI layout, where the copy chooses the sub-manifest by platform.
    void fromOciLayout()
    {
        const QString layout = path(u"layout"_s);
        QString error;
        const TestImageSpec spec{.platforms = kPlatforms, .layersPerPlatform = 1, .layerSize = 16 * 1024, .seed = 5};
        const QString list = writeTestLayout(layout, u"v1"_s, spec, &error);
        QVERIFY2(!list.isEmpty(), qPrintable(error));
        QMap<QString, QString> children;
        for (const QJsonValue &v : readJsonObject(layoutBlobPath(layout, list)).value(u"manifests"_s).toArray()) {
            const QJsonObject p = v.toObject().value(u"platform"_s).toObject();
            QString name = p.value(u"os"_s).toString() + u'/' + p.value(u"architecture"_s).toString();
            if (!p.value(u"variant"_s).toString().isEmpty())
                name += u'/' + p.value(u"variant"_s).toString();
            children.insert(name, v.toObject().value(u"digest"_s).toString());
        }
        ProcessResult r = stevedore({u"import-image"_s, u"local:arm"_s, u"--from=oci:"_s + layout + u":v1"_s,
                                     u"--platform=linux/arm/v7"_s, u"--confirm"_s, u"-q"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(manifestLines(r.out), QStringList{u"linux/arm/v7  "_s + children.value(u"linux/arm/v7"_s)});
        QCOMPARE(storedDigest(u"local:arm"_s), children.value(u"linux/arm/v7"_s));
        r = stevedore({u"import-image"_s, u"local:all"_s, u"--from=oci:"_s + layout + u":v1"_s,
                       u"--import-mode=PreserveOriginal"_s, u"--confirm"_s, u"-q"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(manifestLines(r.out).size(), 4);
        QCOMPARE(storedDigest(u"local:all"_s), list);
    }

    // A list whose entries name no platform: the platforms come from the configs (read only then), and Legacy
    // --platform still finds its child.
    void listWithoutPlatforms()
    {
        const QString layout = path(u"bare"_s);
        QString error;
        const TestImageSpec spec{.platforms = kPlatforms, .layersPerPlatform = 1, .layerSize = 8 * 1024,
                                 .gzipLayers = true, .seed = 7};
        const QString list = writeTestLayout(layout, u"v1"_s, spec, &error);
        QVERIFY2(!list.isEmpty(), qPrintable(error));
        // Rewrite the index without its platforms, and point index.json at it.
        QJsonObject index = readJsonObject(layoutBlobPath(layout, list));
        QJsonArray entries = index.value(u"manifests"_s).toArray();
        QMap<QString, QString> children;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            QJsonObject e = entries.at(i).toObject();
            const QJsonObject p = e.value(u"platform"_s).toObject();
            QString name = p.value(u"os"_s).toString() + u'/' + p.value(u"architecture"_s).toString();
            if (!p.value(u"variant"_s).toString().isEmpty())
                name += u'/' + p.value(u"variant"_s).toString();
            children.insert(name, e.value(u"digest"_s).toString());
            e.remove(u"platform"_s);
            entries.replace(i, e);
        }
        index.insert(u"manifests"_s, entries);
        const QByteArray bytes = QJsonDocument(index).toJson(QJsonDocument::Compact);
        const QString bare = sha256Digest(bytes);
        QFile blob(layoutBlobPath(layout, bare));
        QVERIFY(blob.open(QIODevice::WriteOnly));
        blob.write(bytes);
        blob.close();
        QJsonObject top = readJsonObject(QDir(layout).filePath(u"index.json"_s));
        QJsonArray refs = top.value(u"manifests"_s).toArray();
        QCOMPARE(refs.size(), 1);
        QJsonObject ref = refs.at(0).toObject();
        ref.insert(u"digest"_s, bare);
        ref.insert(u"size"_s, bytes.size());
        refs.replace(0, ref);
        top.insert(u"manifests"_s, refs);
        QFile indexFile(QDir(layout).filePath(u"index.json"_s));
        QVERIFY(indexFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        indexFile.write(QJsonDocument(top).toJson());
        indexFile.close();
        const ProcessResult push = skopeo({u"copy"_s, u"--all"_s, u"--dest-tls-verify=false"_s, u"oci:"_s + layout + u":v1"_s,
                                           u"docker://"_s + remote(u"team/bare:v1"_s)}, m_env);
        QVERIFY2(push.ok(), qPrintable(describe(push)));
        const ProcessResult pushed = skopeo({u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s,
                                             u"docker://"_s + remote(u"team/bare:v1"_s)}, m_env);
        QVERIFY2(pushed.ok() && sha256Digest(pushed.out) == bare, qPrintable(describe(pushed)));

        ProcessResult r = stevedore({u"import-image"_s, u"bare:v1"_s, u"--from="_s + remote(u"team/bare:v1"_s),
                                     u"--import-mode=PreserveOriginal"_s, u"--insecure"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QStringList expected;
        for (const QString &p : kPlatforms)
            expected << p + u"  "_s + children.value(p);
        QCOMPARE(manifestLines(r.out), expected);
        r = stevedore({u"import-image"_s, u"bare:v1"_s, u"--from="_s + remote(u"team/bare:v1"_s),
                       u"--platform=linux/ppc64le"_s, u"--insecure"_s, u"--confirm"_s, u"-q"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(storedDigest(u"bare:v1"_s), children.value(u"linux/ppc64le"_s));
    }

    // A single image (not a list): imported as it is; a --platform it is not for fails and names what it is.
    void singleImage()
    {
        const QString layout = path(u"single"_s);
        QString error;
        const TestImageSpec spec{.platforms = {u"linux/amd64"_s}, .layersPerPlatform = 1, .layerSize = 8 * 1024,
                                 .gzipLayers = true, .asIndex = false, .seed = 9};
        const QString digest = writeTestLayout(layout, u"v1"_s, spec, &error);
        QVERIFY2(!digest.isEmpty(), qPrintable(error));
        const ProcessResult push = skopeo({u"copy"_s, u"--dest-tls-verify=false"_s, u"oci:"_s + layout + u":v1"_s,
                                           u"docker://"_s + remote(u"team/single:v1"_s)}, m_env);
        QVERIFY2(push.ok(), qPrintable(describe(push)));
        ProcessResult r = stevedore({u"import-image"_s, u"single:v1"_s, u"--from="_s + remote(u"team/single:v1"_s),
                                     u"--platform=linux/arm64"_s, u"--insecure"_s, u"--confirm"_s});
        QVERIFY2(!r.timedOut && r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.contains("linux/arm64") && r.err.contains("available: linux/amd64"), r.err.constData());
        QVERIFY(storeNames().isEmpty());
        r = stevedore({u"import-image"_s, u"single:v1"_s, u"--from="_s + remote(u"team/single:v1"_s), u"--insecure"_s,
                       u"--confirm"_s, u"-q"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(manifestLines(r.out), QStringList{u"linux/amd64  "_s + digest});
        QVERIFY(!r.out.contains("manifest list"));
        QCOMPARE(storedDigest(u"single:v1"_s), digest);
    }

    // Any other mode: exactly oc's line on stderr, a non-zero exit, nothing written.
    void bogusImportMode_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("Bogus") << u"Bogus"_s;
        QTest::newRow("lowercase legacy") << u"legacy"_s;
        QTest::newRow("empty") << QString();
    }

    void bogusImportMode()
    {
        QFETCH(QString, mode);
        const ProcessResult r = stevedore({u"import-image"_s, u"app:v1"_s, u"--from="_s + remote(u"team/multi:v1"_s),
                                           u"--import-mode="_s + mode, u"--insecure"_s, u"--confirm"_s});
        QVERIFY2(!r.timedOut && !r.crashed && r.exitCode != 0, qPrintable(describe(r)));
        QCOMPARE(QString::fromUtf8(r.err), kModeError + u'\n');
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFileInfo::exists(storeRoot()));
    }

    // Without --confirm: what would be imported (the right digests), and nothing imported.
    void dryRun()
    {
        ProcessResult r = stevedore({u"import-image"_s, u"app:v1"_s, u"--from="_s + remote(u"team/multi:v1"_s),
                                     u"--import-mode=PreserveOriginal"_s, u"--insecure"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QStringList expected;
        for (const QString &p : kPlatforms)
            expected << line(p);
        QCOMPARE(manifestLines(r.out), expected);
        QVERIFY2(r.out.contains(m_listDigest.toUtf8()), r.out.constData());
        const QStringList lines = QString::fromUtf8(r.out).trimmed().split(u'\n');
        QVERIFY2(lines.last().contains(u"--confirm"_s) && lines.last().contains(u"nothing was imported"_s),
                 qPrintable(lines.last()));
        QVERIFY(storeNames().isEmpty());
        QCOMPARE(storedDigest(u"app:v1"_s), QString());

        r = stevedore({u"import-image"_s, u"app:v1"_s, u"--from="_s + remote(u"team/multi:v1"_s), u"--platform=linux/arm/v7"_s,
                       u"--insecure"_s, u"--scheduled=true"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(manifestLines(r.out), QStringList{line(u"linux/arm/v7"_s)});
        QVERIFY(storeNames().isEmpty());
        QVERIFY2(!QFileInfo::exists(QDir(storeRoot()).filePath(u"scheduled-imports.json"_s)), "a dry run schedules nothing");
    }

    // --scheduled=true records the import; --run-scheduled says unchanged, then, after the tag moved, what changed
    // and updates the store; a scheduled source that is gone fails that name (exit 1) and leaves the others.
    void scheduledReimport()
    {
        QString error;
        QMap<QString, QString> first, second;
        QVERIFY2(!pushList(u"team/sched:v1"_s, 21, {u"linux/amd64"_s, u"linux/arm64/v8"_s}, &first, &error).isEmpty(),
                 qPrintable(error));
        ProcessResult r = stevedore({u"import-image"_s, u"sched:v1"_s, u"--from="_s + remote(u"team/sched:v1"_s),
                                     u"--platform=linux/arm64/v8"_s, u"--insecure"_s, u"--scheduled=true"_s, u"--confirm"_s, u"-q"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(storedDigest(u"sched:v1"_s), first.value(u"linux/arm64/v8"_s));
        const QString file = QDir(storeRoot()).filePath(u"scheduled-imports.json"_s);
        QCOMPARE(fileMode(file), 0600);
        const QJsonArray entries = readJsonObject(file).value(u"imports"_s).toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).toObject().value(u"name"_s).toString(), u"docker.io/library/sched:v1"_s);
        QCOMPARE(entries.at(0).toObject().value(u"platform"_s).toString(), u"linux/arm64/v8"_s);

        r = stevedore({u"import-image"_s, u"--run-scheduled"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(QString::fromUtf8(r.out).trimmed(),
                 u"docker.io/library/sched:v1: unchanged (%1)"_s.arg(first.value(u"linux/arm64/v8"_s)));
        // The file beside the layout does not disturb the store.
        r = stevedore({u"images"_s});
        QVERIFY2(r.ok() && r.out.contains("sched"), qPrintable(describe(r)));

        QVERIFY2(!pushList(u"team/sched:v1"_s, 22, {u"linux/amd64"_s, u"linux/arm64/v8"_s}, &second, &error).isEmpty(),
                 qPrintable(error));
        QVERIFY(second.value(u"linux/arm64/v8"_s) != first.value(u"linux/arm64/v8"_s));
        r = stevedore({u"import-image"_s, u"--run-scheduled"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), u"docker.io/library/sched:v1: updated from %1 to %2"_s
                                                         .arg(first.value(u"linux/arm64/v8"_s), second.value(u"linux/arm64/v8"_s)));
        QCOMPARE(storedDigest(u"sched:v1"_s), second.value(u"linux/arm64/v8"_s));

        // A second entry whose source does not exist: that one fails, the first stays unchanged, exit 1.
        r = stevedore({u"import-image"_s, u"gone:v1"_s, u"--from="_s + remote(u"team/multi:v1"_s), u"--insecure"_s,
                       u"--scheduled=true"_s, u"--confirm"_s, u"-q"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QJsonObject doc = readJsonObject(file);
        QJsonArray list = doc.value(u"imports"_s).toArray();
        QCOMPARE(list.size(), 2);
        QJsonObject gone = list.at(1).toObject();
        gone.insert(u"from"_s, remote(u"team/nothere:v1"_s));
        list.replace(1, gone);
        doc.insert(u"imports"_s, list);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(doc).toJson());
        f.close();
        r = stevedore({u"import-image"_s, u"--run-scheduled"_s});
        QVERIFY2(!r.timedOut && r.exitCode == 1, qPrintable(describe(r)));
        const QStringList lines = QString::fromUtf8(r.out).trimmed().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), u"docker.io/library/sched:v1: unchanged (%1)"_s.arg(second.value(u"linux/arm64/v8"_s)));
        QVERIFY2(lines.at(1).startsWith(u"docker.io/library/gone:v1: failed: "_s) && lines.at(1).contains(u"team/nothere"_s),
                 qPrintable(lines.at(1)));
        QCOMPARE(storedDigest(u"gone:v1"_s), m_children.value(u"linux/amd64"_s)); // untouched by the failure

        // --scheduled=false stops re-importing it.
        r = stevedore({u"import-image"_s, u"gone:v1"_s, u"--from="_s + remote(u"team/multi:v1"_s), u"--insecure"_s,
                       u"--scheduled=false"_s, u"--confirm"_s, u"-q"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(readJsonObject(file).value(u"imports"_s).toArray().size(), 1);
    }

    // A source that does not exist: a clear error naming it, non-zero exit, the store untouched.
    void missingSource()
    {
        const ProcessResult r = stevedore({u"import-image"_s, u"app:v1"_s, u"--from="_s + remote(u"team/nothere:v1"_s),
                                           u"--insecure"_s, u"--confirm"_s});
        QVERIFY2(!r.timedOut && !r.crashed && r.exitCode != 0, qPrintable(describe(r)));
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.startsWith(u"stevedore import-image: "_s) && err.contains(u"team/nothere"_s), qPrintable(err));
        QVERIFY2(err.contains(u"MANIFEST_UNKNOWN"_s, Qt::CaseInsensitive) || err.contains(u"unknown"_s, Qt::CaseInsensitive)
                     || err.contains(u"not found"_s, Qt::CaseInsensitive),
                 qPrintable(err));
        QVERIFY(storeNames().isEmpty());
    }

    // --platform naming a platform the list does not have: the error lists what is there.
    void platformNotInList()
    {
        const ProcessResult r = stevedore({u"import-image"_s, u"app:v1"_s, u"--from="_s + remote(u"team/multi:v1"_s),
                                           u"--platform"_s, u"linux/s390x"_s, u"--insecure"_s, u"--confirm"_s});
        QVERIFY2(!r.timedOut && !r.crashed && r.exitCode != 0, qPrintable(describe(r)));
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(u"linux/s390x"_s), qPrintable(err));
        for (const QString &p : kPlatforms)
            QVERIFY2(err.contains(p), qPrintable(err));
        QVERIFY(storeNames().isEmpty());
    }

    // The engine API the GUI's timer uses: parseImportMode, ScheduledImports (0600, round trip, remove) and
    // runScheduledImportsAsync on the engine's pools.
    void engineApi()
    {
        using namespace stevedore;
        QVERIFY(parseImportMode(u"Legacy"_s).has_value());
        QCOMPARE(*parseImportMode(u"PreserveOriginal"_s), ImportMode::PreserveOriginal);
        QCOMPARE(parseImportMode(u"preserveoriginal"_s).error().message,
                 u"valid ImportMode values are Legacy or PreserveOriginal"_s);

        useIsolatedEnvironment(path(u"home"_s));
        ScheduledImports schedule(storeRoot());
        QCOMPARE(schedule.load()->size(), 0);
        ScheduledImport entry;
        entry.request.name = *ImageReference::parse(u"engine:v1"_s);
        entry.request.from = remote(u"team/multi:v1"_s);
        entry.request.mode = ImportMode::PreserveOriginal;
        entry.insecure = true;
        QVERIFY(schedule.upsert(entry).has_value());
        QCOMPARE(fileMode(schedule.path()), 0600);
        auto loaded = schedule.load();
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->size(), 1);
        QCOMPARE(loaded->at(0).request.from, entry.request.from);
        QCOMPARE(loaded->at(0).request.mode, ImportMode::PreserveOriginal);
        QVERIFY(loaded->at(0).insecure);

        SystemContext ctx;
        ctx.storageRoot = storeRoot();
        QFuture<Result<QList<ScheduledChange>>> pass = runScheduledImportsAsync(ctx);
        QTRY_VERIFY_WITH_TIMEOUT(pass.isFinished(), 60000);
        auto changes = pass.result();
        QVERIFY2(changes.has_value(), qPrintable(changes ? QString() : changes.error().message));
        QCOMPARE(changes->size(), 1);
        QVERIFY2(!changes->at(0).error, qPrintable(changes->at(0).error.value_or(stevedore::Error()).message));
        QVERIFY(changes->at(0).changed());
        QCOMPARE(changes->at(0).after.toString(), m_listDigest);
        QCOMPARE(schedule.load()->at(0).lastSourceDigest.toString(), m_listDigest);
        QVERIFY(schedule.load()->at(0).lastRun.isValid());

        pass = runScheduledImportsAsync(ctx);
        QTRY_VERIFY_WITH_TIMEOUT(pass.isFinished(), 60000);
        QVERIFY(pass.result().has_value());
        QVERIFY(!pass.result()->at(0).changed() && !pass.result()->at(0).error);

        QVERIFY(schedule.remove(entry.request.name).has_value());
        QCOMPARE(schedule.load()->size(), 0);

        // ImportJob: the same import as a Job, with progress.
        ImportRequest request;
        request.name = *ImageReference::parse(u"job:v1"_s);
        request.from = u"docker://"_s + remote(u"team/multi:v1"_s);
        request.platform = *Platform::parse(u"linux/arm/v7"_s);
        SystemContext insecure = ctx;
        insecure.tlsVerify = false;
        ImportJob job(request, insecure);
        QSignalSpy finished(&job, &Job::finished);
        QSignalSpy progress(&job, &Job::progress);
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY2(job.state() == Job::State::Succeeded, qPrintable(job.error().value_or(Error()).message));
        QVERIFY(job.result().has_value());
        QCOMPARE(job.result()->importedDigest.toString(), m_children.value(u"linux/arm/v7"_s));
        QVERIFY(!progress.isEmpty());
        auto stored = LocalStore(storeRoot()).find(request.name);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->descriptor.digest.toString(), m_children.value(u"linux/arm/v7"_s));
    }
};

QTEST_GUILESS_MAIN(TestImportImage)
#include "tst_importimage.moc"
