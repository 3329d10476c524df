#pragma once
// Flags to engine objects: the SystemContext and CopyOptions of a command, logging, exit codes, the checks every
// command shares, and running blocking engine calls off the main thread.

#include "commands.h"
#include "options.h"
#include "terminal.h"

#include "copy/copyoptions.h"
#include "transport/systemcontext.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace stevedore::cli {

void setupLogging(const QString &level);
// Usage errors (bad values) are reported by the caller with exit 2.
Result<SystemContext> makeContext(const ParsedArgs &p);
Result<CopyOptions> makeCopyOptions(const ParsedArgs &p);
int exitCodeFor(int signalNumber);
// Positional counts and not-supported options; an exit code when the command must stop.
std::optional<int> checkCommon(const CommandSpec &spec, const ParsedArgs &p);
// --root, else the default store.
QString storeRoot(const ParsedArgs &p);

// Runs a blocking engine call (local store reads and writes) on a worker thread while the main thread stays in the
// event loop. A SIGINT/SIGTERM meanwhile lets the call finish (store writes are atomic) and is reported through
// *signalNumber.
template<typename F>
auto offMainThread(F fn, int *signalNumber) -> decltype(fn())
{
    using R = decltype(fn());
    SignalWatcher sigWatch;
    QEventLoop loop;
    QFutureWatcher<R> watcher;
    QObject::connect(&watcher, &QFutureWatcher<R>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(std::move(fn)));
    if (!watcher.isFinished())
        loop.exec();
    *signalNumber = sigWatch.receivedSignal();
    return watcher.future().result();
}

// Runs fn(cancel) on a worker thread while the main thread stays in the event loop; SIGINT/SIGTERM cancels it
// (credential helpers are killed, requests dropped) and is reported through *signalNumber.
template<typename F>
auto cancellableOffMainThread(F fn, int *signalNumber) -> decltype(fn(CancelToken()))
{
    using R = decltype(fn(CancelToken()));
    CancelToken cancel;
    SignalWatcher sigWatch;
    QObject::connect(&sigWatch, &SignalWatcher::interrupted, &sigWatch, [cancel](int) { cancel.cancel(); });
    QEventLoop loop;
    QFutureWatcher<R> watcher;
    QObject::connect(&watcher, &QFutureWatcher<R>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([fn, cancel]() { return fn(cancel); }));
    if (!watcher.isFinished())
        loop.exec();
    *signalNumber = sigWatch.receivedSignal();
    return watcher.future().result();
}

// All of standard input, at most `maxSize` bytes (`what` names it in the error).
Result<QByteArray> readStdin(qint64 maxSize, const QString &what);

} // namespace stevedore::cli
