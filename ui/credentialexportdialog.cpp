#include "credentialexportdialog.h"

#include "credentialsecrets.h"
#include "credentialsmodel.h"

#include "auth/credhelper.h"
#include "auth/pullsecret.h"
#include "core/threadpools.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

PullSecretDialog::PullSecretDialog(const QList<CredentialEntry> &entries, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"pullSecretDialog"_s);
    setWindowTitle(tr("Export as Pull Secret"));
    m_name = new QLineEdit(u"regcred"_s, this);
    m_name->setObjectName(u"name"_s);
    m_namespace = new QLineEdit(this);
    m_namespace->setObjectName(u"namespace"_s);
    m_namespace->setPlaceholderText(tr("none (the namespace kubectl applies it to)"));
    m_format = new QComboBox(this);
    m_format->setObjectName(u"format"_s);
    m_format->addItem(tr("YAML"), int(PullSecretFormat::Yaml));
    m_format->addItem(tr("JSON"), int(PullSecretFormat::Json));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"secretText"_s);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"busy"_s);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height());
    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(u"copy"_s);
    m_save = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(u"save"_s);
    m_copy->setEnabled(false);
    m_save->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Name&space:"), m_namespace);
    form->addRow(tr("&Format:"), m_format);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_busy);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &PullSecretDialog::copyToClipboard);
    connect(m_save, &QPushButton::clicked, this, &PullSecretDialog::chooseFile);
    connect(m_name, &QLineEdit::textChanged, this, &PullSecretDialog::render);
    connect(m_namespace, &QLineEdit::textChanged, this, &PullSecretDialog::render);
    connect(m_format, &QComboBox::currentIndexChanged, this, &PullSecretDialog::render);

    // One entry per key, the first (the one that wins in resolution order).
    QList<CredentialEntry> unique;
    QSet<QString> seen;
    for (const CredentialEntry &e : entries) {
        if (!seen.contains(e.key)) {
            seen.insert(e.key);
            unique.append(e);
        }
    }
    m_message->setText(tr("Reading %n credential(s)…", nullptr, int(unique.size())));
    m_watcher = new QFutureWatcher<Result<Loaded>>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_busy->hide();
        // Taken out of the future, not copied: `m_entries` then holds the only copy of each secret.
        Result<Loaded> r = m_watcher->future().takeResult();
        if (!r) {
            m_message->setText(tr("Cannot read the credentials: %1").arg(r.error().message));
        } else {
            m_entries = std::move(r->entries);
            m_skipped = r->skipped;
            render();
        }
        Q_EMIT loaded();
    });
    m_watcher->setFuture(QtConcurrent::run(pools::io(), [unique]() -> Result<Loaded> {
        Loaded out;
        for (const CredentialEntry &e : unique) {
            auto secret = models::CredentialsModel::secretFor(e);
            if (!secret) {
                out.skipped << tr("%1: %2").arg(e.key, secret.error().message);
                continue;
            }
            out.entries.append({CredentialHelper::serverUrlFor(e.key), *secret});
            secrets::wipe(*secret);
        }
        return out;
    }));
    resize(640, 520);
}

PullSecretDialog::~PullSecretDialog()
{
    m_watcher->disconnect(this);
    wipe();
}

bool PullSecretDialog::isLoading() const
{
    return m_watcher->isRunning();
}

bool PullSecretDialog::isReady() const
{
    return m_ready;
}

QString PullSecretDialog::text() const
{
    return m_ready ? m_text->toPlainText() : QString();
}

void PullSecretDialog::render()
{
    if (isLoading())
        return;
    m_ready = false;
    secrets::wipe(m_text);
    m_copy->setEnabled(false);
    m_save->setEnabled(false);
    const QString skipped = m_skipped.isEmpty()
                                ? QString()
                                : u"\n"_s + tr("Left out (no credentials could be read):") + u"\n"_s
                                      + m_skipped.join(u'\n');
    if (m_entries.isEmpty()) {
        m_message->setText(tr("There are no credentials to export.") + skipped);
        return;
    }
    const QString name = m_name->text().trimmed();
    const QString ns = m_namespace->text().trimmed();
    if (auto ok = checkPullSecretName(name, ns); !ok) {
        m_message->setText(ok.error().message);
        return;
    }
    auto rendered = renderPullSecret(name, ns, m_entries, PullSecretFormat(m_format->currentData().toInt()));
    if (!rendered) {
        m_message->setText(rendered.error().message);
        return;
    }
    QString text = QString::fromUtf8(*rendered);
    secrets::wipe(*rendered);
    m_text->setPlainText(text);
    secrets::wipe(text);
    m_ready = true;
    m_copy->setEnabled(true);
    m_save->setEnabled(true);
    m_message->setText(tr("A Secret of type kubernetes.io/dockerconfigjson with %n registry key(s). It holds the "
                          "passwords: keep it out of version control.",
                          nullptr, int(m_entries.size()))
                       + skipped);
}

void PullSecretDialog::copyToClipboard()
{
    if (!m_ready)
        return;
    QGuiApplication::clipboard()->setText(m_text->toPlainText());
    m_message->setText(tr("Copied to the clipboard."));
}

void PullSecretDialog::chooseFile()
{
    if (!m_ready)
        return;
    const bool json = PullSecretFormat(m_format->currentData().toInt()) == PullSecretFormat::Json;
    auto *picker = new QFileDialog(this, tr("Save Pull Secret"),
                                   QDir::home().filePath(m_name->text().trimmed() + (json ? u".json"_s : u".yaml"_s)));
    picker->setObjectName(u"saveDialog"_s);
    picker->setAcceptMode(QFileDialog::AcceptSave);
    picker->setNameFilters({json ? tr("JSON files (*.json)") : tr("YAML files (*.yaml *.yml)"), tr("All files (*)")});
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QFileDialog::fileSelected, this, [this](const QString &path) { saveTo(path); });
    picker->open();
}

Status PullSecretDialog::saveTo(const QString &path)
{
    if (!m_ready)
        return fail(ErrorCode::InvalidArgument, tr("There is nothing to save yet."));
    QSaveFile file(path);
    QByteArray bytes = m_text->toPlainText().toUtf8();
    const bool ok = file.open(QIODevice::WriteOnly)
                    && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                    && file.write(bytes) == bytes.size() && file.commit();
    secrets::wipe(bytes);
    if (!ok) {
        const QString message = tr("Cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        m_message->setText(message);
        return fail(ErrorCode::IoError, message);
    }
    m_message->setText(tr("Saved to %1 (readable by you only).").arg(path));
    return {};
}

void PullSecretDialog::done(int result)
{
    wipe();
    QDialog::done(result);
}

void PullSecretDialog::wipe()
{
    for (AuthFileEntry &e : m_entries)
        secrets::wipe(e.credentials);
    m_entries.clear();
    m_ready = false;
    if (m_text)
        secrets::wipe(m_text);
    if (m_copy) {
        m_copy->setEnabled(false);
        m_save->setEnabled(false);
    }
}

} // namespace stevedore::ui
