#pragma once
// Helpers of the `stevedore manifest` end-to-end suites (tst_manifestlists, tst_manifestlists_local and
// tst_manifestlists_bad; header-only, part of no library): the temporary folder and environment each test runs in,
// running stevedore and skopeo, test images seeded into docker-registry, the registry's storage and access log as
// oracles, and reading a manifest list's JSON.

#include "support/e2e.h"
#include "support/testsupport.h"

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

namespace manifestliststest {

using stevedore::test::ProcessResult;
using stevedore::test::RegistryFixture;

inline constexpr auto kOciIndex = "application/vnd.oci.image.index.v1+json";
inline constexpr auto kOciManifest = "application/vnd.oci.image.manifest.v1+json";
inline constexpr auto kDockerList = "application/vnd.docker.distribution.manifest.list.v2+json";
inline constexpr auto kDockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
inline constexpr auto kDockerConfig = "application/vnd.docker.container.image.v1+json";

// --- JSON of manifests and lists ---

inline QJsonObject objectOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

// The entry of an index for a manifest digest (empty when absent).
inline QJsonObject entryOf(const QJsonObject &index, const QString &digest)
{
    for (const QJsonValue &m : index.value(u"manifests"_s).toArray())
        if (m.toObject().value(u"digest"_s).toString() == digest)
            return m.toObject();
    return {};
}

inline QJsonObject platformOf(const QJsonObject &index, const QString &digest)
{
    return entryOf(index, digest).value(u"platform"_s).toObject();
}

// The digests of an array of descriptors, in order.
inline QStringList digestsIn(const QJsonArray &descriptors)
{
    QStringList out;
    for (const QJsonValue &d : descriptors)
        out << d.toObject().value(u"digest"_s).toString();
    return out;
}

// The manifest digests of an index, in order.
inline QStringList digestsOf(const QJsonObject &index)
{
    return digestsIn(index.value(u"manifests"_s).toArray());
}

// The config and layer digests an image manifest names.
inline QStringList blobsOf(const QJsonObject &manifest)
{
    return QStringList{manifest.value(u"config"_s).toObject().value(u"digest"_s).toString()}
           + digestsIn(manifest.value(u"layers"_s).toArray());
}

// --- processes ---

inline QString describe(const ProcessResult &r)
{
    return u"exit %1%2%3\nstdout: %4\nstderr: %5"_s.arg(r.exitCode)
        .arg(r.timedOut ? u" (timed out)"_s : QString(), r.crashed ? u" (crashed)"_s : QString(),
             QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
}

// skopeo's TLS options for a registry ("" for both ends, "src-" or "dest-"): its CA when it serves TLS, else none.
inline QStringList tlsArgs(const RegistryFixture &reg, const QString &prefix)
{
    if (reg.options().tls)
        return {u"--"_s + prefix + u"cert-dir"_s, reg.certDir()};
    return {u"--"_s + prefix + u"tls-verify=false"_s};
}

// --- the registry's storage and access log ---

// docker-registry's own record of a tag (GET /v2/.../manifests/TAG without an Accept header is 404 for any OCI
// index, so the storage is the oracle that can tell).
inline bool tagExists(const RegistryFixture &reg, const QString &repo, const QString &tag)
{
    return QFileInfo::exists(reg.storageDir() + u"/docker/registry/v2/repositories/%1/_manifests/tags/%2"_s.arg(repo, tag));
}

inline bool repositoryExists(const RegistryFixture &reg, const QString &repo)
{
    return QFileInfo::exists(reg.storageDir() + u"/docker/registry/v2/repositories/"_s + repo);
}

// Request lines of the registry's access log ("POST /v2/dst/app/blobs/uploads/?from=src/a&mount=sha256:..."),
// percent-decoded. The registry logs them only when REGISTRY_LOG_ACCESSLOG_DISABLED=false was set before it started.
inline QStringList requests(const RegistryFixture &reg)
{
    static const QRegularExpression line(u"\"([A-Z]+ [^ \"]+) HTTP/1\\.[01]\""_s);
    QStringList out;
    auto it = line.globalMatch(reg.logs());
    while (it.hasNext())
        out << QUrl::fromPercentEncoding(it.next().captured(1).toUtf8());
    return out;
}

// Every blob of the image manifest at `layout` was mounted into dstRepo from srcRepo.
inline QString checkMounted(const QStringList &requests, const QJsonObject &manifest, const QString &dstRepo,
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

// --- test images ---

// A single-platform image (an OCI manifest, no index) in a layout at `dir`, tag v1; its manifest digest.
inline QString writeImage(const QString &dir, const QString &platform, quint32 seed, int layers = 2,
                          qint64 layerSize = 24 * 1024)
{
    QString error;
    const QString digest = stevedore::test::writeTestLayout(
        dir, u"v1"_s,
        stevedore::test::TestImageSpec{.platforms = {platform}, .layersPerPlatform = layers, .layerSize = layerSize,
                                       .gzipLayers = true, .asIndex = false, .seed = seed},
        &error);
    if (digest.isEmpty())
        qWarning("writeTestLayout: %s", qPrintable(error));
    return digest;
}

// The base of the test classes: the stevedore CLI and skopeo, and a temporary folder with its own HOME and
// STEVEDORE_ROOT for each test. Its slots are the suites' initTestCase, init and cleanup; a suite that declares its
// own calls them.
class ManifestListsTest : public QObject
{
    Q_OBJECT

protected slots:
    void initTestCase()
    {
        const QString missing = stevedore::test::missingE2ePeers(m_cli, {u"skopeo"_s});
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        m_skopeo = stevedore::test::findTool(u"skopeo"_s);
        if (stevedore::test::findTool(u"docker-registry"_s).isEmpty())
            QFAIL("docker-registry is missing: run scripts/install-deps.sh --test");
        // The fixture disables docker-registry's access log; the registries started here log every request (its
        // environment overrides the configuration file), so the tests can tell a mount from an upload.
        qputenv("REGISTRY_LOG_ACCESSLOG_DISABLED", "false");
    }

    // A fresh temporary folder, HOME and local store for each test.
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_env = stevedore::test::isolatedEnvironment(path(u"home"_s));
        m_env.insert(u"STEVEDORE_ROOT"_s, root());
    }

    void cleanup() { m_tmp.reset(); }

protected:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    QString m_skopeo;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;

    QString path(const QString &name) const { return m_tmp->filePath(name); }
    QString root() const { return path(u"root"_s); }

    ProcessResult stevedore(const QStringList &args, int timeoutMs = 60000)
    {
        return stevedore::test::runProcess(m_cli, args, timeoutMs, m_env);
    }

    ProcessResult skopeo(const QStringList &args, int timeoutMs = 60000)
    {
        return stevedore::test::runProcess(m_skopeo, QStringList{u"--insecure-policy"_s} + args, timeoutMs, m_env);
    }

    static void start(RegistryFixture &reg)
    {
        QString error;
        QVERIFY2(reg.start(&error), qPrintable(error));
    }

    // skopeo inspect --raw docker://REF.
    ProcessResult remoteRaw(const RegistryFixture &reg, const QString &ref)
    {
        return skopeo(QStringList{u"inspect"_s, u"--raw"_s} + tlsArgs(reg, {}) + QStringList{u"docker://"_s + ref});
    }

    // skopeo copy oci:DIR:v1 docker://REF; the digest skopeo reads back there (else what failed).
    QString seedRegistry(const RegistryFixture &reg, const QString &layout, const QString &ref)
    {
        const ProcessResult r = skopeo(QStringList{u"copy"_s, u"-q"_s} + tlsArgs(reg, u"dest-"_s)
                                       + QStringList{u"oci:"_s + layout + u":v1"_s, u"docker://"_s + ref});
        if (!r.ok())
            return u"skopeo copy failed: "_s + describe(r);
        const ProcessResult raw = remoteRaw(reg, ref);
        return raw.ok() ? stevedore::test::sha256Digest(raw.out) : u"skopeo inspect failed: "_s + describe(raw);
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

    // A registry started with seedTwo's images, and the local list REG/dst/app:v1 of both made by `stevedore manifest
    // create --insecure`.
    struct ListOfTwo {
        TwoImages img;
        QString host, list;
        QString problem; // empty when all went well, else what failed
    };
    ListOfTwo startWithList(RegistryFixture &reg, quint32 seed)
    {
        ListOfTwo t;
        if (!reg.start(&t.problem)) {
            t.problem = u"the registry did not start: "_s + t.problem;
            return t;
        }
        t.img = seedTwo(reg, seed);
        if (!t.img.a.startsWith(u"sha256:"_s) || !t.img.b.startsWith(u"sha256:"_s)) {
            t.problem = t.img.a + u' ' + t.img.b;
            return t;
        }
        t.host = reg.hostPort();
        t.list = t.host + u"/dst/app:v1"_s;
        const ProcessResult r = stevedore({u"manifest"_s, u"create"_s, u"--insecure"_s, t.list,
                                           t.host + u"/src/a:amd64"_s, t.host + u"/src/b:arm64"_s});
        if (!r.ok())
            t.problem = describe(r);
        return t;
    }

    // stevedore manifest inspect LIST: the local list's bytes (empty when that fails).
    QByteArray inspectList(const QString &list)
    {
        const ProcessResult r = stevedore({u"manifest"_s, u"inspect"_s, list});
        if (!r.ok())
            qWarning("manifest inspect %s: %s", qPrintable(list), qPrintable(describe(r)));
        return r.ok() ? r.out : QByteArray();
    }

    // skopeo copy --all of a pushed list into a fresh layout: every manifest and blob is in that repository.
    QString copyAllBack(const RegistryFixture &reg, const QString &ref, const QString &out)
    {
        const ProcessResult r = skopeo(QStringList{u"copy"_s, u"-q"_s, u"--all"_s} + tlsArgs(reg, u"src-"_s)
                                       + QStringList{u"docker://"_s + ref, u"oci:"_s + out + u":x"_s});
        return r.ok() ? QString() : describe(r);
    }
};

} // namespace manifestliststest
