#pragma once

#include "addregistrydialog.h"
#include "credentialdialog.h"
#include "registrytreemodel.h"

#include <QDialog>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeView;
class QTreeWidget;
class QFrame;

namespace stevedore::models {
class CredentialsModel;
}

namespace stevedore::ui {

class ImageDetailsPane;

// The registry browser (the "Registry Browser" dock): a tree of registries, repositories, tags, platform images and
// layers (RegistryTreeModel, filtered by name), an error panel with Retry / Log in… / Trust certificate folder…
// for the row that failed, a field to open a repository by name, and the details of the current tag or platform
// image (summary with digest and copy button, layers, platforms; the manifest JSON; the config), read on the
// engine's io pool. Tag and platform rows drag out as "docker://HOST/REPO:TAG" (or @DIGEST) text.
class RegistryBrowser final : public QWidget
{
    Q_OBJECT
public:
    explicit RegistryBrowser(QWidget *parent = nullptr);
    ~RegistryBrowser() override;

    models::RegistryTreeModel *model() const { return m_model; }
    models::RegistryFilterModel *filterModel() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    // The source index of the view's current row.
    QModelIndex currentSourceIndex() const;
    void setCurrentSourceIndex(const QModelIndex &index);

    // What the details pane shows now (for tests and for copying).
    QString currentDigest() const;
    ImageDetailsPane *detailsPane() const { return m_details; }
    QString manifestText() const;
    QString configText() const;
    QFrame *errorPanel() const { return m_errorPanel; }
    QLabel *errorLabel() const { return m_errorText; }
    // The credentials "Log In…" stores into (the window's); without one, "Log In…" asks the window (loginRequested).
    void setCredentialsModel(models::CredentialsModel *model) { m_credentials = model; }
    // The login dialog "Log In…" opened last (nullptr when none is open).
    CredentialDialog *loginDialog() const { return m_loginDialog; }

public Q_SLOTS:
    // Add Registry… (opened, not run: the registry is added when it is accepted).
    AddRegistryDialog *addRegistryDialog();
    // Deletes the current tag or platform image after a confirmation (QMessageBox).
    void deleteCurrent();
    // Opens the repository typed in the field under the registry of the current row.
    void openTypedRepository();
    // Retries the current failed row (or the failed row under the current one).
    void retryCurrent();
    // Reaches the current row's registry with the certificates of `folder` (the button asks for it).
    void trustCertificateFolder(const QString &folder);
    // "Log In…": the credential dialog for the current row's registry (key = its host; verified by a login to it,
    // then saved through the engine's credential code); once stored, the registry is read again with it.
    CredentialDialog *logIn();

Q_SIGNALS:
    // "Log in…" for `host`: the window opens its credentials.
    void loginRequested(const QString &host);
    // The details of the current row are shown (the manifest read, and the config when it has one).
    void detailsShown();
    void statusMessage(const QString &text);
    // Images dropped on a registry, repository or tag: push the first of `references` to `destination`.
    void pushRequested(const QStringList &references, const QString &destination, bool tlsVerify,
                       const QString &certDir);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onCurrentChanged();
    void updateErrorPanel();
    QModelIndex failedIndexNearCurrent() const;
    void showIndexTotal(const RemoteManifest &index);
    void clearDetails();

    models::RegistryTreeModel *m_model = nullptr;
    models::RegistryFilterModel *m_filter = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QPushButton *m_addButton = nullptr;
    QTreeView *m_view = nullptr;
    QLineEdit *m_repoEdit = nullptr;
    QPushButton *m_openRepoButton = nullptr;
    QAction *m_openRepoAction = nullptr;
    QAction *m_findAction = nullptr;
    QFrame *m_errorPanel = nullptr;
    QLabel *m_errorText = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_loginButton = nullptr;
    QPushButton *m_trustButton = nullptr;
    ImageDetailsPane *m_details = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QLabel *m_status = nullptr;
    models::CredentialsModel *m_credentials = nullptr;
    QPointer<CredentialDialog> m_loginDialog;
    quint64 m_detailsGeneration = 0;
};

} // namespace stevedore::ui
