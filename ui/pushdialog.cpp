#include "pushdialog.h"

#include "preferencesdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

PushDialog::PushDialog(QString storageRoot, QWidget *parent)
    : QDialog(parent)
    , m_root(std::move(storageRoot))
{
    setObjectName(u"pushDialog"_s);
    setWindowTitle(tr("Push Image"));

    m_source = new QLineEdit(this);
    m_source->setObjectName(u"source"_s);
    m_source->setPlaceholderText(tr("myapp:v1 or oci:/path/to/layout:tag"));
    m_destination = new QLineEdit(this);
    m_destination->setObjectName(u"destination"_s);
    m_destination->setPlaceholderText(tr("docker://registry.example:5000/team/app:v1"));
    m_all = new QCheckBox(tr("Push &all platforms of an index"), this);
    m_all->setObjectName(u"all"_s);
    m_tlsVerify = new QCheckBox(tr("&Verify TLS certificates (require https)"), this);
    m_tlsVerify->setObjectName(u"tlsVerify"_s);
    m_tlsVerify->setChecked(true);
    m_user = new QLineEdit(this);
    m_user->setObjectName(u"user"_s);
    m_user->setPlaceholderText(tr("from auth.json when empty"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Push"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Source:"), m_source);
    form->addRow(tr("&Destination:"), m_destination);
    form->addRow(QString(), m_all);
    form->addRow(QString(), m_tlsVerify);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &PushDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PushDialog::reject);
    for (QLineEdit *e : {m_source, m_destination, m_user, m_password})
        connect(e, &QLineEdit::textChanged, this, &PushDialog::validate);
    validate();
    resize(560, sizeHint().height());
}

void PushDialog::setSource(const QString &source)
{
    m_source->setText(source);
}

void PushDialog::setDestination(const QString &destination)
{
    m_destination->setText(destination);
}

QString PushDialog::sourceText() const
{
    return m_source->text().trimmed();
}

QString PushDialog::destinationText() const
{
    return m_destination->text().trimmed();
}

Result<PushRequest> makePushRequest(const QString &sourceText, const QString &destinationText,
                                    const QString &storageRoot)
{
    PushRequest r;
    if (sourceText.isEmpty())
        return fail(ErrorCode::InvalidArgument, PushDialog::tr("Enter the image to push."));
    auto source = TransportReference::parse(sourceText);
    if (!source)
        return fail(source.error().withContext(PushDialog::tr("source")));
    r.source = *source;

    if (destinationText.isEmpty()) {
        // As `stevedore push IMAGE`: a local image goes to the registry its name points at.
        if (r.source.kind != TransportReference::Kind::LocalStore || !r.source.image)
            return fail(ErrorCode::InvalidArgument, PushDialog::tr("Enter a destination, e.g. docker://host/repo:tag."));
        auto destination = TransportReference::parse(u"docker://"_s + r.source.image->toString());
        if (!destination)
            return fail(destination.error().withContext(PushDialog::tr("destination")));
        r.destination = *destination;
    } else {
        auto destination = TransportReference::parse(destinationText);
        if (!destination)
            return fail(destination.error().withContext(PushDialog::tr("destination")));
        r.destination = *destination;
    }
    r.context.storageRoot = storageRoot;
    return r;
}

Result<PushRequest> PushDialog::request() const
{
    auto made = makePushRequest(sourceText(), destinationText(), m_root);
    if (!made)
        return made;
    PushRequest r = *made;
    if (!m_tlsVerify->isChecked())
        r.context.tlsVerify = false;
    const QString user = m_user->text().trimmed();
    if (!user.isEmpty()) {
        if (m_password->text().isEmpty())
            return fail(ErrorCode::CredentialsMissing, tr("Enter the password for %1.").arg(user));
        Credentials c;
        c.username = user;
        c.password = m_password->text();
        r.context.credentials = c;
    } else if (!m_password->text().isEmpty()) {
        return fail(ErrorCode::CredentialsMissing, tr("Enter the user name that goes with the password."));
    }
    r.options.all = m_all->isChecked();
    r.context.retry.maxRetries = PreferencesDialog::retries();
    return r;
}

void PushDialog::validate()
{
    const auto r = request();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(r.has_value());
    // Only complain about fields the user has started to fill.
    m_message->setText((r || sourceText().isEmpty()) ? QString() : r.error().message);
}

void PushDialog::accept()
{
    const auto r = request();
    if (!r) {
        m_message->setText(r.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace stevedore::ui
