// The item models over real engine objects: LocalImagesModel over a temporary local store filled by CopyJobs
// from OCI layouts, and TransferModel driven by real CopyJobs. Both run under QAbstractItemModelTester.
#include "localimagesmodel.h"
#include "transfermodel.h"

#include "copy/copyjob.h"
#include "support/testsupport.h"
#include "transport/store/localstore.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using stevedore::CopyJob;
using stevedore::Job;
using stevedore::models::LocalImagesModel;
using stevedore::models::TransferModel;

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void localImages();
    void localImagesFollowTheStore();
    void localImagesError();
    void transferProgress();
    void transferFailure();
    void transferCancel();
    void transferPushToRegistry();

private:
    stevedore::SystemContext context() const;
    CopyJob *copyJob(const QString &source, const QString &destination, bool tlsVerify = true) const;
    // Copies oci:<layout>:<tag> into the store as `name`; returns the digest written.
    QString pull(const QString &layout, const QString &tag, const QString &name);
    QString layout(const QString &name, const stevedore::test::TestImageSpec &spec);

    QTemporaryDir m_tmp;
    QString m_root;
    QHash<QString, QString> m_digests; // store name -> digest
};

stevedore::SystemContext TestModels::context() const
{
    stevedore::SystemContext ctx;
    ctx.storageRoot = m_root;
    ctx.blobInfoCachePath = m_tmp.filePath(u"blob-info-cache.json"_s);
    return ctx;
}

CopyJob *TestModels::copyJob(const QString &source, const QString &destination, bool tlsVerify) const
{
    auto src = stevedore::TransportReference::parse(source);
    auto dst = stevedore::TransportReference::parse(destination);
    if (!src || !dst)
        return nullptr;
    stevedore::SystemContext ctx = context();
    if (!tlsVerify)
        ctx.tlsVerify = false; // a registry on loopback speaking http
    stevedore::CopyOptions options;
    options.all = true;
    return new CopyJob(*src, *dst, ctx, options);
}

QString TestModels::layout(const QString &name, const stevedore::test::TestImageSpec &spec)
{
    const QString dir = m_tmp.filePath(u"layouts/"_s + name);
    QString error;
    const QString digest = stevedore::test::writeTestLayout(dir, u"v1"_s, spec, &error);
    if (digest.isEmpty())
        qWarning("writeTestLayout failed: %s", qPrintable(error));
    return digest.isEmpty() ? QString() : dir;
}

QString TestModels::pull(const QString &layoutDir, const QString &tag, const QString &name)
{
    std::unique_ptr<CopyJob> job(copyJob(u"oci:"_s + layoutDir + u':' + tag, name));
    if (!job)
        return {};
    job->start();
    if (!job->waitForFinished(60000) || job->state() != Job::State::Succeeded) {
        qWarning("copy to the store failed: %s",
                 job->error() ? qPrintable(job->error()->message) : "timeout");
        return {};
    }
    return job->resultDigest().toString();
}

void TestModels::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
    qputenv("XDG_CACHE_HOME", m_tmp.filePath(u"cache"_s).toLocal8Bit());
    qputenv("XDG_DATA_HOME", m_tmp.filePath(u"data"_s).toLocal8Bit());
    m_root = m_tmp.filePath(u"storage"_s);

    stevedore::test::TestImageSpec one;
    one.asIndex = false;
    one.seed = 11;
    stevedore::test::TestImageSpec multi;
    multi.platforms = {u"linux/amd64"_s, u"linux/arm64"_s};
    multi.seed = 12;
    const QString a = layout(u"a"_s, one);
    const QString b = layout(u"b"_s, multi);
    QVERIFY2(!a.isEmpty() && !b.isEmpty(), "writeTestLayout (tests/support) could not write the test layouts");

    for (const auto &[dir, name] : {std::pair{a, u"example.com/team/app:v1"_s},
                                    std::pair{b, u"example.com/team/app:v2"_s},
                                    std::pair{b, u"localhost:5000/tool:latest"_s}}) {
        const QString digest = pull(dir, u"v1"_s, name);
        QVERIFY2(digest.startsWith(u"sha256:"_s), qPrintable(u"could not put %1 into the store"_s.arg(name)));
        m_digests.insert(name, digest);
    }
}

void TestModels::localImages()
{
    LocalImagesModel model(m_root);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.columnCount(), int(LocalImagesModel::Count));
    QCOMPARE(model.headerData(LocalImagesModel::Repository, Qt::Horizontal).toString(), u"Repository"_s);
    QCOMPARE(model.headerData(LocalImagesModel::Created, Qt::Horizontal).toString(), u"Created"_s);
    QCOMPARE(model.rowCount(), 0);

    QSignalSpy loading(&model, &LocalImagesModel::loadingChanged);
    QSignalSpy refreshed(&model, &LocalImagesModel::refreshed);
    model.refresh();
    QVERIFY(model.isLoading()); // the store is read on a worker, never here
    QVERIFY(refreshed.wait(20000));
    QVERIFY(!model.isLoading());
    QCOMPARE(loading.count(), 2);
    QCOMPARE(model.errorString(), QString());
    QCOMPARE(model.rowCount(), 3);

    // Sorted by the full reference.
    const QStringList expected{u"example.com/team/app:v1"_s, u"example.com/team/app:v2"_s,
                               u"localhost:5000/tool:latest"_s};
    for (int row = 0; row < 3; ++row) {
        const QString ref = expected[row];
        QCOMPARE(model.index(row, 0).data(LocalImagesModel::ReferenceRole).toString(), ref);
        QCOMPARE(model.index(row, LocalImagesModel::Repository).data().toString(), ref.section(u':', 0, -2));
        QCOMPARE(model.index(row, LocalImagesModel::Tag).data().toString(), ref.section(u':', -1));
        const QString digest = m_digests.value(ref);
        QCOMPARE(model.index(row, LocalImagesModel::Digest).data(LocalImagesModel::RawRole).toString(), digest);
        QCOMPARE(model.index(row, LocalImagesModel::Digest).data().toString(), digest.mid(7, 12));
        QCOMPARE(model.index(row, LocalImagesModel::Created).data(LocalImagesModel::RawRole).metaType(),
                 QMetaType::fromType<QDateTime>());
        QVERIFY(model.index(row, 0).data(LocalImagesModel::SizeRole).toLongLong() > 0);
    }
    // The two names of one image share its digest; the index of the multi-platform image is kept as is.
    QCOMPARE(m_digests.value(expected[1]), m_digests.value(expected[2]));
    QVERIFY(model.index(1, 0).data(LocalImagesModel::MediaTypeRole).toString().contains(u"index"_s));
    QVERIFY(!model.index(3, 0).isValid());
}

void TestModels::localImagesFollowTheStore()
{
    LocalImagesModel model(m_root);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy refreshed(&model, &LocalImagesModel::refreshed);
    model.refresh();
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(model.rowCount(), 3);

    // Changes made through the engine show after the next refresh; two refreshes in a row give one result.
    stevedore::LocalStore store(m_root);
    const auto src = stevedore::ImageReference::parse(u"example.com/team/app:v1"_s);
    const auto dst = stevedore::ImageReference::parse(u"example.com/team/app:stable"_s);
    QVERIFY(src && dst);
    QVERIFY(store.tag(*src, *dst).has_value());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy loading(&model, &LocalImagesModel::loadingChanged);
    model.refresh();
    model.refresh();
    QVERIFY(refreshed.wait(20000));
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(loading.count(), 2); // one true, one false for both refreshes
    // The new name is merged in as one inserted row (sorted first), without a reset.
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(model.index(0, 0).data(LocalImagesModel::ReferenceRole).toString(), u"example.com/team/app:stable"_s);
    QCOMPARE(model.index(0, LocalImagesModel::Digest).data(LocalImagesModel::RawRole).toString(),
             m_digests.value(u"example.com/team/app:v1"_s));

    QVERIFY(store.remove(*dst).has_value());
    model.refresh();
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(reset.count(), 0);
}

void TestModels::localImagesError()
{
    // A store whose index.json is not JSON: the model reports it and keeps no rows.
    const QString bad = m_tmp.filePath(u"badstore"_s);
    QVERIFY(QDir().mkpath(bad));
    QFile layoutFile(bad + u"/oci-layout"_s);
    QVERIFY(layoutFile.open(QIODevice::WriteOnly));
    layoutFile.write(R"({"imageLayoutVersion":"1.0.0"})");
    layoutFile.close();
    QFile index(bad + u"/index.json"_s);
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("{ this is not json");
    index.close();

    LocalImagesModel model(bad);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy error(&model, &LocalImagesModel::errorChanged);
    QSignalSpy refreshed(&model, &LocalImagesModel::refreshed);
    model.refresh();
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(error.count(), 1);
    QVERIFY(model.errorString().contains(bad));
    QCOMPARE(model.property("errorString").toString(), model.errorString());
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::transferProgress()
{
    stevedore::test::TestImageSpec spec;
    spec.platforms = {u"linux/amd64"_s, u"linux/arm64"_s};
    spec.layersPerPlatform = 3;
    spec.layerSize = 6 * 1024 * 1024;
    spec.seed = 21;
    const QString dir = layout(u"big"_s, spec);
    QVERIFY(!dir.isEmpty());

    TransferModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy finished(&model, &TransferModel::jobFinished);

    // Record the job's percent at every change, as a view would see it.
    QList<int> percents;
    connect(&model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &tl, const QModelIndex &br) {
        if (!tl.parent().isValid() && tl.row() == 0 && tl.column() <= TransferModel::Progress
            && br.column() >= TransferModel::Progress)
            percents.append(model.index(0, TransferModel::Progress).data(TransferModel::RawRole).toInt());
    });

    CopyJob *job = copyJob(u"oci:"_s + dir + u":v1"_s, u"example.com/team/big:v1"_s);
    QVERIFY(job);
    job->setProgressInterval(20);
    QPointer<CopyJob> guard(job);
    QCOMPARE(model.addJob(job), 0);
    QCOMPARE(job->parent(), &model); // the model owns it
    QCOMPARE(job->state(), Job::State::Running);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, TransferModel::Name).data(TransferModel::RawRole).toString(), u"oci:"_s + dir + u":v1"_s);
    QVERIFY(model.index(0, TransferModel::Name).data().toString().contains(u"→"_s));

    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(1).value<Job::State>(), Job::State::Succeeded);

    // Rows: one job with its blobs (2 configs + 6 layers) as children, added by inserts, never a reset.
    const QModelIndex jobIndex = model.index(0, 0);
    QCOMPARE(model.rowCount(jobIndex), 8);
    QCOMPARE(reset.count(), 0);
    bool childInsert = false;
    for (const QList<QVariant> &args : std::as_const(inserted))
        childInsert = childInsert || args.at(0).toModelIndex() == jobIndex;
    QVERIFY(childInsert);

    // Ranged dataChanged: whole rows at once (several columns), for the job and for its blobs.
    bool rangedJob = false, rangedBlobs = false;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex tl = args.at(0).toModelIndex(), br = args.at(1).toModelIndex();
        QCOMPARE(tl.parent(), br.parent());
        if (br.column() > tl.column()) {
            if (tl.parent().isValid())
                rangedBlobs = true;
            else
                rangedJob = true;
        }
    }
    QVERIFY(rangedJob);
    QVERIFY(rangedBlobs);

    // Progress only grows, and ends at 100 %.
    QVERIFY(!percents.isEmpty());
    for (qsizetype i = 1; i < percents.size(); ++i)
        QVERIFY2(percents[i] >= percents[i - 1], qPrintable(u"percent went back: %1"_s.arg(
                                                         QString::number(percents[i - 1]) + u" -> "_s
                                                         + QString::number(percents[i]))));
    QCOMPARE(percents.last(), 100);
    // 36 MiB with a 20 ms tick: the view sees the bar move, not only jump from 0 to 100.
    QVERIFY2(std::any_of(percents.begin(), percents.end(), [](int p) { return p > 0 && p < 100; }),
             qPrintable(u"no intermediate progress in %1 updates"_s.arg(percents.size())));

    QCOMPARE(model.index(0, TransferModel::State).data(TransferModel::RawRole).toInt(), int(Job::State::Succeeded));
    QCOMPARE(model.index(0, TransferModel::State).data().toString(), u"Done"_s);
    QCOMPARE(model.index(0, TransferModel::Progress).data().toString(), u"100%"_s);
    qint64 sum = 0;
    for (int r = 0; r < 8; ++r) {
        const QModelIndex blob = model.index(r, TransferModel::Name, jobIndex);
        QCOMPARE(blob.parent(), jobIndex);
        QVERIFY(blob.data(TransferModel::RawRole).toString().startsWith(u"sha256:"_s));
        QVERIFY2(blob.data().toString().contains(blob.data(TransferModel::RawRole).toString().mid(7, 12)),
                 qPrintable(blob.data().toString()));
        const QModelIndex size = model.index(r, TransferModel::Size, jobIndex);
        const qint64 total = size.data(TransferModel::BytesTotalRole).toLongLong();
        QVERIFY(total > 0);
        QCOMPARE(size.data(TransferModel::BytesDoneRole).toLongLong(), total);
        QCOMPARE(model.index(r, TransferModel::Progress, jobIndex).data(TransferModel::RawRole).toInt(), 100);
        QCOMPARE(model.rowCount(blob), 0);
        sum += total;
    }
    QVERIFY(sum >= 6 * spec.layerSize);
    QCOMPARE(model.index(0, TransferModel::Size).data(TransferModel::BytesTotalRole).toLongLong(), sum);
    QVERIFY(!model.cancel(0)); // finished: nothing to cancel

    // The image is really in the store.
    const auto images = stevedore::LocalStore(m_root).images();
    QVERIFY(images.has_value());
    bool found = false;
    for (const auto &img : *images)
        found = found || img.reference.toString() == u"example.com/team/big:v1"_s;
    QVERIFY(found);

    model.removeFinished();
    QCOMPARE(model.rowCount(), 0);
    QTRY_VERIFY(guard.isNull()); // removed jobs are deleted
}

void TestModels::transferFailure()
{
    TransferModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy finished(&model, &TransferModel::jobFinished);
    CopyJob *job = copyJob(u"oci:"_s + m_tmp.filePath(u"no-such-layout"_s) + u":v1"_s, u"example.com/x:v1"_s);
    QVERIFY(job);
    model.addJob(job);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(1).value<Job::State>(), Job::State::Failed);
    const QModelIndex state = model.index(0, TransferModel::State);
    QCOMPARE(state.data().toString(), u"Failed"_s);
    const QString message = state.data(TransferModel::ErrorRole).toString();
    QVERIFY(!message.isEmpty());
    QCOMPARE(finished.first().at(2).toString(), message);
    QCOMPARE(state.data(Qt::ToolTipRole).toString(), message);
}

void TestModels::transferCancel()
{
    stevedore::test::TestImageSpec spec;
    spec.layersPerPlatform = 2;
    spec.layerSize = 48 * 1024 * 1024;
    spec.seed = 31;
    const QString dir = layout(u"huge"_s, spec);
    QVERIFY(!dir.isEmpty());

    TransferModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy finished(&model, &TransferModel::jobFinished);
    CopyJob *job = copyJob(u"oci:"_s + dir + u":v1"_s, u"example.com/team/huge:v1"_s);
    QVERIFY(job);
    model.addJob(job);
    QVERIFY(model.cancel(0));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(1).value<Job::State>(), Job::State::Cancelled);
    QCOMPARE(model.index(0, TransferModel::State).data().toString(), u"Cancelled"_s);
    QCOMPARE(model.runningCount(), 0);
    // Nothing was written under that name.
    const auto found = stevedore::LocalStore(m_root).find(*stevedore::ImageReference::parse(u"example.com/team/huge:v1"_s));
    QVERIFY(!found.has_value());
}

void TestModels::transferPushToRegistry()
{
    // A real push to Debian's docker-registry (plain http, so --tls-verify=false), twice: the second time
    // every blob is reported as already there.
    stevedore::test::RegistryFixture registry;
    QString error;
    QVERIFY2(registry.start(&error), qPrintable(u"docker-registry did not start: "_s + error));
    stevedore::test::TestImageSpec spec;
    spec.platforms = {u"linux/amd64"_s, u"linux/arm64"_s};
    spec.seed = 41;
    const QString dir = layout(u"pushed"_s, spec);
    QVERIFY(!dir.isEmpty());

    TransferModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy finished(&model, &TransferModel::jobFinished);
    const QString destination = u"docker://%1/team/pushed:v1"_s.arg(registry.hostPort());
    for (int round = 0; round < 2; ++round) {
        CopyJob *job = copyJob(u"oci:"_s + dir + u":v1"_s, destination, false);
        QVERIFY(job);
        QCOMPARE(model.addJob(job), round);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), round + 1, 60000);
        const QModelIndex state = model.index(round, TransferModel::State);
        QVERIFY2(state.data(TransferModel::RawRole).toInt() == int(Job::State::Succeeded),
                 qPrintable(state.data(TransferModel::ErrorRole).toString()));
        const QModelIndex jobIndex = model.index(round, 0);
        QCOMPARE(model.rowCount(jobIndex), 6); // 2 configs + 4 layers
        for (int r = 0; r < model.rowCount(jobIndex); ++r) {
            const QModelIndex blobState = model.index(r, TransferModel::State, jobIndex);
            const auto s = stevedore::BlobProgress::State(blobState.data(TransferModel::RawRole).toInt());
            if (round == 0) {
                QCOMPARE(s, stevedore::BlobProgress::State::Done);
                QCOMPARE(blobState.data().toString(), u"Done"_s);
            } else {
                QVERIFY2(s == stevedore::BlobProgress::State::Skipped, qPrintable(blobState.data().toString()));
                QCOMPARE(blobState.data().toString(), u"Already there"_s);
            }
            QCOMPARE(model.index(r, TransferModel::Progress, jobIndex).data(TransferModel::RawRole).toInt(), 100);
        }
        QCOMPARE(model.index(round, TransferModel::Progress).data(TransferModel::RawRole).toInt(), 100);
    }
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
