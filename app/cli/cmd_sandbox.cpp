// sandbox: a first push with no set-up — the sample image (made in the local store when missing) pushed to the
// sandbox registry (engine/ops/sandbox), with live progress; --serve keeps the registry running until Ctrl-C.
#include "cmd.h"
#include "commandspecs.h"
#include "context.h"
#include "output.h"
#include "terminal.h"

#include "ops/sandbox.h"
#include "transport/transportreference.h"

#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

using K = OptionSpec::Kind;

CommandSpec sandboxSpec()
{
    CommandSpec s;
    s.name = u"sandbox"_s;
    s.usage = u"sandbox [OPTIONS] [IMAGE]"_s;
    s.summary = u"Push to a registry of your own: a local sandbox, no set-up"_s;
    s.description =
        u"Starts the sandbox registry (Debian's docker-registry, run by Stevedore on a loopback port, plain http,\n"
        "its storage under $XDG_DATA_HOME/stevedore/sandbox-registry, kept between runs), pushes IMAGE to it with\n"
        "live progress, prints where it went, and stops the registry again (--serve: keeps it running until Ctrl-C,\n"
        "for skopeo, podman or the GUI to use). IMAGE is a local store name; without it, the sample image\n"
        "localhost/stevedore/sample:latest, which is made in the local store when missing. The port of the last run\n"
        "is taken again when it is free. STEVEDORE_SANDBOX_DIR moves the sandbox's folder."_s;
    s.options = {
        {u"serve"_s, {}, K::Flag, {}, u"Keep the sandbox registry running after the push, until Ctrl-C"_s},
        {u"quiet"_s, u'q', K::Flag, {}, u"Print no progress"_s},
        {u"progress"_s, {}, K::Value, u"MODE"_s,
         u"Progress output: auto (tty on a terminal, else plain), tty, plain or json"_s},
        {u"compression-format"_s, {}, K::Value, u"FORMAT"_s, u"Compression of the layers: gzip (default) or zstd"_s},
        {u"compression-level"_s, {}, K::Value, u"LEVEL"_s, u"Compression level: gzip 1-9, zstd 1-19"_s},
    };
    s.minArgs = 0;
    s.maxArgs = 1;
    s.examples = u"  stevedore sandbox\n  stevedore sandbox --serve myapp:v1"_s;
    return s;
}

int cmdSandbox(const CommandSpec &spec, const ParsedArgs &p)
{
    auto ctx = makeContext(p);
    if (!ctx) {
        printError(spec.name, ctx.error().message);
        return ExitUsage;
    }
    const QString image = p.positionals.isEmpty() ? sampleImageName() : p.positionals.at(0);
    auto src = TransportReference::parse(image);
    if (!src) {
        printError(spec.name, src.error().message);
        return ExitUsage;
    }
    if (src->kind != TransportReference::Kind::LocalStore || !src->image) {
        printError(spec.name, u"IMAGE must be a local store name (got %1); copy other locations with stevedore copy"_s
                                  .arg(image));
        return ExitUsage;
    }

    if (p.positionals.isEmpty()) {
        auto made = ensureSampleImage(*ctx, CancelToken());
        if (!made) {
            printError(spec.name, u"cannot make the sample image: "_s + made.error().message);
            return ExitFailure;
        }
        if (*made)
            printOut(u"Made the sample image %1 in the local store (%2).\n"_s.arg(sampleImageName(),
                                                                                 ctx->effectiveStorageRoot()));
    }

    // Ctrl-C while it starts ends the process, and the registry with it (it dies with its parent).
    SandboxRegistry sandbox;
    if (auto started = sandbox.start(CancelToken()); !started) {
        printError(spec.name, started.error().message);
        return ExitFailure;
    }
    printOut(u"Sandbox registry: http://%1 (docker-registry, storage in %2)\n"_s.arg(sandbox.host(),
                                                                                   sandbox.storageDir()));

    const ImageReference &name = *src->image;
    const QString destination = u"docker://%1/%2:%3"_s.arg(sandbox.host(), name.path(),
                                                            name.hasTag() ? name.tag() : u"latest"_s);
    auto dst = TransportReference::parse(destination);
    if (!dst) {
        printError(spec.name, dst.error().message);
        return ExitFailure;
    }
    const int code = runCopyWithOptions(spec.name, p, *src, *dst, [&sandbox](SystemContext &c, CopyOptions &) {
        c = sandbox.context(c);
    });
    if (code != ExitOk)
        return code;
    printOut(u"Pushed %1 to %2\n"_s.arg(name.toString(), destination));
    if (!p.flag(u"serve"_s)) {
        sandbox.stop();
        printOut(u"The sandbox registry is stopped; what it holds stays in %1 (stevedore sandbox --serve runs it "
                 "again).\n"_s.arg(sandbox.dataDir()));
        return ExitOk;
    }
    SignalWatcher sigWatch; // before the line that says Ctrl-C stops it
    printOut(u"The sandbox keeps running until Ctrl-C. Read the image back with:\n"
             "  skopeo inspect --tls-verify=false %1\n"_s.arg(destination));
    QEventLoop loop;
    QObject::connect(&sigWatch, &SignalWatcher::interrupted, &loop, [&loop](int) { loop.quit(); });
    loop.exec();
    sandbox.stop();
    printOut(u"The sandbox registry is stopped.\n"_s);
    return ExitOk;
}

} // namespace stevedore::cli
