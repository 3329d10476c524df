// The manifest list editor in the main window (issue 9, GUI), offscreen: the Manifest Editor dock's button and
// Tools > Manifest List Editor…, local images dragging out as references, Save and Push… through the push queue to
// Debian's docker-registry (the registry then serves exactly the list the editor showed), Tools > Preferences… and
// the scheduled re-import timer's pass, and the Chinese menus.
#include "manifesteditortest.h"
#include "preferencesdialog.h"
#include "pushdialog.h"
#include "transfermodel.h"
#include "transferqueuefile.h"

#include "ops/importimage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

using stevedore::ManifestList;
using stevedore::ui::MainWindow;
using namespace editortest;

class TestManifestEditorWindow : public QObject, public EditorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { writeLayouts(u"tst_manifesteditor_window"_s); }
    void init()
    {
        newStore();
        QFile::remove(stevedore::models::TransferQueueFile::defaultPath()); // each test starts with an empty queue
    }
    void mainWindowHostsTheEditor();
    void pushThroughTheQueue();
    void preferencesAndScheduledReimport();
    void chineseMenus();
};

void TestManifestEditorWindow::mainWindowHostsTheEditor()
{
    MainWindow w(m_root);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *dock = w.findChild<QDockWidget *>(u"manifestEditorDock"_s);
    QVERIFY(dock);
    auto *button = dock->findChild<QPushButton *>(u"openManifestEditorButton"_s);
    QVERIFY(button);
    QVERIFY(!w.manifestEditor());
    button->click();
    QVERIFY(w.manifestEditor());
    QVERIFY(w.manifestEditor()->isVisible());
    QVERIFY(w.manifestEditor()->isWindow());
    // Tools > Manifest List Editor… raises the same window.
    QAction *action = w.findChild<QAction *>(u"manifestEditorAction"_s);
    QVERIFY(action);
    QVERIFY(w.findChild<QMenu *>(u"toolsMenu"_s)->actions().contains(action));
    ManifestEditor *editor = w.manifestEditor();
    action->trigger();
    QCOMPARE(w.manifestEditor(), editor);
    // Local images drag out as text/plain references.
    QVERIFY(w.imagesView()->dragEnabled());
    QVERIFY(w.imagesModel()->mimeTypes().contains(u"text/plain"_s));
}

void TestManifestEditorWindow::pushThroughTheQueue()
{
    // Save and Push…: the push dialog opens with the list's name and every platform; the push runs in the queue,
    // and the registry then holds the list the editor showed, with each image.
    stevedore::test::RegistryFixture registry;
    QString error;
    QVERIFY2(registry.start(&error), qPrintable(u"docker-registry did not start: "_s + error));
    MainWindow w(m_root);
    w.show();
    ManifestEditor *editor = w.openManifestEditor();
    editor->addReferences({m_single});
    editor->addReferences({m_index}, -1, true);
    QTRY_VERIFY_WITH_TIMEOUT(allReady(editor->model()) && editor->model()->rowCount() == 3, kReadTimeoutMs);
    QVERIFY(editor->editField(2, ManifestListModel::Annotations, u"org.example.pushed=yes"_s));
    const QString name = registry.hostPort() + u"/team/list:v1"_s;
    editor->nameEdit()->setText(name);
    editor->pushAction()->trigger();
    stevedore::ui::PushDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = w.findChild<stevedore::ui::PushDialog *>()) != nullptr, kReadTimeoutMs);
    QCOMPARE(dialog->sourceText(), name);
    QVERIFY(dialog->allCheck()->isChecked());
    dialog->tlsVerifyCheck()->setChecked(false); // plain http on the loopback
    QSignalSpy finished(w.transferModel(), &stevedore::models::TransferModel::jobFinished);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QCOMPARE(finished.first().at(1).value<stevedore::Job::State>(), stevedore::Job::State::Succeeded);
    // What the registry serves for the tag is the list the editor showed (read with the real CLI: a plain GET
    // without an Accept header for OCI indexes gets 404 from docker-distribution), and each image is there.
    const auto env = stevedore::test::isolatedEnvironment(m_tmp.filePath(u"clihome"_s));
    const auto raw = stevedore::test::runProcess(cliPath(), {u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s,
                                                             u"docker://"_s + name}, 60000, env);
    QVERIFY2(raw.ok(), raw.err.constData());
    QCOMPARE(raw.out, editor->model()->list().toBytes());
    for (int r = 0; r < editor->model()->rowCount(); ++r) {
        const auto child = stevedore::test::runProcess(
            cliPath(), {u"inspect"_s, u"--raw"_s, u"--tls-verify=false"_s,
                        u"docker://%1/team/list@%2"_s.arg(registry.hostPort(),
                                                          cell(editor->model(), r, ManifestListModel::Digest))},
            60000, env);
        QVERIFY2(child.ok(), child.err.constData());
    }
    // Push… again with nothing changed: no second save (no Replace question), the push dialog at once.
    QTRY_VERIFY(!w.findChild<stevedore::ui::PushDialog *>()); // accepted, it closed and went
    editor->pushAction()->trigger();
    QVERIFY(!editor->replaceQuestion());
    QVERIFY(w.findChild<stevedore::ui::PushDialog *>());
    QCOMPARE(w.findChild<stevedore::ui::PushDialog *>()->sourceText(), name);

    // Open List… of the pushed list in the registry: one row per platform image, as pushed, read from there.
    const ManifestList pushed = editor->model()->list();
    ManifestEditor reader(m_root);
    reader.tlsVerifyCheck()->setChecked(false);
    reader.openRemote(u"docker://"_s + name);
    QCOMPARE(reader.nameEdit()->text(), name);
    QTRY_VERIFY_WITH_TIMEOUT(allReady(reader.model()) && reader.model()->rowCount() == 3, kReadTimeoutMs);
    const ManifestList read = reader.model()->list();
    for (int r = 0; r < 3; ++r) {
        const auto &e = read.entries.at(r);
        QCOMPARE(e.descriptor.digest, pushed.entries.at(r).descriptor.digest);
        QVERIFY(e.descriptor.platform == pushed.entries.at(r).descriptor.platform);
        QVERIFY2(e.source.startsWith(u"docker://"_s + registry.hostPort() + u"/team/list@sha256:"_s),
                 qPrintable(e.source));
    }
}

void TestManifestEditorWindow::preferencesAndScheduledReimport()
{
    // Tools > Preferences… sets the interval of the main window's re-import timer (QSettings, default 15 min).
    QSettings().remove(u"scheduledImports/intervalMinutes"_s);
    QCOMPARE(stevedore::ui::PreferencesDialog::scheduledImportInterval(), 15);
    MainWindow w(m_root);
    QVERIFY(w.scheduledImportTimer()->isActive());
    QCOMPARE(w.scheduledImportTimer()->interval(), 15 * 60 * 1000);
    QAction *prefs = w.findChild<QAction *>(u"preferencesAction"_s);
    QVERIFY(prefs && w.findChild<QMenu *>(u"toolsMenu"_s)->actions().contains(prefs));
    stevedore::ui::PreferencesDialog *dialog = w.openPreferences();
    QCOMPARE(dialog->intervalSpin()->value(), 15);
    dialog->intervalSpin()->setValue(3);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(stevedore::ui::PreferencesDialog::scheduledImportInterval(), 3);
    QCOMPARE(w.scheduledImportTimer()->interval(), 3 * 60 * 1000);
    stevedore::ui::PreferencesDialog::setScheduledImportInterval(0);
    w.applyPreferences();
    QVERIFY(!w.scheduledImportTimer()->isActive()); // never
    stevedore::ui::PreferencesDialog::setScheduledImportInterval(15);

    // A scheduled import of an OCI layout: the first pass imports it (status bar, images read again), the second
    // finds nothing changed.
    stevedore::ImportRequest request;
    request.name = *stevedore::ImageReference::parse(u"team/scheduled:v1"_s);
    request.from = m_single;
    stevedore::ScheduledImport entry;
    entry.request = request;
    QVERIFY(stevedore::ScheduledImports(m_root).upsert(entry));
    QTRY_VERIFY(!w.imagesModel()->isLoading());
    QCOMPARE(w.imagesModel()->rowCount(), 0);
    QSignalSpy done(&w, &MainWindow::scheduledImportsFinished);
    w.runScheduledImports(); // what the timer's timeout does
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kReadTimeoutMs);
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(3).toString()));
    QCOMPARE(done.first().at(1).toInt(), 1);
    QVERIFY(w.statusBar()->currentMessage().contains(u"docker.io/team/scheduled:v1"_s));
    QTRY_COMPARE_WITH_TIMEOUT(w.imagesModel()->rowCount(), 1, kReadTimeoutMs);
    w.runScheduledImports();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, kReadTimeoutMs);
    QCOMPARE(done.at(1).at(1).toInt(), 0);
    QVERIFY(done.at(1).at(3).toString().contains(u"nothing changed"_s));
}

void TestManifestEditorWindow::chineseMenus()
{
    QVERIFY(stevedore::ui::installTranslators(QLocale(u"zh_CN"_s)));
    MainWindow w(m_root);
    QCOMPARE(w.findChild<QAction *>(u"manifestEditorAction"_s)->text(), u"清单列表编辑器(&M)…"_s);
    QCOMPARE(w.findChild<QAction *>(u"preferencesAction"_s)->text(), u"首选项(&P)…"_s);
    ManifestEditor *editor = w.openManifestEditor();
    QCOMPARE(editor->windowTitle(), u"清单列表编辑器[*]"_s);
    QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
    QTRY_COMPARE(editor->windowTitle(), u"Manifest List Editor[*]"_s);
}

EDITORTEST_MAIN(TestManifestEditorWindow)

#include "tst_manifesteditor_window.moc"
