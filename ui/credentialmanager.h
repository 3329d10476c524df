#pragma once

#include "auth/credentials.h"
#include "core/cancel.h"
#include "core/error.h"

#include <QFutureWatcher>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolBar;

namespace stevedore::models {
class CredentialsModel;
}

namespace stevedore::ui {

class CredentialDialog;
class PullSecretDialog;

// The credential manager: every credential of the auth files and their helpers (key, user, source, what shadows
// it, when it was last verified), Add / Edit / Remove (written to the source picked), Test login (a login on the
// engine that stores nothing, with a busy bar), Explain (which entry a typed image uses, and why the others lose)
// and Export as pull secret. The same widget is the "Credentials" dock and the Tools > Credentials window; both
// share one model. Every engine call runs on the engine's io pool: the GUI thread never waits for a helper or
// the network.
class CredentialManager final : public QWidget
{
    Q_OBJECT
public:
    explicit CredentialManager(models::CredentialsModel *model, QWidget *parent = nullptr);
    ~CredentialManager() override;

    models::CredentialsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QToolBar *toolBar() const { return m_toolBar; }
    QLabel *problemBanner() const { return m_banner; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *busyIndicator() const { return m_busy; }
    QCheckBox *tlsVerifyCheck() const { return m_tlsVerify; }
    QLineEdit *explainEdit() const { return m_explainEdit; }
    QPushButton *explainButton() const { return m_explainButton; }
    QPlainTextEdit *explanationView() const { return m_explanation; }
    QAction *addAction() const { return m_add; }
    QAction *editAction() const { return m_edit; }
    QAction *removeAction() const { return m_remove; }
    QAction *testAction() const { return m_test; }
    QAction *exportAction() const { return m_export; }
    QAction *refreshAction() const { return m_refresh; }

    bool isTesting() const;
    bool isExplaining() const;
    // The entry of the current row, or nullptr.
    const CredentialEntry *currentEntry() const;
    void selectEntry(const QString &key, const QString &file);

public Q_SLOTS:
    CredentialDialog *openAddDialog();
    CredentialDialog *openEditDialog(); // for the current row; nullptr when none
    void removeCurrent();               // asks first (a non-blocking message box)
    void removeEntry(const CredentialEntry &entry);
    void testCurrent();
    void explain(); // the image typed in the Explain field
    // The selected rows; when none is selected, every entry in use (not shadowed).
    PullSecretDialog *openExportDialog();
    void refresh();

Q_SIGNALS:
    void testFinished(bool ok, const QString &message);
    void removeFinished(bool ok, const QString &message);
    void explained(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct TestOutcome {
        QString key;
        QString source;
        QString registry;
        QString user;
    };
    void retranslate();
    void updateActions();
    void updateBanner();
    void setStatus(const QString &text, bool error = false);
    void onRefreshed();
    void onTestFinished();
    void onExplained();
    void explainImage(const QString &text);
    void watchDialog(CredentialDialog *dialog);
    QList<CredentialEntry> selectedEntries() const;

    models::CredentialsModel *m_model;
    bool m_listedOnce = false;
    QString m_reselectKey;
    QString m_reselectFile;
    QString m_explainedImage; // explained again after each refresh

    QToolBar *m_toolBar = nullptr;
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_test = nullptr;
    QAction *m_export = nullptr;
    QAction *m_refresh = nullptr;
    QLabel *m_banner = nullptr;
    QTableView *m_view = nullptr;
    QCheckBox *m_tlsVerify = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_explainLabel = nullptr;
    QLineEdit *m_explainEdit = nullptr;
    QPushButton *m_explainButton = nullptr;
    QPlainTextEdit *m_explanation = nullptr;

    CancelToken m_cancel; // everything this widget started; cancelled when it goes
    QFutureWatcher<Result<TestOutcome>> *m_testWatcher = nullptr;
    QFutureWatcher<Result<CredentialResolution>> *m_explainWatcher = nullptr;
    // Set when the work starts, cleared by its finished handler (a watcher stops "running" on the worker's thread,
    // before the handler has shown the result).
    bool m_testing = false;
    bool m_explaining = false;
    QFutureWatcher<Result<QString>> *m_removeWatcher = nullptr;
};

} // namespace stevedore::ui
