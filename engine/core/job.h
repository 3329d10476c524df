#pragma once

#include "cancel.h"
#include "error.h"
#include "progress.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <optional>

namespace stevedore {

// A long operation (KJob-like): start(), cancel(), throttled progress, one final result with a typed error.
// The job object lives in the thread that created it (the GUI or CLI main thread); run() executes on the
// engine's job pool. Subclasses implement run() and report through the ProgressReporter.
class Job : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    explicit Job(QObject *parent = nullptr);
    ~Job() override; // cancels and waits: nothing runs after the job is gone

    void start();
    void cancel();
    // Blocks the calling thread; for tests and the CLI's non-interactive paths only, never the GUI thread.
    bool waitForFinished(int msecs = -1);

    State state() const { return m_state; }
    const std::optional<Error> &error() const { return m_error; }
    QString title() const { return m_title; }

    // Interval between progress signals (default 100 ms). The first and the last changes are always sent.
    void setProgressInterval(int msecs) { m_tick.setInterval(msecs); }
    ProgressSnapshot progressSnapshot() const { return m_progress.all(); }

Q_SIGNALS:
    void started();
    void progress(const stevedore::ProgressSnapshot &changes);
    void finished(stevedore::Job::State state);

protected:
    void setTitle(const QString &title) { m_title = title; }
    // Runs on a worker thread. Poll `cancel` in every loop and wait.
    virtual Status run(const CancelToken &cancel, ProgressReporter &progress) = 0;

private:
    void flushProgress();
    void onFinished();

    CancelToken m_cancel;
    ProgressReporter m_progress;
    QFutureWatcher<Status> m_watcher;
    QTimer m_tick;
    State m_state = State::Idle;
    std::optional<Error> m_error;
    QString m_title;
};

} // namespace stevedore
