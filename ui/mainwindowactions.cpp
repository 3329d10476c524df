// MainWindow's actions and menus (File, View, Tools, Help) and the pull dialog they open; the docks, the tool bar
// and the rest are in mainwindow.cpp.
#include "mainwindow.h"

#include "helpdialogs.h"
#include "icons.h"
#include "pulldialog.h"
#include "toolbaractions.h"
#include "transfermodel.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

void MainWindow::createActions()
{
    m_pushAction = new QAction(actionIcon("push"), QString(), this);
    m_pushAction->setObjectName(u"pushAction"_s);
    m_pushAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_pushAction, &QAction::triggered, this, [this] { openPushDialog(selectedImage()); });
    m_pullAction = new QAction(actionIcon("pull"), QString(), this);
    m_pullAction->setObjectName(u"pullAction"_s);
    m_pullAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_pullAction, &QAction::triggered, this, &MainWindow::openPullDialog);
    m_quitAction = new QAction(actionIcon("quit"), QString(), this);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(standardKeysOr(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    m_refreshAction = new QAction(actionIcon("refresh"), QString(), this);
    m_refreshAction->setObjectName(u"refreshAction"_s);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshImages);
    m_aboutAction = new QAction(actionIcon("about"), QString(), this);
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F1));
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(this);
    m_aboutQtAction->setObjectName(u"aboutQtAction"_s);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    m_aboutQtAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F1));
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
    m_credentialsAction = new QAction(actionIcon("credentials"), QString(), this);
    m_credentialsAction->setObjectName(u"credentialsAction"_s);
    m_credentialsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    connect(m_credentialsAction, &QAction::triggered, this, &MainWindow::openCredentialsWindow);
    m_manifestEditorAction = new QAction(actionIcon("manifest-editor"), QString(), this);
    m_manifestEditorAction->setObjectName(u"manifestEditorAction"_s);
    m_manifestEditorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_manifestEditorAction, &QAction::triggered, this, &MainWindow::openManifestEditor);
    m_preferencesAction = new QAction(actionIcon("preferences"), QString(), this);
    m_preferencesAction->setObjectName(u"preferencesAction"_s);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    // The platform's keys where it has them, else Ctrl+, as GNOME and KDE apps use.
    m_preferencesAction->setShortcut(standardKeysOr(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::openPreferences);

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(u"fileMenu"_s);
    m_fileMenu->addAction(m_pushAction);
    m_fileMenu->addAction(m_pullAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(u"viewMenu"_s);
    m_toolsMenu = menuBar()->addMenu(QString());
    m_toolsMenu->setObjectName(u"toolsMenu"_s);
    m_toolsMenu->addAction(m_credentialsAction);
    m_toolsMenu->addAction(m_manifestEditorAction);
    m_preferencesSeparator = m_toolsMenu->addSeparator();
    m_toolsMenu->addAction(m_preferencesAction);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(u"helpMenu"_s);
    m_shortcutsAction = m_helpMenu->addAction(actionIcon("shortcuts"), QString());
    m_shortcutsAction->setObjectName(u"shortcutsAction"_s);
    m_shortcutsAction->setShortcut(QKeySequence::HelpContents);
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_aboutAction);
    m_helpMenu->addAction(m_aboutQtAction);
}

QWidget *MainWindow::showShortcuts()
{
    ensureManifestEditor(); // its window is made when first opened: the list names its keys before that
    return openShortcutsDialog(this);
}

PullDialog *MainWindow::openPullDialog()
{
    auto *dialog = new PullDialog(m_root, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (auto request = dialog->request())
            queuePush(*request); // the queue runs pulls as it runs pushes: progress, retry, cancel
    });
    dialog->open();
    return dialog;
}

} // namespace stevedore::ui
