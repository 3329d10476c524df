#pragma once

#include "auth/credentials.h"
#include "core/cancel.h"
#include "core/error.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace stevedore::models {
class CredentialsModel;
}

namespace stevedore::ui {

// Adds a credential (or replaces the password of one): key, user, password, the auth file to write to (one of
// the search path; a helper that file names for the registry keeps the secret instead), and whether to log in to
// the registry first. OK runs the work on the engine's io pool with a busy bar; the dialog closes when the
// credential is stored and stays open with the engine's message when it is not. The password is masked and,
// when the dialog closes, cleared from the field and from every copy the dialog made.
class CredentialDialog final : public QDialog
{
    Q_OBJECT
public:
    // Add: an empty form, the target the store's default write file.
    explicit CredentialDialog(models::CredentialsModel *model, QWidget *parent = nullptr);
    // Edit: `entry`'s key and file fixed, its user filled in.
    CredentialDialog(models::CredentialsModel *model, const CredentialEntry &entry, QWidget *parent = nullptr);
    ~CredentialDialog() override;

    bool isEditing() const { return m_editing; }
    bool isBusy() const;
    // The file the credential goes to (the target combo's choice).
    QString targetFile() const;
    void setTargetFile(const QString &file);

    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QComboBox *targetCombo() const { return m_target; }
    QCheckBox *verifyCheck() const { return m_verify; }
    QCheckBox *tlsVerifyCheck() const { return m_tlsVerify; }
    QLabel *messageLabel() const { return m_message; }
    QProgressBar *busyIndicator() const { return m_busy; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;
    void done(int result) override;

Q_SIGNALS:
    // The credential for `key` (normalised) went to `file` (`where`: the file, or the helper it names);
    // `verified`: the registry accepted it first.
    void stored(const QString &key, const QString &file, const QString &where, bool verified);

private:
    struct Outcome {
        QString key;
        QString where;
        bool verified = false;
    };
    void build();
    void validate();
    void setBusy(bool busy);
    void finished();
    void wipe();

    models::CredentialsModel *m_model;
    bool m_editing = false;
    QString m_fixedFile;
    CancelToken m_cancel;
    QFutureWatcher<Result<Outcome>> *m_watcher = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_target = nullptr;
    QCheckBox *m_verify = nullptr;
    QCheckBox *m_tlsVerify = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_busy = nullptr;
    bool m_working = false; // set by setBusy: the watcher stops "running" before finished() has shown the result
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace stevedore::ui
