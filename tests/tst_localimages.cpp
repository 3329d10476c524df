// The local images panel (issue 8), against Debian's docker-registry (RegistryFixture), read back with skopeo:
//  - columns (platforms, size as stored), the filter, Tag…, Remove… behind a question, Inspect;
//  - dates and sizes follow the language chosen at run time;
//  - File > Pull Image… (also on the empty store's page and the panel's menu) copies an image of the registry into
//    the store through the queue: the default name, a name of one's own, wrong input refused in the dialog.
// The transfer model is watched by QAbstractItemModelTester.
#include "emptystorepage.h"
#include "imagedetailspane.h"
#include "i18n.h"
#include "localimagesmodel.h"
#include "localimagespanel.h"
#include "mainwindow.h"
#include "pulldialog.h"
#include "pushdialog.h"
#include "pushqueuedock.h"
#include "registrybrowser.h"
#include "registrytreemodel.h"
#include "transfermodel.h"
#include "transferqueuefile.h"

#include "copy/copyjob.h"
#include "support/e2e.h"
#include "support/guievents.h"
#include "support/guisuite.h"
#include "support/testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QTreeWidget>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QMimeData>
#include <QUrl>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using stevedore::Job;
using stevedore::models::TransferModel;
using stevedore::ui::MainWindow;

class TestLocalImages : public QObject
{
    Q_OBJECT

    stevedore::test::RegistryFixture m_registry;
    QTemporaryDir m_tmp;
    QString m_root;
    QString m_twoPlatforms; // oci: reference of a 2-platform index with gzip layers

    stevedore::CopyRequest request(const QString &source, const QString &destination)
    {
        return stevedore::test::plainHttpRequest(source, destination, m_root);
    }

    // The index of two platforms into the store as local/two:v1.
    bool storeTheIndex()
    {
        auto toStore = request(m_twoPlatforms, u"local/two:v1"_s);
        toStore.options.all = true;
        stevedore::CopyJob job(toStore.source, toStore.destination, toStore.context, toStore.options);
        job.start();
        return job.waitForFinished(60000) && job.state() == Job::State::Succeeded;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        stevedore::test::useGuiSuiteEnvironment(m_tmp.filePath(u"home"_s), u"tst_localimages"_s);
        QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
        QVERIFY2(!stevedore::test::findTool(u"skopeo"_s).isEmpty(), "skopeo is missing: run scripts/install-deps.sh --test");
        QString error;
        QVERIFY2(m_registry.start(&error), qPrintable(error));
        stevedore::test::TestImageSpec spec;
        spec.platforms = {u"linux/amd64"_s, u"linux/arm64/v8"_s};
        spec.layersPerPlatform = 2;
        spec.layerSize = 3 * 1024 * 1024;
        spec.gzipLayers = true;
        spec.seed = 21;
        const QString dir = m_tmp.filePath(u"layouts/two"_s);
        QVERIFY2(!stevedore::test::writeTestLayout(dir, u"v1"_s, spec, &error).isEmpty(), qPrintable(error));
        m_twoPlatforms = u"oci:"_s + dir + u":v1"_s;
    }

    void init()
    {
        // Each test starts with an empty store, queue and settings.
        m_root = m_tmp.filePath(u"storage-"_s + QString::fromLatin1(QTest::currentTestFunction()));
        stevedore::test::resetGuiState();
    }

    void cleanup() { QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English))); }

    void localImagesPanel()
    {
        // An index of two platforms in the local store.
        QVERIFY(storeTheIndex());

        MainWindow w(m_root);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        stevedore::ui::LocalImagesPanel *panel = w.imagesPanel();
        QAbstractItemModel *rows = panel->proxy();
        QTRY_COMPARE(rows->rowCount(), 1);
        using stevedore::models::LocalImagesModel;
        QTRY_COMPARE(rows->index(0, LocalImagesModel::Platforms).data().toString(), u"linux/amd64, linux/arm64/v8"_s);
        const qint64 stored = rows->index(0, LocalImagesModel::Size).data(LocalImagesModel::RawRole).toLongLong();
        QVERIFY2(stored > 4 * 3 * 1024 * 1024, qPrintable(QString::number(stored))); // four 3 MiB layers and configs
        // Uncompressed: what the four layers hold once decompressed, measured after the table shows. The oracle is
        // gzip -dc of each layer blob of the layout the store was filled from.
        qint64 expected = 0;
        const QString layoutDir = m_twoPlatforms.mid(4).section(u':', 0, 0);
        auto json = [&](const QString &digest) {
            QFile f(layoutDir + u"/blobs/sha256/"_s + digest.mid(7));
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
        };
        QFile indexFile(layoutDir + u"/index.json"_s);
        QVERIFY(indexFile.open(QIODevice::ReadOnly));
        const QString top = QJsonDocument::fromJson(indexFile.readAll())[u"manifests"_s][0][u"digest"_s].toString();
        int layerCount = 0;
        for (const QJsonValue m : json(top).value(u"manifests"_s).toArray()) {
            for (const QJsonValue l : json(m[u"digest"_s].toString()).value(u"layers"_s).toArray()) {
                QProcess gunzip;
                gunzip.start(u"gzip"_s, {u"-dc"_s, layoutDir + u"/blobs/sha256/"_s + l[u"digest"_s].toString().mid(7)});
                QVERIFY(gunzip.waitForFinished(30000));
                QCOMPARE(gunzip.exitCode(), 0);
                expected += gunzip.readAllStandardOutput().size();
                ++layerCount;
            }
        }
        QCOMPARE(layerCount, 4);
        QTRY_COMPARE(rows->index(0, LocalImagesModel::Uncompressed).data(LocalImagesModel::RawRole).toLongLong(), expected);
        QVERIFY(expected > stored - 64 * 1024); // random bytes do not compress: about the same, plus the tar framing
        QCOMPARE(rows->index(0, LocalImagesModel::Uncompressed).data().toString(), QLocale().formattedDataSize(expected));
        QCOMPARE(rows->headerData(LocalImagesModel::Uncompressed, Qt::Horizontal).toString(), u"Uncompressed"_s);
        // The filter narrows by any column.
        panel->filterEdit()->setText(u"arm64"_s);
        QCOMPARE(rows->rowCount(), 1);
        panel->filterEdit()->setText(u"no-such-image"_s);
        QCOMPARE(rows->rowCount(), 0);
        panel->filterEdit()->clear();
        QCOMPARE(rows->rowCount(), 1);

        // Dates and sizes follow the language chosen at run time, and the views are told to ask again.
        const QDateTime created = rows->index(0, LocalImagesModel::Created).data(LocalImagesModel::RawRole).toDateTime();
        QVERIFY(created.isValid());
        const QLocale english(QLocale::English), chinese(u"zh_CN"_s);
        QCOMPARE(rows->index(0, LocalImagesModel::Created).data().toString(),
                 english.toString(created.toLocalTime(), QLocale::ShortFormat));
        QVERIFY(english.toString(created.toLocalTime(), QLocale::ShortFormat)
                != chinese.toString(created.toLocalTime(), QLocale::ShortFormat));
        QSignalSpy imagesChanged(rows, &QAbstractItemModel::dataChanged);
        QSignalSpy queueRelaid(w.transferModel(), &QAbstractItemModel::layoutChanged);
        QSignalSpy browserRelaid(w.registryBrowser()->model(), &QAbstractItemModel::layoutChanged);
        QVERIFY(stevedore::ui::installTranslators(chinese));
        QTRY_VERIFY(!imagesChanged.isEmpty());
        QVERIFY(!queueRelaid.isEmpty());
        QVERIFY(!browserRelaid.isEmpty());
        QCOMPARE(rows->index(0, LocalImagesModel::Created).data().toString(),
                 chinese.toString(created.toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(rows->index(0, LocalImagesModel::Size).data().toString(), chinese.formattedDataSize(stored));
        QCOMPARE(rows->headerData(LocalImagesModel::Repository, Qt::Horizontal).toString(), u"仓库"_s);
        QVERIFY(stevedore::ui::installTranslators(english));
        QCOMPARE(rows->index(0, LocalImagesModel::Created).data().toString(),
                 english.toString(created.toLocalTime(), QLocale::ShortFormat));

        // Tag…: another name for it.
        panel->view()->selectRow(0);
        auto *prompt = qobject_cast<QInputDialog *>(panel->tagSelected());
        QVERIFY(prompt);
        prompt->setTextValue(u"local/two:copy"_s);
        prompt->accept();
        QTRY_COMPARE_WITH_TIMEOUT(rows->rowCount(), 2, 10000);
        // Remove (the Delete key) asks first; Cancel keeps it, Remove removes it.
        const QModelIndexList copy = rows->match(rows->index(0, LocalImagesModel::Tag), Qt::DisplayRole, u"copy"_s);
        QCOMPARE(copy.size(), 1);
        panel->view()->selectRow(copy.first().row());
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        panel->view()->setFocus();
        QTRY_VERIFY(panel->view()->hasFocus());
        QTest::keyClick(panel->view(), Qt::Key_Delete);
        QTRY_VERIFY(panel->removeQuestion() && panel->removeQuestion()->isVisible());
        QVERIFY(panel->removeQuestion()->text().contains(u"local/two:copy"_s));
        panel->removeQuestion()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!panel->removeQuestion());
        QTest::qWait(200);
        QCOMPARE(rows->rowCount(), 2);
        panel->removeSelected();
        QVERIFY(panel->removeQuestion());
        panel->removeQuestion()->findChild<QPushButton *>(u"removeButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(rows->rowCount(), 1, 10000);
        QCOMPARE(rows->index(0, LocalImagesModel::Tag).data().toString(), u"v1"_s);
        // Inspect: the registry browser's details pane, read from the store: the digest the store names, the
        // config and layers with sizes and media types, the manifest JSON, the config's history.
        panel->view()->selectRow(0);
        const QString digest = rows->index(0, LocalImagesModel::Digest).data(Qt::ToolTipRole).toString();
        QWidget *inspect = panel->inspectSelected();
        QVERIFY(inspect);
        auto *pane = inspect->findChild<stevedore::ui::ImageDetailsPane *>();
        QVERIFY(pane);
        // (local/two:v1 is an index of two platforms.)
        QTRY_VERIFY_WITH_TIMEOUT(pane->summaryText().contains(u"every platform"_s), 10000);
        QCOMPARE(pane->digest(), digest);
        const QString storedText = rows->index(0, LocalImagesModel::Size).data().toString();
        QVERIFY2(pane->summaryText().contains(u"2 platform images"_s), qPrintable(pane->summaryText()));
        QVERIFY2(pane->summaryText().contains(storedText + u" in all"_s), qPrintable(storedText + u" / "_s + pane->summaryText()));
        QVERIFY(pane->manifestText().contains(u"\"manifests\""_s));
        QVERIFY2(pane->configText().contains(u"index has no config"_s), qPrintable(pane->configText()));
        auto *entries = pane->findChild<QTreeWidget *>(u"registryEntries"_s);
        QCOMPARE(entries->topLevelItemCount(), 2);
        QCOMPARE(entries->topLevelItem(0)->text(0), u"linux/amd64"_s);
        QVERIFY(entries->topLevelItem(1)->text(3).contains(u"manifest"_s));
        // Ctrl+Shift+C in the dialog copies the digest.
        QGuiApplication::clipboard()->clear();
        inspect->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(inspect));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(QGuiApplication::clipboard()->text(), pane->digest());
        // A language switch draws the pane again in Chinese, sizes and all.
        QVERIFY(stevedore::ui::installTranslators(QLocale(u"zh_CN"_s)));
        QTRY_VERIFY2(pane->summaryText().contains(u"个平台镜像"_s), qPrintable(pane->summaryText()));
        QVERIFY2(pane->configText().contains(u"索引没有配置"_s), qPrintable(pane->configText()));
        QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
        QTRY_VERIFY(pane->summaryText().contains(u"2 platform images"_s));
        static_cast<QDialog *>(inspect)->reject();
    }


    // Export as OCI Archive…: the queue writes the archive (skopeo reads it); dropped on the queue, the archive is a
    // source the push dialog describes, and it pushes to the registry (skopeo reads that too).
    void exportAsArchiveAndDropIt()
    {
        using stevedore::ui::LocalImagesPanel;
        QCOMPARE(LocalImagesPanel::archiveNameFor(u"docker.io/local/two:v1"_s), u"two-v1.tar"_s);
        QCOMPARE(LocalImagesPanel::archiveNameFor(u"localhost:5000/a/b@sha256:0123456789abcdef0123"_s),
                 u"b-0123456789ab.tar"_s);
        QVERIFY(storeTheIndex());

        MainWindow w(m_root);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        LocalImagesPanel *panel = w.imagesPanel();
        QTRY_COMPARE(panel->proxy()->rowCount(), 1);
        using stevedore::models::LocalImagesModel;
        const QString digest = panel->proxy()->index(0, LocalImagesModel::Digest).data(LocalImagesModel::RawRole).toString();
        panel->view()->selectRow(0);
        auto *exportAction = panel->findChild<QAction *>(u"imageExport"_s);
        QVERIFY(exportAction && exportAction->isEnabled());
        QCOMPARE(exportAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        auto *dialog = qobject_cast<QFileDialog *>(panel->exportSelected());
        QVERIFY(dialog);
        QVERIFY2(dialog->selectedFiles().value(0).endsWith(u"/two-v1.tar"_s), qPrintable(dialog->selectedFiles().join(u' ')));
        QVERIFY(QDir().mkpath(m_tmp.filePath(u"exports"_s)));
        const QString archive = m_tmp.filePath(u"exports/two-v1.tar"_s);
        dialog->selectFile(archive);
        static_cast<QDialog *>(dialog)->accept(); // as the Save button does
        stevedore::models::TransferModel *model = w.transferModel();
        QTRY_COMPARE(model->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(0) == Job::State::Succeeded, 60000);
        QCOMPARE(model->digestAt(0), digest);
        const QString skopeo = stevedore::test::findTool(u"skopeo"_s);
        auto read = stevedore::test::runProcess(skopeo, {u"inspect"_s, u"--raw"_s, u"oci-archive:"_s + archive + u":v1"_s});
        QVERIFY2(read.ok(), read.err.constData());
        QCOMPARE(stevedore::test::sha256Digest(read.out), digest);

        // The archive dropped on the push queue (a file manager's text/uri-list).
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(archive)});
        QVERIFY(stevedore::test::sendDrop(w.pushQueueDock(), &mime));
        stevedore::ui::PushDialog *push = nullptr;
        QTRY_VERIFY((push = w.findChild<stevedore::ui::PushDialog *>()) && push->isVisible());
        QCOMPARE(push->sourceEdit()->text(), u"oci-archive:"_s + archive);
        // Browse's menu picks an archive file the same way.
        push->setSource(QString());
        QFileDialog *pick = push->browseArchive();
        QVERIFY(pick);
        pick->selectFile(archive);
        static_cast<QDialog *>(pick)->accept();
        QCOMPARE(push->sourceEdit()->text(), u"oci-archive:"_s + archive);
        QTRY_VERIFY2_WITH_TIMEOUT(push->sourceSummaryLabel()->text().contains(u"2 platforms"_s),
                                  qPrintable(push->sourceSummaryLabel()->text()), 10000);
        const QString remote = u"docker://%1/from/archive:v1"_s.arg(m_registry.hostPort());
        push->setDestination(remote);
        push->tlsVerifyCheck()->setChecked(false);
        QVERIFY(push->allCheck()->isChecked());
        push->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QTRY_COMPARE(model->rowCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(1) == Job::State::Succeeded, 60000);
        auto pushed = stevedore::test::runProcess(skopeo, {u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s, remote});
        QVERIFY2(pushed.ok(), pushed.err.constData());
        QCOMPARE(stevedore::test::sha256Digest(pushed.out), digest);
    }

    // Export as Docker Archive… (Ctrl+Shift+E): this machine's platform, named by the image's name and tag; the
    // archive dropped on the queue is read as a docker-archive and pushed.
    void exportAsDockerArchiveAndDropIt()
    {
        using stevedore::ui::LocalImagesPanel;
        QVERIFY(storeTheIndex());
        MainWindow w(m_root);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        LocalImagesPanel *panel = w.imagesPanel();
        QTRY_COMPARE(panel->proxy()->rowCount(), 1);
        panel->view()->selectRow(0);
        auto *exportAction = panel->findChild<QAction *>(u"imageExportDocker"_s);
        QVERIFY(exportAction && exportAction->isEnabled());
        QCOMPARE(exportAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        auto *dialog = qobject_cast<QFileDialog *>(panel->exportSelected(LocalImagesPanel::ArchiveFormat::Docker));
        QVERIFY(dialog);
        QVERIFY(QDir().mkpath(m_tmp.filePath(u"exports"_s)));
        const QString archive = m_tmp.filePath(u"exports/two-docker.tar"_s);
        dialog->selectFile(archive);
        static_cast<QDialog *>(dialog)->accept();
        stevedore::models::TransferModel *model = w.transferModel();
        QTRY_COMPARE(model->rowCount(), 1);
        QTRY_VERIFY2_WITH_TIMEOUT(model->stateAt(0) == Job::State::Succeeded, qPrintable(model->errorAt(0)), 60000);
        const QString skopeo = stevedore::test::findTool(u"skopeo"_s);
        auto inspected = stevedore::test::runProcess(skopeo, {u"inspect"_s, u"docker-archive:"_s + archive});
        QVERIFY2(inspected.ok(), inspected.err.constData());
        const QJsonObject info = QJsonDocument::fromJson(inspected.out).object();
        QCOMPARE(info.value(u"Architecture"_s).toString(), stevedore::Platform::host().architecture);
        auto list = stevedore::test::runProcess(stevedore::test::findTool(u"tar"_s), {u"-xOf"_s, archive, u"manifest.json"_s});
        QVERIFY2(list.ok(), list.err.constData());
        QCOMPARE(QJsonDocument::fromJson(list.out).array().first().toObject().value(u"RepoTags"_s).toArray(),
                 QJsonArray{u"local/two:v1"_s}); // what docker load names it

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(archive)});
        QVERIFY(stevedore::test::sendDrop(w.pushQueueDock(), &mime));
        stevedore::ui::PushDialog *push = nullptr;
        QTRY_VERIFY((push = w.findChild<stevedore::ui::PushDialog *>()) && push->isVisible());
        QCOMPARE(push->sourceEdit()->text(), u"docker-archive:"_s + archive);
        QTRY_VERIFY2_WITH_TIMEOUT(push->sourceSummaryLabel()->text().contains(u"2 layers"_s),
                                  qPrintable(push->sourceSummaryLabel()->text()), 10000);
        const QString remote = u"docker://%1/from/docker-archive:v1"_s.arg(m_registry.hostPort());
        push->setDestination(remote);
        push->tlsVerifyCheck()->setChecked(false);
        push->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QTRY_COMPARE(model->rowCount(), 2);
        QTRY_VERIFY2_WITH_TIMEOUT(model->stateAt(1) == Job::State::Succeeded, qPrintable(model->errorAt(1)), 60000);
        auto pushed = stevedore::test::runProcess(skopeo, {u"inspect"_s, u"--tls-verify=false"_s, remote});
        QVERIFY2(pushed.ok(), pushed.err.constData());
        QCOMPARE(QJsonDocument::fromJson(pushed.out).object().value(u"Layers"_s).toArray().size(), 2);
    }

    void pullIntoTheStore()
    {
        // The registry holds the index (pushed by the engine); the store is empty.
        const QString remote = u"%1/pull/two:v1"_s.arg(m_registry.hostPort());
        {
            auto toRegistry = request(m_twoPlatforms, u"docker://"_s + remote);
            toRegistry.options.all = true;
            stevedore::CopyJob job(toRegistry.source, toRegistry.destination, toRegistry.context, toRegistry.options);
            job.start();
            QVERIFY(job.waitForFinished(60000));
            QCOMPARE(job.state(), Job::State::Succeeded);
        }
        MainWindow w(m_root);
        QAbstractItemModelTester tester(w.transferModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(!w.imagesModel()->isLoading());
        QCOMPARE(w.imagesModel()->rowCount(), 0);

        // Offered where a new user looks: the empty store's page, the File menu, the tool bar.
        auto *pullAction = w.findChild<QAction *>(u"pullAction"_s);
        QVERIFY(pullAction);
        QCOMPARE(w.findChild<QToolButton *>(u"emptyStorePullButton"_s)->defaultAction(), pullAction);
        QCOMPARE(pullAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
        w.findChild<QToolButton *>(u"emptyStorePullButton"_s)->click();
        stevedore::ui::PullDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<stevedore::ui::PullDialog *>()) && dialog->isVisible());

        // Wrong input is refused in the dialog, with the reason.
        auto clickPull = [](QDialog *d) { d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click(); };
        clickPull(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->problemLabel()->text().startsWith(u"Enter the image to pull"_s),
                 qPrintable(dialog->problemLabel()->text()));
        dialog->imageEdit()->setText(remote);
        dialog->nameEdit()->setText(u"oci:/tmp/elsewhere:v1"_s);
        clickPull(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->problemLabel()->text().contains(u"names another location"_s),
                 qPrintable(dialog->problemLabel()->text()));
        QCOMPARE(w.transferModel()->rowCount(), 0);

        // Left empty, the name is the image's own, as `stevedore pull` gives it; every platform on request.
        dialog->nameEdit()->clear();
        QCOMPARE(dialog->nameEdit()->placeholderText(), remote);
        dialog->allPlatformsCheck()->setChecked(true);
        dialog->tlsVerifyCheck()->setChecked(false); // the fixture's registry speaks plain http
        QSignalSpy messages(w.statusBar(), &QStatusBar::messageChanged);
        clickPull(dialog);
        TransferModel *model = w.transferModel();
        QCOMPARE(model->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(0) == Job::State::Succeeded, 60000);
        QTRY_COMPARE(w.imagesModel()->rowCount(), 1);
        using stevedore::models::LocalImagesModel;
        QTRY_COMPARE(w.imagesModel()->index(0, LocalImagesModel::Platforms).data().toString(),
                     u"linux/amd64, linux/arm64/v8"_s);
        QCOMPARE(w.imagesModel()->index(0, LocalImagesModel::Repository).data().toString(), remote.section(u':', 0, -2));
        QStringList shown;
        for (const QList<QVariant> &m : std::as_const(messages))
            shown.append(m.first().toString());
        QVERIFY2(shown.filter(QRegularExpression(u"^Pulled docker://.* → "_s)).size() == 1, qPrintable(shown.join(u" | "_s)));
        // What the store holds is what the registry serves, byte for byte (skopeo reads the registry).
        const QString stored = w.imagesModel()->index(0, LocalImagesModel::Digest).data(LocalImagesModel::RawRole).toString();
        QCOMPARE(stored, model->digestAt(0));
        QProcess skopeo;
        skopeo.start(stevedore::test::findTool(u"skopeo"_s),
                     {u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s, u"docker://"_s + remote});
        QVERIFY(skopeo.waitForFinished(30000));
        QCOMPARE(skopeo.exitCode(), 0);
        QCOMPARE(stevedore::test::sha256Digest(skopeo.readAllStandardOutput()), stored);

        // A name of one's own, from the panel's context menu action (the same action).
        dialog = w.openPullDialog();
        dialog->imageEdit()->setText(u"docker://"_s + remote);
        dialog->nameEdit()->setText(u"mine/copy:1"_s);
        dialog->tlsVerifyCheck()->setChecked(false);
        clickPull(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(model->stateAt(1) == Job::State::Succeeded, 60000);
        QTRY_COMPARE(w.imagesModel()->rowCount(), 2);
        // Only this computer's platform without "all platforms": a single image manifest.
        QTRY_VERIFY(w.imagesModel()->index(0, LocalImagesModel::Platforms).data().toString() != QString()
                    && w.imagesModel()->index(1, LocalImagesModel::Platforms).data().toString() != QString());
        QStringList platforms;
        for (int row = 0; row < 2; ++row)
            platforms.append(w.imagesModel()->index(row, LocalImagesModel::Platforms).data().toString());
        QVERIFY2(platforms.contains(u"linux/amd64"_s) || platforms.contains(u"linux/arm64/v8"_s),
                 qPrintable(platforms.join(u" | "_s)));
        // Inspect on that single image: its config (platform, history) and its config and layer rows.
        auto *panel = w.imagesPanel();
        const QModelIndexList mine = panel->view()->model()->match(panel->view()->model()->index(0, LocalImagesModel::Repository),
                                                                   Qt::DisplayRole, u"mine/copy"_s, 1, Qt::MatchContains);
        QCOMPARE(mine.size(), 1);
        panel->view()->selectRow(mine.first().row());
        QWidget *inspect = panel->inspectSelected();
        QVERIFY(inspect);
        auto *pane = inspect->findChild<stevedore::ui::ImageDetailsPane *>();
        QTRY_VERIFY_WITH_TIMEOUT(pane->configText().contains(u"History:"_s), 10000);
        QVERIFY2(pane->configText().contains(u"Platform: linux/"_s), qPrintable(pane->configText()));
        QVERIFY2(pane->summaryText().contains(u"mine/copy:1"_s) && pane->summaryText().contains(u"layer"_s),
                 qPrintable(pane->summaryText()));
        auto *entries = pane->findChild<QTreeWidget *>(u"registryEntries"_s);
        QVERIFY(entries->topLevelItemCount() >= 2);
        QCOMPARE(entries->topLevelItem(0)->text(0), u"config"_s);
        QCOMPARE(entries->topLevelItem(1)->text(0), u"layer 1"_s);
        static_cast<QDialog *>(inspect)->reject();
    }
};

QTEST_MAIN(TestLocalImages)
#include "tst_localimages.moc"
