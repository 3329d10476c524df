#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace stevedore::ui {

// Tools > Preferences…: how often the main window re-imports the scheduled images (`stevedore import-image
// --scheduled`), in minutes; 0 = never. Stored in QSettings ("scheduledImports/intervalMinutes", default 15).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMinutes = 15;
    static int scheduledImportInterval();                 // minutes, 0 = never
    static void setScheduledImportInterval(int minutes);

    explicit PreferencesDialog(QWidget *parent = nullptr);

    QSpinBox *intervalSpin() const { return m_interval; }
    void accept() override; // stores the values

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_intervalLabel = nullptr;
    QSpinBox *m_interval = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace stevedore::ui
