// inspect: a one-shot query on a worker thread, cancelled by Ctrl-C.
#include "cmd.h"

#include "context.h"
#include "output.h"

#include "ops/inspect.h"
#include "transport/transportreference.h"

using namespace Qt::StringLiterals;

namespace stevedore::cli {

int cmdInspect(const CommandSpec &spec, const ParsedArgs &p)
{
    if (p.flag(u"raw"_s) && p.flag(u"config"_s)) {
        printError(spec.name, u"--raw and --config cannot be used together"_s);
        return ExitUsage;
    }
    const InspectMode mode = p.flag(u"raw"_s) ? InspectMode::Raw
                           : p.flag(u"config"_s) ? InspectMode::Config
                                                 : InspectMode::Summary;
    auto ref = TransportReference::parse(p.positionals.at(0));
    if (!ref) {
        printError(spec.name, ref.error().message);
        return ExitUsage;
    }
    auto ctx = makeContext(p);
    if (!ctx) {
        printError(spec.name, ctx.error().message);
        return ExitUsage;
    }
    CancelToken cancel;
    SignalWatcher sigWatch;
    QObject::connect(&sigWatch, &SignalWatcher::interrupted, &sigWatch, [cancel](int) { cancel.cancel(); });
    QFutureWatcher<Result<QByteArray>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Result<QByteArray>>::finished, &loop, &QEventLoop::quit);
    const TransportReference r = *ref;
    const SystemContext c = *ctx;
    watcher.setFuture(QtConcurrent::run([r, c, mode, cancel]() { return inspectImage(r, c, mode, cancel); }));
    if (!watcher.isFinished())
        loop.exec();
    const Result<QByteArray> result = watcher.future().result();
    if (sigWatch.receivedSignal()) {
        printError(spec.name, u"interrupted"_s);
        return exitCodeFor(sigWatch.receivedSignal());
    }
    if (!result) {
        printError(spec.name, result.error().message);
        return ExitFailure;
    }
    if (mode == InspectMode::Raw) {
        printRaw(*result);
    } else {
        QByteArray out = *result;
        if (!out.endsWith('\n'))
            out.append('\n');
        printRaw(out);
    }
    return ExitOk;
}

} // namespace stevedore::cli
