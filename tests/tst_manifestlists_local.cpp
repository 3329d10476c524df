// End to end: `stevedore manifest` (issue 9) against Debian's docker-registry, with skopeo as the oracle. The local
// lists: inspect (--verbose, one entry, an image that is no list), and their management (create --all/--amend, add,
// remove, ls, rm, push --purge, push --rm). Pushing lists is in tst_manifestlists, bad input in tst_manifestlists_bad;
// the helpers in manifestliststest.h.
#include "manifestliststest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace stevedore::test;
using namespace manifestliststest;

class TestManifestListsLocal : public ManifestListsTest
{
    Q_OBJECT

private slots:
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

    // Issue 9, test 5: create --all from a pushed list, --amend, add, remove, ls (table, json), rm, push --purge,
    // push --rm.
    void localListManagement()
    {
        RegistryFixture reg;
        const auto [img, h, pushed, setUpProblem] = startWithList(reg, 141);
        QVERIFY2(setUpProblem.isEmpty(), qPrintable(setUpProblem));
        ProcessResult r = stevedore({u"manifest"_s, u"push"_s, u"--insecure"_s, u"-q"_s, pushed});
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
};

QTEST_GUILESS_MAIN(TestManifestListsLocal)
#include "tst_manifestlists_local.moc"
