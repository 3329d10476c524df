// import-image: a remote image (or its whole manifest list) into the local store, as `oc import-image` does
// (engine/ops/importimage.h); the import itself is a CopyJob, drawn like push/pull/copy.
#include "cmd.h"
#include "commandspecs.h"
#include "context.h"
#include "output.h"
#include "progressrenderer.h"

#include "copy/copyjob.h"
#include "ops/importimage.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

using K = OptionSpec::Kind;

CommandSpec importImageSpec()
{
    CommandSpec s;
    s.name = u"import-image"_s;
    s.usage = u"import-image [OPTIONS] NAME[:TAG] --from=REF | import-image --run-scheduled"_s;
    s.summary = u"Import a remote image (or its whole list) into the local store"_s;
    s.description =
        u"Imports the image at REF into the local store as NAME (tag latest when missing), as oc import-image does for\n"
        "an image stream. REF is a registry reference (docker://HOST/REPO:TAG, or a bare HOST/REPO:TAG) or any\n"
        "TRANSPORT:DETAILS location. Without --confirm nothing is imported: the command shows what would be.\n"
        "\n"
        "Import modes, for a source that is a manifest list:\n"
        "  Legacy            (default) the list is discarded and one sub-manifest is imported: the one --platform\n"
        "                    names, else this machine's platform, else linux/amd64, else the first.\n"
        "  PreserveOriginal  the list and all its sub-manifests are imported.\n"
        "\n"
        "--scheduled=true (with --confirm) records the import for periodic re-import, in the store's\n"
        "scheduled-imports.json; --scheduled=false removes it. `import-image --run-scheduled` does one pass over the\n"
        "scheduled imports and prints, per name, unchanged, updated from DIGEST to DIGEST, or failed: REASON (the\n"
        "exit status is 1 when one failed)."_s;
    s.options = {
        {u"from"_s, {}, K::Value, u"REF"_s, u"The image to import (docker://HOST/REPO:TAG, HOST/REPO:TAG, TRANSPORT:DETAILS)"_s},
        {u"import-mode"_s, {}, K::Value, u"MODE"_s, u"Legacy (default: one sub-manifest of a list) or PreserveOriginal (the list and all of it)"_s},
        {u"platform"_s, {}, K::Value, u"OS/ARCH[/VARIANT]"_s, u"Legacy: the sub-manifest to import (default: this machine's, else linux/amd64, else the first)"_s},
        {u"confirm"_s, {}, K::Flag, {}, u"Import; without it the command only shows what would be imported"_s},
        {u"scheduled"_s, {}, K::Flag, {}, u"Record the import for periodic re-import (=false: stop re-importing NAME)"_s},
        {u"run-scheduled"_s, {}, K::Flag, {}, u"Re-import every scheduled image whose source changed, once, and say what changed"_s},
        {u"insecure"_s, {}, K::Flag, {}, u"Allow plain http and do not verify TLS certificates of the source registry"_s},
    };
    s.options += registryOptions();
    s.options += QList<OptionSpec>{
        {u"quiet"_s, u'q', K::Flag, {}, u"Print no progress"_s},
        {u"progress"_s, {}, K::Value, u"MODE"_s, u"Progress output on stderr: auto, tty, plain or json"_s},
        {u"retry"_s, {}, K::Value, u"N"_s, u"Retries on temporary errors (default 3)"_s},
        {u"retry-delay"_s, {}, K::Value, u"DURATION"_s, u"Delay between retries (default 2s)"_s},
        {u"idle-timeout"_s, {}, K::Value, u"DURATION"_s, u"Give up on a request when no byte moves for DURATION (default 30s)"_s},
    };
    s.minArgs = 0;
    s.maxArgs = 1;
    s.examples =
        u"  stevedore import-image app:v1 --from=registry.example:5000/team/app:v1 --platform linux/arm64/v8\n"
        "  stevedore import-image app:v1 --from=docker://registry.example/team/app:v1 --import-mode=PreserveOriginal --confirm\n"
        "  stevedore import-image app:v1 --from=localhost:5000/team/app:v1 --insecure --scheduled=true --confirm\n"
        "  stevedore import-image --run-scheduled"_s;
    return s;
}

namespace {

const QString kCommand = u"import-image"_s;

QString platformText(const Platform &p)
{
    return p.os.isEmpty() && p.architecture.isEmpty() ? u"unknown"_s : p.toString();
}

QString planText(const ImportRequest &request, const ImportPlan &plan)
{
    QString out;
    out += u"Name:        %1\n"_s.arg(request.name.toString());
    out += u"From:        %1\n"_s.arg(plan.source.toString());
    out += u"Import mode: %1\n"_s.arg(importModeName(request.mode));
    out += u"Digest:      %1%2\n"_s.arg(plan.sourceDigest.toString(), plan.sourceIsList ? u" (a manifest list)"_s : QString());
    out += u"Manifests:\n"_s;
    for (const ImportedManifest &m : plan.manifests)
        out += u"%1  %2\n"_s.arg(platformText(m.platform), m.digest.toString());
    return out;
}

// The progress of the import on stderr (stdout holds the plan and the result).
int runImportCopy(const ParsedArgs &p, const ImportCopy &copy, const SystemContext &ctx, Digest *written)
{
    ProgressMode mode = ProgressMode::Auto;
    if (p.has(u"progress"_s)) {
        auto m = parseProgressMode(p.value(u"progress"_s));
        if (!m) {
            printError(kCommand, m.error().message);
            return ExitUsage;
        }
        mode = *m;
    }
    if (p.flag(u"quiet"_s))
        mode = ProgressMode::Quiet;
    auto renderer = makeProgressRenderer(mode, stderr);
    CopyJob job(copy.source, copy.destination, ctx, copy.options);
    SignalWatcher sigWatch;
    QEventLoop loop;
    QObject::connect(&sigWatch, &SignalWatcher::interrupted, &job, [&job](int) { job.cancel(); });
    QObject::connect(&job, &Job::progress, &job, [&renderer](const ProgressSnapshot &changes) { renderer->update(changes); });
    QObject::connect(&job, &Job::finished, &loop, [&loop](Job::State) { loop.quit(); });
    renderer->begin(copy.source.toString(), copy.destination.toString());
    job.start();
    loop.exec();
    if (job.state() == Job::State::Succeeded) {
        renderer->finish(job.resultDigest().toString(), std::nullopt);
        *written = job.resultDigest();
        return ExitOk;
    }
    const Error e = job.error().value_or(Error(ErrorCode::Internal, u"the import failed"_s));
    renderer->finish({}, e);
    if (sigWatch.receivedSignal()) {
        printError(kCommand, u"interrupted; the import was cancelled"_s);
        return exitCodeFor(sigWatch.receivedSignal());
    }
    printError(kCommand, u"importing %1: %2"_s.arg(copy.source.toString(), e.message));
    return ExitFailure;
}

int runScheduled(const ParsedArgs &p, const SystemContext &ctx)
{
    if (!p.positionals.isEmpty() || p.has(u"from"_s) || p.has(u"confirm"_s) || p.has(u"scheduled"_s)
        || p.has(u"import-mode"_s) || p.has(u"platform"_s)) {
        printError(kCommand, u"--run-scheduled takes no NAME, --from, --confirm, --scheduled, --import-mode or --platform"_s);
        return ExitUsage;
    }
    int sig = 0;
    auto changes = cancellableOffMainThread([ctx](const CancelToken &cancel) { return runScheduledImports(ctx, cancel); }, &sig);
    if (sig) {
        printError(kCommand, u"interrupted; the scheduled imports were cancelled"_s);
        return exitCodeFor(sig);
    }
    if (!changes) {
        printError(kCommand, changes.error().message);
        return ExitFailure;
    }
    if (changes->isEmpty()) {
        printOut(u"No scheduled imports in %1.\n"_s.arg(ScheduledImports(ctx.effectiveStorageRoot()).path()));
        return ExitOk;
    }
    bool failed = false;
    QString out;
    for (const ScheduledChange &c : std::as_const(*changes)) {
        if (c.error) {
            failed = true;
            out += u"%1: failed: %2\n"_s.arg(c.name.toString(), c.error->message);
        } else if (c.changed()) {
            out += u"%1: updated from %2 to %3\n"_s.arg(c.name.toString(),
                                                         c.before.isValid() ? c.before.toString() : u"(nothing)"_s,
                                                         c.after.toString());
        } else {
            out += u"%1: unchanged (%2)\n"_s.arg(c.name.toString(), c.after.toString());
        }
    }
    printOut(out);
    return failed ? ExitFailure : ExitOk;
}

} // namespace

int cmdImportImage(const CommandSpec &spec, const ParsedArgs &p)
{
    Q_UNUSED(spec);
    // Checked first, and printed as oc prints it: exactly this line.
    ImportRequest request;
    if (p.has(u"import-mode"_s)) {
        auto mode = parseImportMode(p.value(u"import-mode"_s));
        if (!mode) {
            const QByteArray line = "error: " + mode.error().message.toUtf8() + '\n';
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
            std::fflush(stderr);
            return ExitUsage;
        }
        request.mode = *mode;
    }
    auto ctx = makeContext(p);
    if (!ctx) {
        printError(kCommand, ctx.error().message);
        return ExitUsage;
    }
    if (p.flag(u"insecure"_s)) {
        if (p.has(u"tls-verify"_s) && p.flag(u"tls-verify"_s)) {
            printError(kCommand, u"--insecure cannot be combined with --tls-verify=true"_s);
            return ExitUsage;
        }
        ctx->tlsVerify = false;
    }
    if (p.flag(u"run-scheduled"_s))
        return runScheduled(p, *ctx);

    if (p.positionals.isEmpty()) {
        printError(kCommand, u"missing NAME (usage: stevedore %1)"_s.arg(spec.usage));
        return ExitUsage;
    }
    auto name = ImageReference::parse(p.positionals.first());
    if (!name) {
        printError(kCommand, name.error().message);
        return ExitUsage;
    }
    if (name->hasDigest()) {
        printError(kCommand, u"NAME is a local name with a tag, not a digest (got %1)"_s.arg(p.positionals.first()));
        return ExitUsage;
    }
    request.name = *name;
    request.from = p.value(u"from"_s);
    if (request.from.isEmpty()) {
        printError(kCommand, u"--from=REF is required: the image to import"_s);
        return ExitUsage;
    }
    if (auto src = importSourceReference(request.from); !src) {
        printError(kCommand, src.error().message);
        return ExitUsage;
    } else if (src->kind == TransportReference::Kind::LocalStore) {
        printError(kCommand, u"--from %1 is a local store name; give a registry reference or TRANSPORT:DETAILS"_s.arg(request.from));
        return ExitUsage;
    }
    if (p.has(u"platform"_s)) {
        if (request.mode == ImportMode::PreserveOriginal) {
            printError(kCommand, u"--platform applies to --import-mode=Legacy only (PreserveOriginal imports every platform)"_s);
            return ExitUsage;
        }
        auto platform = Platform::parse(p.value(u"platform"_s));
        if (!platform) {
            printError(kCommand, u"--platform: "_s + platform.error().message);
            return ExitUsage;
        }
        request.platform = *platform;
    }
    const bool confirm = p.flag(u"confirm"_s);

    int sig = 0;
    const SystemContext context = *ctx;
    auto plan = cancellableOffMainThread(
        [request, context](const CancelToken &cancel) { return planImport(request, context, cancel); }, &sig);
    if (sig) {
        printError(kCommand, u"interrupted"_s);
        return exitCodeFor(sig);
    }
    if (!plan) {
        printError(kCommand, plan.error().message);
        return ExitFailure;
    }
    printOut(planText(request, *plan));
    if (!confirm) {
        if (p.has(u"scheduled"_s))
            printOut(u"\n--scheduled takes effect with --confirm: nothing was scheduled."_s);
        printOut(u"\nDry run: nothing was imported. Run again with --confirm to import.\n"_s);
        return ExitOk;
    }

    auto copy = importCopyFor(request, *plan);
    if (!copy) {
        printError(kCommand, copy.error().message);
        return ExitFailure;
    }
    Digest written;
    if (const int rc = runImportCopy(p, *copy, context, &written); rc != ExitOk)
        return rc;
    if (auto ok = checkImported(*plan, written); !ok) {
        printError(kCommand, ok.error().message);
        return ExitFailure;
    }
    printOut(u"\nImported %1 as %2\n"_s.arg(written.toString(), request.name.toString()));

    if (p.has(u"scheduled"_s)) {
        ScheduledImports schedule(context.effectiveStorageRoot());
        if (p.flag(u"scheduled"_s)) {
            ScheduledImport entry;
            entry.request = request;
            entry.insecure = p.flag(u"insecure"_s) || (p.has(u"tls-verify"_s) && !p.flag(u"tls-verify"_s));
            entry.lastSourceDigest = plan->sourceDigest;
            entry.lastRun = QDateTime::currentDateTimeUtc();
            if (auto ok = schedule.upsert(entry); !ok) {
                printError(kCommand, ok.error().message);
                return ExitFailure;
            }
            printOut(u"Scheduled: %1 is re-imported from %2 by 'stevedore import-image --run-scheduled'\n"_s
                         .arg(request.name.toString(), plan->source.toString()));
        } else {
            if (auto ok = schedule.remove(request.name); !ok) {
                printError(kCommand, ok.error().message);
                return ExitFailure;
            }
            printOut(u"Not scheduled: %1 is no longer re-imported\n"_s.arg(request.name.toString()));
        }
    }
    return ExitOk;
}

} // namespace stevedore::cli
