// CopyJob between local transports: platform selection, progress, cancellation, digest verification.
#include "copy/copyjob.h"
#include "support/testsupport.h"
#include "transport/oci/ocilayout.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace stevedore;
using stevedore::test::findTool;
using stevedore::test::runProcess;
using stevedore::test::TestImageSpec;
using stevedore::test::writeTestLayout;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int entryCount(const QString &layout)
{
    return int(QJsonDocument::fromJson(readAll(layout + u"/index.json"_s)).object().value(u"manifests"_s).toArray().size());
}

QStringList temporaryFiles(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        if (p.contains(u".stevedore-tmp"_s))
            out << p;
    }
    return out;
}

struct Run {
    std::unique_ptr<CopyJob> job;
    QList<ProgressSnapshot> snapshots;
};

} // namespace

class TestCopy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void hostPlatformOnly();
    void allPlatforms_data();
    void allPlatforms();
    void progress();
    void cancelImmediately();
    void cancelMidway();
    void digestMismatch_data();
    void digestMismatch();

private:
    SystemContext context() const
    {
        SystemContext c;
        c.storageRoot = m_dir->filePath(u"store"_s);
        c.blobInfoCachePath = m_dir->filePath(u"cache.json"_s);
        return c;
    }
    QString path(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<CopyJob> makeJob(const QString &src, const QString &dst, bool all) const
    {
        auto s = TransportReference::parse(src);
        auto d = TransportReference::parse(dst);
        if (!s || !d)
            return nullptr;
        CopyOptions options;
        options.all = all;
        return std::make_unique<CopyJob>(*s, *d, context(), options);
    }
    // Runs a job to the end on this thread's event loop, collecting its progress signals.
    bool finish(Run &run, int timeoutMs = 120000)
    {
        QSignalSpy finished(run.job.get(), &Job::finished);
        if (run.job->state() == Job::State::Idle)
            run.job->start();
        if (finished.isEmpty() && !finished.wait(timeoutMs))
            return false;
        return true;
    }
    Run start(const QString &src, const QString &dst, bool all)
    {
        Run run;
        run.job = makeJob(src, dst, all);
        if (run.job) {
            run.job->setProgressInterval(20);
            QObject::connect(run.job.get(), &Job::progress, run.job.get(),
                             [&snapshots = run.snapshots](const ProgressSnapshot &s) { snapshots.append(s); });
        }
        return run;
    }
    QString makeMulti(int layers = 2, qint64 layerSize = 64 * 1024);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_skopeo;
};

void TestCopy::initTestCase()
{
    m_skopeo = findTool(u"skopeo"_s);
    if (m_skopeo.isEmpty())
        QFAIL("skopeo is not installed (scripts/install-deps.sh --test installs it)");
}

void TestCopy::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestCopy::makeMulti(int layers, qint64 layerSize)
{
    QString error;
    TestImageSpec spec;
    spec.platforms = {u"linux/s390x"_s, Platform::host().toString(), u"linux/ppc64le"_s};
    spec.layersPerPlatform = layers;
    spec.layerSize = layerSize;
    const QString top = writeTestLayout(path(u"src"_s), u"t"_s, spec, &error);
    if (top.isEmpty())
        qWarning() << error;
    return top;
}

void TestCopy::hostPlatformOnly()
{
    const QString top = makeMulti();
    QVERIFY(!top.isEmpty());
    auto index = ImageIndex::parse(*makeRawManifest(readAll(path(u"src/blobs/sha256/"_s) + top.mid(7))));
    QVERIFY(index.has_value());
    Descriptor host;
    for (const Descriptor &d : std::as_const(index->manifests))
        if (d.platform && d.platform->satisfies(Platform::host()))
            host = d;
    QVERIFY(host.digest.isValid());

    Run run = start(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci:"_s + path(u"dst"_s) + u":t"_s, false);
    QVERIFY(finish(run));
    QVERIFY2(run.job->state() == Job::State::Succeeded, run.job->error() ? qPrintable(run.job->error()->message) : "");
    // Like skopeo without --all: the host's manifest becomes the top level, byte for byte.
    QCOMPARE(run.job->resultDigest(), host.digest);
    auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci:"_s + path(u"dst"_s) + u":t"_s});
    QVERIFY2(raw.ok(), raw.err.constData());
    QCOMPARE(Digest::sha256Of(raw.out), host.digest);
    // Only the host platform's blobs were copied: manifest, config and 2 layers.
    QCOMPARE(QDir(path(u"dst/blobs/sha256"_s)).entryList(QDir::Files).size(), 4);

    // To dir: as well.
    Run toDir = start(u"oci:"_s + path(u"src"_s) + u":t"_s, u"dir:"_s + path(u"d"_s), false);
    QVERIFY(finish(toDir));
    QVERIFY(toDir.job->state() == Job::State::Succeeded);
    QCOMPARE(Digest::sha256Of(readAll(path(u"d/manifest.json"_s))), host.digest);
}

void TestCopy::allPlatforms_data()
{
    QTest::addColumn<QString>("destination");
    QTest::newRow("oci") << u"oci:%1:t"_s;
    QTest::newRow("dir") << u"dir:%1"_s;
}

void TestCopy::allPlatforms()
{
    QFETCH(QString, destination);
    const QString top = makeMulti();
    QVERIFY(!top.isEmpty());
    const QString dst = destination.arg(path(u"dst"_s));
    Run run = start(u"oci:"_s + path(u"src"_s) + u":t"_s, dst, true);
    QVERIFY(finish(run));
    QVERIFY2(run.job->state() == Job::State::Succeeded, run.job->error() ? qPrintable(run.job->error()->message) : "");
    QCOMPARE(run.job->resultDigest().toString(), top);
    // skopeo checks every blob; --preserve-digests keeps it from gzipping the uncompressed layers for oci:.
    auto copied = runProcess(m_skopeo, {u"copy"_s, u"-q"_s, u"--all"_s, u"--preserve-digests"_s, dst,
                                        u"oci:"_s + path(u"check"_s) + u":t"_s});
    QVERIFY2(copied.ok(), copied.err.constData());
    auto raw = runProcess(m_skopeo, {u"inspect"_s, u"--raw"_s, u"oci:"_s + path(u"check"_s) + u":t"_s});
    QCOMPARE(Digest::sha256Of(raw.out).toString(), top);
}

void TestCopy::progress()
{
    const QString top = makeMulti(2, 512 * 1024);
    QVERIFY(!top.isEmpty());
    Run run = start(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci:"_s + path(u"dst"_s) + u":t"_s, true);
    QVERIFY(finish(run));
    QVERIFY(run.job->state() == Job::State::Succeeded);
    QVERIFY(!run.snapshots.isEmpty());
    // The last state of every blob: done, with all its bytes.
    QHash<QString, BlobProgress> last;
    for (const ProgressSnapshot &s : std::as_const(run.snapshots))
        for (const BlobProgress &b : s.blobs)
            last.insert(b.id, b);
    QCOMPARE(last.size(), 3 * (1 + 2)); // 3 configs and 6 layers
    for (const BlobProgress &b : std::as_const(last)) {
        QCOMPARE(b.state, BlobProgress::State::Done);
        QVERIFY(b.total > 0);
        QCOMPARE(b.done, b.total);
        QVERIFY(Digest::parse(b.id).has_value());
    }
    // Images: three platforms and the index, all done.
    QHash<QString, ImageProgress> images;
    for (const ProgressSnapshot &s : std::as_const(run.snapshots))
        for (const ImageProgress &i : s.images)
            images.insert(i.id, i);
    QVERIFY(images.contains(top));
    for (const ImageProgress &i : std::as_const(images))
        QCOMPARE(i.state, ImageProgress::State::Done);
    QCOMPARE(images.size(), 4);

    // A second copy finds every blob there: all skipped.
    Run again = start(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci:"_s + path(u"dst"_s) + u":t2"_s, true);
    QVERIFY(finish(again));
    QVERIFY(again.job->state() == Job::State::Succeeded);
    last.clear();
    for (const ProgressSnapshot &s : std::as_const(again.snapshots))
        for (const BlobProgress &b : s.blobs)
            last.insert(b.id, b);
    QCOMPARE(last.size(), 9);
    for (const BlobProgress &b : std::as_const(last))
        QCOMPARE(b.state, BlobProgress::State::Skipped);
    QCOMPARE(entryCount(path(u"dst"_s)), 2);
}

void TestCopy::cancelImmediately()
{
    QVERIFY(!makeMulti().isEmpty());
    Run run = start(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci:"_s + path(u"dst"_s) + u":t"_s, true);
    run.job->start();
    run.job->cancel();
    QVERIFY(finish(run));
    QCOMPARE(run.job->state(), Job::State::Cancelled);
    QVERIFY(run.job->error().has_value());
    QCOMPARE(run.job->error()->code, ErrorCode::Cancelled);
    QCOMPARE(entryCount(path(u"dst"_s)), 0);
    QVERIFY(temporaryFiles(path(u"dst"_s)).isEmpty());
}

void TestCopy::cancelMidway()
{
    // Big enough to be still running when the first bytes are reported.
    QVERIFY(!makeMulti(3, 24 * 1024 * 1024).isEmpty());
    Run run = start(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci:"_s + path(u"dst"_s) + u":t"_s, true);
    bool sawBytes = false;
    QObject::connect(run.job.get(), &Job::progress, run.job.get(), [&](const ProgressSnapshot &s) {
        for (const BlobProgress &b : s.blobs)
            if (b.state == BlobProgress::State::Uploading && b.done > 0 && !sawBytes) {
                sawBytes = true;
                run.job->cancel();
            }
    });
    QElapsedTimer timer;
    timer.start();
    QVERIFY(finish(run));
    QVERIFY(sawBytes);
    QCOMPARE(run.job->state(), Job::State::Cancelled);
    QCOMPARE(run.job->error()->code, ErrorCode::Cancelled);
    QCOMPARE(entryCount(path(u"dst"_s)), 0);
    QVERIFY(temporaryFiles(path(u"dst"_s)).isEmpty());
    // The destination is still usable: a full copy afterwards works.
    Run again = start(u"oci:"_s + path(u"src"_s) + u":t"_s, u"oci:"_s + path(u"dst"_s) + u":t"_s, true);
    QVERIFY(finish(again));
    QVERIFY(again.job->state() == Job::State::Succeeded);
    QCOMPARE(entryCount(path(u"dst"_s)), 1);
}

void TestCopy::digestMismatch_data()
{
    allPlatforms_data();
}

void TestCopy::digestMismatch()
{
    QFETCH(QString, destination);
    const QString top = makeMulti();
    QVERIFY(!top.isEmpty());
    // Corrupt one layer of one platform (same size).
    auto index = ImageIndex::parse(*makeRawManifest(readAll(path(u"src/blobs/sha256/"_s) + top.mid(7))));
    QVERIFY(index.has_value());
    const Descriptor inst = index->manifests.at(1);
    auto m = ImageManifest::parse(*makeRawManifest(readAll(path(u"src/blobs/sha256/"_s) + inst.digest.hex())));
    QVERIFY(m.has_value());
    const Digest layer = m->layers.at(0).digest;
    QFile f(path(u"src/blobs/sha256/"_s) + layer.hex());
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    bytes[0] = char(bytes[0] ^ 0x01);
    f.seek(0);
    f.write(bytes);
    f.close();

    const QString dst = destination.arg(path(u"dst"_s));
    Run run = start(u"oci:"_s + path(u"src"_s) + u":t"_s, dst, true);
    QVERIFY(finish(run));
    QCOMPARE(run.job->state(), Job::State::Failed);
    QCOMPARE(run.job->error()->code, ErrorCode::DigestMismatch);
    QVERIFY2(run.job->error()->message.contains(layer.toString()) || run.job->error()->message.contains(layer.shortHex()),
             qPrintable(run.job->error()->message));
    if (destination.startsWith(u"oci"_s))
        QCOMPARE(entryCount(path(u"dst"_s)), 0);
    QVERIFY(!QFile::exists(path(u"dst/blobs/sha256/"_s) + layer.hex()));
    QVERIFY(!QFile::exists(path(u"dst/"_s) + layer.hex()));
    QVERIFY(temporaryFiles(path(u"dst"_s)).isEmpty());
}

QTEST_GUILESS_MAIN(TestCopy)
#include "tst_copy.moc"
