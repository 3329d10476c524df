#include "commands.h"

#include "options.h"
#include "progressrenderer.h"
#include "terminal.h"

#include "auth/credentials.h"
#include "copy/copyjob.h"
#include "ops/inspect.h"
#include "reference/transportreference.h"
#include "transport/store/localstore.h"
#include "transport/systemcontext.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

#include <csignal>
#include <cstdio>
#include <unistd.h>

#ifndef STEVEDORE_VERSION
#define STEVEDORE_VERSION "0.0.0"
#endif

using namespace Qt::StringLiterals;

namespace stevedore::cli {

namespace {

QString scrub(QString text)
{
    return scrubSecrets(std::move(text));
}

void printOut(const QString &text)
{
    const QByteArray b = scrub(text).toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void printRaw(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

// The one line every failure prints: "stevedore push: <message>".
void printError(const QString &command, const QString &message)
{
    QString m = scrub(message).simplified();
    const QString prefix = command.isEmpty() ? u"stevedore: "_s : u"stevedore %1: "_s.arg(command);
    const QByteArray b = (prefix + m + u'\n').toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

// ---------------------------------------------------------------------------------------------------------------
// Command specs

using K = OptionSpec::Kind;

QList<OptionSpec> registryOptions()
{
    return {
        {u"authfile"_s, {}, K::Value, u"FILE"_s,
         u"Registry credentials file (default: $REGISTRY_AUTH_FILE, else the containers/docker auth files)"_s},
        {u"cert-dir"_s, {}, K::Value, u"DIR"_s,
         u"Folder of TLS certificates: *.crt CAs, *.cert/*.key client pairs (like /etc/containers/certs.d/HOST)"_s},
        {u"creds"_s, {}, K::Value, u"USER[:PASSWORD]"_s,
         u"Registry credentials; without a password it is asked on the terminal"_s},
        {u"tls-verify"_s, {}, K::Flag, {}, u"Require HTTPS and verify certificates (default true)"_s},
    };
}

QList<OptionSpec> copyOptions(bool forPush)
{
    QList<OptionSpec> o{
        {u"all"_s, {}, K::Flag, {}, u"Copy every platform of an image index (default: this machine's platform only)"_s},
        {u"platform"_s, {}, K::Value, u"OS/ARCH[/VARIANT]"_s, u"Platform to copy from an index, instead of this machine's"_s},
    };
    o += registryOptions();
    o += QList<OptionSpec>{
        {u"digestfile"_s, {}, K::Value, u"FILE"_s, u"Write the digest of the written manifest to FILE"_s},
        {u"quiet"_s, u'q', K::Flag, {}, u"Print no progress"_s},
        {u"retry"_s, {}, K::Value, u"N"_s, u"Retries on temporary errors (connection errors, 408, 429, 5xx; default 3)"_s},
        {u"retry-delay"_s, {}, K::Value, u"DURATION"_s,
         u"Delay between retries, e.g. 2s, 500ms, 1m (default 2s; a Retry-After answer wins)"_s},
        {u"progress"_s, {}, K::Value, u"MODE"_s,
         u"Progress output: auto (tty on a terminal, else plain), tty, plain or json"_s},
    };
    if (forPush) {
        o += QList<OptionSpec>{
            {u"compression-format"_s, {}, K::Value, u"FORMAT"_s, u"Compression of the layers: gzip, zstd, zstd:chunked"_s, true},
            {u"compression-level"_s, {}, K::Value, u"LEVEL"_s, u"Compression level"_s, true},
            {u"cr-option"_s, {}, K::Value, u"OPTION"_s, u"Container registry option (sealos)"_s, true},
            {u"disable-compression"_s, u'D', K::Flag, {}, u"Do not compress layers"_s, true},
            {u"encrypt-layer"_s, {}, K::Value, u"INDEXES"_s, u"Layers to encrypt (0-indexed; default all)"_s, true},
            {u"encryption-key"_s, {}, K::Value, u"KEY"_s, u"Key for layer encryption (jwe:..., pgp:..., pkcs7:...)"_s, true},
            {u"format"_s, u'f', K::Value, u"FORMAT"_s, u"Manifest type to write: oci, v2s2 or v2s1"_s, true},
            {u"remove-signatures"_s, {}, K::Flag, {}, u"Do not copy signatures"_s, true},
            {u"rm"_s, {}, K::Flag, {}, u"Remove the manifest list after a successful push"_s, true},
            {u"sign-by"_s, {}, K::Value, u"FINGERPRINT"_s, u"Sign the image with this GPG key"_s, true},
        };
    }
    return o;
}

CommandSpec pushSpec()
{
    CommandSpec s;
    s.name = u"push"_s;
    s.usage = u"push [OPTIONS] IMAGE [DESTINATION]"_s;
    s.summary = u"Push an image to a registry or any other location"_s;
    s.description =
        u"Copies IMAGE to DESTINATION. IMAGE is a local store name (myapp:v1) or any TRANSPORT:DETAILS location\n"
        "(oci:PATH[:REF], dir:PATH, docker://HOST/REPO:TAG). DESTINATION defaults to IMAGE (as sealos push does):\n"
        "a local store name without a transport is pushed to the registry it names (docker://NAME)."_s;
    s.options = copyOptions(true);
    s.minArgs = 1;
    s.maxArgs = 2;
    s.examples =
        u"  stevedore push localhost:5000/team/app:v1\n"
        "  stevedore push --all --creds alice:secret --cert-dir ./certs --digestfile out.txt \\\n"
        "      oci:./layouts/app:v1 docker://registry.example:5000/team/app:v1"_s;
    return s;
}

CommandSpec pullSpec()
{
    CommandSpec s;
    s.name = u"pull"_s;
    s.usage = u"pull [OPTIONS] SOURCE [NAME]"_s;
    s.summary = u"Copy an image into the local store"_s;
    s.description =
        u"Copies SOURCE into the local store as NAME. SOURCE without a transport is a registry image\n"
        "(busybox = docker://docker.io/library/busybox:latest). NAME defaults to SOURCE's image name; for path\n"
        "transports (oci:PATH:REF, dir:PATH) it is localhost/BASENAME-OF-PATH:REF."_s;
    s.options = copyOptions(false);
    s.minArgs = 1;
    s.maxArgs = 2;
    s.examples = u"  stevedore pull oci:./layouts/app:v1\n  stevedore pull docker://localhost:5000/team/app:v1 app:v1"_s;
    return s;
}

CommandSpec copySpec()
{
    CommandSpec s;
    s.name = u"copy"_s;
    s.usage = u"copy [OPTIONS] SOURCE DESTINATION"_s;
    s.summary = u"Copy an image between any two locations"_s;
    s.description = u"Copies SOURCE to DESTINATION; both are TRANSPORT:DETAILS locations or local store names."_s;
    s.options = copyOptions(true);
    s.minArgs = 2;
    s.maxArgs = 2;
    s.examples = u"  stevedore copy --all oci:./layouts/app:v1 dir:/tmp/app\n"
                 "  stevedore copy docker://localhost:5000/team/app:v1 oci:/tmp/app-layout:v1"_s;
    return s;
}

CommandSpec imagesSpec()
{
    CommandSpec s;
    s.name = u"images"_s;
    s.usage = u"images [OPTIONS]"_s;
    s.summary = u"List the images of the local store"_s;
    s.options = {
        {u"format"_s, {}, K::Value, u"FORMAT"_s, u"Output format: table (default) or json"_s},
        {u"noheading"_s, u'n', K::Flag, {}, u"Do not print the table heading"_s},
    };
    s.examples = u"  stevedore images\n  stevedore images --format json"_s;
    return s;
}

CommandSpec tagSpec()
{
    CommandSpec s;
    s.name = u"tag"_s;
    s.usage = u"tag SOURCE TARGET"_s;
    s.summary = u"Give a local image another name"_s;
    s.minArgs = 2;
    s.maxArgs = 2;
    s.examples = u"  stevedore tag localhost/app:v1 localhost:5000/team/app:v1"_s;
    return s;
}

CommandSpec rmiSpec()
{
    CommandSpec s;
    s.name = u"rmi"_s;
    s.usage = u"rmi NAME..."_s;
    s.summary = u"Remove names from the local store (and blobs no name uses any more)"_s;
    s.minArgs = 1;
    s.maxArgs = -1;
    s.examples = u"  stevedore rmi localhost/app:v1"_s;
    return s;
}

CommandSpec inspectSpec()
{
    CommandSpec s;
    s.name = u"inspect"_s;
    s.usage = u"inspect [OPTIONS] IMAGE"_s;
    s.summary = u"Show an image's details, manifest or config"_s;
    s.description = u"IMAGE is a local store name or any TRANSPORT:DETAILS location. Prints JSON on stdout;\n"
                    "--raw prints the manifest bytes exactly as stored."_s;
    s.options = {
        {u"raw"_s, {}, K::Flag, {}, u"Print the manifest (or index) exactly as stored"_s},
        {u"config"_s, {}, K::Flag, {}, u"Print the image config"_s},
    };
    s.options += registryOptions();
    s.minArgs = 1;
    s.maxArgs = 1;
    s.examples = u"  stevedore inspect localhost/app:v1\n  stevedore inspect --raw docker://localhost:5000/team/app:v1"_s;
    return s;
}

CommandSpec helpSpec()
{
    CommandSpec s;
    s.name = u"help"_s;
    s.usage = u"help [COMMAND]"_s;
    s.summary = u"Show help for a command"_s;
    s.maxArgs = 1;
    return s;
}

QList<CommandSpec> allCommands()
{
    return {pushSpec(), pullSpec(), copySpec(), imagesSpec(), tagSpec(), rmiSpec(), inspectSpec(), helpSpec()};
}

CommandSpec topSpec()
{
    CommandSpec s;
    s.usage = u"[GLOBAL OPTIONS] COMMAND [OPTIONS] [ARGS]"_s;
    QString d = u"Push, pull and copy container images. Without a command: an overview of the store and auth files.\n\n"
                "Commands:\n"_s;
    for (const CommandSpec &c : allCommands())
        d += u"  %1  %2\n"_s.arg(c.name.leftJustified(8), c.summary);
    d += u"\nRun 'stevedore COMMAND --help' for a command's options."_s;
    s.description = d;
    return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces

void setupLogging(const QString &level)
{
    qSetMessagePattern(u"stevedore [%{category}] %{type}: %{message}"_s);
    if (level == "error"_L1)
        QLoggingCategory::setFilterRules(u"stevedore.*.warning=false\nstevedore.*.info=false\nstevedore.*.debug=false"_s);
    else if (level == "info"_L1)
        QLoggingCategory::setFilterRules(u"stevedore.*.info=true\nstevedore.*.debug=false"_s);
    else if (level == "debug"_L1)
        QLoggingCategory::setFilterRules(u"stevedore.*.info=true\nstevedore.*.debug=true"_s);
}

// Builds the SystemContext from the options; usage errors (bad values) are reported by the caller with exit 2.
Result<SystemContext> makeContext(const ParsedArgs &p)
{
    SystemContext ctx;
    if (p.has(u"root"_s)) {
        if (p.value(u"root"_s).isEmpty())
            return fail(ErrorCode::InvalidArgument, u"--root needs a folder"_s);
        ctx.storageRoot = QDir(p.value(u"root"_s)).absolutePath();
    }
    if (p.has(u"authfile"_s)) {
        const QString f = p.value(u"authfile"_s);
        if (!QFileInfo(f).isFile())
            return fail(ErrorCode::InvalidArgument, u"--authfile %1: no such file"_s.arg(f));
        ctx.authFile = QFileInfo(f).absoluteFilePath();
    }
    if (p.has(u"cert-dir"_s)) {
        const QString d = p.value(u"cert-dir"_s);
        if (!QFileInfo(d).isDir())
            return fail(ErrorCode::InvalidArgument, u"--cert-dir %1: not a folder"_s.arg(d));
        ctx.certDir = QFileInfo(d).absoluteFilePath();
    }
    if (p.has(u"tls-verify"_s))
        ctx.tlsVerify = p.flag(u"tls-verify"_s);
    if (p.has(u"retry"_s)) {
        bool ok = false;
        const int n = p.value(u"retry"_s).toInt(&ok);
        if (!ok || n < 0 || n > 100)
            return fail(ErrorCode::InvalidArgument,
                        u"invalid --retry value \"%1\" (a number from 0 to 100)"_s.arg(p.value(u"retry"_s)));
        ctx.retry.maxRetries = n;
    }
    if (p.has(u"retry-delay"_s)) {
        auto d = parseDuration(p.value(u"retry-delay"_s));
        if (!d)
            return fail(ErrorCode::InvalidArgument, u"--retry-delay: "_s + d.error().message);
        ctx.retry.delay = *d;
    }
    if (p.has(u"creds"_s)) {
        const QString text = p.value(u"creds"_s);
        const qsizetype colon = text.indexOf(u':');
        if (colon >= 0 && colon + 1 < text.size())
            addSecret(text.mid(colon + 1));
        auto creds = Credentials::parseCredsOption(text);
        if (!creds)
            return fail(ErrorCode::InvalidArgument, u"--creds: "_s + creds.error().message);
        if (creds->password.isEmpty() && creds->identityToken.isEmpty()) {
            if (!isTerminal(STDIN_FILENO))
                return fail(ErrorCode::CredentialsMissing,
                            u"--creds %1 has no password and stdin is not a terminal to ask for one; "
                            "use --creds %1:PASSWORD or --authfile"_s.arg(creds->username));
            auto pw = readPassword(u"Password for %1: "_s.arg(creds->username));
            if (!pw)
                return fail(pw.error());
            if (pw->isEmpty())
                return fail(ErrorCode::CredentialsMissing, u"no password given for %1"_s.arg(creds->username));
            addSecret(*pw);
            creds->password = *pw;
        }
        ctx.credentials = *creds;
    }
    return ctx;
}

Result<CopyOptions> makeCopyOptions(const ParsedArgs &p)
{
    CopyOptions o;
    o.all = p.flag(u"all"_s);
    if (p.has(u"platform"_s)) {
        auto pl = Platform::parse(p.value(u"platform"_s));
        if (!pl)
            return fail(ErrorCode::InvalidArgument, u"--platform: "_s + pl.error().message);
        o.platform = *pl;
    }
    if (p.has(u"digestfile"_s)) {
        if (p.value(u"digestfile"_s).isEmpty())
            return fail(ErrorCode::InvalidArgument, u"--digestfile needs a file name"_s);
        o.digestFile = QFileInfo(p.value(u"digestfile"_s)).absoluteFilePath();
    }
    return o;
}

int exitCodeFor(int signalNumber)
{
    return signalNumber == 0 ? int(ExitInterrupted) : 128 + signalNumber;
}

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
        Error shown = e;
        shown.message = scrub(e.message);
        renderer->finish({}, shown);
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

// A registry location for a name given without a transport (push DESTINATION, pull SOURCE).
Result<TransportReference> asRegistry(const QString &text)
{
    auto r = TransportReference::parse(text);
    if (!r)
        return r;
    if (r->kind != TransportReference::Kind::LocalStore)
        return r;
    return TransportReference::parse(u"docker://"_s + text);
}

// The local store name for what `pull SOURCE` copies when NAME is left out.
Result<QString> defaultPullName(const TransportReference &src)
{
    if (src.image) {
        const ImageReference &ref = *src.image;
        return ref.hasTag() ? ref.withoutDigest().toString() : ref.toString();
    }
    if (src.path.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"cannot derive a local name from %1; give NAME"_s.arg(src.toString()));
    if (!src.pathRef.isEmpty() && (src.pathRef.contains(u'/') || src.pathRef.contains(u':'))) {
        // oci:PATH:registry.example/team/app:v1 (a full name as the layout's ref)
        auto named = ImageReference::parse(src.pathRef);
        if (named)
            return named->toString();
    }
    QString base = QFileInfo(QDir::cleanPath(QDir::current().absoluteFilePath(src.path))).fileName().toLower();
    static const QRegularExpression bad(u"[^a-z0-9._-]+"_s);
    base.replace(bad, u"-"_s);
    static const QRegularExpression edges(u"^[^a-z0-9]+|[^a-z0-9]+$"_s);
    base.remove(edges);
    if (base.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"cannot derive a local name from %1; give NAME"_s.arg(src.toString()));
    const QString tag = ImageReference::isValidTag(src.pathRef) ? src.pathRef : u"latest"_s;
    return u"localhost/%1:%2"_s.arg(base, tag);
}

// Checks positional counts and not-supported options; returns an exit code when the command must stop.
std::optional<int> checkCommon(const CommandSpec &spec, const ParsedArgs &p)
{
    const QString ns = firstNotSupported(spec, p);
    if (!ns.isEmpty()) {
        printError(spec.name, u"%1 is not supported yet"_s.arg(ns));
        return ExitUsage;
    }
    const int n = int(p.positionals.size());
    if (n < spec.minArgs) {
        printError(spec.name, u"missing argument (usage: stevedore %1)"_s.arg(spec.usage));
        return ExitUsage;
    }
    if (spec.maxArgs >= 0 && n > spec.maxArgs) {
        printError(spec.name, u"too many arguments: \"%1\" (usage: stevedore %2)"_s.arg(p.positionals.at(spec.maxArgs), spec.usage));
        return ExitUsage;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------------------
// Commands

// The copy options and system context of push, pull and copy come from the same flags.
int runCopyWithOptions(const QString &command, const ParsedArgs &p, const TransportReference &src,
                       const TransportReference &dst)
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
    auto dst = asRegistry(p.positionals.size() > 1 ? p.positionals.at(1) : image);
    if (!dst) {
        printError(spec.name, dst.error().message);
        return ExitUsage;
    }
    return runCopyWithOptions(spec.name, p, *src, *dst);
}

int cmdPull(const CommandSpec &spec, const ParsedArgs &p)
{
    auto src = asRegistry(p.positionals.at(0));
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

// Runs a blocking engine call (local store reads and writes) on a worker thread while the main thread stays in
// the event loop. A SIGINT/SIGTERM meanwhile lets the call finish (store writes are atomic) and is reported
// through *signalNumber.
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

QString storeRoot(const ParsedArgs &p)
{
    return p.has(u"root"_s) ? QDir(p.value(u"root"_s)).absolutePath() : SystemContext::defaultStorageRoot();
}

int cmdImages(const CommandSpec &spec, const ParsedArgs &p)
{
    const QString format = p.value(u"format"_s, u"table"_s);
    if (format != "table"_L1 && format != "json"_L1) {
        printError(spec.name, u"invalid --format value \"%1\" (use table or json)"_s.arg(format));
        return ExitUsage;
    }
    const LocalStore store(storeRoot(p));
    int sig = 0;
    auto images = offMainThread([store] { return store.images(); }, &sig);
    if (sig) {
        printError(spec.name, u"interrupted"_s);
        return exitCodeFor(sig);
    }
    if (!images) {
        printError(spec.name, images.error().message);
        return ExitFailure;
    }
    if (format == "json"_L1) {
        QJsonArray arr;
        for (const LocalImage &img : std::as_const(*images)) {
            arr.append(QJsonObject{
                {u"name"_s, img.reference.toString()},
                {u"repository"_s, img.reference.repository()},
                {u"tag"_s, img.reference.tag()},
                {u"digest"_s, img.descriptor.digest.toString()},
                {u"mediaType"_s, img.descriptor.mediaType},
                {u"size"_s, double(img.descriptor.size)},
                {u"created"_s, img.created.isValid() ? img.created.toUTC().toString(Qt::ISODate) : QString()},
            });
        }
        printOut(QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QList<QStringList> rows;
    if (!p.flag(u"noheading"_s))
        rows << QStringList{u"REPOSITORY"_s, u"TAG"_s, u"DIGEST"_s, u"CREATED"_s};
    for (const LocalImage &img : std::as_const(*images)) {
        rows << QStringList{img.reference.repository(),
                            img.reference.hasTag() ? img.reference.tag() : u"<none>"_s,
                            img.descriptor.digest.shortHex(12),
                            img.created.isValid() ? img.created.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s
                                                  : u"-"_s};
    }
    QList<int> widths(4, 0);
    for (const QStringList &r : std::as_const(rows))
        for (int i = 0; i < 4; ++i)
            widths[i] = std::max(widths[i], int(r.at(i).size()));
    QString text;
    for (const QStringList &r : std::as_const(rows)) {
        QString line;
        for (int i = 0; i < 4; ++i)
            line += (i < 3 ? r.at(i).leftJustified(widths[i] + 2) : r.at(i));
        text += line.trimmed() + u'\n';
    }
    printOut(text);
    return ExitOk;
}

Result<ImageReference> localName(const QString &text)
{
    auto r = TransportReference::parse(text);
    if (!r)
        return fail(r.error());
    if (r->kind != TransportReference::Kind::LocalStore || !r->image)
        return fail(ErrorCode::InvalidArgument, u"\"%1\" is not a local store name (no transport allowed here)"_s.arg(text));
    return *r->image;
}

int cmdTag(const CommandSpec &spec, const ParsedArgs &p)
{
    auto src = localName(p.positionals.at(0));
    if (!src) {
        printError(spec.name, src.error().message);
        return ExitUsage;
    }
    auto target = localName(p.positionals.at(1));
    if (!target) {
        printError(spec.name, target.error().message);
        return ExitUsage;
    }
    LocalStore store(storeRoot(p));
    int sig = 0;
    const ImageReference from = *src;
    const ImageReference to = *target;
    const Status s = offMainThread([store, from, to]() mutable { return store.tag(from, to); }, &sig);
    if (!s) {
        printError(spec.name, s.error().message);
        return ExitFailure;
    }
    return sig ? exitCodeFor(sig) : int(ExitOk);
}

int cmdRmi(const CommandSpec &spec, const ParsedArgs &p)
{
    LocalStore store(storeRoot(p));
    int code = ExitOk;
    for (const QString &name : p.positionals) {
        auto ref = localName(name);
        if (!ref) {
            printError(spec.name, ref.error().message);
            code = ExitFailure;
            continue;
        }
        int sig = 0;
        const ImageReference r = *ref;
        const Status s = offMainThread([store, r]() mutable { return store.remove(r); }, &sig);
        if (!s) {
            printError(spec.name, s.error().message);
            code = ExitFailure;
        } else {
            printOut(u"Untagged: %1\n"_s.arg(ref->toString()));
        }
        if (sig) {
            printError(spec.name, u"interrupted"_s);
            return exitCodeFor(sig);
        }
    }
    return code;
}

int cmdInspect(const CommandSpec &spec, const ParsedArgs &p)
{
    if (p.flag(u"raw"_s) && p.flag(u"config"_s)) {
        printError(spec.name, u"--raw and --config cannot be used together"_s);
        return ExitUsage;
    }
    const InspectMode mode = p.flag(u"raw"_s) ? InspectMode::Raw
                           : p.flag(u"config"_s) ? InspectMode::Config
                                                 : InspectMode::Summary;
    auto ref = parseLocation(p.positionals.at(0));
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

int overview(const ParsedArgs &p)
{
    QString text = u"Stevedore %1: push, pull and copy container images\n\n"_s.arg(QLatin1StringView(STEVEDORE_VERSION));
    const QString root = storeRoot(p);
    QString storeLine;
    if (!QFileInfo::exists(root)) {
        storeLine = u"not created yet, 0 images"_s;
    } else {
        LocalStore store(root);
        auto images = store.images();
        if (images)
            storeLine = images->size() == 1 ? u"1 image"_s : u"%1 images"_s.arg(images->size());
        else
            storeLine = u"unreadable: %1"_s.arg(images.error().message);
    }
    text += u"Store root: %1 (%2)\n"_s.arg(root, storeLine);

    QString authFile = p.value(u"authfile"_s);
    if (authFile.isEmpty())
        authFile = qEnvironmentVariable("REGISTRY_AUTH_FILE");
    const CredentialStore creds(authFile);
    text += u"Auth files, in search order:\n"_s;
    for (const QString &f : creds.searchPaths())
        text += u"  %1 %2\n"_s.arg(QFileInfo::exists(f) ? u"[found]  "_s : u"[missing]"_s, f);
    text += u"\nCommands:\n"_s;
    for (const CommandSpec &c : allCommands())
        text += u"  %1  %2\n"_s.arg(c.name.leftJustified(8), c.summary);
    text += u"\nRun 'stevedore COMMAND --help' for a command's options, 'stevedore --help' for the global ones.\n"_s;
    printOut(text);
    return ExitOk;
}

bool wantsHelp(const QStringList &args)
{
    for (const QString &a : args) {
        if (a == "--"_L1)
            return false;
        if (a == "--help"_L1 || a == "-h"_L1 || a == "--help=true"_L1)
            return true;
    }
    return false;
}

} // namespace

int runCli(const QStringList &args)
{
    const CommandSpec top = topSpec();
    // Global options before the command.
    auto head = parseArguments(top, args, /*stopAtFirstPositional=*/true);
    if (!head) {
        printError({}, head.error().message);
        return ExitUsage;
    }
    if (head->positionals.isEmpty()) {
        if (head->flag(u"help"_s)) {
            printOut(helpText(top));
            return ExitOk;
        }
        if (head->flag(u"version"_s)) {
            printOut(u"stevedore version %1\n"_s.arg(QLatin1StringView(STEVEDORE_VERSION)));
            return ExitOk;
        }
    }
    if (head->has(u"log-level"_s) || head->flag(u"debug"_s)) {
        const QString level = head->flag(u"debug"_s) ? u"debug"_s : head->value(u"log-level"_s);
        static const QStringList levels{u"error"_s, u"warn"_s, u"info"_s, u"debug"_s};
        if (!levels.contains(level)) {
            printError({}, u"invalid --log-level value \"%1\" (use error, warn, info or debug)"_s.arg(level));
            return ExitUsage;
        }
    }
    if (head->positionals.isEmpty()) {
        if (head->flag(u"debug"_s) || head->has(u"log-level"_s))
            setupLogging(head->flag(u"debug"_s) ? u"debug"_s : head->value(u"log-level"_s));
        return overview(*head);
    }

    const QString name = head->positionals.first();
    const QStringList rest = head->positionals.mid(1);
    const QList<CommandSpec> commands = allCommands();
    const auto it = std::find_if(commands.begin(), commands.end(), [&](const CommandSpec &c) { return c.name == name; });
    if (it == commands.end()) {
        printError({}, u"unknown command \"%1\" (see 'stevedore --help')"_s.arg(name));
        return ExitUsage;
    }
    const CommandSpec &spec = *it;
    if (head->flag(u"help"_s) || wantsHelp(rest)) {
        printOut(helpText(spec));
        return ExitOk;
    }
    auto parsed = parseArguments(spec, rest);
    if (!parsed) {
        printError(spec.name, parsed.error().message);
        return ExitUsage;
    }
    // Global options given before the command apply unless repeated after it.
    for (auto g = head->values.cbegin(); g != head->values.cend(); ++g)
        if (!parsed->values.contains(g.key()))
            parsed->values.insert(g.key(), g.value());
    if (parsed->flag(u"version"_s)) {
        printOut(u"stevedore version %1\n"_s.arg(QLatin1StringView(STEVEDORE_VERSION)));
        return ExitOk;
    }
    if (parsed->flag(u"debug"_s) || parsed->has(u"log-level"_s)) {
        const QString level = parsed->flag(u"debug"_s) ? u"debug"_s : parsed->value(u"log-level"_s);
        static const QStringList levels{u"error"_s, u"warn"_s, u"info"_s, u"debug"_s};
        if (!levels.contains(level)) {
            printError(spec.name, u"invalid --log-level value \"%1\" (use error, warn, info or debug)"_s.arg(level));
            return ExitUsage;
        }
        setupLogging(level);
    }
    if (auto stop = checkCommon(spec, *parsed))
        return *stop;

    if (name == "help"_L1) {
        if (parsed->positionals.isEmpty()) {
            printOut(helpText(top));
            return ExitOk;
        }
        const QString which = parsed->positionals.first();
        for (const CommandSpec &c : commands) {
            if (c.name == which) {
                printOut(helpText(c));
                return ExitOk;
            }
        }
        printError(spec.name, u"unknown command \"%1\""_s.arg(which));
        return ExitUsage;
    }
    if (name == "push"_L1)
        return cmdPush(spec, *parsed);
    if (name == "pull"_L1)
        return cmdPull(spec, *parsed);
    if (name == "copy"_L1)
        return cmdCopy(spec, *parsed);
    if (name == "images"_L1)
        return cmdImages(spec, *parsed);
    if (name == "tag"_L1)
        return cmdTag(spec, *parsed);
    if (name == "rmi"_L1)
        return cmdRmi(spec, *parsed);
    if (name == "inspect"_L1)
        return cmdInspect(spec, *parsed);
    printError({}, u"unknown command \"%1\""_s.arg(name));
    return ExitUsage;
}

} // namespace stevedore::cli
