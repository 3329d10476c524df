// engine/manifestlist without a network: the list document, platform checks and edits, the list store (atomic,
// conflicts, garbage collection, damaged files), reading images for a list from OCI layouts, and a list pushed by one
// CopyJob to an oci: layout (skopeo reads the result).
#include "content/platformnames.h"
#include "copy/copyjob.h"
#include "manifestlist/listimages.h"
#include "manifestlist/liststore.h"
#include "support/testsupport.h"
#include "transport/oci/ocilayout.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace stevedore;
using namespace Qt::StringLiterals;
using stevedore::test::TestImageSpec;
using stevedore::test::findTool;
using stevedore::test::runProcess;
using stevedore::test::writeTestLayout;

namespace {

ListEntry entry(const QString &hexSeed, const QString &platform, const QString &source = u"docker://r.example/a@x"_s)
{
    ListEntry e;
    e.descriptor.mediaType = QString(mediatype::OciManifest);
    e.descriptor.digest = Digest::sha256Of(hexSeed.toUtf8());
    e.descriptor.size = 100 + hexSeed.size();
    if (!platform.isEmpty())
        e.descriptor.platform = *Platform::parse(platform);
    e.source = source;
    return e;
}

ImageReference name(const QString &text)
{
    return *parseListName(text);
}

} // namespace

class TestManifestList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void platformValues_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::newRow("linux/amd64") << u"linux/amd64"_s << QString();
        QTest::newRow("linux/arm64/v8") << u"linux/arm64/v8"_s << QString();
        QTest::newRow("linux/arm64/v8.2") << u"linux/arm64/v8.2"_s << QString();
        QTest::newRow("linux/arm/v7") << u"linux/arm/v7"_s << QString();
        QTest::newRow("windows/amd64") << u"windows/amd64"_s << QString();
        QTest::newRow("linux/amd64/v3") << u"linux/amd64/v3"_s << QString();
        QTest::newRow("bad os") << u"lunix/amd64"_s << u"unknown operating system \"lunix\": valid values are aix,"_s;
        QTest::newRow("bad arch") << u"linux/amd46"_s << u"unknown architecture \"amd46\": valid values are 386, amd64,"_s;
        QTest::newRow("bad arm variant") << u"linux/arm/v9"_s << u"valid values are v5, v6, v7, v8"_s;
        QTest::newRow("variant without variants") << u"linux/s390x/v2"_s << u"which has no variants"_s;
    }
    void platformValues()
    {
        QFETCH(QString, platform);
        QFETCH(QString, error);
        const Status ok = checkPlatform(*Platform::parse(platform));
        if (error.isEmpty()) {
            QVERIFY2(ok.has_value(), qPrintable(ok ? QString() : ok.error().message));
        } else {
            QVERIFY(!ok);
            QVERIFY2(ok.error().message.contains(error), qPrintable(ok.error().message));
            QCOMPARE(ok.error().code, ErrorCode::InvalidArgument);
        }
    }

    void bytesRoundTrip()
    {
        ManifestList list;
        list.entries = {entry(u"a"_s, u"linux/amd64"_s, u"docker://r.example/a@1"_s),
                        entry(u"b"_s, u"linux/arm64/v8"_s, u"oci:/x:y"_s)};
        list.entries[1].descriptor.annotations.insert(u"k"_s, u"v"_s);
        list.annotations.insert(u"org.opencontainers.image.title"_s, u"t"_s);
        const QByteArray bytes = list.toBytes();
        QCOMPARE(list.toBytes(), bytes); // deterministic
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(o.value(u"schemaVersion"_s).toInt(), 2);
        QCOMPARE(o.value(u"mediaType"_s).toString(), QString(mediatype::OciIndex));
        QCOMPARE(o.value(u"manifests"_s).toArray().size(), 2);
        QVERIFY(!bytes.contains("oci:/x:y")); // sources are kept next to the list, never in it
        auto back = ManifestList::fromBytes(bytes, list.sources(), u"test"_s);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->toBytes(), bytes);
        QCOMPARE(back->entries.at(1).source, u"oci:/x:y"_s);
        QCOMPARE(back->entries.at(1).descriptor.platform->variant, u"v8"_s);

        auto notAList = ManifestList::fromBytes(R"({"schemaVersion":2,"config":{},"layers":[]})", {}, u"L"_s);
        QVERIFY(!notAList);
        auto garbage = ManifestList::fromBytes("{nope", {}, u"my list"_s);
        QVERIFY(!garbage);
        QVERIFY2(garbage.error().message.contains(u"my list"_s), qPrintable(garbage.error().message));
    }

    void addReplacesSameDigestAndDuplicatesAreNamed()
    {
        ManifestList list;
        list.add(entry(u"a"_s, u"linux/amd64"_s));
        list.add(entry(u"a"_s, u"linux/amd64"_s, u"docker://other@1"_s));
        QCOMPARE(list.entries.size(), 1);
        QCOMPARE(list.entries.first().source, u"docker://other@1"_s);
        QVERIFY(list.duplicatePlatforms().isEmpty());
        list.add(entry(u"b"_s, u"linux/amd64"_s));
        list.add(entry(u"c"_s, u"linux/arm64/v8"_s));
        QCOMPARE(list.duplicatePlatforms(), QStringList{u"linux/amd64 (2 entries)"_s});
        // The same os/arch with another os.version is another platform (Windows images).
        PlatformEdit edit;
        edit.osVersion = u"10.0.17763"_s;
        QVERIFY(applyPlatformEdit(list.entries[1], edit));
        QVERIFY(list.duplicatePlatforms().isEmpty());
        // arm64 without a variant is arm64/v8 to a runtime (containerd), and arm is arm/v7.
        ManifestList arm;
        arm.add(entry(u"x"_s, u"linux/arm64"_s));
        arm.add(entry(u"y"_s, u"linux/arm64/v8"_s));
        arm.add(entry(u"z"_s, u"linux/arm/v7"_s));
        arm.add(entry(u"w"_s, u"linux/arm"_s));
        arm.add(entry(u"v"_s, u"linux/arm/v6"_s));
        QCOMPARE(arm.duplicatePlatforms(), (QStringList{u"linux/arm64/v8 (2 entries)"_s, u"linux/arm/v7 (2 entries)"_s}));
    }

    void platformEdits()
    {
        ListEntry e = entry(u"a"_s, u"linux/arm64/v8"_s);
        PlatformEdit setVersion;
        setVersion.osVersion = u"1.2"_s;
        setVersion.osFeatures = QStringList{u"sse4"_s};
        setVersion.annotations.insert(u"k"_s, u"v"_s);
        QVERIFY(applyPlatformEdit(e, setVersion));
        QCOMPARE(e.descriptor.platform->osVersion, u"1.2"_s);
        QCOMPARE(e.descriptor.annotations.value(u"k"_s), u"v"_s);

        PlatformEdit clear; // empty values remove the fields
        clear.osVersion = QString();
        clear.variant = QString();
        clear.osFeatures = QStringList();
        clear.annotations.insert(u"k"_s, QString());
        QVERIFY(applyPlatformEdit(e, clear));
        QVERIFY(e.descriptor.platform->osVersion.isEmpty());
        QVERIFY(e.descriptor.platform->variant.isEmpty());
        QVERIFY(e.descriptor.platform->osFeatures.isEmpty());
        QVERIFY(!e.descriptor.annotations.contains(u"k"_s));
        QVERIFY(!QJsonDocument(e.descriptor.toJson()).toJson().contains("os.version"));

        // A bad value leaves the entry as it was.
        const QJsonObject before = e.descriptor.toJson();
        PlatformEdit bad;
        bad.architecture = u"amd46"_s;
        QVERIFY(!applyPlatformEdit(e, bad));
        QCOMPARE(e.descriptor.toJson(), before);
        // arm64/v8 → amd64 keeps v8, which amd64 does not take: an error until the variant is cleared too.
        ListEntry arm = entry(u"b"_s, u"linux/arm64/v8"_s);
        PlatformEdit toAmd;
        toAmd.architecture = u"amd64"_s;
        const Status refused = applyPlatformEdit(arm, toAmd);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"v8"_s), qPrintable(refused.error().message));
        toAmd.variant = QString();
        QVERIFY(applyPlatformEdit(arm, toAmd));
        QCOMPARE(arm.descriptor.platform->toString(), u"linux/amd64"_s);
    }

    void storeSaveLoadRemove()
    {
        ListStore store(m_dir->filePath(u"root"_s));
        ManifestList list;
        list.add(entry(u"a"_s, u"linux/amd64"_s));
        const ImageReference n = name(u"localhost:5000/team/app"_s); // :latest added
        QCOMPARE(n.tag(), u"latest"_s);
        auto saved = store.save(n, list, ListStore::SaveMode::Create);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        QCOMPARE(*saved, Digest::sha256Of(list.toBytes()));
        auto again = store.save(n, list, ListStore::SaveMode::Create);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        QVERIFY(again.error().message.contains(u"--amend"_s));

        auto loaded = store.load(n);
        QVERIFY(loaded);
        QCOMPARE(loaded->bytes, list.toBytes());
        QCOMPARE(loaded->list.entries.first().source, list.entries.first().source);

        // Replacing removes the old blob (no name uses it), keeps only the new.
        const QString oldBlob = store.root() + u"/blobs/sha256/"_s + saved->hex();
        QVERIFY(QFile::exists(oldBlob));
        list.add(entry(u"b"_s, u"linux/arm64/v8"_s));
        auto replaced = store.save(n, list, ListStore::SaveMode::Replace);
        QVERIFY(replaced);
        QCOMPARE(store.lists()->size(), 1);
        QCOMPARE(store.load(n)->list.entries.size(), 2);
        QVERIFY(!QFile::exists(oldBlob));
        QVERIFY(store.remove(n));
        QVERIFY(!store.contains(n));
        QVERIFY(!QFile::exists(store.root() + u"/blobs/sha256/"_s + replaced->hex()));
        auto gone = store.load(n);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QVERIFY(gone.error().message.contains(u"no manifest list named localhost:5000/team/app:latest"_s));
        QVERIFY(!store.remove(n));
        QVERIFY(!parseListName(u"app@sha256:"_s + QString(64, u'a')));
    }

    void damagedStoreIsReported()
    {
        ListStore store(m_dir->filePath(u"root"_s));
        ManifestList list;
        list.add(entry(u"a"_s, u"linux/amd64"_s));
        const ImageReference n = name(u"app:v1"_s);
        auto saved = store.save(n, list, ListStore::SaveMode::Create);
        QVERIFY(saved);
        QFile blob(store.root() + u"/blobs/sha256/"_s + saved->hex());
        QVERIFY(blob.open(QIODevice::WriteOnly | QIODevice::Truncate));
        blob.write("{\"schemaVersion\": 2, \"manifests\": [");
        blob.close();
        auto loaded = store.load(n);
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message.contains(u"app:v1"_s), qPrintable(loaded.error().message));
        // A damaged list is never silently replaced by a Create.
        QVERIFY(!store.save(n, list, ListStore::SaveMode::Create));

        // An index.json whose "manifests" is no array is damage, not an empty store.
        QFile index(store.root() + u"/index.json"_s);
        QVERIFY(index.open(QIODevice::WriteOnly | QIODevice::Truncate));
        index.write(R"({"schemaVersion": 2, "manifests": 7})");
        index.close();
        auto lists = store.lists();
        QVERIFY(!lists);
        QVERIFY2(lists.error().message.contains(u"\"manifests\" is not an array"_s), qPrintable(lists.error().message));
    }

    void describeFromLayouts()
    {
        QString error;
        TestImageSpec spec;
        spec.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s, u"linux/arm/v7"_s};
        const QString indexDigest = writeTestLayout(m_dir->filePath(u"multi"_s), u"t"_s, spec, &error);
        QVERIFY2(!indexDigest.isEmpty(), qPrintable(error));
        SystemContext ctx;
        ctx.storageRoot = m_dir->filePath(u"store"_s);
        auto ref = resolveListImage(u"oci:"_s + m_dir->filePath(u"multi"_s) + u":t"_s, ctx);
        QVERIFY(ref);
        auto all = describeListImage(*ref, ctx, true, {});
        QVERIFY2(all, qPrintable(all ? QString() : all.error().message));
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(1).descriptor.platform->toString(), u"linux/arm64/v8"_s);
        QCOMPARE(all->at(1).source, ref->toString());
        auto one = describeListImage(*ref, ctx, false, {});
        QVERIFY(one);
        QCOMPARE(one->size(), 1);
        QCOMPARE(one->first().descriptor.platform->toString(), Platform::host().toString());

        // A single image: its platform comes from its config.
        TestImageSpec single;
        single.platforms = {u"linux/arm64/v8"_s};
        single.asIndex = false;
        const QString d = writeTestLayout(m_dir->filePath(u"single"_s), u"s"_s, single, &error);
        auto image = describeListImage(*TransportReference::parse(u"oci:"_s + m_dir->filePath(u"single"_s) + u":s"_s),
                                       ctx, false, {});
        QVERIFY2(image, qPrintable(image ? QString() : image.error().message));
        QCOMPARE(image->first().descriptor.digest.toString(), d);
        QCOMPARE(image->first().descriptor.platform->toString(), u"linux/arm64/v8"_s);

        // A bare name not in the local store is a registry image, as docker reads it.
        auto remote = resolveListImage(u"localhost:5000/team/app:v1"_s, ctx);
        QVERIFY(remote);
        QCOMPARE(remote->kind, TransportReference::Kind::Docker);
        auto missing = describeListImage(*TransportReference::parse(u"oci:"_s + m_dir->filePath(u"none"_s) + u":x"_s),
                                         ctx, false, {});
        QVERIFY(!missing);
    }

    // The list as a source: one CopyJob writes the list and every image to an oci: layout; skopeo reads the result.
    void listPushedByOneCopyJob()
    {
        QString error;
        TestImageSpec a;
        a.platforms = {u"linux/amd64"_s};
        a.asIndex = false;
        a.seed = 7;
        TestImageSpec b = a;
        b.platforms = {u"linux/arm64/v8"_s};
        b.seed = 8;
        QVERIFY(!writeTestLayout(m_dir->filePath(u"a"_s), u"a"_s, a, &error).isEmpty());
        QVERIFY(!writeTestLayout(m_dir->filePath(u"b"_s), u"b"_s, b, &error).isEmpty());
        SystemContext ctx;
        ctx.storageRoot = m_dir->filePath(u"store"_s);
        ctx.blobInfoCachePath = m_dir->filePath(u"cache.json"_s);
        ManifestList list;
        for (const QString &which : {u"a"_s, u"b"_s}) {
            auto e = describeListImage(*TransportReference::parse(u"oci:"_s + m_dir->filePath(which) + u':' + which),
                                       ctx, false, {});
            QVERIFY(e);
            list.add(e->first());
        }
        const ImageReference n = name(u"multi:v1"_s);
        QVERIFY(ListStore(ctx.storageRoot).save(n, list, ListStore::SaveMode::Create));

        const QString out = m_dir->filePath(u"out"_s);
        CopyOptions options;
        options.all = true;
        CopyJob job(*TransportReference::parse(u"multi:v1"_s), *TransportReference::parse(u"oci:"_s + out + u":v1"_s),
                    ctx, options);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(job.state() == Job::State::Succeeded, qPrintable(job.error() ? job.error()->message : QString()));
        QCOMPARE(job.resultDigest(), Digest::sha256Of(list.toBytes()));

        const QString skopeo = findTool(u"skopeo"_s);
        QVERIFY(!skopeo.isEmpty());
        const auto raw = runProcess(skopeo, {u"inspect"_s, u"--raw"_s, u"oci:"_s + out + u":v1"_s}, 30000);
        QCOMPARE(raw.exitCode, 0);
        QCOMPARE(raw.out, list.toBytes());
        const auto copied = runProcess(skopeo, {u"copy"_s, u"-q"_s, u"--all"_s, u"oci:"_s + out + u":v1"_s,
                                                u"dir:"_s + m_dir->filePath(u"check"_s)},
                                       60000);
        QVERIFY2(copied.exitCode == 0, copied.err.constData());

        // A duplicate platform is refused by the source, unless allowed.
        ManifestList dup = list;
        ListEntry twin = dup.entries.at(1);
        PlatformEdit toAmd;
        toAmd.architecture = u"amd64"_s;
        toAmd.variant = QString();
        QVERIFY(applyPlatformEdit(twin, toAmd));
        dup.entries[1] = twin;
        QVERIFY(ListStore(ctx.storageRoot).save(name(u"dup:v1"_s), dup, ListStore::SaveMode::Create));
        CopyJob refused(*TransportReference::parse(u"dup:v1"_s),
                        *TransportReference::parse(u"oci:"_s + m_dir->filePath(u"out2"_s) + u":v1"_s), ctx, options);
        QSignalSpy refusedDone(&refused, &Job::finished);
        refused.start();
        QVERIFY(refusedDone.wait(60000));
        QCOMPARE(refused.state(), Job::State::Failed);
        QVERIFY2(refused.error()->message.contains(u"linux/amd64 (2 entries)"_s), qPrintable(refused.error()->message));
        QVERIFY(!QFile::exists(m_dir->filePath(u"out2/index.json"_s))
                || !QFile(m_dir->filePath(u"out2/index.json"_s)).size()
                || !QJsonDocument::fromJson([&] {
                       QFile f(m_dir->filePath(u"out2/index.json"_s));
                       f.open(QIODevice::ReadOnly);
                       return f.readAll();
                   }()).object().value(u"manifests"_s).toArray().size());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestManifestList)
#include "tst_manifestlist.moc"
