#pragma once

#include <QObject>
#include <QPointer>

class QMainWindow;
class QMessageBox;
class QSystemTrayIcon;

namespace stevedore::models {
class TransferModel;
class TransferQueueFile;
} // namespace stevedore::models

namespace stevedore::ui {

// What the main window does for its push queue beyond showing it: keeps the queue across restarts (a
// TransferQueueFile at `queuePath`), runs as many pushes at once as the preferences say, announces a push that ends
// while the window is in the background (a system tray message where there is a tray, else the window asks for
// attention), and asks before quitting while pushes run or wait.
class PushQueueController final : public QObject
{
    Q_OBJECT
public:
    // `queuePath` empty: TransferQueueFile::defaultPath().
    PushQueueController(models::TransferModel *model, QMainWindow *window, const QString &queuePath = {});
    ~PushQueueController() override;

    models::TransferQueueFile *queueFile() const { return m_file; }
    // Reads the saved queue (off the GUI thread); its jobs join the model when read.
    void load();
    // Preferences: concurrent pushes, notifications.
    void applyPreferences();
    // Whether the window may close now. With pushes running or queued it opens a (window-modal, non-blocking)
    // question and says no; Quit there closes the window again, this time for good.
    bool confirmClose();
    QMessageBox *quitQuestion() const { return m_question; }
    // Saves the queue as it is (running jobs come back queued), then cancels every job. Called once, on close.
    void shutdown();

Q_SIGNALS:
    // A push ended while the window was not the active one (and notifications are on): what was announced.
    void notified(const QString &title, const QString &message);

private:
    void onJobFinished(int row, int state, const QString &message);

    models::TransferModel *m_model;
    QMainWindow *m_window;
    models::TransferQueueFile *m_file;
    QSystemTrayIcon *m_tray = nullptr;
    QPointer<QMessageBox> m_question;
    bool m_confirmed = false;
    bool m_notify = true;
    bool m_shutDown = false;
};

} // namespace stevedore::ui
