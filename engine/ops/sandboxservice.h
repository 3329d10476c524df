#pragma once
// The sandbox for the GUI: a SandboxRegistry kept in a thread of its own (it starts the registry there, without
// blocking the caller, and the registry lives as long as that thread), with the sample image made first.

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace stevedore {

class SandboxRegistry;

class SandboxService final : public QObject
{
    Q_OBJECT
public:
    // `dataDir`: the sandbox's folder (SandboxRegistry::defaultDataDir() when empty); `storageRoot`: the local store
    // the sample image goes to (SystemContext::defaultStorageRoot() when empty).
    explicit SandboxService(QString dataDir = {}, QString storageRoot = {}, QObject *parent = nullptr);
    ~SandboxService() override; // stops the registry and waits for it

    // Asynchronous: makes the sample image when missing, starts the registry; then started() or failed().
    // Ignored while a start or stop is under way or the registry runs.
    void start();
    // Asynchronous: stops the registry; then stopped().
    void stop();
    bool isRunning() const { return m_running.load(); }
    bool isBusy() const { return m_busy.load(); }
    QString host() const; // "127.0.0.1:PORT" while running

Q_SIGNALS:
    // `sampleMade`: the sample image was put into the local store by this start.
    void started(const QString &host, bool sampleMade);
    void failed(const QString &message);
    void stopped();

private:
    void startInThread();
    void stopInThread();

    QString m_dataDir;
    QString m_storageRoot;
    QThread m_thread;
    QObject *m_worker = nullptr;              // lives in m_thread; deleted once it has ended
    std::unique_ptr<SandboxRegistry> m_registry; // used in m_thread only
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_busy{false};
    std::atomic<quint16> m_port{0};
};

} // namespace stevedore
