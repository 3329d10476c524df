#include "job.h"

#include "runtime.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QWaitCondition>
#include <QtConcurrent/QtConcurrentRun>

namespace stevedore {

// Signalled by the work itself when it ends, so that waitForFinished() never makes QFuture run the task in the
// waiting thread.
struct Job::Completion {
    QMutex mutex;
    QWaitCondition done;
    bool finished = false;
    void finish()
    {
        QMutexLocker lock(&mutex);
        finished = true;
        done.wakeAll();
    }
};

Job::Job(QObject *parent)
    : QObject(parent), m_progress(std::make_shared<ProgressReporter>()), m_completion(std::make_shared<Completion>())
{
    static const int registered = qRegisterMetaType<ProgressSnapshot>();
    Q_UNUSED(registered);
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, &Job::flushProgress);
    connect(&m_watcher, &QFutureWatcher<Status>::finished, this, &Job::onFinished);
}

Job::~Job()
{
    m_cancel.cancel();
    m_watcher.disconnect(this);
}

void Job::start()
{
    if (m_state != State::Idle)
        return;
    EngineRuntime *runtime = EngineRuntime::instance();
    m_state = State::Running;
    m_tick.start();
    Work work = prepare();
    const CancelToken cancel = m_cancel;
    const quint64 id = runtime->registerJob(cancel);
    m_watcher.setFuture(QtConcurrent::run(
        runtime->jobs(),
        [work = std::move(work), cancel, reporter = m_progress, completion = m_completion, runtime, id]() -> Status {
            Status result = cancel.isCancelled()
                ? Status(fail(ErrorCode::Cancelled, EngineText::tr("the operation was cancelled")))
                : work(cancel, *reporter);
            runtime->unregisterJob(id);
            completion->finish();
            return result;
        }));
    Q_EMIT started();
}

void Job::cancel()
{
    m_cancel.cancel();
}

bool Job::waitForFinished(int msecs)
{
    if (m_state == State::Idle)
        return false;
    {
        QMutexLocker lock(&m_completion->mutex);
        QDeadlineTimer deadline = msecs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(msecs);
        while (!m_completion->finished) {
            if (!m_completion->done.wait(&m_completion->mutex, deadline))
                return false;
        }
    }
    // The task returned; its future becomes ready right after.
    m_watcher.future().waitForFinished();
    if (m_state == State::Running)
        onFinished();
    return true;
}

void Job::flushProgress()
{
    ProgressSnapshot changes = m_progress->takeChanges();
    if (changes.isEmpty())
        return;
    Q_EMIT progress(changes);
}

void Job::onFinished()
{
    if (m_state != State::Running)
        return;
    m_tick.stop();
    flushProgress(); // the last changes always reach the consumer
    const Status result = m_watcher.future().result();
    if (result) {
        m_state = State::Succeeded;
    } else {
        m_error = result.error();
        m_state = (result.error().code == ErrorCode::Cancelled || m_cancel.isCancelled()) ? State::Cancelled
                                                                                        : State::Failed;
    }
    Q_EMIT finished(m_state);
}

} // namespace stevedore
