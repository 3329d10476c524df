// SandboxController: the sandbox registry's action, status-bar offer and registry browser entry.
#include "sandboxcontroller.h"

#include "icons.h"

#include "registrytreemodel.h"
#include "ops/sandboxservice.h"

#include <QAction>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

SandboxController::SandboxController(const QString &storageRoot, models::RegistryTreeModel *registries,
                                     QObject *parent, const QString &dataDir)
    : QObject(parent), m_registries(registries)
{
    m_service = new SandboxService(dataDir, storageRoot, this);
    m_action = new QAction(actionIcon("sandbox"), QString(), this);
    m_action->setObjectName(u"sandboxAction"_s);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    connect(m_action, &QAction::triggered, this, &SandboxController::toggle);
    m_offer = new QPushButton;
    m_offer->setObjectName(u"sandboxOfferButton"_s);
    connect(m_offer, &QPushButton::clicked, this, &SandboxController::toggle);

    connect(m_service, &SandboxService::started, this, &SandboxController::onStarted);
    connect(m_service, &SandboxService::failed, this, [this](const QString &error) {
        Q_EMIT message(tr("The sandbox registry did not start: %1").arg(error));
        retranslate();
    });
    connect(m_service, &SandboxService::stopped, this, [this] {
        if (const QModelIndex index = m_registries->registryIndex(m_host); index.isValid())
            m_registries->removeRegistry(index);
        m_host.clear();
        Q_EMIT message(tr("The sandbox registry is stopped; what it holds is kept for the next start."));
        retranslate();
    });
    connect(m_registries, &QAbstractItemModel::rowsInserted, this, &SandboxController::updateOffer);
    connect(m_registries, &QAbstractItemModel::rowsRemoved, this, &SandboxController::updateOffer);
    connect(m_registries, &QAbstractItemModel::modelReset, this, &SandboxController::updateOffer);
    retranslate();
}

SandboxController::~SandboxController()
{
    if (m_offer && !m_offer->parent())
        delete m_offer;
}

void SandboxController::toggle()
{
    if (m_service->isBusy())
        return;
    if (m_service->isRunning()) {
        m_service->stop();
    } else {
        m_service->start();
        Q_EMIT message(tr("Starting the sandbox registry…"));
    }
    retranslate();
}

void SandboxController::onStarted(const QString &host, bool madeSample)
{
    m_host = host;
    models::RegistrySpec spec;
    spec.host = host;
    spec.tlsVerify = false; // plain http on loopback
    m_registries->addRegistry(spec, false);
    if (madeSample)
        Q_EMIT sampleMade();
    Q_EMIT message(tr("Sandbox registry running at %1: drop an image on it in the registry browser, or push "
                      "the sample image to it.").arg(host));
    retranslate();
}

void SandboxController::updateOffer()
{
    const bool busy = m_service->isBusy();
    const bool running = m_service->isRunning();
    m_offer->setVisible(!running && !busy && m_registries->rowCount() == 0);
}

void SandboxController::retranslate()
{
    const bool busy = m_service->isBusy();
    const bool running = m_service->isRunning();
    m_action->setText(running ? tr("Stop &Sandbox Registry") : tr("Start &Sandbox Registry"));
    m_action->setStatusTip(running ? tr("Stop the sandbox registry at %1 (what it holds is kept)").arg(m_host)
                                   : tr("Start a registry of your own on this computer, with a sample image to push"));
    m_action->setEnabled(!busy);
    m_offer->setText(tr("No registry yet — start a sandbox registry"));
    m_offer->setToolTip(m_action->statusTip());
    updateOffer();
}

} // namespace stevedore::ui
