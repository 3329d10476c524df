#pragma once

#include "cancel.h"

#include <QHash>
#include <QMutex>

#include <chrono>
#include <memory>

class QThreadPool;

namespace stevedore {

class HttpService;

// The engine's runtime: its thread pools and its network service, started and stopped explicitly. One object,
// owned by main() (the CLI and the GUI alike) and created after the QCoreApplication; shutdown() — called by main()
// after the event loop, or by the destructor — refuses new jobs, cancels the running ones, waits for the pools and
// closes the network objects in their own thread, all before the application object goes.
//
// Code that runs without an explicit runtime (the unit tests) gets an implicit one on first use, shut down by a
// QCoreApplication post routine while the application object still exists.
class EngineRuntime final
{
public:
    EngineRuntime();
    ~EngineRuntime(); // shutdown()
    EngineRuntime(const EngineRuntime &) = delete;
    EngineRuntime &operator=(const EngineRuntime &) = delete;

    // The explicit runtime, else the implicit one (created now).
    static EngineRuntime *instance();

    QThreadPool *jobs(); // job coordinators (one thread per running job)
    QThreadPool *io();   // blob transfers and file I/O: blocking calls that wait on the network service
    QThreadPool *cpu();  // compression and hashing blocks; as many threads as cores
    // The network service (its thread starts on first use).
    HttpService &http();

    // Cancelled when shutdown begins: clean-up work (upload session DELETEs) watches it.
    CancelToken shutdownToken() const { return m_shutdown; }
    bool isShuttingDown() const { return m_shutdown.isCancelled(); }

    // Running jobs, cancelled by shutdown(). register returns an id for unregister.
    quint64 registerJob(const CancelToken &token);
    void unregisterJob(quint64 id);
    int runningJobs() const;

    // Idempotent. Waits at most `timeout` for the pools (cancelled work ends within about a second).
    void shutdown(std::chrono::milliseconds timeout = std::chrono::seconds(15));
    // For a process about to _exit (the CLI): what shutdown() does — jobs cancelled, pools drained, detached
    // requests given their grace to go out — without deleting the network objects, which the exit takes.
    void finishForExit(std::chrono::milliseconds timeout = std::chrono::seconds(15));

private:
    // shutdown() and finishForExit() alike: false when it was done already.
    bool stopWork(std::chrono::milliseconds timeout);
    struct ImplicitTag {};
    explicit EngineRuntime(ImplicitTag);
    struct Pools;
    CancelToken m_shutdown;
    std::unique_ptr<Pools> m_pools;
    mutable QMutex m_mutex; // guards the members below
    std::unique_ptr<HttpService> m_http;
    QHash<quint64, CancelToken> m_jobs;
    quint64 m_nextJob = 1;
    bool m_down = false;
};

} // namespace stevedore
