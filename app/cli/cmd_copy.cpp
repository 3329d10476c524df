// push, pull and copy: one CopyJob each, run in the event loop with a progress renderer and Ctrl-C handling.
#include "cmd.h"

#include "context.h"
#include "output.h"
#include "progressrenderer.h"

#include "copy/copyjob.h"
#include "manifestlist/liststore.h"
#include "ops/pullnames.h"
#include "transport/store/localstore.h"
#include "transport/transportreference.h"

using namespace Qt::StringLiterals;

namespace stevedore::cli {

namespace {

// Runs a CopyJob in the event loop with a renderer and Ctrl-C handling; returns the exit code.
int runCopy(const QString &command, const ParsedArgs &p, const TransportReference &src, const TransportReference &dst,
            const SystemContext &ctx, const CopyOptions &options)
{
    ProgressMode mode = ProgressMode::Auto;
    if (p.has(u"progress"_s)) {
        auto m = parseProgressMode(p.value(u"progress"_s));
        if (!m) {
            printError(command, m.error().message);
            return ExitUsage;
        }
        mode = *m;
    }
    if (p.flag(u"quiet"_s))
        mode = ProgressMode::Quiet;
    auto renderer = makeProgressRenderer(mode, stdout);

    CopyJob job(src, dst, ctx, options);
    SignalWatcher sigWatch;
    QEventLoop loop;
    QObject::connect(&sigWatch, &SignalWatcher::interrupted, &job, [&job](int) { job.cancel(); });
    QObject::connect(&job, &Job::progress, &job,
                     [&renderer](const ProgressSnapshot &changes) { renderer->update(changes); });
    QObject::connect(&job, &Job::finished, &loop, [&loop](Job::State) { loop.quit(); });
    renderer->begin(src.toString(), dst.toString());
    job.start();
    loop.exec();

    switch (job.state()) {
    case Job::State::Succeeded:
        renderer->finish(job.resultDigest().toString(), std::nullopt);
        return ExitOk;
    case Job::State::Cancelled: {
        Error e = job.error().value_or(Error(ErrorCode::Cancelled, u"cancelled"_s));
        e.code = ErrorCode::Cancelled;
        renderer->finish({}, e);
        printError(command, sigWatch.receivedSignal() ? u"interrupted; the copy was cancelled"_s : e.message);
        return exitCodeFor(sigWatch.receivedSignal());
    }
    default: {
        const Error e = job.error().value_or(Error(ErrorCode::Internal, u"the copy failed"_s));
        renderer->finish({}, e);
        if (sigWatch.receivedSignal()) {
            printError(command, u"interrupted"_s);
            return exitCodeFor(sigWatch.receivedSignal());
        }
        printError(command, e.message);
        return ExitFailure;
    }
    }
}

Result<TransportReference> parseLocation(const QString &text)
{
    return TransportReference::parse(text);
}

} // namespace

int runCopyWithOptions(const QString &command, const ParsedArgs &p, const TransportReference &src,
                       const TransportReference &dst, const std::function<void(SystemContext &, CopyOptions &)> &adjust)
{
    auto ctx = makeContext(p);
    if (!ctx) {
        printError(command, ctx.error().message);
        return ExitUsage;
    }
    auto options = makeCopyOptions(p);
    if (!options) {
        printError(command, options.error().message);
        return ExitUsage;
    }
    if (adjust)
        adjust(*ctx, *options);
    return runCopy(command, p, src, dst, *ctx, *options);
}

int cmdPush(const CommandSpec &spec, const ParsedArgs &p)
{
    const QString image = p.positionals.at(0);
    auto src = parseLocation(image);
    if (!src) {
        printError(spec.name, src.error().message);
        return ExitUsage;
    }
    if (p.positionals.size() < 2 && src->kind != TransportReference::Kind::LocalStore) {
        printError(spec.name, u"DESTINATION is required when IMAGE is not a local store name (IMAGE is %1)"_s.arg(image));
        return ExitUsage;
    }
    auto dst = registryLocation(p.positionals.size() > 1 ? p.positionals.at(1) : image);
    if (!dst) {
        printError(spec.name, dst.error().message);
        return ExitUsage;
    }
    // IMAGE may be a local manifest list (a bare name that is no image of the store): then it goes whole, with its
    // images, as podman pushes a list, unless --all=false asks for this machine's image only.
    ListStore lists(storeRoot(p));
    const bool isList = src->kind == TransportReference::Kind::LocalStore && src->image
                        && !LocalStore(storeRoot(p)).find(*src->image) && lists.contains(*src->image);
    const int code = runCopyWithOptions(spec.name, p, *src, *dst, [&](SystemContext &, CopyOptions &options) {
        if (isList && !p.has(u"all"_s))
            options.all = true;
    });
    if (code == ExitOk && p.flag(u"rm"_s) && isList) {
        // --rm: the pushed IMAGE was a local manifest list (podman push --rm); an image of the store is kept.
        {
            if (auto removed = lists.remove(*src->image); !removed) {
                printError(spec.name, u"pushed, but removing the local list failed: "_s + removed.error().message);
                return ExitFailure;
            }
        }
    }
    return code;
}

int cmdPull(const CommandSpec &spec, const ParsedArgs &p)
{
    auto src = registryLocation(p.positionals.at(0));
    if (!src) {
        printError(spec.name, src.error().message);
        return ExitUsage;
    }
    QString name;
    if (p.positionals.size() > 1) {
        name = p.positionals.at(1);
    } else {
        auto n = defaultPullName(*src);
        if (!n) {
            printError(spec.name, n.error().message);
            return ExitUsage;
        }
        name = *n;
    }
    auto dst = parseLocation(name);
    if (!dst) {
        printError(spec.name, dst.error().message);
        return ExitUsage;
    }
    if (dst->kind != TransportReference::Kind::LocalStore) {
        printError(spec.name, u"NAME must be a local store name without a transport (got %1); use copy for other destinations"_s.arg(name));
        return ExitUsage;
    }
    return runCopyWithOptions(spec.name, p, *src, *dst);
}

int cmdCopy(const CommandSpec &spec, const ParsedArgs &p)
{
    auto src = parseLocation(p.positionals.at(0));
    if (!src) {
        printError(spec.name, src.error().message);
        return ExitUsage;
    }
    auto dst = parseLocation(p.positionals.at(1));
    if (!dst) {
        printError(spec.name, dst.error().message);
        return ExitUsage;
    }
    return runCopyWithOptions(spec.name, p, *src, *dst);
}

} // namespace stevedore::cli
