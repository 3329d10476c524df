#include "preferencesdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
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
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(m_intervalLabel, m_interval);
    auto *queueForm = new QFormLayout;
    queueForm->addRow(m_jobsLabel, m_jobs);
    queueForm->addRow(m_retriesLabel, m_retries);
    queueForm->addRow(QString(), m_notify);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addSpacing(12);
    layout->addLayout(queueForm);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    retranslate();
    resize(480, sizeHint().height());
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
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_interval)
        retranslate();
    QDialog::changeEvent(event);
}

void PreferencesDialog::accept()
{
    setScheduledImportInterval(m_interval->value());
    QSettings settings;
    settings.setValue(kJobsKey, m_jobs->value());
    settings.setValue(kRetriesKey, m_retries->value());
    settings.setValue(kNotifyKey, m_notify->isChecked());
    QDialog::accept();
}

} // namespace stevedore::ui
