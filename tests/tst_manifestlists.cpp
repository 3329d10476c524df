// End to end: `stevedore manifest` (issue 9) against Debian's docker-registry, with skopeo as the oracle. The lists
// that work: create/annotate/push with mounts across repositories, TLS, --format v2s2, a child from an OCI layout and
// one from another registry, the local list management (create --all/--amend, add, remove, ls, rm, push --purge,
// push --rm) and inspect --verbose. Bad input and duplicate platforms are in tst_manifestlists_bad.
#include "support/e2e.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using namespace stevedore::test;

namespace {

constexpr auto kOciIndex = "application/vnd.oci.image.index.v1+json";
constexpr auto kOciManifest = "application/vnd.oci.image.manifest.v1+json";
constexpr auto kDockerList = "application/vnd.docker.distribution.manifest.list.v2+json";
constexpr auto kDockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
constexpr auto kDockerConfig = "application/vnd.docker.container.image.v1+json";

QJsonObject objectOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

// The entry of an index for a manifest digest (empty when absent).
QJsonObject entryOf(const QJsonObject &index, const QString &digest)
{
    for (const QJsonValue &m : index.value(u"manifests"_s).toArray())
        if (m.toObject().value(u"digest"_s).toString() == digest)
            return m.toObject();
    return {};
}

QJsonObject platformOf(const QJsonObject &index, const QString &digest)
{
    return entryOf(index, digest).value(u"platform"_s).toObject();
}

QStringList digestsOf(const QJsonObject &index)
{
    QStringList out;
    for (const QJsonValue &m : index.value(u"manifests"_s).toArray())
        out << m.toObject().value(u"digest"_s).toString();
    return out;
}

// The config and layer digests an image manifest names.
QStringList blobsOf(const QJsonObject &manifest)
{
    QStringList out{manifest.value(u"config"_s).toObject().value(u"digest"_s).toString()};
    for (const QJsonValue &l : manifest.value(u"layers"_s).toArray())
        out << l.toObject().value(u"digest"_s).toString();
    return out;
}

} // namespace

class TestManifestLists : public QObject
{
    Q_OBJECT

private:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    QString m_skopeo;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;

    QString path(const QString &name) const { return m_tmp->filePath(name); }
    QString root() const { return path(u"root"_s); }

    ProcessResult stevedore(const QStringList &args, int timeoutMs = 60000)
    {
        return runProcess(m_cli, args, timeoutMs, m_env);
    }

    ProcessResult skopeo(const QStringList &args, int timeoutMs = 60000)
    {
        return runProcess(m_skopeo, QStringList{u"--insecure-policy"_s} + args, timeoutMs, m_env);
    }

    static QStringList tlsArgs(const RegistryFixture &reg, const QString &prefix)
    {
        if (reg.options().tls)
            return {u"--"_s + prefix + u"cert-dir"_s, reg.certDir()};
        return {u"--"_s + prefix + u"tls-verify=false"_s};
    }

    ProcessResult remoteRaw(const RegistryFixture &reg, const QString &ref)
    {
        return skopeo(QStringList{u"inspect"_s, u"--raw"_s} + tlsArgs(reg, {}) + QStringList{u"docker://"_s + ref});
    }

    // docker-registry's own record of a tag (GET /v2/.../manifests/TAG without an Accept header is 404 for any OCI
    // index, so the storage is the oracle that can tell).
    static bool tagExists(const RegistryFixture &reg, const QString &repo, const QString &tag)
    {
        return QFileInfo::exists(reg.storageDir() + u"/docker/registry/v2/repositories/%1/_manifests/tags/%2"_s.arg(repo, tag));
    }

    static bool repositoryExists(const RegistryFixture &reg, const QString &repo)
    {
        return QFileInfo::exists(reg.storageDir() + u"/docker/registry/v2/repositories/"_s + repo);
    }

    static QString describe(const ProcessResult &r)
    {
        return u"exit %1%2%3\nstdout: %4\nstderr: %5"_s.arg(r.exitCode)
            .arg(r.timedOut ? u" (timed out)"_s : QString(), r.crashed ? u" (crashed)"_s : QString(),
                 QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
    }

    // A single-platform image (an OCI manifest, no index) in a layout at `dir`, tag v1; its manifest digest.
    QString writeImage(const QString &dir, const QString &platform, quint32 seed)
    {
        QString error;
        const QString digest = writeTestLayout(dir, u"v1"_s,
                                               TestImageSpec{.platforms = {platform}, .layersPerPlatform = 2,
                                                             .layerSize = 24 * 1024, .gzipLayers = true,
                                                             .asIndex = false, .seed = seed},
                                               &error);
        if (digest.isEmpty())
            qWarning("writeTestLayout: %s", qPrintable(error));
        return digest;
    }

    // skopeo copy oci:DIR:v1 docker://REF; the digest skopeo reads back there.
    QString seedRegistry(const RegistryFixture &reg, const QString &layout, const QString &ref)
    {
        const ProcessResult r = skopeo(QStringList{u"copy"_s, u"-q"_s} + tlsArgs(reg, u"dest-"_s)
                                       + QStringList{u"oci:"_s + layout + u":v1"_s, u"docker://"_s + ref});
        if (!r.ok())
            return u"skopeo copy failed: "_s + describe(r);
        const ProcessResult raw = remoteRaw(reg, ref);
        return raw.ok() ? sha256Digest(raw.out) : u"skopeo inspect failed: "_s + describe(raw);
    }

    // Two images, linux/amd64 at REG/src/a:amd64 and linux/arm64 at REG/src/b:arm64; their layouts and digests.
    struct TwoImages {
        QString layoutA, layoutB, a, b;
    };
    TwoImages seedTwo(const RegistryFixture &reg, quint32 seed)
    {
        TwoImages t{path(u"layout-a"_s), path(u"layout-b"_s), {}, {}};
        const QString a = writeImage(t.layoutA, u"linux/amd64"_s, seed);
        const QString b = writeImage(t.layoutB, u"linux/arm64"_s, seed + 1);
        t.a = seedRegistry(reg, t.layoutA, reg.hostPort() + u"/src/a:amd64"_s);
        t.b = seedRegistry(reg, t.layoutB, reg.hostPort() + u"/src/b:arm64"_s);
        // skopeo leaves OCI manifests as they are: the registry serves the layouts' own manifests.
        if (t.a != a || t.b != b)
            qWarning("seeding changed the manifests: %s %s / %s %s", qPrintable(a), qPrintable(t.a), qPrintable(b),
                     qPrintable(t.b));
        return t;
    }

    QByteArray inspectList(const QString &list)
    {
        const ProcessResult r = stevedore({u"manifest"_s, u"inspect"_s, list});
        if (!r.ok())
            qWarning("manifest inspect %s: %s", qPrintable(list), qPrintable(describe(r)));
        return r.ok() ? r.out : QByteArray();
    }

    // Request lines of the registry's access log ("POST /v2/dst/app/blobs/uploads/?from=src/a&mount=sha256:..."),
    // percent-decoded.
    static QStringList requests(const RegistryFixture &reg)
    {
        static const QRegularExpression line(u"\"([A-Z]+ [^ \"]+) HTTP/1\\.[01]\""_s);
        QStringList out;
        auto it = line.globalMatch(reg.logs());
        while (it.hasNext())
            out << QUrl::fromPercentEncoding(it.next().captured(1).toUtf8());
        return out;
    }

    // Every blob of the image manifest at `layout` was mounted into dstRepo from srcRepo.
    static QString checkMounted(const QStringList &requests, const QJsonObject &manifest, const QString &dstRepo,
                                const QString &srcRepo)
    {
        for (const QString &blob : blobsOf(manifest)) {
            bool seen = false;
            for (const QString &r : requests)
                seen = seen || (r.startsWith(u"POST /v2/"_s + dstRepo + u"/blobs/uploads/?"_s)
                                && QString(r + u'&').contains(u"mount="_s + blob + u'&')
                                && QString(r + u'&').contains(u"from="_s + srcRepo + u'&'));
            if (!seen)
                return u"no mount of %1 from %2 into %3 in the access log:\n%4"_s.arg(blob, srcRepo, dstRepo,
                                                                                      requests.join(u'\n'));
        }
        return {};
    }

    // skopeo copy --all of a pushed list into a fresh layout: every manifest and blob is in that repository.
    QString copyAllBack(const RegistryFixture &reg, const QString &ref, const QString &out)
    {
        const ProcessResult r = skopeo(QStringList{u"copy"_s, u"-q"_s, u"--all"_s} + tlsArgs(reg, u"src-"_s)
                                       + QStringList{u"docker://"_s + ref, u"oci:"_s + out + u":x"_s});
        return r.ok() ? QString() : describe(r);
    }

    void start(RegistryFixture &reg)
    {
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo(m_cli).isExecutable())
            QFAIL(qPrintable(u"the stevedore CLI is missing at %1 (build the 'stevedore' target)"_s.arg(m_cli)));
        m_skopeo = findTool(u"skopeo"_s);
        if (m_skopeo.isEmpty())
            QFAIL("skopeo is missing: run scripts/install-deps.sh --test");
        if (findTool(u"docker-registry"_s).isEmpty())
            QFAIL("docker-registry is missing: run scripts/install-deps.sh --test");
        // The fixture disables docker-registry's access log; the registries started here log every request (its
        // environment overrides the configuration file), so the tests can tell a mount from an upload.
        qputenv("REGISTRY_LOG_ACCESSLOG_DISABLED", "false");
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = isolatedEnvironment(path(u"home"_s));
        m_env.insert(u"STEVEDORE_ROOT"_s, root());
    }

    void cleanup() { m_tmp.reset(); }

    // Issue 9, test 1: two registry images in two repositories → a list annotated by reference and by digest →
    // pushed to a third repository of the same registry: byte for byte what inspect printed, blobs mounted.
    void createAnnotatePushMountsAcrossRepositories()
    {
        RegistryFixture reg;
        start(reg);
        const TwoImages img = seedTwo(reg, 101);
        QVERIFY2(img.a.startsWith(u"sha256:"_s) && img.b.startsWith(u"sha256:"_s), qPrintable(img.a + u' ' + img.b));
        const QString h = reg.hostPort();
        const QString list = h + u"/dst/app:v1"_s;

        ProcessResult r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, list, h + u"/src/a:amd64"_s,
                                     h + u"/src/b:arm64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QByteArray bytes = inspectList(list);
        QJsonObject index = objectOf(bytes);
        QCOMPARE(index.value(u"mediaType"_s).toString(), QString::fromLatin1(kOciIndex));
        QCOMPARE(digestsOf(index), (QStringList{img.a, img.b}));
        QCOMPARE(entryOf(index, img.a).value(u"mediaType"_s).toString(), QString::fromLatin1(kOciManifest));
        QCOMPARE(entryOf(index, img.a).value(u"size"_s).toInteger(), readFileBytes(layoutBlobPath(img.layoutA, img.a)).size());
        QCOMPARE(entryOf(index, img.b).value(u"size"_s).toInteger(), readFileBytes(layoutBlobPath(img.layoutB, img.b)).size());
        QCOMPARE(platformOf(index, img.a), (QJsonObject{{u"os"_s, u"linux"_s}, {u"architecture"_s, u"amd64"_s}}));
        QCOMPARE(platformOf(index, img.b), (QJsonObject{{u"os"_s, u"linux"_s}, {u"architecture"_s, u"arm64"_s}}));

        // By reference: the entry the image at that tag is.
        r = stevedore({u"manifest"_s, u"annotate"_s, u"--insecure"_s, u"--variant"_s, u"v8"_s, list, h + u"/src/b:arm64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        index = objectOf(inspectList(list));
        QCOMPARE(platformOf(index, img.b).value(u"variant"_s).toString(), u"v8"_s);
        QVERIFY(!platformOf(index, img.a).contains(u"variant"_s));

        // By digest: set, then cleared with "".
        r = stevedore({u"manifest"_s, u"annotate"_s, u"--os-version"_s, u"10.1"_s, list, img.b});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        index = objectOf(inspectList(list));
        QCOMPARE(platformOf(index, img.b).value(u"os.version"_s).toString(), u"10.1"_s);
        r = stevedore({u"manifest"_s, u"annotate"_s, u"--os-version"_s, u""_s, list, img.b});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        bytes = inspectList(list);
        index = objectOf(bytes);
        QVERIFY2(!platformOf(index, img.b).contains(u"os.version"_s), bytes.constData());
        QCOMPARE(platformOf(index, img.b).value(u"variant"_s).toString(), u"v8"_s);

        QCOMPARE(bytes, readFileBytes(root() + u"/manifest-lists/blobs/sha256/"_s + sha256Digest(bytes).mid(7)));
        QVERIFY(!tagExists(reg, u"dst/app"_s, u"v1"_s));
        const QString digestFile = path(u"digest.txt"_s);
        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, u"--digestfile"_s, digestFile, list});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(tagExists(reg, u"dst/app"_s, u"v1"_s));
        QCOMPARE(QString::fromUtf8(readFileBytes(digestFile)).trimmed(), sha256Digest(bytes));

        // The registry serves exactly the bytes inspect printed.
        const ProcessResult raw = remoteRaw(reg, list);
        QVERIFY2(raw.ok(), qPrintable(describe(raw)));
        QCOMPARE(raw.out, bytes);
        QCOMPARE(sha256Digest(raw.out), sha256Digest(bytes));
        index = objectOf(raw.out);
        QCOMPARE(index.value(u"mediaType"_s).toString(), QString::fromLatin1(kOciIndex));
        QCOMPARE(digestsOf(index), (QStringList{img.a, img.b}));
        QCOMPARE(platformOf(index, img.b),
                 (QJsonObject{{u"os"_s, u"linux"_s}, {u"architecture"_s, u"arm64"_s}, {u"variant"_s, u"v8"_s}}));
        QCOMPARE(platformOf(index, img.a), (QJsonObject{{u"os"_s, u"linux"_s}, {u"architecture"_s, u"amd64"_s}}));
        for (const QString &d : {img.a, img.b}) {
            const ProcessResult child = remoteRaw(reg, h + u"/dst/app@"_s + d);
            QVERIFY2(child.ok(), qPrintable(describe(child)));
            QCOMPARE(sha256Digest(child.out), d);
            QCOMPARE(objectOf(child.out).value(u"mediaType"_s).toString(), QString::fromLatin1(kOciManifest));
            QCOMPARE(entryOf(index, d).value(u"mediaType"_s).toString(), QString::fromLatin1(kOciManifest));
        }

        // Same registry: every blob was mounted from its own repository, none uploaded into dst/app.
        const QStringList seen = requests(reg);
        QString problem = checkMounted(seen, readJsonObject(layoutBlobPath(img.layoutA, img.a)), u"dst/app"_s, u"src/a"_s);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = checkMounted(seen, readJsonObject(layoutBlobPath(img.layoutB, img.b)), u"dst/app"_s, u"src/b"_s);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const QString &s : seen)
            QVERIFY2(!s.startsWith(u"PATCH /v2/dst/app/blobs/uploads/"_s) && !s.startsWith(u"PUT /v2/dst/app/blobs/uploads/"_s),
                     qPrintable(u"a blob was uploaded into dst/app: "_s + s));

        // A second push finds everything there: nothing is mounted or uploaded again.
        const qsizetype before = seen.size();
        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, list});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QStringList after = requests(reg);
        QVERIFY2(after.mid(0, before) == seen, "the access log's tail no longer holds the first push");
        const QStringList again = after.mid(before);
        QVERIFY(!again.isEmpty());
        for (const QString &s : again)
            QVERIFY2(!s.startsWith(u"POST "_s) && !s.startsWith(u"PATCH "_s), qPrintable(u"the second push sent "_s + s));
        QCOMPARE(sha256Digest(remoteRaw(reg, list).out), sha256Digest(bytes));

        // And they are really there: skopeo copies everything back.
        const QString err = copyAllBack(reg, list, path(u"out"_s));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        for (const QString &blob : blobsOf(readJsonObject(layoutBlobPath(img.layoutB, img.b))))
            QCOMPARE(readFileBytes(layoutBlobPath(path(u"out"_s), blob)), readFileBytes(layoutBlobPath(img.layoutB, blob)));
    }

    // Issue 9, test 2: a TLS registry (self-signed CA). --insecure works without a cert dir; --tls-verify=true
    // without the CA fails with a certificate error and pushes nothing.
    void tlsRegistry()
    {
        RegistryFixture reg(RegistryOptions{.tls = true});
        start(reg);
        const TwoImages img = seedTwo(reg, 111);
        QVERIFY2(img.a.startsWith(u"sha256:"_s) && img.b.startsWith(u"sha256:"_s), qPrintable(img.a + u' ' + img.b));
        const QString h = reg.hostPort();
        const QString list = h + u"/dst/app:v1"_s;

        // Reading the images without trusting the CA fails too.
        ProcessResult r = stevedore({u"manifest"_s, u"create"_s, list, h + u"/src/a:amd64"_s});
        QVERIFY2(!r.ok() && !r.timedOut && !r.crashed, qPrintable(describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(describe(r)));

        r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, list, h + u"/src/a:amd64"_s, h + u"/src/b:arm64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QByteArray bytes = inspectList(list);
        QCOMPARE(digestsOf(objectOf(bytes)), (QStringList{img.a, img.b}));

        r = stevedore({u"manifest"_s, u"push"_s, u"--tls-verify=true"_s, u"--retry"_s, u"0"_s, list});
        QVERIFY2(!r.ok() && !r.timedOut && !r.crashed, qPrintable(describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(describe(r)));
        QVERIFY(!tagExists(reg, u"dst/app"_s, u"v1"_s));
        QVERIFY2(!repositoryExists(reg, u"dst"_s), "a refused push must write nothing");
        QCOMPARE(inspectList(list), bytes); // still there, unchanged

        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, list});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const ProcessResult raw = remoteRaw(reg, list);
        QVERIFY2(raw.ok(), qPrintable(describe(raw)));
        QCOMPARE(raw.out, bytes);
        const QString err = copyAllBack(reg, list, path(u"out"_s));
        QVERIFY2(err.isEmpty(), qPrintable(err));

        // Verified against the CA with --cert-dir, to another repository.
        r = stevedore({u"manifest"_s, u"push"_s, u"--cert-dir"_s, reg.certDir(), u"-q"_s, list, h + u"/dst/verified:v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(remoteRaw(reg, h + u"/dst/verified:v1"_s).out, bytes);
    }

    // Basic auth: --creds reaches the source repositories (read, mounted from) and the destination.
    void basicAuthRegistry()
    {
        RegistryFixture reg(RegistryOptions{.auth = RegistryAuth::Basic});
        start(reg);
        const QString h = reg.hostPort();
        const QString creds = reg.options().user + u':' + reg.options().password;
        const QString layoutA = path(u"layout-a"_s);
        const QString a = writeImage(layoutA, u"linux/amd64"_s, 171);
        const QString layoutB = path(u"layout-b"_s);
        const QString b = writeImage(layoutB, u"linux/arm64"_s, 172);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        for (const auto &[layout, ref] : {std::pair<QString, QString>{layoutA, h + u"/src/a:amd64"_s},
                                          std::pair<QString, QString>{layoutB, h + u"/src/b:arm64"_s}}) {
            const ProcessResult r = skopeo({u"copy"_s, u"-q"_s, u"--dest-tls-verify=false"_s, u"--dest-creds"_s, creds,
                                            u"oci:"_s + layout + u":v1"_s, u"docker://"_s + ref});
            QVERIFY2(r.ok(), qPrintable(describe(r)));
        }
        const QString list = h + u"/dst/app:v1"_s;
        ProcessResult r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, list, h + u"/src/a:amd64"_s});
        QVERIFY2(!r.ok() && !r.crashed && !r.timedOut, qPrintable(describe(r))); // no credentials
        r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, u"--creds"_s, creds, list, h + u"/src/a:amd64"_s,
                       h + u"/src/b:arm64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QByteArray bytes = inspectList(list);
        QCOMPARE(digestsOf(objectOf(bytes)), (QStringList{a, b}));

        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, u"--retry"_s, u"0"_s, list});
        QVERIFY2(!r.ok() && !r.crashed && !r.timedOut, qPrintable(describe(r)));
        QVERIFY(!tagExists(reg, u"dst/app"_s, u"v1"_s));
        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, u"--creds"_s, creds, list});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY2(!r.err.contains(reg.options().password.toUtf8()), r.err.constData());
        const ProcessResult raw = skopeo({u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s, u"--creds"_s, creds,
                                          u"docker://"_s + list});
        QVERIFY2(raw.ok(), qPrintable(describe(raw)));
        QCOMPARE(raw.out, bytes);
        const QString problem = checkMounted(requests(reg), readJsonObject(layoutBlobPath(layoutA, a)), u"dst/app"_s, u"src/a"_s);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Issue 9, test 3: --format v2s2 writes a Docker manifest list of Docker v2s2 images (an entry's annotation,
    // which Docker lists cannot hold, is dropped).
    void formatV2s2()
    {
        RegistryFixture reg;
        start(reg);
        const TwoImages img = seedTwo(reg, 121);
        QVERIFY2(img.a.startsWith(u"sha256:"_s) && img.b.startsWith(u"sha256:"_s), qPrintable(img.a + u' ' + img.b));
        const QString h = reg.hostPort();
        const QString list = h + u"/dst/app:v1"_s;
        ProcessResult r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, list, h + u"/src/a:amd64"_s,
                                     h + u"/src/b:arm64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"annotate"_s, u"--annotation"_s, u"org.example.k=v"_s, list, img.a});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QString digestFile = path(u"digest.txt"_s);
        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, u"--format"_s, u"v2s2"_s, u"--digestfile"_s,
                       digestFile, list});
        QVERIFY2(r.ok(), qPrintable(describe(r)));

        const ProcessResult raw = remoteRaw(reg, list);
        QVERIFY2(raw.ok(), qPrintable(describe(raw)));
        QCOMPARE(QString::fromUtf8(readFileBytes(digestFile)).trimmed(), sha256Digest(raw.out));
        const QJsonObject index = objectOf(raw.out);
        QCOMPARE(index.value(u"mediaType"_s).toString(), QString::fromLatin1(kDockerList));
        QCOMPARE(index.value(u"schemaVersion"_s).toInt(), 2);
        const QJsonArray entries = index.value(u"manifests"_s).toArray();
        QCOMPARE(entries.size(), 2);
        QStringList archs;
        for (const QJsonValue &v : entries) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.value(u"mediaType"_s).toString(), QString::fromLatin1(kDockerManifest));
            QVERIFY2(!e.contains(u"annotations"_s), "a Docker manifest list has no annotations");
            archs << e.value(u"platform"_s).toObject().value(u"architecture"_s).toString();
            const QString d = e.value(u"digest"_s).toString();
            QVERIFY2(d != img.a && d != img.b, "a converted image has another digest");
            const ProcessResult child = remoteRaw(reg, h + u"/dst/app@"_s + d);
            QVERIFY2(child.ok(), qPrintable(describe(child)));
            QCOMPARE(sha256Digest(child.out), d);
            QCOMPARE(child.out.size(), e.value(u"size"_s).toInteger());
            const QJsonObject m = objectOf(child.out);
            QCOMPARE(m.value(u"mediaType"_s).toString(), QString::fromLatin1(kDockerManifest));
            QCOMPARE(m.value(u"config"_s).toObject().value(u"mediaType"_s).toString(), QString::fromLatin1(kDockerConfig));
            for (const QJsonValue &l : m.value(u"layers"_s).toArray())
                QCOMPARE(l.toObject().value(u"mediaType"_s).toString(), u"application/vnd.docker.image.rootfs.diff.tar.gzip"_s);
        }
        QCOMPARE(archs, (QStringList{u"amd64"_s, u"arm64"_s}));
        const QString err = copyAllBack(reg, list, path(u"out"_s));
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    // Issue 9, test 4: one child from an OCI layout, one from another docker-registry, one from the local image store:
    // all are copied (not mounted) into the destination registry.
    void childrenFromLayoutAndOtherRegistry()
    {
        RegistryFixture dst;
        start(dst);
        RegistryFixture other;
        start(other);
        const QString layoutA = path(u"layout-a"_s);
        const QString a = writeImage(layoutA, u"linux/amd64"_s, 131);
        QVERIFY(!a.isEmpty());
        const QString layoutB = path(u"layout-b"_s);
        QVERIFY(!writeImage(layoutB, u"linux/arm64"_s, 132).isEmpty());
        const QString b = seedRegistry(other, layoutB, other.hostPort() + u"/src/b:arm64"_s);
        QVERIFY2(b.startsWith(u"sha256:"_s), qPrintable(b));

        // And one from the local image store (pulled first: see tst_manifestlists_bad's expected failure).
        const QString layoutC = path(u"layout-c"_s);
        const QString c = writeImage(layoutC, u"linux/s390x"_s, 133);
        QVERIFY(!c.isEmpty());
        ProcessResult r = stevedore({u"pull"_s, u"-q"_s, u"oci:"_s + layoutC + u":v1"_s, u"team/local:v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));

        const QString list = dst.hostPort() + u"/dst/app:v1"_s;
        r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, list, u"oci:"_s + layoutA + u":v1"_s,
                       other.hostPort() + u"/src/b:arm64"_s, u"team/local:v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QByteArray bytes = inspectList(list);
        QCOMPARE(digestsOf(objectOf(bytes)), (QStringList{a, b, c}));

        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, list});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const ProcessResult raw = remoteRaw(dst, list);
        QVERIFY2(raw.ok(), qPrintable(describe(raw)));
        QCOMPARE(raw.out, bytes);
        // Every blob of both images is in the destination registry's storage, byte for byte.
        for (const auto &[layout, digest] : {std::pair{layoutA, a}, std::pair{layoutB, b}, std::pair{layoutC, c}}) {
            const ProcessResult child = remoteRaw(dst, dst.hostPort() + u"/dst/app@"_s + digest);
            QVERIFY2(child.ok(), qPrintable(describe(child)));
            QCOMPARE(sha256Digest(child.out), digest);
            for (const QString &blob : blobsOf(readJsonObject(layoutBlobPath(layout, digest))))
                QCOMPARE(readFileBytes(registryBlobPath(dst, blob)), readFileBytes(layoutBlobPath(layout, blob)));
        }
        // Nothing to mount from: the other registry's blobs were uploaded.
        for (const QString &s : requests(dst))
            QVERIFY2(!s.contains(u"mount="_s), qPrintable(u"a mount across registries: "_s + s));
        const QString err = copyAllBack(dst, list, path(u"out"_s));
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    // Issue 9, test 5: create --all from a pushed list, --amend, add, remove, ls (table, json), rm, push --purge,
    // push --rm.
    void localListManagement()
    {
        RegistryFixture reg;
        start(reg);
        const TwoImages img = seedTwo(reg, 141);
        QVERIFY2(img.a.startsWith(u"sha256:"_s) && img.b.startsWith(u"sha256:"_s), qPrintable(img.a + u' ' + img.b));
        const QString h = reg.hostPort();
        const QString pushed = h + u"/dst/app:v1"_s;
        ProcessResult r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, pushed, h + u"/src/a:amd64"_s,
                                     h + u"/src/b:arm64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, pushed});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"rm"_s, pushed});
        QVERIFY2(r.ok(), qPrintable(describe(r)));

        // --all: both children of the pushed list, with their platforms and sources in that repository.
        const QString list2 = h + u"/dst/copy:v2"_s;
        r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, u"--all"_s, list2, pushed});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QByteArray bytes = inspectList(list2);
        QCOMPARE(digestsOf(objectOf(bytes)), (QStringList{img.a, img.b}));
        QCOMPARE(platformOf(objectOf(bytes), img.b).value(u"architecture"_s).toString(), u"arm64"_s);

        // Without --all, a list gives the image for this machine's platform (or says to use --all).
        const QString hostArch = hostPlatformArchitecture();
        r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, h + u"/dst/host:v1"_s, pushed});
        if (hostArch == u"amd64"_s || hostArch == u"arm64"_s) {
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(digestsOf(objectOf(inspectList(h + u"/dst/host:v1"_s))),
                     (QStringList{hostArch == u"amd64"_s ? img.a : img.b}));
        } else {
            QVERIFY2(!r.ok() && !r.crashed && r.err.contains("--all"), qPrintable(describe(r)));
        }
        r = stevedore({u"manifest"_s, u"rm"_s, h + u"/dst/host:v1"_s, h + u"/dst/never:v1"_s});
        QVERIFY2(!r.ok() && !r.crashed && QString::fromUtf8(r.err).contains(u"no manifest list named "_s + h + u"/dst/never:v1"_s),
                 qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"inspect"_s, h + u"/dst/host:v1"_s}); // removed all the same
        QVERIFY2(!r.ok() && !r.crashed, qPrintable(describe(r)));

        // An existing name needs --amend; the list is left as it was.
        r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, list2, h + u"/src/a:amd64"_s});
        QVERIFY2(!r.ok() && !r.crashed, qPrintable(describe(r)));
        QVERIFY2(r.err.contains("already exists"), qPrintable(describe(r)));
        QCOMPARE(inspectList(list2), bytes);

        const QString layoutC = path(u"layout-c"_s);
        const QString c = writeImage(layoutC, u"linux/s390x"_s, 143);
        const QString layoutD = path(u"layout-d"_s);
        const QString d = writeImage(layoutD, u"linux/ppc64le"_s, 144);
        QVERIFY(!c.isEmpty() && !d.isEmpty());
        r = stevedore({u"manifest"_s, u"create"_s, u"--amend"_s, list2, u"oci:"_s + layoutC + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(digestsOf(objectOf(inspectList(list2))), (QStringList{img.a, img.b, c}));
        // The same image again replaces its entry in place.
        r = stevedore({u"manifest"_s, u"create"_s, u"--amend"_s, u"--insecure"_s, list2, h + u"/src/a:amd64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(digestsOf(objectOf(inspectList(list2))), (QStringList{img.a, img.b, c}));

        // add prints the list's new digest.
        r = stevedore({u"manifest"_s, u"add"_s, u"--annotation"_s, u"org.example.k=v"_s, list2, u"oci:"_s + layoutD + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        bytes = inspectList(list2);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), sha256Digest(bytes));
        QJsonObject index = objectOf(bytes);
        QCOMPARE(digestsOf(index), (QStringList{img.a, img.b, c, d}));
        QCOMPARE(platformOf(index, d).value(u"architecture"_s).toString(), u"ppc64le"_s);
        QCOMPARE(entryOf(index, d).value(u"annotations"_s).toObject().value(u"org.example.k"_s).toString(), u"v"_s);

        r = stevedore({u"manifest"_s, u"remove"_s, list2, c});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        bytes = inspectList(list2);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), sha256Digest(bytes));
        QCOMPARE(digestsOf(objectOf(bytes)), (QStringList{img.a, img.b, d}));
        r = stevedore({u"manifest"_s, u"remove"_s, list2, c});
        QVERIFY2(!r.ok() && !r.crashed && r.err.contains(c.toUtf8()), qPrintable(describe(r)));
        QCOMPARE(inspectList(list2), bytes);

        // ls: both lists, as a table and as JSON (digest, media type, sources).
        const QString list3 = h + u"/dst/purge:v1"_s;
        r = stevedore({u"manifest"_s, u"create"_s, list3, u"oci:"_s + layoutC + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"ls"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith(u"NAME"_s) && lines.at(0).contains(u"PLATFORMS"_s), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(list2) && lines.at(1).contains(u" 3 "_s)
                     && lines.at(1).contains(u"linux/amd64, linux/arm64, linux/ppc64le"_s)
                     && lines.at(1).contains(sha256Digest(bytes).mid(7, 12)),
                 qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).startsWith(list3) && lines.at(2).contains(u"linux/s390x"_s), qPrintable(lines.at(2)));

        r = stevedore({u"manifest"_s, u"ls"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QJsonArray all = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(all.size(), 2);
        const QJsonObject first = all.at(0).toObject();
        QCOMPARE(first.value(u"name"_s).toString(), list2);
        QCOMPARE(first.value(u"digest"_s).toString(), sha256Digest(bytes));
        QCOMPARE(first.value(u"mediaType"_s).toString(), QString::fromLatin1(kOciIndex));
        const QJsonArray images = first.value(u"manifests"_s).toArray();
        QCOMPARE(images.size(), 3);
        QCOMPARE(images.at(0).toObject().value(u"digest"_s).toString(), img.a);
        QCOMPARE(images.at(0).toObject().value(u"source"_s).toString(), u"docker://"_s + h + u"/src/a@"_s + img.a); // replaced by the --amend
        QCOMPARE(images.at(2).toObject().value(u"source"_s).toString(), u"oci:"_s + layoutD + u":v1"_s);

        // rm: gone from ls, and a second rm says so.
        r = stevedore({u"manifest"_s, u"rm"_s, list2});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"ls"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.ok() && QJsonDocument::fromJson(r.out).array().size() == 1, qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"rm"_s, list2});
        QVERIFY2(!r.ok() && !r.crashed && r.err.contains("no manifest list"), qPrintable(describe(r)));

        // push --purge: a failed push keeps the list; a successful one removes it.
        r = stevedore({u"manifest"_s, u"push"_s, u"--purge"_s, u"--retry"_s, u"0"_s, u"-q"_s, list3}); // https to an http registry
        QVERIFY2(!r.ok() && !r.crashed && !r.timedOut, qPrintable(describe(r)));
        QVERIFY(!inspectList(list3).isEmpty());
        const QString elsewhere = h + u"/dst/elsewhere:v1"_s;
        r = stevedore({u"manifest"_s, u"push"_s, u"--purge"_s, u"--insecure"_s, u"-q"_s, list3, elsewhere});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(digestsOf(objectOf(remoteRaw(reg, elsewhere).out)), (QStringList{c}));
        r = stevedore({u"manifest"_s, u"inspect"_s, u"--insecure"_s, list3}); // not local, not in the registry
        QVERIFY2(!r.ok() && !r.crashed, qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"ls"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.ok() && QJsonDocument::fromJson(r.out).array().isEmpty(), qPrintable(describe(r)));

        // stevedore push --rm LIST DESTINATION likewise.
        const QString list4 = h + u"/dst/rm:v1"_s;
        r = stevedore({u"manifest"_s, u"create"_s, list4, u"oci:"_s + layoutD + u":v1"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QByteArray bytes4 = inspectList(list4);
        const QString pushedTo = u"docker://"_s + h + u"/dst/pushed:v1"_s;
        r = stevedore({u"push"_s, u"--all"_s, u"--rm"_s, u"--retry"_s, u"0"_s, u"-q"_s, list4, pushedTo}); // https: fails
        QVERIFY2(!r.ok() && !r.crashed && !r.timedOut, qPrintable(describe(r)));
        QCOMPARE(inspectList(list4), bytes4);
        r = stevedore({u"push"_s, u"--all"_s, u"--rm"_s, u"--tls-verify=false"_s, u"-q"_s, list4, pushedTo});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const ProcessResult raw = remoteRaw(reg, h + u"/dst/pushed:v1"_s);
        QVERIFY2(raw.ok(), qPrintable(describe(raw)));
        QCOMPARE(raw.out, bytes4);
        r = stevedore({u"manifest"_s, u"inspect"_s, list4});
        QVERIFY2(!r.ok() && !r.crashed, qPrintable(describe(r)));
        r = stevedore({u"manifest"_s, u"ls"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.ok() && QJsonDocument::fromJson(r.out).array().isEmpty(), qPrintable(describe(r)));
    }

    // Issue 9, test 6: inspect --verbose (Ref, Descriptor, Raw, OCIManifest/SchemaV2Manifest per image) and
    // inspect LIST DIGEST|REFERENCE (the child's own bytes).
    void inspectVerboseAndChild()
    {
        RegistryFixture reg;
        start(reg);
        const QString h = reg.hostPort();
        const QString layoutA = path(u"layout-a"_s);
        const QString a = writeImage(layoutA, u"linux/amd64"_s, 151);
        QVERIFY(!a.isEmpty());
        QCOMPARE(seedRegistry(reg, layoutA, h + u"/src/a:amd64"_s), a);
        // The arm64 image as Docker v2s2 (skopeo converts it): its verbose entry is a SchemaV2Manifest.
        const QString layoutB = path(u"layout-b"_s);
        QVERIFY(!writeImage(layoutB, u"linux/arm64"_s, 152).isEmpty());
        ProcessResult r = skopeo({u"copy"_s, u"-q"_s, u"--format"_s, u"v2s2"_s, u"--dest-tls-verify=false"_s,
                                  u"oci:"_s + layoutB + u":v1"_s, u"docker://"_s + h + u"/src/b:arm64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const ProcessResult rawB = remoteRaw(reg, h + u"/src/b:arm64"_s);
        QVERIFY2(rawB.ok(), qPrintable(describe(rawB)));
        const QString b = sha256Digest(rawB.out);
        QCOMPARE(objectOf(rawB.out).value(u"mediaType"_s).toString(), QString::fromLatin1(kDockerManifest));

        const QString list = h + u"/dst/app:v1"_s;
        r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, list, h + u"/src/a:amd64"_s, h + u"/src/b:arm64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QJsonObject index = objectOf(inspectList(list));
        QCOMPARE(entryOf(index, b).value(u"mediaType"_s).toString(), QString::fromLatin1(kDockerManifest));

        r = stevedore({u"manifest"_s, u"inspect"_s, u"--insecure"_s, u"--verbose"_s, list});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError && doc.isArray(), r.out.constData());
        const QJsonArray verbose = doc.array();
        QCOMPARE(verbose.size(), 2);
        const QStringList refs{h + u"/src/a@"_s + a, h + u"/src/b@"_s + b};
        const QStringList digests{a, b};
        const QStringList kinds{u"OCIManifest"_s, u"SchemaV2Manifest"_s};
        const QList<QByteArray> sources{readFileBytes(layoutBlobPath(layoutA, a)), rawB.out};
        for (qsizetype i = 0; i < 2; ++i) {
            const QJsonObject o = verbose.at(i).toObject();
            QCOMPARE(o.value(u"Ref"_s).toString(), refs.at(i));
            const QJsonObject desc = o.value(u"Descriptor"_s).toObject();
            QCOMPARE(desc.value(u"digest"_s).toString(), digests.at(i));
            QCOMPARE(desc.value(u"size"_s).toInteger(), sources.at(i).size());
            QCOMPARE(desc.value(u"platform"_s).toObject(), platformOf(index, digests.at(i)));
            const QByteArray decoded = QByteArray::fromBase64(o.value(u"Raw"_s).toString().toLatin1(),
                                                              QByteArray::AbortOnBase64DecodingErrors);
            QCOMPARE(sha256Digest(decoded), digests.at(i));
            QCOMPARE(decoded, sources.at(i));
            QVERIFY2(o.value(kinds.at(i)).isObject(), qPrintable(kinds.at(i)));
            QVERIFY(!o.contains(kinds.at(1 - i)));
            QCOMPARE(o.value(kinds.at(i)).toObject(), objectOf(decoded));
        }

        // One entry, by digest and by the reference it was added from: that manifest's own bytes.
        r = stevedore({u"manifest"_s, u"inspect"_s, u"--insecure"_s, list, a});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(sha256Digest(r.out), a);
        r = stevedore({u"manifest"_s, u"inspect"_s, u"--insecure"_s, list, h + u"/src/b:arm64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(sha256Digest(r.out), b);
        QCOMPARE(r.out, rawB.out);

        // Images that are no local list: a registry image's bytes, and --verbose of one image is its object alone.
        r = stevedore({u"manifest"_s, u"inspect"_s, u"--insecure"_s, h + u"/src/a:amd64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.out, sources.at(0));
        r = stevedore({u"manifest"_s, u"inspect"_s, u"--insecure"_s, u"--verbose"_s, h + u"/src/b:arm64"_s});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QJsonObject one = objectOf(r.out);
        QCOMPARE(one.value(u"Descriptor"_s).toObject().value(u"digest"_s).toString(), b);
        QCOMPARE(one.value(u"Ref"_s).toString(), refs.at(1));
        QVERIFY(one.value(u"SchemaV2Manifest"_s).isObject());
    }
};

QTEST_GUILESS_MAIN(TestManifestLists)
#include "tst_manifestlists.moc"
