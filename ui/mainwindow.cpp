#include "mainwindow.h"

#include "copy/copyjob.h"
#include "credentialmanager.h"
#include "credentialsmodel.h"
#include "helpdialogs.h"
#include "icons.h"
#include "i18n.h"
#include "localimagesmodel.h"
#include "localimagespanel.h"
#include "manifesteditor.h"
#include "ops/importimage.h"
#include "preferencesdialog.h"
#include "pushdialog.h"
#include "pushqueuedock.h"
#include "pushqueuecontroller.h"
#include "transferqueuefile.h"
#include "registrybrowser.h"
#include "registrytreemodel.h"
#include "emptystorepage.h"
#include "sandboxcontroller.h"
#include "transfermodel.h"
#include "transport/systemcontext.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

namespace {
constexpr int kStatusTimeoutMs = 8000;

QLabel *placeholderLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setEnabled(false);
    label->setMargin(12);
    return label;
}
} // namespace

MainWindow::MainWindow(QString storageRoot, QWidget *parent)
    : QMainWindow(parent)
    , m_root(storageRoot.isEmpty() ? SystemContext::defaultStorageRoot() : std::move(storageRoot))
{
    setObjectName(u"mainWindow"_s);
    m_images = new models::LocalImagesModel(m_root, this);
    m_transfers = new models::TransferModel(this);
    m_credentials = new models::CredentialsModel({}, this);

    m_imagesPanel = new LocalImagesPanel(m_images, this);
    m_imagesProxy = m_imagesPanel->proxy();
    m_imagesView = m_imagesPanel->view();
    connect(m_imagesPanel, &LocalImagesPanel::pushRequested, this, [this](const QString &ref) { openPushDialog(ref); });
    connect(m_imagesPanel, &LocalImagesPanel::exportRequested, this, [this](const QString &ref, const QString &to) {
        auto request = makePushRequest(ref, to, m_root);
        if (!request) {
            statusBar()->showMessage(request.error().message, kStatusTimeoutMs);
            return;
        }
        // An OCI archive keeps every platform of an index; a Docker archive holds one image (this machine's).
        request->options.all = !to.startsWith(u"docker-archive:"_s);
        queuePush(*request);
    });
    connect(m_imagesPanel, &LocalImagesPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusTimeoutMs); });
    m_centre = new QStackedWidget(this);
    m_centre->setObjectName(u"centreStack"_s);
    m_centre->addWidget(m_imagesPanel);
    setCentralWidget(m_centre);

    createActions();
    createDocks();
    m_emptyPage = new EmptyStorePage(m_sandbox->action(), m_pushAction, m_pullAction, m_centre);
    m_imagesPanel->setPullAction(m_pullAction);
    m_centre->addWidget(m_emptyPage);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"imageCountLabel"_s);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_sandbox->offerButton());
    connect(m_images, &models::LocalImagesModel::refreshed, this, [this] {
        updateImageCount();
        if (m_images->errorString().isEmpty() && statusBar()->currentMessage() == m_readingMessage)
            statusBar()->clearMessage();
    });
    connect(m_images, &models::LocalImagesModel::errorChanged, this, [this](const QString &error) {
        if (!error.isEmpty())
            statusBar()->showMessage(error);
    });
    connect(m_transfers, &models::TransferModel::jobFinished, this, &MainWindow::onJobFinished);
    m_queue = new PushQueueController(m_transfers, this);
    connect(m_queue->queueFile(), &models::TransferQueueFile::loaded, this, [this](int jobs, const QStringList &problems) {
        if (!problems.isEmpty())
            statusBar()->showMessage(tr("Push queue: %1").arg(problems.join(u"; "_s)));
        else if (jobs > 0)
            statusBar()->showMessage(tr("%n push(es) from the last session are back in the queue", nullptr, jobs),
                                     kStatusTimeoutMs);
    });
    connect(m_queue->queueFile(), &models::TransferQueueFile::saveFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The push queue could not be saved: %1").arg(message));
    });
    m_queue->load();

    m_importWatcher = new QFutureWatcher<Result<QList<ScheduledChange>>>(this);
    connect(m_importWatcher, &QFutureWatcherBase::finished, this, &MainWindow::onScheduledImportsDone);
    m_importTimer = new QTimer(this);
    m_importTimer->setObjectName(u"scheduledImportTimer"_s);
    connect(m_importTimer, &QTimer::timeout, this, &MainWindow::runScheduledImports);

    retranslate();
    resize(1000, 640);
    restoreWindowState();
    refreshImages();
    applyPreferences();
}

MainWindow::~MainWindow()
{
    m_cancel.cancel();
    m_importWatcher->disconnect(this);
    m_transfers->cancelAll();
}

void MainWindow::createDocks()
{
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    m_browserDock = new QDockWidget(this);
    m_browserDock->setObjectName(u"registryBrowserDock"_s);
    m_browser = new RegistryBrowser(m_browserDock);
    m_browser->setCredentialsModel(m_credentials);
    m_browserDock->setWidget(m_browser);
    connect(m_browser, &RegistryBrowser::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusTimeoutMs); });
    connect(m_browser, &RegistryBrowser::loginRequested, this, [this] { openCredentialsWindow(); });
    connect(m_browser, &RegistryBrowser::pushRequested, this,
            [this](const QStringList &refs, const QString &destination, bool tlsVerify, const QString &certDir) {
                PushDialog *dialog = openPushDialog(refs.value(0));
                dialog->setDestination(destination);
                dialog->tlsVerifyCheck()->setChecked(tlsVerify);
                if (!certDir.isEmpty())
                    dialog->certDirEdit()->setText(certDir);
            });
    addDockWidget(Qt::LeftDockWidgetArea, m_browserDock);
    m_sandbox = new SandboxController(m_root, m_browser->model(), this);
    connect(m_sandbox, &SandboxController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusTimeoutMs); });
    connect(m_sandbox, &SandboxController::sampleMade, this, &MainWindow::refreshImages);
    m_toolsMenu->insertAction(m_preferencesSeparator, m_sandbox->action());

    // The tool bar: what a session mostly does, with the menus' own actions and icons.
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addActions({m_pushAction, m_pullAction, m_refreshAction});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_credentialsAction, m_manifestEditorAction, m_sandbox->action()});
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_preferencesAction);

    m_queueDock = new PushQueueDock(m_transfers, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_queueDock);
    connect(m_queueDock, &PushQueueDock::pushRequested, this, [this](const QStringList &refs) {
        openPushDialog(refs.value(0));
        if (refs.size() > 1)
            statusBar()->showMessage(tr("Only the first of %n dropped images is pushed at a time.", nullptr,
                                        int(refs.size())),
                                     kStatusTimeoutMs);
    });

    m_editorDock = new QDockWidget(this);
    m_editorDock->setObjectName(u"manifestEditorDock"_s);
    auto *editorPanel = new QWidget(m_editorDock);
    m_editorPlaceholder = placeholderLabel(editorPanel);
    m_editorPlaceholder->setEnabled(true);
    m_editorButton = new QPushButton(editorPanel);
    m_editorButton->setObjectName(u"openManifestEditorButton"_s);
    connect(m_editorButton, &QPushButton::clicked, this, &MainWindow::openManifestEditor);
    auto *editorLayout = new QVBoxLayout(editorPanel);
    editorLayout->addStretch(1);
    editorLayout->addWidget(m_editorPlaceholder);
    editorLayout->addWidget(m_editorButton, 0, Qt::AlignHCenter);
    editorLayout->addStretch(1);
    m_editorDock->setWidget(editorPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_editorDock);

    m_credentialsDock = new QDockWidget(this);
    m_credentialsDock->setObjectName(u"credentialsDock"_s);
    m_credentialManager = new CredentialManager(m_credentials, m_credentialsDock);
    m_credentialsDock->setWidget(m_credentialManager);
    addDockWidget(Qt::BottomDockWidgetArea, m_credentialsDock);
    m_credentialsDock->hide(); // View > Credentials shows it

    // Alt+1… show and hide the docks and the tool bar, in the order of the menu.
    int key = Qt::Key_1;
    for (QDockWidget *dock : {static_cast<QDockWidget *>(m_browserDock), static_cast<QDockWidget *>(m_queueDock),
                              static_cast<QDockWidget *>(m_editorDock), m_credentialsDock}) {
        dock->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key(key++)));
        m_viewMenu->addAction(dock->toggleViewAction());
    }
    m_toolBar->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key(key)));
    m_viewMenu->addAction(m_toolBar->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_refreshAction);
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->setObjectName(u"languageMenu"_s);
    auto *group = new QActionGroup(this);
    const QStringList languages = availableLanguages();
    for (const QString &lang : languages) {
        QAction *a = m_languageMenu->addAction(nativeLanguageName(lang));
        a->setObjectName(u"language_"_s + lang);
        a->setCheckable(true);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [lang] { chooseLanguage(lang); });
    }
    resizeDocks({m_browserDock, m_editorDock}, {220, 260}, Qt::Horizontal);
    resizeDocks({m_queueDock}, {200}, Qt::Vertical);
}

void MainWindow::retranslate()
{
    // Qt adds " — Stevedore" (the application's display name) where the desktop shows titles: not written here, or
    // the title would say it twice.
    setWindowTitle(tr("Container Images"));
    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_helpMenu->setTitle(tr("&Help"));
    m_credentialsAction->setText(tr("&Credentials…"));
    m_credentialsAction->setStatusTip(tr("List, add, test and remove registry credentials"));
    m_pushAction->setText(tr("&Push Image…"));
    m_pushAction->setStatusTip(tr("Push an image to a registry or another location"));
    m_pullAction->setText(tr("P&ull Image…"));
    m_pullAction->setStatusTip(tr("Copy an image of a registry into the local store"));
    m_quitAction->setText(tr("&Quit"));
    m_refreshAction->setText(tr("&Refresh Images"));
    m_languageMenu->setTitle(tr("&Language"));
    const QLocale current;
    const QList<QAction *> languageActions = m_languageMenu->actions();
    for (QAction *a : languageActions) {
        const QLocale locale(a->objectName().mid(9)); // language_<name>
        a->setChecked(current.name() == locale.name() || (locale.language() == current.language()
                                                          && locale.language() != QLocale::Chinese));
    }
    m_aboutAction->setText(tr("&About Stevedore"));
    m_shortcutsAction->setText(tr("&Keyboard Shortcuts"));
    m_aboutQtAction->setText(tr("About &Qt"));
    m_toolBar->setWindowTitle(tr("Tool Bar"));
    m_browserDock->setWindowTitle(tr("Registry Browser"));
    m_editorDock->setWindowTitle(tr("Manifest Lists"));
    m_credentialsDock->setWindowTitle(tr("Credentials"));
    if (m_credentialsWindow)
        m_credentialsWindow->setWindowTitle(tr("Credentials"));
    m_editorPlaceholder->setText(tr("Assemble a multi-platform manifest list from images: drop them in the editor, "
                                    "set their platforms, save the list and push it."));
    m_editorButton->setText(tr("Open Manifest List &Editor…"));
    m_manifestEditorAction->setText(tr("&Manifest List Editor…"));
    m_manifestEditorAction->setStatusTip(tr("Assemble, annotate, save and push a manifest list"));
    m_preferencesAction->setText(tr("&Preferences…"));
    m_preferencesAction->setStatusTip(tr("How often the scheduled images are re-imported"));
    m_imagesView->setToolTip(tr("Images in the local store %1").arg(m_root));
    m_sandbox->retranslate();
    m_emptyPage->retranslate();
    m_images->retranslate();
    m_transfers->retranslate();
    updateImageCount();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_fileMenu)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateImageCount()
{
    if (!m_countLabel)
        return;
    // An empty store (read, and readable) shows what to do next instead of a blank table.
    const bool empty = !m_images->isLoading() && m_images->errorString().isEmpty() && m_images->rowCount() == 0;
    if (m_emptyPage)
        m_centre->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyPage) : m_imagesPanel);
    if (!m_images->errorString().isEmpty())
        m_countLabel->setText(tr("Local store unreadable"));
    else
        m_countLabel->setText(tr("%n local image(s)", nullptr, m_images->rowCount()));
}

void MainWindow::refreshImages()
{
    m_readingMessage = tr("Reading the local store…");
    statusBar()->showMessage(m_readingMessage, kStatusTimeoutMs);
    m_images->refresh();
}

QString MainWindow::selectedImage() const
{
    const QModelIndexList rows = m_imagesView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const QModelIndex source = m_imagesProxy->mapToSource(rows.first());
    return m_images->index(source.row(), 0).data(models::LocalImagesModel::ReferenceRole).toString();
}

PushDialog *MainWindow::openPushDialog(const QString &source)
{
    auto *dialog = new PushDialog(m_root, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setLocalImages(m_images);
    if (!source.isEmpty())
        dialog->setSource(source);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        auto request = dialog->request();
        if (!request) {
            statusBar()->showMessage(request.error().message, kStatusTimeoutMs);
            return;
        }
        queuePush(*request);
    });
    dialog->open();
    if (!source.isEmpty())
        dialog->destinationEdit()->setFocus();
    return dialog;
}

int MainWindow::queuePush(const CopyRequest &request)
{
    const int row = m_transfers->addRequest(request);
    m_queueDock->show();
    m_queueDock->raise();
    statusBar()->showMessage(tr("Pushing %1 to %2").arg(request.source.toString(), request.destination.toString()),
                             kStatusTimeoutMs);
    return row;
}

CredentialManager *MainWindow::openCredentialsWindow()
{
    if (!m_credentialsWindow) {
        m_credentialsWindow = new CredentialManager(m_credentials, this);
        m_credentialsWindow->setObjectName(u"credentialsWindow"_s);
        m_credentialsWindow->setWindowFlag(Qt::Window);
        m_credentialsWindow->setWindowTitle(tr("Credentials"));
        m_credentialsWindow->resize(900, 560);
    }
    m_credentialsWindow->show();
    m_credentialsWindow->raise();
    m_credentialsWindow->activateWindow();
    return m_credentialsWindow;
}

ManifestEditor *MainWindow::ensureManifestEditor()
{
    if (!m_manifestEditor) {
        m_manifestEditor = new ManifestEditor(m_root, this);
        m_manifestEditor->setObjectName(u"manifestEditorWindow"_s);
        m_manifestEditor->setWindowFlag(Qt::Window);
        m_manifestEditor->resize(1180, 520);
        connect(m_manifestEditor, &ManifestEditor::pushRequested, this, [this](const QString &source) {
            PushDialog *dialog = openPushDialog(source);
            dialog->allCheck()->setChecked(true); // a list goes with every platform
            if (!m_manifestEditor->tlsVerifyCheck()->isChecked())
                dialog->tlsVerifyCheck()->setChecked(false);
        });
    }
    return m_manifestEditor;
}

ManifestEditor *MainWindow::openManifestEditor()
{
    ensureManifestEditor();
    m_manifestEditor->show();
    m_manifestEditor->raise();
    m_manifestEditor->activateWindow();
    return m_manifestEditor;
}

PreferencesDialog *MainWindow::openPreferences()
{
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::applyPreferences);
    dialog->open();
    return dialog;
}

void MainWindow::applyPreferences()
{
    m_queue->applyPreferences();
    // The default registry is in the browser (with the TLS settings new registries get), and stays there.
    const QString host = PreferencesDialog::defaultRegistry();
    if (!host.isEmpty() && !m_browser->model()->registryIndex(host).isValid()) {
        models::RegistrySpec spec;
        spec.host = host;
        spec.tlsVerify = PreferencesDialog::tlsVerifyDefault();
        spec.certDir = PreferencesDialog::defaultCertDir();
        m_browser->model()->addRegistry(spec);
    }
    const int minutes = PreferencesDialog::scheduledImportInterval();
    if (minutes <= 0) {
        m_importTimer->stop();
        return;
    }
    const int ms = minutes * 60 * 1000;
    if (!m_importTimer->isActive() || m_importTimer->interval() != ms)
        m_importTimer->start(ms);
}

void MainWindow::runScheduledImports()
{
    if (m_importing)
        return;
    m_importing = true;
    SystemContext ctx;
    ctx.storageRoot = m_root;
    m_importWatcher->setFuture(runScheduledImportsAsync(ctx, m_cancel));
}

void MainWindow::onScheduledImportsDone()
{
    m_importing = false;
    const auto future = m_importWatcher->future();
    if (future.resultCount() == 0)
        return; // cancelled
    const auto result = future.result();
    if (!result) {
        const QString message = tr("Scheduled re-import failed: %1").arg(result.error().message);
        statusBar()->showMessage(message);
        Q_EMIT scheduledImportsFinished(false, 0, 0, message);
        return;
    }
    QStringList updated;
    QStringList failed;
    for (const ScheduledChange &c : *result) {
        if (c.error)
            failed.append(tr("%1: %2").arg(c.name.toString(), c.error->message));
        else if (c.changed())
            updated.append(c.before.isValid() ? tr("%1 (%2 → %3)").arg(c.name.toString(),
                                                                       c.before.algorithm() + u':' + c.before.shortHex(),
                                                                       c.after.algorithm() + u':' + c.after.shortHex())
                                              : tr("%1 (new: %2)").arg(c.name.toString(),
                                                                       c.after.algorithm() + u':' + c.after.shortHex()));
    }
    QStringList parts;
    if (!updated.isEmpty())
        parts.append(tr("Re-imported %n scheduled image(s): %1", nullptr, int(updated.size())).arg(updated.join(u", "_s)));
    if (!failed.isEmpty())
        parts.append(tr("%n scheduled import(s) failed: %1", nullptr, int(failed.size())).arg(failed.join(u"; "_s)));
    const QString summary = parts.isEmpty() ? tr("Scheduled images checked: nothing changed (%n scheduled)", nullptr,
                                                 int(result->size()))
                                            : parts.join(u" "_s);
    if (!updated.isEmpty())
        refreshImages(); // before the message, which would otherwise give way to "Reading the local store…"
    if (!parts.isEmpty())
        statusBar()->showMessage(summary, failed.isEmpty() ? kStatusTimeoutMs * 2 : 0);
    Q_EMIT scheduledImportsFinished(failed.isEmpty(), int(updated.size()), int(failed.size()), summary);
}

void MainWindow::onJobFinished(int row, Job::State state, const QString &message)
{
    CopyJob *job = m_transfers->jobAt(row);
    const QString what = job ? tr("%1 → %2").arg(job->source().toString(), job->destination().toString())
                             : QString();
    switch (state) {
    case Job::State::Succeeded:
        statusBar()->showMessage(job && job->destination().kind == TransportReference::Kind::LocalStore
                                         && job->source().kind != TransportReference::Kind::LocalStore
                                     ? tr("Pulled %1").arg(what)
                                     : tr("Pushed %1").arg(what),
                                 kStatusTimeoutMs);
        break;
    case Job::State::Cancelled:
        statusBar()->showMessage(tr("Cancelled %1").arg(what), kStatusTimeoutMs);
        break;
    default:
        statusBar()->showMessage(tr("Push failed: %1").arg(message));
        break;
    }
    if (job && job->destination().kind == TransportReference::Kind::LocalStore)
        refreshImages();
}

QWidget *MainWindow::showAbout()
{
    return openAboutBox(this, m_root);
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    const QByteArray geometry = settings.value(u"mainWindow/geometry"_s).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings.value(u"mainWindow/state"_s).toByteArray();
    if (!state.isEmpty())
        restoreState(state);
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    settings.setValue(u"mainWindow/state"_s, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_queue->confirmClose()) {
        event->ignore();
        return;
    }
    saveWindowState();
    m_queue->shutdown();
    event->accept();
}

} // namespace stevedore::ui
