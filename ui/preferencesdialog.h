#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace stevedore::ui {

// Tools > Preferences…, stored in QSettings: how often the main window re-imports the scheduled images
// (`stevedore import-image --scheduled`; "scheduledImports/intervalMinutes", minutes, 0 = never, default 15); how
// many pushes of the queue run at once ("pushQueue/concurrentJobs", 1–8, default 2); how many times a push retries
// a temporary error ("pushQueue/retries", 0–20, default 3, as `--retry`); whether a push that ends while the window
// is in the background is announced by a desktop notification ("pushQueue/notify", default on).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMinutes = 15;
    static int scheduledImportInterval();                 // minutes, 0 = never
    static void setScheduledImportInterval(int minutes);
    static constexpr int kDefaultConcurrentJobs = 2;
    static int concurrentJobs();
    static constexpr int kDefaultRetries = 3;
    static int retries();
    static bool notificationsEnabled();

    explicit PreferencesDialog(QWidget *parent = nullptr);

    QSpinBox *intervalSpin() const { return m_interval; }
    QSpinBox *concurrentJobsSpin() const { return m_jobs; }
    QSpinBox *retriesSpin() const { return m_retries; }
    QCheckBox *notifyCheck() const { return m_notify; }
    void accept() override; // stores the values

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_intervalLabel = nullptr;
    QSpinBox *m_interval = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_jobsLabel = nullptr;
    QSpinBox *m_jobs = nullptr;
    QLabel *m_retriesLabel = nullptr;
    QSpinBox *m_retries = nullptr;
    QCheckBox *m_notify = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace stevedore::ui
