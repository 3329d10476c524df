#pragma once

#include "copy/copyrequest.h"
#include "core/error.h"
#include "transport/transportreference.h"
#include "transport/systemcontext.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace stevedore::ui {

// What the push dialog asks for, ready to become a CopyJob.
using PushRequest = CopyRequest;

// Validates what a push needs, as `stevedore push SOURCE [DESTINATION]` does: an empty destination reuses a
// local image's name as a registry destination (docker://NAME). The messages are translated.
Result<PushRequest> makePushRequest(const QString &source, const QString &destination, const QString &storageRoot);

// Source, destination, --all, --tls-verify and --creds, as `stevedore push` takes them.
class PushDialog final : public QDialog
{
    Q_OBJECT
public:
    // `storageRoot`: the local store bare names refer to.
    explicit PushDialog(QString storageRoot, QWidget *parent = nullptr);

    void setSource(const QString &source);
    void setDestination(const QString &destination);
    QString sourceText() const;
    QString destinationText() const;

    // The validated request; an error (also shown in the dialog) when a field is wrong.
    Result<PushRequest> request() const;

    QLineEdit *sourceEdit() const { return m_source; }
    QLineEdit *destinationEdit() const { return m_destination; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *allCheck() const { return m_all; }
    QCheckBox *tlsVerifyCheck() const { return m_tlsVerify; }

    void accept() override;

private:
    void validate();

    QString m_root;
    QLineEdit *m_source = nullptr;
    QLineEdit *m_destination = nullptr;
    QCheckBox *m_all = nullptr;
    QCheckBox *m_tlsVerify = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace stevedore::ui
