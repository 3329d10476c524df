// End to end: `stevedore manifest` (issue 9) against Debian's docker-registry, with skopeo as the oracle. The lists
// that work, made and pushed: create/annotate/push with mounts across repositories, TLS, Basic auth, --format v2s2, a
// child from an OCI layout, one from another registry and one from the local store, and `stevedore push` of a local
// list (whole by default, this machine's image with --all=false). The local list management and inspect are in
// tst_manifestlists_local, bad input and duplicate platforms in tst_manifestlists_bad; the helpers in
// manifestliststest.h.
#include "manifestliststest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <utility>

using namespace Qt::StringLiterals;
using namespace stevedore::test;
using namespace manifestliststest;

class TestManifestLists : public ManifestListsTest
{
    Q_OBJECT

private slots:
    // Issue 9, test 1: two registry images in two repositories → a list annotated by reference and by digest →
    // pushed to a third repository of the same registry: byte for byte what inspect printed, blobs mounted.
    void createAnnotatePushMountsAcrossRepositories()
    {
        RegistryFixture reg;
        const auto [img, h, list, setUpProblem] = startWithList(reg, 101);
        QVERIFY2(setUpProblem.isEmpty(), qPrintable(setUpProblem));
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
        ProcessResult r = stevedore({u"manifest"_s, u"annotate"_s, u"--insecure"_s, u"--variant"_s, u"v8"_s, list, h + u"/src/b:arm64"_s});
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
        const auto [img, h, list, setUpProblem] = startWithList(reg, 121);
        QVERIFY2(setUpProblem.isEmpty(), qPrintable(setUpProblem));
        ProcessResult r = stevedore({u"manifest"_s, u"annotate"_s, u"--annotation"_s, u"org.example.k=v"_s, list, img.a});
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

    // stevedore push of a local manifest list: without --all the list goes whole, with its images, as podman pushes
    // a list; --all=false pushes this machine's image alone. (stevedore push has no --insecure: --tls-verify=false.)
    void pushLocalListWholeByDefault()
    {
        RegistryFixture reg;
        const auto [img, h, list, setUpProblem] = startWithList(reg, 181);
        QVERIFY2(setUpProblem.isEmpty(), qPrintable(setUpProblem));
        const QByteArray bytes = inspectList(list);
        QCOMPARE(digestsOf(objectOf(bytes)), (QStringList{img.a, img.b}));

        // No --all: the list itself, byte for byte, and both images behind it.
        const QString whole = h + u"/dst/whole:v1"_s;
        ProcessResult r = stevedore({u"push"_s, u"--tls-verify=false"_s, u"-q"_s, list, u"docker://"_s + whole});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(tagExists(reg, u"dst/whole"_s, u"v1"_s));
        const ProcessResult raw = remoteRaw(reg, whole);
        QVERIFY2(raw.ok(), qPrintable(describe(raw)));
        QCOMPARE(raw.out, bytes);
        const QString err = copyAllBack(reg, whole, path(u"out"_s));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(inspectList(list), bytes); // no --rm: the local list is kept

        // --all=false: this machine's image of the list, as an image manifest, and not the other one.
        const QString hostArch = hostPlatformArchitecture();
        if (hostArch != u"amd64"_s && hostArch != u"arm64"_s)
            QSKIP(qPrintable(u"no entry of the list is for this machine's architecture "_s + hostArch));
        const QString mine = hostArch == u"amd64"_s ? img.a : img.b;
        const QString other = hostArch == u"amd64"_s ? img.b : img.a;
        QCOMPARE(platformOf(objectOf(bytes), mine).value(u"architecture"_s).toString(), hostArch);
        const QString one = h + u"/dst/one:v1"_s;
        r = stevedore({u"push"_s, u"--all=false"_s, u"--tls-verify=false"_s, u"-q"_s, list, u"docker://"_s + one});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const ProcessResult image = remoteRaw(reg, one);
        QVERIFY2(image.ok(), qPrintable(describe(image)));
        const QJsonObject manifest = objectOf(image.out);
        QCOMPARE(manifest.value(u"mediaType"_s).toString(), QString::fromLatin1(kOciManifest));
        QVERIFY2(!manifest.contains(u"manifests"_s), image.out.constData());
        QCOMPARE(sha256Digest(image.out), mine);
        QCOMPARE(image.out, readFileBytes(layoutBlobPath(hostArch == u"amd64"_s ? img.layoutA : img.layoutB, mine)));
        const ProcessResult absent = remoteRaw(reg, h + u"/dst/one@"_s + other);
        QVERIFY2(!absent.ok() && !absent.timedOut && absent.err.contains("manifest unknown"), qPrintable(describe(absent)));
        QCOMPARE(inspectList(list), bytes);
    }
};

QTEST_GUILESS_MAIN(TestManifestLists)
#include "tst_manifestlists.moc"
