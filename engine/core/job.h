#pragma once

#include "cancel.h"
#include "error.h"
#include "progress.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace stevedore {

// A long operation (KJob-like): start(), cancel(), throttled progress, one final result with a typed error.
// The job object lives in the thread that created it (the GUI or CLI main thread); its work runs on the engine's
// job pool. A subclass hands that work over in prepare(), as a function that owns everything it uses (copies and
// shared pointers, never `this`): so the job object can be destroyed at any moment — it cancels the work and
// returns at once, without waiting (the runtime's shutdown waits for the pools) — and no member of a subclass is
// ever destroyed while its work still runs.
class Job : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)
    // Succeeded, Failed or Cancelled: the job ended.
    static constexpr bool isFinal(State s) { return s == State::Succeeded || s == State::Failed || s == State::Cancelled; }

    explicit Job(QObject *parent = nullptr);
    ~Job() override; // cancels the work; never blocks

    void start();
    void cancel();
    // Blocks the calling thread until the work ended; for tests and the CLI's non-interactive paths only, never
    // the GUI thread. Never runs the work in the calling thread. False when `msecs` passed first.
    bool waitForFinished(int msecs = -1);

    State state() const { return m_state; }
    const std::optional<Error> &error() const { return m_error; }
    QString title() const { return m_title; }

    // Interval between progress signals (default 100 ms). The first and the last changes are always sent.
    void setProgressInterval(int msecs) { m_tick.setInterval(msecs); }
    ProgressSnapshot progressSnapshot() const { return m_progress->all(); }

Q_SIGNALS:
    void started();
    void progress(const stevedore::ProgressSnapshot &changes);
    void finished(stevedore::Job::State state);

protected:
    using Work = std::function<Status(const CancelToken &cancel, ProgressReporter &progress)>;
    void setTitle(const QString &title) { m_title = title; }
    // Called once by start(), in the job's thread. The returned work runs on a worker thread; it polls `cancel`
    // in every loop and wait.
    virtual Work prepare() = 0;

private:
    struct Completion;
    void flushProgress();
    void onFinished();

    CancelToken m_cancel;
    std::shared_ptr<ProgressReporter> m_progress;
    std::shared_ptr<Completion> m_completion;
    QFutureWatcher<Status> m_watcher;
    QTimer m_tick;
    State m_state = State::Idle;
    std::optional<Error> m_error;
    QString m_title;
};

} // namespace stevedore
