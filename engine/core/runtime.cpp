#include "runtime.h"

#include "logging.h"
#include "net/httpservice.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace stevedore {

namespace {

// How many network threads the HTTP service runs: one thread pair (ours and Qt's HTTP thread) forwards an upload
// body in small pieces, so a single one serialises parallel uploads (measured: 8% slower pushes on 2 cores); two
// match one thread per upload. See docs/architecture.md.
int networkThreads()
{
    return qBound(2, QThread::idealThreadCount(), 4);
}

std::atomic<EngineRuntime *> g_explicit{nullptr};
EngineRuntime *g_implicit = nullptr;
QBasicMutex g_implicitMutex;

void shutdownImplicit()
{
    QMutexLocker lock(&g_implicitMutex);
    delete g_implicit; // shuts down while the application object still exists
    g_implicit = nullptr;
}

// Buffers of 256 KiB and more (the copy's chunk buffers, zstd's job buffers, the gzip compressor's 512 KiB blocks)
// are mapped and unmapped rather than carved from glibc's per-thread arenas: the arenas keep what was freed, one per
// thread that allocated, and glibc's default threshold rises to the size of the last freed mapping (up to 32 MiB), so
// every 4 MiB chunk went to an arena. Measured on the synthetic benchmark (12 layers, 2 cores): peak RSS 70-94 MiB
// with glibc's default, 61-71 MiB with a threshold of 1 MiB (the gzip blocks of finished layers stayed in the arenas of
// the threads that had made them), 56-59 MiB with 256 KiB; the same wall time (docs/architecture.md, "Memory").
void limitArenaGrowth()
{
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] { mallopt(M_MMAP_THRESHOLD, 256 * 1024); });
#endif
}

void configure(QThreadPool &pool, int maxThreads, const char *name)
{
    pool.setMaxThreadCount(maxThreads);
    pool.setExpiryTimeout(30000);
    pool.setObjectName(QString::fromLatin1(name));
}

} // namespace

struct EngineRuntime::Pools {
    QThreadPool jobs;
    QThreadPool io;
    QThreadPool cpu;
};

EngineRuntime::EngineRuntime(ImplicitTag)
    : m_pools(std::make_unique<Pools>())
{
    limitArenaGrowth();
    configure(m_pools->jobs, 16, "stevedore-jobs");
    configure(m_pools->io, 32, "stevedore-io");
    configure(m_pools->cpu, qMax(1, QThread::idealThreadCount()), "stevedore-cpu");
}

EngineRuntime::EngineRuntime()
    : EngineRuntime(ImplicitTag{})
{
    EngineRuntime *expected = nullptr;
    if (!g_explicit.compare_exchange_strong(expected, this))
        qCWarning(lcCore) << "a second EngineRuntime was created; the first one stays the engine's";
}

EngineRuntime::~EngineRuntime()
{
    shutdown();
    EngineRuntime *self = this;
    g_explicit.compare_exchange_strong(self, nullptr);
}

EngineRuntime *EngineRuntime::instance()
{
    if (EngineRuntime *r = g_explicit.load())
        return r;
    QMutexLocker lock(&g_implicitMutex);
    if (EngineRuntime *r = g_explicit.load())
        return r;
    if (!g_implicit) {
        g_implicit = new EngineRuntime(ImplicitTag{});
        if (QCoreApplication::instance())
            qAddPostRoutine(shutdownImplicit);
        qCDebug(lcCore) << "implicit engine runtime created";
    }
    return g_implicit;
}

QThreadPool *EngineRuntime::jobs()
{
    return &m_pools->jobs;
}

QThreadPool *EngineRuntime::io()
{
    return &m_pools->io;
}

QThreadPool *EngineRuntime::cpu()
{
    return &m_pools->cpu;
}

HttpService &EngineRuntime::http()
{
    QMutexLocker lock(&m_mutex);
    if (!m_http) {
        bool ok = false;
        const int threads = qEnvironmentVariableIntValue("STEVEDORE_NET_THREADS", &ok);
        m_http = std::make_unique<HttpService>(m_shutdown, ok && threads > 0 ? qMin(threads, 16) : networkThreads());
    }
    return *m_http;
}

quint64 EngineRuntime::registerJob(const CancelToken &token)
{
    QMutexLocker lock(&m_mutex);
    const quint64 id = m_nextJob++;
    m_jobs.insert(id, token);
    if (m_down)
        token.cancel();
    return id;
}

void EngineRuntime::unregisterJob(quint64 id)
{
    QMutexLocker lock(&m_mutex);
    m_jobs.remove(id);
}

int EngineRuntime::runningJobs() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_jobs.size());
}

bool EngineRuntime::stopWork(std::chrono::milliseconds timeout)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_down)
            return false;
        m_down = true;
        m_shutdown.cancel();
        for (const CancelToken &t : std::as_const(m_jobs))
            t.cancel();
    }
    // Jobs first (they wait on io tasks), then io (waits on cpu blocks and the network), then cpu.
    QDeadlineTimer deadline(timeout);
    for (QThreadPool *pool : {jobs(), io(), cpu()}) {
        if (!pool->waitForDone(int(qMax<qint64>(0, deadline.remainingTime()))))
            qCWarning(lcCore) << pool->objectName() << "still busy at shutdown";
    }
    return true;
}

void EngineRuntime::shutdown(std::chrono::milliseconds timeout)
{
    if (!stopWork(timeout))
        return;
    std::unique_ptr<HttpService> http;
    {
        QMutexLocker lock(&m_mutex);
        http = std::move(m_http);
    }
    http.reset(); // stops the network thread, deleting its objects there
}

void EngineRuntime::finishForExit(std::chrono::milliseconds timeout)
{
    if (!stopWork(timeout))
        return;
    QMutexLocker lock(&m_mutex);
    if (m_http)
        m_http->waitForDetached();
}

} // namespace stevedore
