// Every action of the window: an icon, keys that do not clash, all of them listed in Help > Keyboard Shortcuts,
// and keys that reach their action when pressed; the About box.
#include "credentialdialog.h"
#include "credentialmanager.h"
#include "i18n.h"
#include "mainwindow.h"
#include "manifesteditor.h"
#include "registrybrowser.h"
#include "openlistdialog.h"
#include "addregistrydialog.h"

#include "support/guisuite.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QGuiApplication>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using stevedore::ui::MainWindow;

namespace {

// The actions a person can trigger: not separators, submenus, Qt's own (a line edit's clear button), nor the
// language choices (a list of checkable entries of View > Language).
bool isUserAction(const QAction *a)
{
    const QString name = a->objectName();
    return !a->isSeparator() && !a->menu() && !a->text().isEmpty() && !name.startsWith(u"_q_"_s)
           && !name.startsWith(u"qt_"_s) && !name.startsWith(u"language_"_s);
}

QList<QAction *> userActionsOfTheApp()
{
    QList<QAction *> out;
    const QWidgetList tops = QApplication::topLevelWidgets();
    for (QWidget *top : tops) {
        const QList<QAction *> actions = top->findChildren<QAction *>();
        for (QAction *a : actions)
            if (isUserAction(a) && !out.contains(a))
                out.append(a);
    }
    return out;
}

QString plain(QString text)
{
    return text.remove(u'&');
}

// Where a shortcut of `a` is live, as Qt decides it: the widgets it is added to (a menu of the menu bar stands for
// its window), widened to their window for Qt::WindowShortcut.
struct Scope {
    QWidget *widget;
    Qt::ShortcutContext context;
};

QList<Scope> scopesOf(const QAction *a)
{
    QList<Scope> out;
    const QList<QObject *> users = a->associatedObjects();
    for (QObject *user : users) {
        auto *w = qobject_cast<QWidget *>(user);
        if (!w)
            continue;
        while (qobject_cast<QMenu *>(w) && w->parentWidget())
            w = w->parentWidget();
        if (qobject_cast<QMenu *>(w)) // a context menu made on the fly: reached through the menu only
            continue;
        if (a->shortcutContext() == Qt::WindowShortcut || a->shortcutContext() == Qt::ApplicationShortcut
            || qobject_cast<QMenuBar *>(w))
            out.append({w->window(), Qt::WindowShortcut});
        else
            out.append({w, a->shortcutContext()});
    }
    return out;
}

// Two scopes that can both be live for one focus widget (then one key for both would trigger neither).
bool overlap(const Scope &x, const Scope &y)
{
    if (x.widget->window() != y.widget->window())
        return false;
    if (x.context == Qt::WindowShortcut || y.context == Qt::WindowShortcut)
        return true;
    if (x.widget == y.widget)
        return true;
    if (x.context == Qt::WidgetShortcut || y.context == Qt::WidgetShortcut) {
        const Scope &exact = x.context == Qt::WidgetShortcut ? x : y;
        const Scope &other = x.context == Qt::WidgetShortcut ? y : x;
        return other.context == Qt::WidgetWithChildrenShortcut && other.widget->isAncestorOf(exact.widget);
    }
    return x.widget->isAncestorOf(y.widget) || y.widget->isAncestorOf(x.widget);
}

// The Keyboard Shortcuts list as "Action | Where | Keys" lines.
QString listedRows(const QTreeWidget *list)
{
    QStringList rows;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = list->topLevelItem(i);
        rows.append(item->text(0) + u" | "_s + item->text(1) + u" | "_s + item->text(2));
    }
    return rows.join(u'\n');
}

} // namespace

class TestActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        stevedore::test::useGuiSuiteEnvironment(m_tmp.path(), u"tst_actions"_s);
        m_root = m_tmp.filePath(u"storage"_s);
        QVERIFY(QDir().mkpath(m_root));
        QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English)));
    }
    void init() { stevedore::test::resetGuiState(); }
    void cleanup() { QVERIFY(stevedore::ui::installTranslators(QLocale(QLocale::English))); }

    void everyActionHasKeysThatDoNotClash();
    void helpListsEveryShortcut();
    void keysReachTheirActions();
    void titlesNameTheAppOnce();
    void helpListsShortcutsAndLicence();
    void everyActionHasAnIconAndTheToolBarIsThere();

private:
    QTemporaryDir m_tmp;
    QString m_root;
};

void TestActions::everyActionHasKeysThatDoNotClash()
{
    MainWindow w(m_root);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.ensureManifestEditor();
    w.openCredentialsWindow()->close(); // the credential manager as a window of its own, besides its dock
    const QList<QAction *> actions = userActionsOfTheApp();
    QStringList without;
    for (const QAction *a : actions)
        if (a->shortcut().isEmpty())
            without.append(a->objectName().isEmpty() ? plain(a->text()) : a->objectName());
    QVERIFY2(actions.size() >= 50, qPrintable(QString::number(actions.size())));
    QVERIFY2(without.isEmpty(), qPrintable(u"no keys: "_s + without.join(u", "_s)));

    QStringList clashes;
    for (int i = 0; i < actions.size(); ++i) {
        for (int j = i + 1; j < actions.size(); ++j) {
            const QAction *x = actions[i], *y = actions[j];
            if (x->shortcut() != y->shortcut())
                continue;
            bool clash = false;
            for (const Scope &sx : scopesOf(x))
                for (const Scope &sy : scopesOf(y))
                    clash = clash || overlap(sx, sy);
            if (clash)
                clashes.append(x->objectName() + u" / "_s + y->objectName() + u" ("_s
                               + x->shortcut().toString() + u')');
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u", "_s)));
}

void TestActions::helpListsEveryShortcut()
{
    MainWindow w(m_root);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // The editor's window is not made yet: the list makes it, so its keys are there too.
    QVERIFY(!w.manifestEditor());
    w.findChild<QAction *>(u"shortcutsAction"_s)->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = w.findChild<QDialog *>(u"shortcutsDialog"_s)) && dialog->isVisible());
    auto *list = dialog->findChild<QTreeWidget *>(u"shortcutsList"_s);
    QSet<QString> rows;
    QStringList all;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = list->topLevelItem(i);
        rows.insert(item->text(0) + u" | "_s + item->text(2));
        all.append(item->text(0) + u" | "_s + item->text(1) + u" | "_s + item->text(2));
    }
    QStringList missing;
    const QList<QAction *> actions = userActionsOfTheApp();
    for (const QAction *a : actions) {
        if (a->parent() == dialog || dialog->isAncestorOf(qobject_cast<QWidget *>(a->parent())))
            continue;
        const QString row = plain(a->text()) + u" | "_s + a->shortcut().toString(QKeySequence::NativeText);
        if (!rows.contains(row))
            missing.append(row);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n') + u"\n-- listed:\n"_s + all.join(u'\n')));
    const QString listed = all.join(u'\n');
    QVERIFY2(listed.contains(u"Move Up | Manifest List Editor | Ctrl+Up"_s), qPrintable(listed));
    QVERIFY2(listed.contains(u"Push Queue | Main window | Alt+2"_s), qPrintable(listed));
    QVERIFY2(listed.contains(u"Copy Digest | Registry Browser | Ctrl+Shift+C"_s), qPrintable(listed));
    QVERIFY2(listed.contains(u"Test Login | Credentials | Ctrl+L"_s), qPrintable(listed));
    dialog->reject();
    QTRY_VERIFY(!w.findChild<QDialog *>(u"shortcutsDialog"_s));
    // In Chinese: the texts without their "(&R)" mnemonics, the places translated.
    QVERIFY(stevedore::ui::installTranslators(QLocale(u"zh_CN"_s)));
    QTRY_VERIFY(w.findChild<QAction *>(u"pushQueueRetry"_s)->text().startsWith(u"重试"_s));
    auto *zh = qobject_cast<QDialog *>(w.showShortcuts());
    QVERIFY(zh);
    const QString zhListed = listedRows(zh->findChild<QTreeWidget *>(u"shortcutsList"_s));
    QVERIFY2(zhListed.contains(u"重试 | 推送队列 | Ctrl+R"_s), qPrintable(zhListed));
    QVERIFY2(!zhListed.contains(u"(R)"_s) && !zhListed.contains(u'&'), qPrintable(zhListed));
    zh->reject();
}

void TestActions::keysReachTheirActions()
{
    MainWindow w(m_root);
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    auto *queue = w.findChild<QDockWidget *>(u"pushQueueDock"_s);
    QVERIFY(queue && queue->isVisible());
    // Alt+2: View > Push Queue.
    QTest::keyClick(&w, Qt::Key_2, Qt::AltModifier);
    QTRY_VERIFY(!queue->isVisible());
    QTest::keyClick(&w, Qt::Key_2, Qt::AltModifier);
    QTRY_VERIFY(queue->isVisible());
    // In the registry browser: Ctrl+F to the filter, Ctrl+O to the repository field.
    auto *browser = w.findChild<stevedore::ui::RegistryBrowser *>();
    QVERIFY(browser);
    browser->view()->setFocus();
    QTRY_VERIFY(browser->view()->hasFocus());
    QTest::keyClick(browser->view(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(browser->findChild<QLineEdit *>(u"registryFilterEdit"_s)->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::ControlModifier);
    QTRY_VERIFY(browser->findChild<QLineEdit *>(u"repositoryEdit"_s)->hasFocus());
    // Alt+4 shows the credentials dock; Ctrl+N there opens Add Credential.
    auto *credentials = w.findChild<QDockWidget *>(u"credentialsDock"_s);
    QVERIFY(!credentials->isVisible());
    QTest::keyClick(&w, Qt::Key_4, Qt::AltModifier);
    QTRY_VERIFY(credentials->isVisible());
    auto *table = credentials->findChild<QWidget *>(u"credentialsView"_s);
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_N, Qt::ControlModifier);
    stevedore::ui::CredentialDialog *add = nullptr;
    QTRY_VERIFY((add = credentials->findChild<stevedore::ui::CredentialDialog *>()) && add->isVisible());
    QCOMPARE(add->windowTitle(), u"Add Credential"_s);
    add->reject();
    // Ctrl+Shift+M from the main window: the manifest list editor.
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    stevedore::ui::ManifestEditor *editor = nullptr;
    QTRY_VERIFY((editor = w.manifestEditor()) && editor->isVisible());
    editor->close();
}

// Qt puts " — Stevedore" (the display name) after a title that does not end with it, where the desktop shows titles
// (QPlatformWindow::formatWindowTitle: xcb, Windows): no window or dialog may name the app a second time.
void TestActions::titlesNameTheAppOnce()
{
    QGuiApplication::setApplicationDisplayName(u"Stevedore"_s);
    const QString app = QGuiApplication::applicationDisplayName();
    auto shown = [&app](QString title) {
        title.remove(u"[*]"_s);
        return title.endsWith(app) ? title : title.isEmpty() ? app : title + u" — "_s + app;
    };
    for (const char *language : {"en", "zh_CN"}) {
        QVERIFY(stevedore::ui::installTranslators(QLocale(QString::fromLatin1(language))));
        MainWindow w(m_root);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPushDialog(QString());
        w.openPullDialog();
        w.openPreferences();
        w.openCredentialsWindow()->openAddDialog();
        w.openManifestEditor()->openListDialog();
        w.registryBrowser()->addRegistryDialog();
        w.showShortcuts();
        w.showAbout();
        QStringList titles;
        const QWidgetList tops = QApplication::topLevelWidgets();
        for (QWidget *top : tops) {
            if (!top->isVisible())
                continue;
            QVERIFY2(!top->windowTitle().isEmpty(), qPrintable(top->objectName()));
            const QString title = shown(top->windowTitle());
            titles.append(title);
            QVERIFY2(title.count(app) == 1, qPrintable(title));
        }
        QVERIFY2(titles.size() >= 10, qPrintable(titles.join(u" | "_s)));
        QVERIFY2(titles.contains(language == QByteArray("en") ? u"Container Images — Stevedore"_s : u"容器镜像 — Stevedore"_s),
                 qPrintable(titles.join(u" | "_s)));
        const QWidgetList open = QApplication::topLevelWidgets();
        for (QWidget *top : open)
            if (top != &w && top->isVisible())
                top->close();
    }
    QGuiApplication::setApplicationDisplayName(QString());
}

void TestActions::helpListsShortcutsAndLicence()
{
    MainWindow w(m_root);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *shortcuts = w.findChild<QAction *>(u"shortcutsAction"_s);
    QVERIFY(shortcuts);
    shortcuts->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = w.findChild<QDialog *>(u"shortcutsDialog"_s)) && dialog->isVisible());
    auto *list = dialog->findChild<QTreeWidget *>(u"shortcutsList"_s);
    QVERIFY(list);
    const QString all = listedRows(list);
    // From the menus, the push queue and the images panel alike.
    QVERIFY2(all.contains(u"Push Image… | Main window | Ctrl+P"_s), qPrintable(all));
    QVERIFY2(all.contains(u"Retry | Push Queue | Ctrl+R"_s), qPrintable(all));
    QVERIFY2(all.contains(u"Remove… | Main window | Del"_s), qPrintable(all));
    QVERIFY2(all.contains(u"Tag… | Main window | Ctrl+T"_s), qPrintable(all));
    dialog->reject();

    auto *box = qobject_cast<QMessageBox *>(w.showAbout());
    QVERIFY(box);
    QVERIFY(box->text().contains(u"Apache License, Version 2.0"_s));
    QVERIFY(box->text().contains(u"manifest lists"_s));
    QVERIFY(box->text().contains(QCoreApplication::applicationVersion()));
    box->close();
    QVERIFY(stevedore::ui::installTranslators(QLocale(u"zh_CN"_s)));
    auto *zh = qobject_cast<QMessageBox *>(w.showAbout());
    QVERIFY(zh->text().contains(u"依据 Apache License 2.0 授权"_s));
    zh->close();
}

void TestActions::everyActionHasAnIconAndTheToolBarIsThere()
{
    MainWindow w(m_root);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.findChild<QAction *>(u"manifestEditorAction"_s)->trigger(); // its window has a tool bar of its own

    // Every action of the app (menus, tool bars, the queue's and the images panel's) draws a real icon from
    // resources/icons: not a null one, not a blank one. Qt's own actions, languages and submenus are left out.
    QStringList checked, missing;
    const QWidgetList tops = QApplication::topLevelWidgets();
    for (QWidget *top : tops) {
        const QList<QAction *> actions = top->findChildren<QAction *>();
        for (QAction *a : actions) {
            const QString name = a->objectName();
            if (a->isSeparator() || a->menu() || name.isEmpty() || name.startsWith(u"_q_"_s) || name.startsWith(u"qt_"_s)
                || name.startsWith(u"language_"_s) || name == u"aboutQtAction"_s || checked.contains(name))
                continue;
            checked.append(name);
            const QImage image = a->icon().pixmap(24, 24).toImage();
            int inked = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    inked += qAlpha(image.pixel(x, y)) > 128;
            if (image.isNull() || inked < 20)
                missing.append(name);
        }
    }
    QVERIFY2(checked.size() >= 30, qPrintable(checked.join(u", "_s)));
    for (const char *name : {"pushAction", "sandboxAction", "pushQueueRetry", "imageInspect", "addCredentialAction",
                             "pushListAction", "shortcutsAction"})
        QVERIFY2(checked.contains(QString::fromLatin1(name)), name);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));

    // The main tool bar: the menus' own actions (so the icon and the shortcut are the same), with their text.
    auto *bar = w.findChild<QToolBar *>(u"mainToolBar"_s);
    QVERIFY(bar);
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    QStringList onBar;
    const QList<QAction *> barActions = bar->actions();
    for (QAction *a : barActions)
        if (!a->isSeparator())
            onBar.append(a->objectName());
    QCOMPARE(onBar, QStringList({u"pushAction"_s, u"pullAction"_s, u"refreshAction"_s, u"credentialsAction"_s,
                                 u"manifestEditorAction"_s, u"sandboxAction"_s, u"preferencesAction"_s}));
    QVERIFY(w.findChild<QMenu *>(u"fileMenu"_s)->actions().contains(w.findChild<QAction *>(u"pushAction"_s)));
    // View > Tool Bar hides and shows it.
    QAction *toggle = bar->toggleViewAction();
    QVERIFY(w.findChild<QMenu *>(u"viewMenu"_s)->actions().contains(toggle));
    toggle->trigger();
    QVERIFY(!bar->isVisible());
    toggle->trigger();
    QVERIFY(bar->isVisible());
}

QTEST_MAIN(TestActions)
#include "tst_actions.moc"
