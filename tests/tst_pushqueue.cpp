// The push queue tells the truth (issue 8): against Debian's docker-registry (RegistryFixture), through a TcpRelay
// that cuts an upload, and a loopback server that never answers a chunk.
//  - a push that fails: every blob row ends in a real final state (none Uploading or Waiting), the whole error is in
//    the row and the dock's details line, Copy puts it on the clipboard; Retry runs it again with the same request
//    and the registry then holds exactly the source's index;
//  - a cancelled push: every blob row ends cancelled or done, and the row says how far it got;
//  - a configurable number of pushes at once, the others queued; a real drop on the queue becomes a real push;
//  - the queue across a restart: the file (0600, no typed password), finished jobs as they ended, unfinished ones
//    queued again, a typed-password job failed with the reason; quitting with pushes asks first (Keep or Quit);
//  - a push that ends while the window is in the background is announced.
// (The local images panel is tested in tst_localimages.)
// Every model is watched by QAbstractItemModelTester.
#include "i18n.h"
#include "localimagespanel.h"
#include "localimagesmodel.h"
#include "mainwindow.h"
#include "registrybrowser.h"
#include "registrytreemodel.h"
#include "preferencesdialog.h"
#include "pushdialog.h"
#include "pushqueuecontroller.h"
#include "pushqueuedock.h"
#include "transfermodel.h"
#include "transferqueuefile.h"

#include "copy/copyjob.h"
#include "support/e2e.h"
#include "support/guievents.h"
#include "support/guisuite.h"
#include "support/loopbackserver.h"
#include "support/testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QJsonArray>
#include <QJsonDocument>
#include <QInputDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QLineEdit>
#include <QComboBox>
#include <QSpinBox>
#include <QToolButton>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTableView>
#include <QTreeView>
#include <QUrl>

using namespace Qt::StringLiterals;
using stevedore::BlobProgress;
using stevedore::Job;
using stevedore::models::TransferModel;
using stevedore::models::TransferQueueFile;
using stevedore::ui::MainWindow;

namespace {

constexpr int kPushTimeoutMs = 60000;

QString g_home;

// Each blob row of job `row`: its state.
QList<BlobProgress::State> blobStates(const TransferModel &model, int row)
{
    QList<BlobProgress::State> states;
    const QModelIndex job = model.index(row, 0);
    for (int i = 0; i < model.rowCount(job); ++i)
        states.append(BlobProgress::State(model.index(i, TransferModel::State, job).data(TransferModel::RawRole).toInt()));
    return states;
}

QString describe(const QList<BlobProgress::State> &states)
{
    QStringList names;
    for (BlobProgress::State s : states)
        names.append(stevedore::blobStateName(s));
    return names.join(u", "_s);
}

// What the registry serves for `reference` (skopeo inspect --raw, the oracle); empty when it cannot.
QByteArray rawManifest(const QString &reference)
{
    QProcess p;
    p.start(stevedore::test::findTool(u"skopeo"_s), {u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s, reference});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return p.readAllStandardOutput();
}

} // namespace

class TestPushQueue : public QObject
{
    Q_OBJECT

private:
    stevedore::test::RegistryFixture m_registry;
    QTemporaryDir m_tmp;
    QString m_root;
    QString m_twoPlatforms; // oci: reference of a 2-platform index with gzip layers
    QString m_indexDigest;
    QString m_big;          // oci: reference of one image with two 24 MiB layers

    stevedore::CopyRequest request(const QString &source, const QString &destination)
    {
        return stevedore::test::plainHttpRequest(source, destination, m_root);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        g_home = m_tmp.filePath(u"home"_s);
        stevedore::test::useGuiSuiteEnvironment(g_home, u"tst_pushqueue"_s);
        QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
        QVERIFY2(!stevedore::test::findTool(u"skopeo"_s).isEmpty(), "skopeo is missing: run scripts/install-deps.sh --test");
        QString error;
        QVERIFY2(m_registry.start(&error), qPrintable(error));
        m_root = m_tmp.filePath(u"storage"_s);

        stevedore::test::TestImageSpec spec;
        spec.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s};
        spec.layersPerPlatform = 2;
        spec.layerSize = 3 * 1024 * 1024;
        spec.gzipLayers = true; // pushed as they are: the registry's index is the layout's, byte for byte
        spec.seed = 21;
        const QString dir = m_tmp.filePath(u"layouts/two"_s);
        m_indexDigest = stevedore::test::writeTestLayout(dir, u"v1"_s, spec, &error);
        QVERIFY2(!m_indexDigest.isEmpty(), qPrintable(error));
        m_twoPlatforms = u"oci:"_s + dir + u":v1"_s;

        stevedore::test::TestImageSpec bigSpec;
        bigSpec.asIndex = false;
        bigSpec.layerSize = 24 * 1024 * 1024;
        bigSpec.seed = 22;
        const QString bigDir = m_tmp.filePath(u"layouts/big"_s);
        QVERIFY2(!stevedore::test::writeTestLayout(bigDir, u"v1"_s, bigSpec, &error).isEmpty(), qPrintable(error));
        m_big = u"oci:"_s + bigDir + u":v1"_s;
    }

    void init() { stevedore::test::resetGuiState(); }

    void failureEndsEveryBlobAndRetrySucceeds()
    {
        // The relay cuts the first chunk upload half-way; with no retries the push fails there.
        stevedore::test::TcpRelay relay;
        QVERIFY(relay.listen(quint16(m_registry.hostPort().section(u':', -1).toUInt())));
        relay.cutAfterPattern("PATCH ", 1, 512 * 1024);
        MainWindow w(m_root);
        QAbstractItemModelTester tester(w.transferModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto r = request(m_twoPlatforms, u"docker://127.0.0.1:%1/queue/retry:v1"_s.arg(relay.port()));
        r.options.all = true;
        const int row = w.queuePush(r);
        TransferModel *model = w.transferModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(row) == Job::State::Failed, kPushTimeoutMs);
        QCOMPARE(relay.cuts(), 1);

        // Every blob row says what became of it.
        const QList<BlobProgress::State> states = blobStates(*model, row);
        QCOMPARE(states.size(), 6); // 4 layers and 2 configs
        for (BlobProgress::State s : states)
            QVERIFY2(stevedore::isFinalBlobState(s), qPrintable(describe(states)));
        QVERIFY2(states.contains(BlobProgress::State::Failed), qPrintable(describe(states)));
        // Grouped by platform, each platform's config labelled.
        const QModelIndex job = model->index(row, 0);
        QStringList names;
        for (int i = 0; i < model->rowCount(job); ++i)
            names.append(model->index(i, TransferModel::Name, job).data().toString());
        QCOMPARE(names.filter(u"config "_s).size(), 2);
        QVERIFY2(names.at(0).endsWith(u"(linux/amd64)"_s) && names.at(1).endsWith(u"(linux/amd64)"_s)
                     && names.at(2).endsWith(u"(linux/amd64)"_s) && names.at(3).endsWith(u"(linux/arm64/v8)"_s),
                 qPrintable(names.join(u" | "_s)));

        // The whole error is in the row and in the dock's details, and Copy takes it.
        const QString error = model->errorAt(row);
        QVERIFY(!error.isEmpty());
        QCOMPARE(model->index(row, TransferModel::Details).data().toString(), error);
        auto *dock = w.pushQueueDock();
        dock->view()->setCurrentIndex(model->index(row, 0));
        QVERIFY2(dock->detailsLabel()->text().contains(error), qPrintable(dock->detailsLabel()->text()));
        QVERIFY(dock->copyAction()->isEnabled());
        QVERIFY(dock->retryAction()->isEnabled());
        QVERIFY(!dock->cancelAction()->isEnabled());
        dock->copyAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), error);

        // Retry: the same request (every platform), no more cuts: the registry gets the layout's index.
        dock->retryAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(row) == Job::State::Succeeded, kPushTimeoutMs);
        QVERIFY(model->requestAt(row).options.all);
        QCOMPARE(model->digestAt(row), m_indexDigest);
        QCOMPARE(model->index(row, TransferModel::Details).data().toString(), m_indexDigest);
        QVERIFY(model->errorAt(row).isEmpty());
        const QList<BlobProgress::State> after = blobStates(*model, row);
        for (BlobProgress::State s : after)
            QVERIFY2(s == BlobProgress::State::Done || s == BlobProgress::State::Skipped
                         || s == BlobProgress::State::Mounted,
                     qPrintable(describe(after)));
        QVERIFY(model->index(row, TransferModel::Elapsed).data(TransferModel::RawRole).toLongLong() >= 0);
        QVERIFY(model->index(row, TransferModel::Speed).data(TransferModel::RawRole).toLongLong() > 0);
        const QByteArray index = rawManifest(u"docker://%1/queue/retry:v1"_s.arg(m_registry.hostPort()));
        QCOMPARE(stevedore::test::sha256Digest(index), m_indexDigest);
        dock->copyAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), m_indexDigest);
    }

    void dropOnTheBrowserAndCopyBetweenRegistries()
    {
        MainWindow w(m_root);
        w.resize(1100, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // Something to browse: the index in queue/browse.
        w.queuePush(request(m_twoPlatforms, u"docker://%1/queue/browse:v1"_s.arg(m_registry.hostPort())));
        QTRY_VERIFY_WITH_TIMEOUT(w.transferModel()->stateAt(0) == Job::State::Succeeded, kPushTimeoutMs);
        stevedore::models::RegistryTreeModel *tree = w.registryBrowser()->model();
        QTreeView *view = w.registryBrowser()->view();
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
        stevedore::models::RegistrySpec spec;
        spec.host = m_registry.hostPort();
        spec.tlsVerify = false;
        const QPersistentModelIndex reg = tree->addRegistry(spec, false);
        view->expand(proxy->mapFromSource(reg));
        QPersistentModelIndex repo;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (int r = 0; r < tree->rowCount(reg); ++r)
                if (tree->index(r, 0, reg).data().toString() == u"queue/browse"_s)
                    repo = tree->index(r, 0, reg);
            return repo.isValid();
        }(), kPushTimeoutMs);

        // A layout folder dropped on the registry row: the dialog proposes the folder's name and the layout's tag.
        auto dropOn = [&](const QModelIndex &sourceIndex, QMimeData *mime) {
            const QModelIndex at = proxy->mapFromSource(sourceIndex);
            view->scrollTo(at);
            return stevedore::test::sendDrop(view->viewport(), mime, view->visualRect(at).center());
        };
        auto openDialog = [&]() -> stevedore::ui::PushDialog * {
            stevedore::ui::PushDialog *d = nullptr;
            const bool shown = QTest::qWaitFor(
                [&] { return (d = w.findChild<stevedore::ui::PushDialog *>()) && d->isVisible(); }, 5000);
            return shown ? d : nullptr;
        };
        const QString layoutDir = m_twoPlatforms.mid(4).section(u':', 0, 0);
        {
            QMimeData mime;
            mime.setUrls({QUrl::fromLocalFile(layoutDir)});
            QVERIFY(dropOn(reg, &mime));
            stevedore::ui::PushDialog *dialog = openDialog();
            QVERIFY(dialog);
            QCOMPARE(dialog->sourceText(), u"oci:"_s + layoutDir);
            QCOMPARE(dialog->destinationText(), u"docker://%1/two:latest"_s.arg(m_registry.hostPort()));
            QVERIFY(!dialog->tlsVerifyCheck()->isChecked()); // the registry's own setting
            dialog->reject();
            QTRY_VERIFY(!w.findChild<stevedore::ui::PushDialog *>());
        }
        // The same layout, with its tag, dropped on a repository row: that repository; OK pushes it.
        {
            QMimeData mime;
            mime.setText(m_twoPlatforms);
            QVERIFY(dropOn(repo, &mime));
            stevedore::ui::PushDialog *dialog = openDialog();
            QVERIFY(dialog);
            QCOMPARE(dialog->destinationText(), u"docker://%1/queue/browse:v1"_s.arg(m_registry.hostPort()));
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            QTRY_COMPARE(w.transferModel()->rowCount(), 2);
            QTRY_VERIFY_WITH_TIMEOUT(w.transferModel()->stateAt(1) == Job::State::Succeeded, kPushTimeoutMs);
        }
        // Registry to registry: a tag of the browser dragged onto the push queue is the source of a copy.
        view->expand(proxy->mapFromSource(repo));
        QPersistentModelIndex tag;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (int r = 0; r < tree->rowCount(repo); ++r)
                if (tree->index(r, 0, repo).data().toString() == u"v1"_s)
                    tag = tree->index(r, 0, repo);
            return tag.isValid();
        }(), kPushTimeoutMs);
        std::unique_ptr<QMimeData> dragged(tree->mimeData({tag}));
        QVERIFY(dragged);
        QVERIFY(stevedore::test::sendDrop(w.pushQueueDock(), dragged.get()));
        stevedore::ui::PushDialog *dialog = openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->sourceText(), u"docker://%1/queue/browse:v1"_s.arg(m_registry.hostPort()));
        dialog->setDestination(u"docker://%1/copied/browse:v1"_s.arg(m_registry.hostPort()));
        dialog->tlsVerifyCheck()->setChecked(false);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QTRY_COMPARE(w.transferModel()->rowCount(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(w.transferModel()->stateAt(2) == Job::State::Succeeded, kPushTimeoutMs);
        QCOMPARE(stevedore::test::sha256Digest(rawManifest(u"docker://%1/copied/browse:v1"_s.arg(m_registry.hostPort()))),
                 w.transferModel()->digestAt(2));
    }

    void cancelEndsEveryBlob()
    {
        MainWindow w(m_root);
        QAbstractItemModelTester tester(w.transferModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto r = request(m_big, u"docker://%1/queue/cancel:v1"_s.arg(m_registry.hostPort()));
        const int row = w.queuePush(r);
        TransferModel *model = w.transferModel();
        QTRY_VERIFY_WITH_TIMEOUT(blobStates(*model, row).contains(BlobProgress::State::Uploading), kPushTimeoutMs);
        auto *dock = w.pushQueueDock();
        dock->view()->setCurrentIndex(model->index(row, 0));
        QVERIFY(dock->cancelAction()->isEnabled());
        QVERIFY(!dock->removeAction()->isEnabled()); // running: cancel first
        dock->cancelAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(row) == Job::State::Cancelled, 5000);
        const QList<BlobProgress::State> states = blobStates(*model, row);
        QVERIFY(!states.isEmpty());
        for (BlobProgress::State s : states)
            QVERIFY2(s == BlobProgress::State::Cancelled || s == BlobProgress::State::Done
                         || s == BlobProgress::State::Skipped,
                     qPrintable(describe(states)));
        QVERIFY2(states.contains(BlobProgress::State::Cancelled), qPrintable(describe(states)));
        const QString details = model->index(row, TransferModel::Details).data().toString();
        QVERIFY2(details.startsWith(u"Cancelled after "_s), qPrintable(details));
        QCOMPARE(model->index(row, TransferModel::State).data().toString(), u"Cancelled"_s);
        // Nothing was tagged.
        QVERIFY(rawManifest(u"docker://%1/queue/cancel:v1"_s.arg(m_registry.hostPort())).isEmpty());
        // Cancelled: it can be retried or removed.
        QVERIFY(dock->retryAction()->isEnabled());
        QVERIFY(dock->removeAction()->isEnabled());
        dock->removeAction()->trigger();
        QCOMPARE(model->rowCount(), 0);
    }

    void concurrencyAndARealDrop()
    {
        stevedore::ui::PreferencesDialog::setScheduledImportInterval(0);
        QSettings().setValue(u"pushQueue/concurrentJobs"_s, 1);
        MainWindow w(m_root);
        QAbstractItemModelTester tester(w.transferModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        TransferModel *model = w.transferModel();
        QCOMPARE(model->maxConcurrent(), 1);

        // A real drop of the layout folder on the queue; the dialog it opens queues a real push.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_big.mid(4).section(u':', 0, 0))});
        QVERIFY(stevedore::test::sendDrop(w.pushQueueDock(), &mime));
        stevedore::ui::PushDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<stevedore::ui::PushDialog *>()) && dialog->isVisible());
        dialog->setSource(m_big);
        dialog->setDestination(u"docker://%1/queue/first:v1"_s.arg(m_registry.hostPort()));
        dialog->tlsVerifyCheck()->setChecked(false);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click(); // as a user does
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->stateAt(0), Job::State::Running);

        // The second waits for the first.
        w.queuePush(request(m_twoPlatforms, u"docker://%1/queue/second:v1"_s.arg(m_registry.hostPort())));
        QCOMPARE(model->stateAt(1), Job::State::Idle);
        QCOMPARE(model->index(1, TransferModel::State).data().toString(), u"Queued"_s);
        QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(0) == Job::State::Succeeded, kPushTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(1) == Job::State::Succeeded, kPushTimeoutMs);
        QCOMPARE(stevedore::test::sha256Digest(rawManifest(u"docker://%1/queue/first:v1"_s.arg(m_registry.hostPort()))),
                 model->digestAt(0));
        QCOMPARE(stevedore::test::sha256Digest(rawManifest(u"docker://%1/queue/second:v1"_s.arg(m_registry.hostPort()))),
                 model->digestAt(1)); // this platform's image only: the request did not ask for --all
    }

    void queueSurvivesARestart()
    {
        // A registry that opens upload sessions and never answers a chunk: a push that is still running at quit.
        stevedore::test::LoopbackHttpServer hanging;
        QVERIFY(hanging.listen());
        hanging.setHandler(stevedore::test::stalledUploadAnswer);
        const QString typedPassword = u"typed-pa55word-%1"_s.arg(QCoreApplication::applicationPid());
        QString doneDigest;
        int doneBlobs = 0;
        {
            MainWindow w(m_root);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            TransferModel *model = w.transferModel();
            QSignalSpy loaded(w.pushQueue()->queueFile(), &TransferQueueFile::loaded);
            QTRY_VERIFY(w.pushQueue()->queueFile()->isLoaded());
            // 0: done, 1: failed (nothing listens there), 2: running, 3: typed password, queued behind 2.
            model->setMaxConcurrent(1);
            w.queuePush(request(m_twoPlatforms, u"docker://%1/queue/kept:v1"_s.arg(m_registry.hostPort())));
            QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(0) == Job::State::Succeeded, kPushTimeoutMs);
            doneDigest = model->digestAt(0);
            doneBlobs = model->rowCount(model->index(0, 0));
            QCOMPARE(doneBlobs, 3); // this platform's config and two layers
            QVERIFY(!doneDigest.isEmpty());
            w.queuePush(request(m_twoPlatforms, u"docker://127.0.0.1:1/queue/nowhere:v1"_s));
            QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(1) == Job::State::Failed, kPushTimeoutMs);
            w.queuePush(request(m_big, u"docker://127.0.0.1:%1/queue/hang:v1"_s.arg(hanging.port())));
            auto typed = request(m_big, u"docker://%1/queue/typed:v1"_s.arg(m_registry.hostPort()));
            typed.context.credentials = stevedore::Credentials{u"alice"_s, typedPassword, {}};
            w.queuePush(typed);
            QTRY_VERIFY_WITH_TIMEOUT(hanging.received("PATCH /upload/1"), kPushTimeoutMs);
            QCOMPARE(model->stateAt(2), Job::State::Running);
            QCOMPARE(model->stateAt(3), Job::State::Idle);

            // Quitting asks; "Keep Pushing" keeps the window and the push.
            QVERIFY(!w.close());
            QMessageBox *question = w.pushQueue()->quitQuestion();
            QVERIFY(question && question->isVisible());
            QVERIFY2(question->text().contains(u"1 push still running, 1 waiting"_s), qPrintable(question->text()));
            question->findChild<QPushButton *>(u"keepButton"_s)->click();
            QTRY_VERIFY(!w.pushQueue()->quitQuestion());
            QVERIFY(w.isVisible());
            QCOMPARE(model->stateAt(2), Job::State::Running);
            // Quit: the queue is saved as it was, then the pushes stop.
            QVERIFY(stevedore::test::closeAnswering(w, u"quitQuestion"_s, u"quitButton"_s));
        }
        const QString path = TransferQueueFile::defaultPath();
        QCOMPARE(stevedore::test::fileMode(path), 0600);
        const QByteArray saved = stevedore::test::readFileBytes(path);
        QVERIFY(!saved.contains(typedPassword.toUtf8()));
        QVERIFY(!saved.contains(typedPassword.toUtf8().toBase64()));
        const QJsonArray jobs = QJsonDocument::fromJson(saved).object().value(u"jobs"_s).toArray();
        QCOMPARE(jobs.size(), 4);
        QCOMPARE(jobs.at(2).toObject().value(u"state"_s).toString(), u"running"_s);

        MainWindow w(m_root);
        QAbstractItemModelTester tester(w.transferModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        TransferModel *model = w.transferModel();
        model->setMaxConcurrent(1);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(model->rowCount(), 4);
        QCOMPARE(model->stateAt(0), Job::State::Succeeded);
        QCOMPARE(model->digestAt(0), doneDigest);
        QCOMPARE(model->rowCount(model->index(0, 0)), doneBlobs); // its blob rows came back too
        for (BlobProgress::State s : blobStates(*model, 0))
            QVERIFY(s == BlobProgress::State::Done || s == BlobProgress::State::Skipped || s == BlobProgress::State::Mounted);
        QCOMPARE(model->stateAt(1), Job::State::Failed);
        QVERIFY(!model->errorAt(1).isEmpty());
        // The running one is queued again and starts; the typed-password one says why it does not.
        QVERIFY(model->stateAt(2) == Job::State::Running || model->stateAt(2) == Job::State::Idle);
        QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(2) == Job::State::Running, 10000);
        QCOMPARE(model->stateAt(3), Job::State::Failed);
        QVERIFY2(model->errorAt(3).contains(u"not kept across restarts"_s), qPrintable(model->errorAt(3)));
        QVERIFY(!model->requestAt(3).context.credentials);
        // A failed job from the last session can be retried: its request came back whole.
        QCOMPARE(model->requestAt(1).destination.toString(), u"docker://127.0.0.1:1/queue/nowhere:v1"_s);
        QVERIFY(model->retry(1));
        QVERIFY(model->stateAt(1) == Job::State::Idle); // behind the running one
        QVERIFY(stevedore::test::closeAnswering(w, u"quitQuestion"_s, u"quitButton"_s));
    }

    void corruptQueueFileIsKeptAside()
    {
        const QString path = TransferQueueFile::defaultPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": 1, \"jobs\": [");
        f.close();
        MainWindow w(m_root);
        QSignalSpy loaded(w.pushQueue()->queueFile(), &TransferQueueFile::loaded);
        QTRY_COMPARE(loaded.count(), 1);
        const QStringList problems = loaded.first().at(1).toStringList();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(u".bad"_s), qPrintable(problems.first()));
        QCOMPARE(w.transferModel()->rowCount(), 0);
        QVERIFY(QFile::exists(path + u".bad"_s));
    }

    void pushDialogDescribesAndRemembers()
    {
        stevedore::ui::PushDialog dialog(m_root);
        dialog.show();
        QSignalSpy described(&dialog, &stevedore::ui::PushDialog::sourceDescribed);
        dialog.setSource(m_twoPlatforms);
        QTRY_COMPARE_WITH_TIMEOUT(described.count(), 1, 10000);
        QCOMPARE(described.first().first().toBool(), true);
        QCOMPARE(dialog.sourceSummaryLabel()->text(), u"OCI index, 2 platforms: linux/amd64, linux/arm64/v8"_s);
        QVERIFY(dialog.allCheck()->isChecked()); // an index goes whole by default
        QVERIFY(dialog.platformCombo()->findData(u"linux/arm64/v8"_s) > 0);
        // One platform of it instead.
        dialog.allCheck()->click();
        QVERIFY(!dialog.allCheck()->isChecked());
        dialog.platformCombo()->setCurrentIndex(dialog.platformCombo()->findData(u"linux/arm64/v8"_s));
        dialog.setDestination(u"docker://%1/queue/dialog:v1"_s.arg(m_registry.hostPort()));
        dialog.compressionCombo()->setCurrentIndex(dialog.compressionCombo()->findData(u"zstd"_s));
        dialog.compressionLevelSpin()->setValue(3);
        dialog.formatCombo()->setCurrentIndex(dialog.formatCombo()->findData(u"oci"_s));
        dialog.retriesSpin()->setValue(5);
        dialog.digestFileEdit()->setText(m_tmp.filePath(u"dialog.digest"_s));
        auto r = dialog.request();
        QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().message));
        QVERIFY(!r->options.all);
        QCOMPARE(r->options.platform->toString(), u"linux/arm64/v8"_s);
        QCOMPARE(r->options.compression, std::optional(stevedore::Compression::Zstd));
        QCOMPARE(r->options.compressionLevel, 3);
        QCOMPARE(r->options.manifestFormat, std::optional(stevedore::ManifestFamily::Oci));
        QCOMPARE(r->context.retry.maxRetries, 5);
        QCOMPARE(r->options.digestFile, m_tmp.filePath(u"dialog.digest"_s));
        // A level gzip does not have is refused, with the reason.
        dialog.compressionCombo()->setCurrentIndex(dialog.compressionCombo()->findData(u"gzip"_s));
        dialog.compressionLevelSpin()->setValue(12);
        QVERIFY(!dialog.request());
        QCOMPARE(dialog.request().error().message, u"A gzip level is 1 to 9."_s);
        dialog.compressionCombo()->setCurrentIndex(dialog.compressionCombo()->findData(u"zstd"_s));
        dialog.compressionLevelSpin()->setValue(3);
        dialog.tlsVerifyCheck()->setChecked(false);
        dialog.accept();
        QCOMPARE(stevedore::ui::PushDialog::recentDestinations().value(0),
                 u"docker://%1/queue/dialog:v1"_s.arg(m_registry.hostPort()));

        // The next dialog offers that destination and keeps the options; never the password.
        stevedore::ui::PushDialog next(m_root);
        QCOMPARE(next.compressionCombo()->currentData().toString(), u"zstd"_s);
        QCOMPARE(next.compressionLevelSpin()->value(), 3);
        QCOMPARE(next.formatCombo()->currentData().toString(), u"oci"_s);
        QVERIFY(!next.tlsVerifyCheck()->isChecked());
        next.recentButton()->menu()->popup({0, 0});
        QTRY_VERIFY(next.recentButton()->menu()->isVisible());
        const QList<QAction *> recent = next.recentButton()->menu()->actions();
        QVERIFY(!recent.isEmpty());
        recent.first()->trigger();
        next.recentButton()->menu()->hide();
        QCOMPARE(next.destinationText(), u"docker://%1/queue/dialog:v1"_s.arg(m_registry.hostPort()));

        // A source that cannot be read says so.
        QSignalSpy failed(&next, &stevedore::ui::PushDialog::sourceDescribed);
        next.setSource(u"oci:"_s + m_tmp.filePath(u"no-such-layout"_s) + u":v1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failed.first().first().toBool(), false);
        QVERIFY2(next.sourceSummaryLabel()->text().startsWith(u"Cannot read the source: "_s),
                 qPrintable(next.sourceSummaryLabel()->text()));
        const QString english = next.sourceSummaryLabel()->text();

        // In the Chinese window the engine's own part of the message is Chinese too, not only the window's frame.
        QVERIFY(stevedore::ui::installTranslators(QLocale(u"zh_CN"_s)));
        next.setSource(u"oci:"_s + m_tmp.filePath(u"no-such-layout-either"_s) + u":v1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 10000);
        const QString chinese = next.sourceSummaryLabel()->text();
        QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
        qInfo("English: %s\nChinese: %s", qPrintable(english), qPrintable(chinese));
        QVERIFY2(chinese.startsWith(u"无法读取源："_s), qPrintable(chinese));
        const QString engineEnglish = english.mid(english.indexOf(u": "_s) + 2);
        const QString engineChinese = chinese.mid(chinese.indexOf(u"："_s) + 1);
        // Only the path stays as it was: every English word of the engine's text is gone.
        QString words = engineChinese;
        words.remove(m_tmp.filePath(u"no-such-layout-either"_s));
        QVERIFY2(!words.contains(QRegularExpression(u"[A-Za-z]{3,}"_s)), qPrintable(engineChinese));
        QVERIFY2(engineChinese.contains(QRegularExpression(u"\\p{Han}"_s)), qPrintable(engineChinese));
        QVERIFY(!engineEnglish.isEmpty());
    }

    void notifiesInTheBackground()
    {
        MainWindow w(m_root);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QWidget other;
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        other.activateWindow();
        QApplication::setActiveWindow(&other);
        QTRY_VERIFY(!w.isActiveWindow());
        QSignalSpy notified(w.pushQueue(), &stevedore::ui::PushQueueController::notified);
        w.queuePush(request(m_twoPlatforms, u"docker://%1/queue/notify:v1"_s.arg(m_registry.hostPort())));
        QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, kPushTimeoutMs);
        QCOMPARE(notified.first().at(0).toString(), u"Push finished"_s);
        QVERIFY(notified.first().at(1).toString().contains(u"sha256:"_s));

        // Switched off in the preferences: nothing.
        QSettings().setValue(u"pushQueue/notify"_s, false);
        w.applyPreferences();
        w.queuePush(request(m_twoPlatforms, u"docker://127.0.0.1:1/queue/nowhere:v1"_s));
        QTRY_VERIFY_WITH_TIMEOUT(w.transferModel()->stateAt(1) == Job::State::Failed, kPushTimeoutMs);
        QCOMPARE(notified.count(), 1);
    }
};

QTEST_MAIN(TestPushQueue)
#include "tst_pushqueue.moc"
