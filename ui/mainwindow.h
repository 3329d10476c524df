#pragma once

#include "core/cancel.h"
#include "core/error.h"
#include "core/job.h"

#include <QFutureWatcher>

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolBar;

namespace stevedore::models {
class CredentialsModel;
class LocalImagesModel;
class TransferModel;
}

namespace stevedore {
struct ScheduledChange;
struct CopyRequest;
}

namespace stevedore::ui {

class CredentialManager;
class PreferencesDialog;
class ManifestEditor;
class PullDialog;
class PushDialog;
class PushQueueDock;
class PushQueueController;
class RegistryBrowser;
class EmptyStorePage;
class LocalImagesPanel;
class SandboxController;

// The main window: the local images in the middle, docks for the registry browser, the push queue and
// the manifest editor, menus and a status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // `storageRoot`: the local store; empty = SystemContext::defaultStorageRoot().
    explicit MainWindow(QString storageRoot = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    models::LocalImagesModel *imagesModel() const { return m_images; }
    models::TransferModel *transferModel() const { return m_transfers; }
    QTableView *imagesView() const { return m_imagesView; }
    LocalImagesPanel *imagesPanel() const { return m_imagesPanel; }
    PushQueueDock *pushQueueDock() const { return m_queueDock; }
    // The queue's file, concurrency, notifications and the question before quitting while pushes run.
    PushQueueController *pushQueue() const { return m_queue; }
    models::CredentialsModel *credentialsModel() const { return m_credentials; }
    // The "Credentials" dock (hidden until View > Credentials shows it) and the manager inside it.
    QDockWidget *credentialsDock() const { return m_credentialsDock; }
    CredentialManager *credentialManager() const { return m_credentialManager; }
    const QString &storageRoot() const { return m_root; }
    // The manifest list editor window (nullptr until first opened).
    ManifestEditor *manifestEditor() const { return m_manifestEditor; }
    QDockWidget *manifestEditorDock() const { return m_editorDock; }
    // The registry browser inside the "Registry Browser" dock.
    RegistryBrowser *registryBrowser() const { return m_browser; }
    // Tools > Start/Stop Sandbox Registry and the status bar's offer of it.
    SandboxController *sandbox() const { return m_sandbox; }
    // Shown instead of the images table while the local store holds no image.
    EmptyStorePage *emptyStorePage() const { return m_emptyPage; }

public Q_SLOTS:
    // Opens the (non-modal) push dialog, `source` pre-filled; returns it for tests.
    PushDialog *openPushDialog(const QString &source = {});
    PullDialog *openPullDialog(); // File > Pull Image…: queued like a push once accepted
    void refreshImages();
    // Queues a push (it starts when one of the concurrent slots is free) and shows the push queue; returns its row.
    int queuePush(const CopyRequest &request);
    // Tools > Credentials…: the credential manager in a window of its own (one, raised when open again).
    CredentialManager *openCredentialsWindow();
    // Tools > Manifest List Editor…: the manifest list editor in a window of its own (one, raised when open again).
    // The manifest list editor's window, made (hidden) if it is not yet.
    ManifestEditor *ensureManifestEditor();
    ManifestEditor *openManifestEditor();
    // Tools > Preferences…; the scheduled re-import timer follows what is accepted.
    PreferencesDialog *openPreferences();
    // Help > About Stevedore (non-modal); returns the box.
    QWidget *showAbout();
    // Help > Keyboard Shortcuts: every action's keys, of every window (the manifest list editor's too).
    QWidget *showShortcuts();
    // One pass of the scheduled imports (engine's job pool), as the timer does; a pass already running is not
    // started twice. The outcome goes to the status bar and scheduledImportsFinished; the images are read again
    // when one changed.
    void runScheduledImports();
    // (Re)starts the timer from the preferences (0 minutes: stopped).
    void applyPreferences();

Q_SIGNALS:
    // A scheduled re-import pass finished: `summary` is what the status bar shows.
    void scheduledImportsFinished(bool ok, int changed, int failed, const QString &summary);

public:
    QTimer *scheduledImportTimer() const { return m_importTimer; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createDocks();
    void retranslate();
    void restoreWindowState();
    void saveWindowState();
    void onJobFinished(int row, Job::State state, const QString &message);
    void updateImageCount();
    QString selectedImage() const;
    void onScheduledImportsDone();

    QString m_root;
    models::LocalImagesModel *m_images = nullptr;
    models::TransferModel *m_transfers = nullptr;
    QSortFilterProxyModel *m_imagesProxy = nullptr;
    QTableView *m_imagesView = nullptr;
    QAction *m_shortcutsAction = nullptr;
    LocalImagesPanel *m_imagesPanel = nullptr;
    QDockWidget *m_browserDock = nullptr;
    PushQueueDock *m_queueDock = nullptr;
    PushQueueController *m_queue = nullptr;
    QDockWidget *m_editorDock = nullptr;
    models::CredentialsModel *m_credentials = nullptr;
    QDockWidget *m_credentialsDock = nullptr;
    CredentialManager *m_credentialManager = nullptr;
    CredentialManager *m_credentialsWindow = nullptr;
    RegistryBrowser *m_browser = nullptr;
    SandboxController *m_sandbox = nullptr;
    QStackedWidget *m_centre = nullptr; // the images table, or the empty store's page
    EmptyStorePage *m_emptyPage = nullptr;
    QLabel *m_editorPlaceholder = nullptr;
    QPushButton *m_editorButton = nullptr;
    ManifestEditor *m_manifestEditor = nullptr;
    QLabel *m_countLabel = nullptr;
    QString m_readingMessage;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QMenu *m_languageMenu = nullptr;
    QAction *m_pushAction = nullptr;
    QAction *m_pullAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_credentialsAction = nullptr;
    QAction *m_manifestEditorAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_preferencesSeparator = nullptr;
    QTimer *m_importTimer = nullptr;
    QFutureWatcher<Result<QList<ScheduledChange>>> *m_importWatcher = nullptr;
    bool m_importing = false;
    CancelToken m_cancel; // the window's engine work (scheduled imports), cancelled when it goes
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};

} // namespace stevedore::ui
