#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace stevedore::ui {

// Tools > Preferences…, stored in QSettings: how often the main window re-imports the scheduled images
// (`stevedore import-image --scheduled`; "scheduledImports/intervalMinutes", minutes, 0 = never, default 15); how
// many pushes of the queue run at once ("pushQueue/concurrentJobs", 1–8, default 2); how many times a push retries
// a temporary error ("pushQueue/retries", 0–20, default 3, as `--retry`); whether a push that ends while the window
// is in the background is announced by a desktop notification ("pushQueue/notify", default on); the language
// ("language", as View > Language; empty = the system's); the default registry ("registries/default", HOST[:PORT]:
// shown in the registry browser and proposed as the destination of a push); whether new registries and pushes
// verify TLS certificates ("registries/tlsVerify", default on) and the certificate folder they start with
// ("registries/certDir"; empty = each registry's own certs.d folder, ~/.config/containers/certs.d/HOST first).
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
    static QString defaultRegistry();
    static bool tlsVerifyDefault();
    static QString defaultCertDir();

    explicit PreferencesDialog(QWidget *parent = nullptr);

    QSpinBox *intervalSpin() const { return m_interval; }
    QSpinBox *concurrentJobsSpin() const { return m_jobs; }
    QSpinBox *retriesSpin() const { return m_retries; }
    QCheckBox *notifyCheck() const { return m_notify; }
    QComboBox *languageCombo() const { return m_language; }
    QLineEdit *defaultRegistryEdit() const { return m_registry; }
    QCheckBox *tlsVerifyCheck() const { return m_tlsVerify; }
    QLineEdit *certDirEdit() const { return m_certDir; }
    QLabel *problemLabel() const { return m_problem; }
    void accept() override; // checks, then stores the values (and switches the language at once)

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QString problem() const; // what is wrong with the values, empty if nothing

    QLabel *m_intervalLabel = nullptr;
    QSpinBox *m_interval = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_jobsLabel = nullptr;
    QSpinBox *m_jobs = nullptr;
    QLabel *m_retriesLabel = nullptr;
    QSpinBox *m_retries = nullptr;
    QCheckBox *m_notify = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_registryLabel = nullptr;
    QLineEdit *m_registry = nullptr;
    QCheckBox *m_tlsVerify = nullptr;
    QLabel *m_certDirLabel = nullptr;
    QLineEdit *m_certDir = nullptr;
    QPushButton *m_certBrowse = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace stevedore::ui
