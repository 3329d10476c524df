// The local store: an OCI layout of full names, filled by CopyJob, with tag/images/find/remove and garbage collection.
#include "copy/copyjob.h"
#include "support/testsupport.h"
#include "transport/oci/ocilayout.h"
#include "transport/store/localstore.h"
#include "transport/transports.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace stevedore;
using stevedore::test::findTool;
using stevedore::test::runProcess;
using stevedore::test::TestImageSpec;
using stevedore::test::writeTestLayout;

namespace {

struct CopyOutcome {
    Job::State state = Job::State::Idle;
    std::optional<Error> error;
    Digest digest;
};

std::unique_ptr<CopyJob> makeJob(const QString &src, const QString &dst, bool all, const SystemContext &ctx)
{
    auto s = TransportReference::parse(src);
    auto d = TransportReference::parse(dst);
    if (!s || !d)
        return nullptr;
    CopyOptions options;
    options.all = all;
    return std::make_unique<CopyJob>(*s, *d, ctx, options);
}

CopyOutcome finish(CopyJob &job)
{
    if (!job.waitForFinished(120000)) {
        job.cancel();
        job.waitForFinished();
    }
    return {job.state(), job.error(), job.resultDigest()};
}

CopyOutcome runCopy(const QString &src, const QString &dst, bool all, const SystemContext &ctx)
{
    auto job = makeJob(src, dst, all, ctx);
    if (!job)
        return {Job::State::Failed, Error(ErrorCode::InvalidReference, u"bad reference"_s), {}};
    job->start();
    return finish(*job);
}

ImageReference ref(const QString &text)
{
    auto r = ImageReference::parse(text);
    return r ? *r : ImageReference();
}

QStringList blobFiles(const QString &root)
{
    return QDir(root + u"/blobs/sha256"_s).entryList(QDir::Files);
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void pullTagImagesRemove();
    void sharedBlobsSurviveGc();
    void concurrentWriters();
    void gcWaitsForWriters();
    void indexUpdatesAreSerialised();
    void environmentRoot();
    void errors();

private:
    SystemContext context() const
    {
        SystemContext c;
        c.storageRoot = m_store;
        c.blobInfoCachePath = m_dir->filePath(u"cache.json"_s);
        return c;
    }
    QString path(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    QString m_skopeo;
};

void TestLocalStore::initTestCase()
{
    m_skopeo = findTool(u"skopeo"_s);
    if (m_skopeo.isEmpty())
        QFAIL("skopeo is not installed (scripts/install-deps.sh --test installs it)");
}

void TestLocalStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = m_dir->filePath(u"store"_s);
}

void TestLocalStore::pullTagImagesRemove()
{
    QString error;
    TestImageSpec spec;
    spec.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s};
    const QString top = writeTestLayout(path(u"src"_s), u"v1"_s, spec, &error);
    QVERIFY2(!top.isEmpty(), qPrintable(error));

    // A bare name: normalised to a full name in the store.
    auto pulled = runCopy(u"oci:"_s + path(u"src"_s) + u":v1"_s, u"myapp:v1"_s, true, context());
    QVERIFY2(pulled.state == Job::State::Succeeded, pulled.error ? qPrintable(pulled.error->message) : "");
    QCOMPARE(pulled.digest.toString(), top);

    LocalStore store(m_store);
    auto images = store.images();
    QVERIFY2(images.has_value(), images ? "" : qPrintable(images.error().message));
    QCOMPARE(images->size(), 1);
    QCOMPARE(images->first().reference.toString(), u"docker.io/library/myapp:v1"_s);
    QCOMPARE(images->first().descriptor.digest.toString(), top);
    QCOMPARE(images->first().created, QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC));

    // The store is a plain OCI layout that skopeo reads by the full name.
    auto sk = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci:"_s + m_store + u":docker.io/library/myapp:v1"_s});
    QVERIFY2(sk.ok(), sk.err.constData());
    QCOMPARE(Digest::sha256Of(sk.out).toString(), top);

    // Reading back through the store transport, by bare name and by digest.
    auto src = openImageSource(*TransportReference::parse(u"myapp:v1"_s), context());
    QVERIFY2(src.has_value(), src ? "" : qPrintable(src.error().message));
    QCOMPARE((*src)->manifest(std::nullopt, {})->digest().toString(), top);
    auto byDigest = store.find(ref(u"myapp@"_s + top));
    QVERIFY(byDigest.has_value());
    QCOMPARE(byDigest->reference.toString(), u"docker.io/library/myapp:v1"_s);

    QVERIFY(store.tag(ref(u"myapp:v1"_s), ref(u"example.com/team/app:stable"_s)).has_value());
    images = store.images();
    QCOMPARE(images->size(), 2);
    QCOMPARE(images->at(0).reference.toString(), u"docker.io/library/myapp:v1"_s);
    QCOMPARE(images->at(1).reference.toString(), u"example.com/team/app:stable"_s);
    QCOMPARE(images->at(1).descriptor.digest.toString(), top);
    auto found = store.find(ref(u"example.com/team/app:stable"_s));
    QVERIFY(found.has_value());
    QCOMPARE(found->descriptor.digest.toString(), top);
    // Tagging again over an existing name replaces it.
    QVERIFY(store.tag(ref(u"myapp:v1"_s), ref(u"example.com/team/app:stable"_s)).has_value());
    QCOMPARE(store.images()->size(), 2);

    const int blobsBefore = blobFiles(m_store).size();
    QVERIFY(blobsBefore >= 1 + 2 * (1 + 1 + 2)); // index, 2 x (manifest, config, 2 layers)
    QVERIFY(store.remove(ref(u"myapp:v1"_s)).has_value());
    QCOMPARE(blobFiles(m_store).size(), blobsBefore); // still referenced by the other name
    auto gone = store.find(ref(u"myapp:v1"_s));
    QVERIFY(!gone.has_value());
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
    QVERIFY(store.remove(ref(u"example.com/team/app:stable"_s)).has_value());
    QCOMPARE(store.images()->size(), 0);
    QCOMPARE(blobFiles(m_store), QStringList());
}

void TestLocalStore::sharedBlobsSurviveGc()
{
    QString error;
    TestImageSpec a;
    a.asIndex = false;
    a.seed = 11;
    QVERIFY(!writeTestLayout(path(u"src"_s), u"a"_s, a, &error).isEmpty());
    TestImageSpec b = a;
    b.layersPerPlatform = 3; // same seed: the first layers are the same bytes
    QVERIFY(!writeTestLayout(path(u"src"_s), u"b"_s, b, &error).isEmpty());
    QVERIFY(runCopy(u"oci:"_s + path(u"src"_s) + u":a"_s, u"app:a"_s, false, context()).state == Job::State::Succeeded);
    QVERIFY(runCopy(u"oci:"_s + path(u"src"_s) + u":b"_s, u"app:b"_s, false, context()).state == Job::State::Succeeded);

    LocalStore store(m_store);
    QVERIFY(store.remove(ref(u"app:a"_s)).has_value());
    // Everything "b" needs is still there and valid: copy it out and let skopeo check every blob.
    OciLayout layout(m_store);
    auto entries = layout.entries();
    QVERIFY(entries.has_value());
    QCOMPARE(entries->size(), 1);
    auto reachable = layout.reachableBlobs(*entries, true);
    QVERIFY2(reachable.has_value(), reachable ? "" : qPrintable(reachable.error().message));
    QCOMPARE(blobFiles(m_store).size(), reachable->size()); // nothing else is left
    auto out = runProcess(m_skopeo, {u"copy"_s, u"-q"_s, u"oci:"_s + m_store + u":docker.io/library/app:b"_s,
                                     u"oci:"_s + path(u"check"_s) + u":b"_s});
    QVERIFY2(out.ok(), out.err.constData());
}

void TestLocalStore::concurrentWriters()
{
    QString error;
    TestImageSpec spec;
    spec.asIndex = false;
    for (int i = 0; i < 4; ++i) {
        spec.seed = 100 + i;
        QVERIFY(!writeTestLayout(path(u"src"_s), u"t%1"_s.arg(i), spec, &error).isEmpty());
    }
    std::vector<std::unique_ptr<CopyJob>> jobs;
    for (int i = 0; i < 4; ++i) {
        jobs.push_back(makeJob(u"oci:"_s + path(u"src"_s) + u":t%1"_s.arg(i), u"many:t%1"_s.arg(i), false, context()));
        jobs.back()->start();
    }
    for (auto &job : jobs) {
        auto out = finish(*job);
        QVERIFY2(out.state == Job::State::Succeeded, out.error ? qPrintable(out.error->message) : "");
    }
    auto images = LocalStore(m_store).images();
    QVERIFY(images.has_value());
    QCOMPARE(images->size(), 4);
    QVERIFY(!QFile::exists(m_store + u"/.index.json.lock"_s));
}

void TestLocalStore::gcWaitsForWriters()
{
    QString error;
    TestImageSpec spec;
    spec.asIndex = false;
    QVERIFY(!writeTestLayout(path(u"src"_s), u"a"_s, spec, &error).isEmpty());
    spec.seed = 5;
    QVERIFY(!writeTestLayout(path(u"src"_s), u"b"_s, spec, &error).isEmpty());
    QVERIFY(runCopy(u"oci:"_s + path(u"src"_s) + u":a"_s, u"app:a"_s, false, context()).state == Job::State::Succeeded);
    QVERIFY(runCopy(u"oci:"_s + path(u"src"_s) + u":b"_s, u"app:b"_s, false, context()).state == Job::State::Succeeded);
    const int all = blobFiles(m_store).size();
    LocalStore store(m_store);
    {
        // An open store destination (a pull in progress): its blobs are not named yet, so nothing is collected.
        auto writer = openImageDestination(*TransportReference::parse(u"app:c"_s), context());
        QVERIFY(writer.has_value());
        QVERIFY(store.remove(ref(u"app:a"_s)).has_value());
        QCOMPARE(blobFiles(m_store).size(), all);
    }
    // Once it is gone, the next removal collects everything unreferenced, the earlier leftovers included.
    QVERIFY(store.remove(ref(u"app:b"_s)).has_value());
    QCOMPARE(blobFiles(m_store), QStringList());
}

void TestLocalStore::indexUpdatesAreSerialised()
{
    // Many threads (each its own QLockFile, as separate processes would) add names at once: none is lost.
    OciLayout layout(m_store);
    QVERIFY(layout.ensureExists().has_value());
    Descriptor base;
    base.mediaType = QString(mediatype::OciManifest);
    base.digest = Digest::sha256Of("x");
    base.size = 1;
    QList<QThread *> threads;
    std::atomic_int failures{0};
    for (int t = 0; t < 6; ++t) {
        threads << QThread::create([&, t]() {
            for (int i = 0; i < 15; ++i) {
                auto s = layout.updateIndex([&](QList<Descriptor> &list) -> Status {
                    Descriptor d = base;
                    d.annotations.insert(QString(kOciRefNameAnnotation), u"docker.io/library/t%1:v%2"_s.arg(t).arg(i));
                    list.append(d);
                    return {};
                });
                if (!s)
                    ++failures;
            }
        });
        threads.last()->start();
    }
    for (QThread *th : std::as_const(threads)) {
        QVERIFY(th->wait(60000));
        delete th;
    }
    QCOMPARE(failures.load(), 0);
    auto entries = layout.entries();
    QVERIFY(entries.has_value());
    QCOMPARE(entries->size(), 6 * 15);
}

void TestLocalStore::environmentRoot()
{
    const QString root = path(u"envroot"_s);
    qputenv("STEVEDORE_ROOT", root.toLocal8Bit());
    SystemContext ctx;
    ctx.blobInfoCachePath = path(u"cache.json"_s);
    QCOMPARE(ctx.effectiveStorageRoot(), root);
    QString error;
    TestImageSpec spec;
    spec.asIndex = false;
    QVERIFY(!writeTestLayout(path(u"src"_s), u"v1"_s, spec, &error).isEmpty());
    auto out = runCopy(u"oci:"_s + path(u"src"_s) + u":v1"_s, u"localhost:5000/team/app:v1"_s, false, ctx);
    qunsetenv("STEVEDORE_ROOT");
    QVERIFY2(out.state == Job::State::Succeeded, out.error ? qPrintable(out.error->message) : "");
    auto images = LocalStore(root).images();
    QVERIFY(images.has_value());
    QCOMPARE(images->size(), 1);
    QCOMPARE(images->first().reference.toString(), u"localhost:5000/team/app:v1"_s);
    // --root (SystemContext::storageRoot) wins over the environment.
    qputenv("STEVEDORE_ROOT", path(u"other"_s).toLocal8Bit());
    QCOMPARE(context().effectiveStorageRoot(), m_store);
    qunsetenv("STEVEDORE_ROOT");
}

void TestLocalStore::errors()
{
    LocalStore store(m_store);
    // An empty store: no images, and clear NotFound errors.
    auto images = store.images();
    QVERIFY(images.has_value());
    QVERIFY(images->isEmpty());
    auto f = store.find(ref(u"nothere:v1"_s));
    QVERIFY(!f.has_value());
    QCOMPARE(f.error().code, ErrorCode::NotFound);
    QVERIFY(f.error().message.contains(u"docker.io/library/nothere:v1"_s));
    QVERIFY(!store.remove(ref(u"nothere:v1"_s)).has_value());
    QVERIFY(!store.tag(ref(u"nothere:v1"_s), ref(u"x:y"_s)).has_value());
    auto src = openImageSource(*TransportReference::parse(u"nothere:v1"_s), context());
    QVERIFY(!src.has_value());
    QCOMPARE(src.error().code, ErrorCode::NotFound);

    QString error;
    TestImageSpec spec;
    spec.asIndex = false;
    QVERIFY(!writeTestLayout(path(u"src"_s), u"v1"_s, spec, &error).isEmpty());
    QVERIFY(runCopy(u"oci:"_s + path(u"src"_s) + u":v1"_s, u"app:v1"_s, false, context()).state
            == Job::State::Succeeded);
    // A missing name next to existing ones.
    auto other = openImageSource(*TransportReference::parse(u"app:v2"_s), context());
    QVERIFY(!other.has_value());
    QVERIFY(other.error().message.contains(u"docker.io/library/app:v2"_s));
    QVERIFY(!store.remove(ref(u"app:v2"_s)).has_value());
    QCOMPARE(store.images()->size(), 1);
    // A destination name with a digest is refused.
    auto dst = openImageDestination(*TransportReference::parse(u"app@sha256:"_s + QString(64, u'a')), context());
    QVERIFY(!dst.has_value());
}

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
