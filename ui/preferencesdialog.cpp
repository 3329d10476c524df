#include "preferencesdialog.h"

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
constexpr int kMaxMinutes = 7 * 24 * 60;
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
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(m_intervalLabel, m_interval);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
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
    QDialog::accept();
}

} // namespace stevedore::ui
