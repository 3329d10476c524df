#include "credentialdialog.h"

#include "credentialsecrets.h"
#include "credentialsmodel.h"

#include "core/threadpools.h"
#include "ops/login.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

namespace {
// What the worker needs. Whoever lets go of it last (the worker, or the dialog's finished handler) overwrites the
// password: by then no other copy of it exists, so the overwrite reaches the one buffer that held it.
struct StoreWork {
    ~StoreWork() { secrets::wipe(credentials); }
    CredentialStore store;
    QString authFile;
    QString key;
    QString file;
    Credentials credentials;
    bool verify = true;
    std::optional<bool> tlsVerify;
};
} // namespace

CredentialDialog::CredentialDialog(models::CredentialsModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
{
    build();
    setWindowTitle(tr("Add Credential"));
    const QString def = m_model->store().defaultWriteFile();
    setTargetFile(def);
    validate();
}

CredentialDialog::CredentialDialog(models::CredentialsModel *model, const CredentialEntry &entry, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_editing(true)
    , m_fixedFile(entry.file)
{
    build();
    setWindowTitle(tr("Edit Credential"));
    m_key->setText(entry.key);
    m_key->setReadOnly(true);
    m_user->setText(entry.username);
    if (m_target->findData(entry.file) < 0)
        m_target->addItem(entry.file, entry.file);
    setTargetFile(entry.file);
    m_target->setEnabled(false);
    m_password->setFocus();
    validate();
}

CredentialDialog::~CredentialDialog()
{
    m_cancel.cancel();
    if (m_watcher)
        m_watcher->disconnect(this);
    wipe();
}

void CredentialDialog::build()
{
    setObjectName(u"credentialDialog"_s);
    m_key = new QLineEdit(this);
    m_key->setObjectName(u"key"_s);
    m_key->setPlaceholderText(tr("registry.example:5000 or quay.io/team"));
    m_key->setToolTip(tr("REGISTRY[/NAMESPACE[/REPO]]: the most specific key that matches an image wins."));
    m_user = new QLineEdit(this);
    m_user->setObjectName(u"user"_s);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_target = new QComboBox(this);
    m_target->setObjectName(u"target"_s);
    const QString def = m_model->store().defaultWriteFile();
    const QStringList paths = m_model->searchPaths();
    for (const QString &path : paths) {
        if (QFileInfo(path).fileName() == ".dockercfg"_L1)
            continue; // the legacy file is read, never written
        m_target->addItem(path == def ? tr("%1 (default)").arg(path) : path, path);
    }
    if (m_target->findData(def) < 0)
        m_target->insertItem(0, tr("%1 (default)").arg(def), def);
    m_target->setToolTip(tr("The auth file to write to. When it names a credential helper for the registry, the "
                            "helper keeps the password instead."));
    m_verify = new QCheckBox(tr("&Log in to the registry first (store only if it accepts the password)"), this);
    m_verify->setObjectName(u"verifyFirst"_s);
    m_verify->setChecked(true);
    m_tlsVerify = new QCheckBox(tr("&Verify TLS certificates (require https)"), this);
    m_tlsVerify->setObjectName(u"tlsVerify"_s);
    m_tlsVerify->setChecked(true);
    connect(m_verify, &QCheckBox::toggled, m_tlsVerify, &QWidget::setEnabled);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"busy"_s);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height());
    m_busy->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("&Store in:"), m_target);
    form->addRow(QString(), m_verify);
    form->addRow(QString(), m_tlsVerify);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_busy);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &CredentialDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CredentialDialog::reject);
    for (QLineEdit *e : {m_key, m_user, m_password})
        connect(e, &QLineEdit::textChanged, this, &CredentialDialog::validate);
    resize(qMax(560, sizeHint().width()), sizeHint().height());
}

QString CredentialDialog::targetFile() const
{
    return m_target->currentData().toString();
}

void CredentialDialog::setTargetFile(const QString &file)
{
    int i = m_target->findData(file);
    if (i < 0) {
        m_target->addItem(file, file);
        i = m_target->count() - 1;
    }
    m_target->setCurrentIndex(i);
}

bool CredentialDialog::isBusy() const
{
    return m_working;
}

void CredentialDialog::validate()
{
    if (isBusy())
        return;
    QString problem;
    const QString key = m_key->text().trimmed();
    if (!key.isEmpty()) {
        if (auto parsed = parseLoginKey(key); !parsed)
            problem = parsed.error().message;
    }
    const bool complete = !key.isEmpty() && !m_user->text().trimmed().isEmpty() && !m_password->text().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete && problem.isEmpty());
    m_message->setText(problem);
}

void CredentialDialog::setBusy(bool busy)
{
    m_working = busy;
    m_busy->setVisible(busy);
    for (QWidget *w : {static_cast<QWidget *>(m_key), static_cast<QWidget *>(m_user),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_verify)})
        w->setEnabled(!busy);
    m_target->setEnabled(!busy && !m_editing);
    m_tlsVerify->setEnabled(!busy && m_verify->isChecked());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void CredentialDialog::accept()
{
    if (isBusy())
        return;
    auto key = parseLoginKey(m_key->text().trimmed());
    if (!key) {
        m_message->setText(key.error().message);
        return;
    }
    const QString user = m_user->text().trimmed();
    if (user.isEmpty() || m_password->text().isEmpty()) {
        m_message->setText(tr("Enter a user name and a password."));
        return;
    }
    auto work = std::make_shared<StoreWork>();
    work->store = m_model->store();
    work->authFile = m_model->authFile();
    work->key = *key;
    work->file = targetFile();
    work->credentials.username = user;
    work->credentials.password = secrets::detachedCopy(m_password->text());
    work->verify = m_verify->isChecked();
    if (!m_tlsVerify->isChecked())
        work->tlsVerify = false;

    m_cancel = CancelToken();
    const CancelToken cancel = m_cancel;
    if (!m_watcher) {
        m_watcher = new QFutureWatcher<Result<Outcome>>(this);
        connect(m_watcher, &QFutureWatcherBase::finished, this, &CredentialDialog::finished);
    }
    m_message->setText(work->verify ? tr("Logging in to %1…").arg(work->key.section(u'/', 0, 0))
                                    : tr("Storing the credential for %1…").arg(work->key));
    setBusy(true);
    m_watcher->setFuture(QtConcurrent::run(pools::io(), [work, cancel]() -> Result<Outcome> {
        if (work->verify) {
            LoginRequest request;
            request.key = work->key;
            request.credentials = work->credentials;
            request.context.authFile = work->authFile;
            request.context.tlsVerify = work->tlsVerify;
            request.file = work->file;
            request.store = true;
            auto done = login(request, cancel);
            if (!done)
                return fail(done.error());
            return Outcome{done->key, done->storedIn, true};
        }
        auto where = work->store.store(work->key, work->credentials, work->file, cancel);
        if (!where)
            return fail(where.error());
        return Outcome{work->key, *where, false};
    }));
}

void CredentialDialog::finished()
{
    const Result<Outcome> r = m_watcher->result();
    setBusy(false);
    if (!r) {
        validate(); // the OK button again
        m_message->setText(tr("Not stored: %1").arg(r.error().message));
        m_password->setFocus();
        m_password->selectAll();
        return;
    }
    Q_EMIT stored(r->key, targetFile(), r->where, r->verified);
    QDialog::accept();
}

void CredentialDialog::done(int result)
{
    if (result != QDialog::Accepted && isBusy()) {
        // Closing gives up the work: the engine stops at its next cancellation point, its answer goes nowhere.
        m_cancel.cancel();
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    wipe();
    QDialog::done(result);
}

void CredentialDialog::wipe()
{
    if (m_password)
        secrets::wipe(m_password);
}

} // namespace stevedore::ui
