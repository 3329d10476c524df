#include "job.h"

#include "threadpools.h"

#include <QtConcurrent/QtConcurrentRun>

namespace stevedore {

Job::Job(QObject *parent)
    : QObject(parent)
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
    m_watcher.waitForFinished();
}

void Job::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Running;
    m_tick.start();
    CancelToken cancel = m_cancel;
    ProgressReporter *reporter = &m_progress;
    m_watcher.setFuture(QtConcurrent::run(pools::jobs(), [this, cancel, reporter]() -> Status {
        return run(cancel, *reporter);
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
    if (msecs < 0) {
        m_watcher.waitForFinished();
    } else {
        QDeadlineTimer deadline(msecs);
        while (!m_watcher.isFinished() && !deadline.hasExpired())
            QThread::msleep(5);
        if (!m_watcher.isFinished())
            return false;
    }
    if (m_state == State::Running)
        onFinished();
    return true;
}

void Job::flushProgress()
{
    ProgressSnapshot changes = m_progress.takeChanges();
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
