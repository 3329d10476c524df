#include "preferencesdialog.h"

#include "i18n.h"
#include "pushdialog.h"

#include "transport/transportreference.h"

#include "warningbanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

namespace {
const QString kIntervalKey = u"scheduledImports/intervalMinutes"_s;
const QString kJobsKey = u"pushQueue/concurrentJobs"_s;
const QString kRetriesKey = u"pushQueue/retries"_s;
const QString kNotifyKey = u"pushQueue/notify"_s;
const QString kRegistryKey = u"registries/default"_s;
const QString kTlsVerifyKey = u"registries/tlsVerify"_s;
const QString kCertDirKey = u"registries/certDir"_s;
constexpr int kMaxMinutes = 7 * 24 * 60;
constexpr int kMaxJobs = 8;
constexpr int kMaxRetries = 20;

int intSetting(const QString &key, int fallback, int low, int high)
{
    bool ok = false;
    const int v = QSettings().value(key, fallback).toInt(&ok);
    return ok ? std::clamp(v, low, high) : fallback;
}
} // namespace

int PreferencesDialog::scheduledImportInterval()
{
    bool ok = false;
    const int minutes = QSettings().value(kIntervalKey, kDefaultIntervalMinutes).toInt(&ok);
    return ok ? std::clamp(minutes, 0, kMaxMinutes) : kDefaultIntervalMinutes;
}

void PreferencesDialog::setScheduledImportInterval(int minutes)
{
    QSettings().setValue(kIntervalKey, std::clamp(minutes, 0, kMaxMinutes));
}

int PreferencesDialog::concurrentJobs()
{
    return intSetting(kJobsKey, kDefaultConcurrentJobs, 1, kMaxJobs);
}

int PreferencesDialog::retries()
{
    return intSetting(kRetriesKey, kDefaultRetries, 0, kMaxRetries);
}

bool PreferencesDialog::notificationsEnabled()
{
    return QSettings().value(kNotifyKey, true).toBool();
}

QString PreferencesDialog::defaultRegistry()
{
    return QSettings().value(kRegistryKey).toString();
}

bool PreferencesDialog::tlsVerifyDefault()
{
    return QSettings().value(kTlsVerifyKey, true).toBool();
}

QString PreferencesDialog::defaultCertDir()
{
    return QSettings().value(kCertDirKey).toString();
}

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"preferencesDialog"_s);
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(u"scheduledImportInterval"_s);
    m_interval->setRange(0, kMaxMinutes);
    m_interval->setValue(scheduledImportInterval());
    m_intervalLabel = new QLabel(this);
    m_intervalLabel->setBuddy(m_interval);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);
    m_jobs = new QSpinBox(this);
    m_jobs->setObjectName(u"concurrentJobs"_s);
    m_jobs->setRange(1, kMaxJobs);
    m_jobs->setValue(concurrentJobs());
    m_jobsLabel = new QLabel(this);
    m_jobsLabel->setBuddy(m_jobs);
    m_retries = new QSpinBox(this);
    m_retries->setObjectName(u"retries"_s);
    m_retries->setRange(0, kMaxRetries);
    m_retries->setValue(retries());
    m_retriesLabel = new QLabel(this);
    m_retriesLabel->setBuddy(m_retries);
    m_notify = new QCheckBox(this);
    m_notify->setObjectName(u"notify"_s);
    m_notify->setChecked(notificationsEnabled());

    m_language = new QComboBox(this);
    m_language->setObjectName(u"language"_s);
    m_language->addItem(QString(), QString()); // the system's; its text is set by retranslate()
    const QStringList languages = availableLanguages();
    for (const QString &lang : languages)
        m_language->addItem(nativeLanguageName(lang), lang);
    m_language->setCurrentIndex(std::max(0, m_language->findData(chosenLanguage())));
    m_languageLabel = new QLabel(this);
    m_languageLabel->setBuddy(m_language);
    m_registry = new QLineEdit(defaultRegistry(), this);
    m_registry->setObjectName(u"defaultRegistry"_s);
    m_registry->setClearButtonEnabled(true);
    m_registryLabel = new QLabel(this);
    m_registryLabel->setBuddy(m_registry);
    m_tlsVerify = new QCheckBox(this);
    m_tlsVerify->setObjectName(u"tlsVerify"_s);
    m_tlsVerify->setChecked(tlsVerifyDefault());
    m_certDir = new QLineEdit(defaultCertDir(), this);
    m_certDir->setObjectName(u"certDir"_s);
    m_certDir->setClearButtonEnabled(true);
    m_certDirLabel = new QLabel(this);
    m_certDirLabel->setBuddy(m_certDir);
    m_certBrowse = new QPushButton(this);
    connect(m_certBrowse, &QPushButton::clicked, this, [this] {
        auto *d = new QFileDialog(this, m_certDirLabel->text(), m_certDir->text());
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->setFileMode(QFileDialog::Directory);
        d->setOption(QFileDialog::ShowDirsOnly);
        connect(d, &QFileDialog::fileSelected, m_certDir, &QLineEdit::setText);
        d->open();
    });
    m_problem = stevedore::ui::problemLabel(this);
    for (QLineEdit *e : {m_registry, m_certDir})
        connect(e, &QLineEdit::textChanged, m_problem, &QLabel::hide);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(m_intervalLabel, m_interval);
    auto *queueForm = new QFormLayout;
    queueForm->addRow(m_jobsLabel, m_jobs);
    queueForm->addRow(m_retriesLabel, m_retries);
    queueForm->addRow(QString(), m_notify);
    auto *generalForm = new QFormLayout;
    generalForm->addRow(m_languageLabel, m_language);
    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_certDir, 1);
    certRow->addWidget(m_certBrowse);
    auto *registryForm = new QFormLayout;
    registryForm->addRow(m_registryLabel, m_registry);
    registryForm->addRow(QString(), m_tlsVerify);
    registryForm->addRow(m_certDirLabel, certRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(generalForm);
    layout->addSpacing(12);
    layout->addLayout(registryForm);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addSpacing(12);
    layout->addLayout(queueForm);
    layout->addStretch(1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    retranslate();
    resize(560, sizeHint().height());
}

void PreferencesDialog::retranslate()
{
    setWindowTitle(tr("Preferences"));
    m_intervalLabel->setText(tr("Re-import &scheduled images every:"));
    m_interval->setSuffix(tr(" min"));
    m_interval->setSpecialValueText(tr("Never"));
    m_hint->setText(tr("Images scheduled with “stevedore import-image --scheduled --confirm” are imported again when their "
                       "source changed; the local images are then read again."));
    m_jobsLabel->setText(tr("Pushes running &at once:"));
    m_retriesLabel->setText(tr("&Retries of a temporary error:"));
    m_notify->setText(tr("&Notify when a push ends while the window is in the background"));
    m_languageLabel->setText(tr("&Language:"));
    QString system = nativeLanguageName(QLocale::system().name());
    if (system.isEmpty()) // the C locale (no LANG): the source language, English
        system = nativeLanguageName(u"en"_s);
    m_language->setItemText(0, tr("The system's (%1)").arg(system));
    m_registryLabel->setText(tr("&Default registry:"));
    m_registry->setPlaceholderText(tr("none, e.g. registry.example.com or 127.0.0.1:5000"));
    m_registry->setToolTip(tr("Shown in the registry browser, and proposed as the destination of a push."));
    m_tlsVerify->setText(tr("&Verify TLS certificates of new registries and pushes"));
    m_certDirLabel->setText(tr("&Certificate folder:"));
    m_certDir->setPlaceholderText(
        tr("each registry's own: ~/.config/containers/certs.d/HOST, then /etc/containers/certs.d/HOST"));
    m_certDir->setToolTip(tr("The folder new registries and pushes start with: CA certificates (*.crt) and client "
                             "certificate pairs (*.cert, *.key)."));
    m_certBrowse->setText(tr("&Browse…"));
}

QString PreferencesDialog::problem() const
{
    const QString host = m_registry->text().trimmed();
    if (!host.isEmpty()) {
        // HOST[:PORT] and nothing else: what an image name of that registry would start with.
        const auto ref = TransportReference::parse(u"docker://"_s + host + u"/probe:latest"_s);
        if (!ref || !ref->image || ref->image->domain() != host)
            return tr("“%1” is not a registry: give a host name or address, and a port if it needs one "
                      "(registry.example.com, 127.0.0.1:5000).").arg(host);
    }
    const QString certDir = m_certDir->text().trimmed();
    if (!certDir.isEmpty() && !QFileInfo(certDir).isDir())
        return tr("The certificate folder %1 does not exist.").arg(certDir);
    return {};
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_interval)
        retranslate();
    QDialog::changeEvent(event);
}

void PreferencesDialog::accept()
{
    if (const QString wrong = problem(); !wrong.isEmpty()) {
        m_problem->setText(wrong);
        m_problem->show();
        return;
    }
    setScheduledImportInterval(m_interval->value());
    QSettings settings;
    if (m_tlsVerify->isChecked() != tlsVerifyDefault() || m_certDir->text().trimmed() != defaultCertDir())
        PushDialog::forgetTlsOptions(); // the push dialog starts from the new defaults, not from its last push
    settings.setValue(kRegistryKey, m_registry->text().trimmed());
    settings.setValue(kTlsVerifyKey, m_tlsVerify->isChecked());
    settings.setValue(kCertDirKey, m_certDir->text().trimmed());
    settings.setValue(kJobsKey, m_jobs->value());
    settings.setValue(kRetriesKey, m_retries->value());
    settings.setValue(kNotifyKey, m_notify->isChecked());
    const QString language = m_language->currentData().toString();
    if (language != chosenLanguage())
        chooseLanguage(language); // every window, this one included, switches now
    QDialog::accept();
}

} // namespace stevedore::ui
