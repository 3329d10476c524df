#include "pulldialog.h"

#include "preferencesdialog.h"

#include "ops/pullnames.h"

#include "warningbanner.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

PullDialog::PullDialog(const QString &storageRoot, QWidget *parent) : QDialog(parent), m_root(storageRoot)
{
    setObjectName(u"pullDialog"_s);
    m_image = new QLineEdit(this);
    m_image->setObjectName(u"pullImage"_s);
    m_image->setClearButtonEnabled(true);
    m_imageLabel = new QLabel(this);
    m_imageLabel->setBuddy(m_image);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"pullName"_s);
    m_name->setClearButtonEnabled(true);
    m_nameLabel = new QLabel(this);
    m_nameLabel->setBuddy(m_name);
    m_all = new QCheckBox(this);
    m_all->setObjectName(u"pullAll"_s);
    m_tlsVerify = new QCheckBox(this);
    m_tlsVerify->setObjectName(u"pullTlsVerify"_s);
    m_tlsVerify->setChecked(PreferencesDialog::tlsVerifyDefault());
    m_problem = stevedore::ui::problemLabel(this);
    connect(m_image, &QLineEdit::textChanged, this, &PullDialog::updateDefaultName);
    connect(m_image, &QLineEdit::textChanged, m_problem, &QLabel::hide);
    connect(m_name, &QLineEdit::textChanged, m_problem, &QLabel::hide);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PullDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PullDialog::reject);
    m_okButton = buttons->button(QDialogButtonBox::Ok);

    auto *form = new QFormLayout;
    form->addRow(m_imageLabel, m_image);
    form->addRow(m_nameLabel, m_name);
    form->addRow(QString(), m_all);
    form->addRow(QString(), m_tlsVerify);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(buttons);
    retranslate();
    resize(560, sizeHint().height());
}

void PullDialog::retranslate()
{
    setWindowTitle(tr("Pull Image"));
    m_imageLabel->setText(tr("&Image:"));
    m_image->setPlaceholderText(tr("registry.example.com/team/app:v1, or docker://…, oci:…, dir:…"));
    m_nameLabel->setText(tr("Local &name:"));
    m_all->setText(tr("All &platforms of an index (otherwise this computer's)"));
    m_tlsVerify->setText(tr("&Verify TLS certificates (require https)"));
    m_okButton->setText(tr("&Pull"));
    updateDefaultName();
}

void PullDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_image)
        retranslate();
    QDialog::changeEvent(event);
}

void PullDialog::updateDefaultName()
{
    // The name it gets when the field is left empty, as `stevedore pull` gives it.
    const auto source = registryLocation(m_image->text().trimmed());
    const auto name = source ? defaultPullName(*source) : Result<QString>(fail(source.error()));
    m_name->setPlaceholderText(name ? *name : tr("the image's own name"));
}

Result<CopyRequest> PullDialog::request() const
{
    const QString image = m_image->text().trimmed();
    if (image.isEmpty())
        return fail(ErrorCode::InvalidArgument, tr("Enter the image to pull, e.g. registry.example.com/team/app:v1."));
    auto source = registryLocation(image);
    if (!source)
        return fail(source.error().withContext(tr("image")));
    QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        auto derived = defaultPullName(*source);
        if (!derived)
            return fail(derived.error());
        name = *derived;
    }
    auto destination = TransportReference::parse(name);
    if (!destination)
        return fail(destination.error().withContext(tr("local name")));
    if (destination->kind != TransportReference::Kind::LocalStore)
        return fail(ErrorCode::InvalidArgument,
                    tr("The local name %1 names another location: give a name without a transport "
                       "(push the image there instead).").arg(name));
    CopyRequest r;
    r.source = *source;
    r.destination = *destination;
    r.context.storageRoot = m_root;
    if (!m_tlsVerify->isChecked())
        r.context.tlsVerify = false;
    r.context.certDir = PreferencesDialog::defaultCertDir();
    r.context.retry.maxRetries = PreferencesDialog::retries();
    r.options.all = m_all->isChecked();
    return r;
}

void PullDialog::accept()
{
    const auto r = request();
    if (!r) {
        m_problem->setText(r.error().message);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace stevedore::ui
