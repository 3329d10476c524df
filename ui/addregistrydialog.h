#pragma once

#include "registrytreemodel.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace stevedore::ui {

// "Add registry…": the registry's URL, whether its certificate is checked, and a certificate folder.
class AddRegistryDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AddRegistryDialog(QWidget *parent = nullptr);
    // nullopt while the URL names no host.
    std::optional<models::RegistrySpec> spec() const;
    QLineEdit *urlEdit() const { return m_url; }
    QCheckBox *tlsVerifyBox() const { return m_tlsVerify; }
    QLineEdit *certDirEdit() const { return m_certDir; }

private:
    void validate();
    QLineEdit *m_url = nullptr;
    QCheckBox *m_tlsVerify = nullptr;
    QLineEdit *m_certDir = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace stevedore::ui
