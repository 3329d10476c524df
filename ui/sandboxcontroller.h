#pragma once
// The sandbox in the window: Tools > Start/Stop Sandbox Registry, and an offer in the status bar while no registry
// is known. A started sandbox is added to the registry browser (not remembered: its port may change) with the
// sample image in the local store, so that a first drag and drop works with no set-up; it stops when the window
// goes.

#include <QObject>
#include <QPointer>
#include <QPushButton>
#include <QString>

class QAction;

namespace stevedore {
class SandboxService;
}

namespace stevedore::models {
class RegistryTreeModel;
}

namespace stevedore::ui {

class SandboxController final : public QObject
{
    Q_OBJECT
public:
    // `dataDir` empty: SandboxRegistry::defaultDataDir().
    SandboxController(const QString &storageRoot, models::RegistryTreeModel *registries, QObject *parent,
                      const QString &dataDir = {});
    ~SandboxController() override;

    QAction *action() const { return m_action; }
    QPushButton *offerButton() const { return m_offer; }
    SandboxService *service() const { return m_service; }
    void retranslate();

Q_SIGNALS:
    void message(const QString &text); // for the status bar
    void sampleMade();                 // the local images should be read again

private:
    void toggle();
    void onStarted(const QString &host, bool madeSample);
    void updateOffer();

    SandboxService *m_service = nullptr;
    models::RegistryTreeModel *m_registries = nullptr;
    QAction *m_action = nullptr;
    QPointer<QPushButton> m_offer; // owned by the status bar it is put in (else deleted here)
    QString m_host; // while running
};

} // namespace stevedore::ui
