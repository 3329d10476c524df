// SandboxService: the sandbox registry in a thread of its own, for the GUI.
#include "sandboxservice.h"

#include "sandbox.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace stevedore {

SandboxService::SandboxService(QString dataDir, QString storageRoot, QObject *parent)
    : QObject(parent), m_dataDir(std::move(dataDir)), m_storageRoot(std::move(storageRoot))
{
    m_thread.setObjectName(u"stevedore-sandbox"_s);
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

SandboxService::~SandboxService()
{
    QMetaObject::invokeMethod(m_worker, [this] { m_registry.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has ended: nothing of it runs any more
}

QString SandboxService::host() const
{
    return m_running ? u"127.0.0.1:%1"_s.arg(m_port.load()) : QString();
}

void SandboxService::start()
{
    if (m_running || m_busy.exchange(true))
        return;
    QMetaObject::invokeMethod(m_worker, [this] { startInThread(); }, Qt::QueuedConnection);
}

void SandboxService::stop()
{
    if (!m_running || m_busy.exchange(true))
        return;
    QMetaObject::invokeMethod(m_worker, [this] { stopInThread(); }, Qt::QueuedConnection);
}

void SandboxService::startInThread()
{
    SystemContext ctx;
    ctx.storageRoot = m_storageRoot;
    auto made = ensureSampleImage(ctx, CancelToken());
    if (!made) {
        m_busy = false;
        Q_EMIT failed(EngineText::tr("cannot make the sample image: %1").arg(made.error().message));
        return;
    }
    m_registry = std::make_unique<SandboxRegistry>(m_dataDir);
    if (auto s = m_registry->start(CancelToken()); !s) {
        m_registry.reset();
        m_busy = false;
        Q_EMIT failed(s.error().message);
        return;
    }
    m_port = m_registry->port();
    m_running = true;
    m_busy = false;
    Q_EMIT started(m_registry->host(), *made);
}

void SandboxService::stopInThread()
{
    m_registry.reset();
    m_running = false;
    m_busy = false;
    Q_EMIT stopped();
}

} // namespace stevedore
