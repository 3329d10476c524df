#include "addregistrydialog.h"

#include "preferencesdialog.h"

#include "registrytreemodel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

AddRegistryDialog::AddRegistryDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"addRegistryDialog"_s);
    setWindowTitle(tr("Add Registry"));
    auto *form = new QFormLayout;
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"registryUrlEdit"_s);
    m_url->setPlaceholderText(tr("registry.example.com:5000"));
    m_tlsVerify = new QCheckBox(tr("Check the registry's TLS certificate"), this);
    m_tlsVerify->setObjectName(u"registryTlsVerifyBox"_s);
    m_tlsVerify->setChecked(PreferencesDialog::tlsVerifyDefault());
    m_certDir = new QLineEdit(PreferencesDialog::defaultCertDir(), this);
    m_certDir->setObjectName(u"registryCertDirEdit"_s);
    m_certDir->setPlaceholderText(tr("the system's (certs.d)"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Certificate Folder"), m_certDir->text());
        if (!dir.isEmpty())
            m_certDir->setText(dir);
    });
    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_certDir);
    certRow->addWidget(browse);
    form->addRow(tr("Registry &URL:"), m_url);
    form->addRow(QString(), m_tlsVerify);
    form->addRow(tr("&Certificate folder:"), certRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(m_url, &QLineEdit::textChanged, this, &AddRegistryDialog::validate);
    validate();
}

void AddRegistryDialog::validate()
{
    m_ok->setEnabled(spec().has_value());
}

std::optional<models::RegistrySpec> AddRegistryDialog::spec() const
{
    auto spec = models::RegistrySpec::fromUrl(m_url->text());
    if (!spec)
        return std::nullopt;
    if (!m_tlsVerify->isChecked())
        spec->tlsVerify = false;
    spec->certDir = m_certDir->text().trimmed();
    return spec;
}

} // namespace stevedore::ui
