// manifest create/add/remove/annotate/inspect/push/rm/ls: the local lists of engine/manifestlist, pushed by one CopyJob.
#include "cmd.h"

#include "context.h"
#include "output.h"

#include "manifestlist/listimages.h"
#include "manifestlist/liststore.h"
#include "manifestlist/listsource.h"
#include "transport/store/localstore.h"
#include "transport/transports.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

namespace {

// A failure already printed, with its exit code.
struct Stop {
    int code;
};

template<typename T>
using Step = std::expected<T, Stop>;

Stop report(const QString &command, const Error &e, int code = ExitFailure)
{
    printError(command, e.message);
    return Stop{code};
}

int exitOf(const Stop &s)
{
    return s.code;
}

Step<SystemContext> contextOf(const CommandSpec &spec, const ParsedArgs &p)
{
    auto ctx = makeContext(p);
    if (!ctx)
        return std::unexpected(report(spec.name, ctx.error(), ExitUsage));
    if (p.flag(u"insecure"_s))
        ctx->tlsVerify = false;
    return *ctx;
}

Step<ImageReference> listNameOf(const CommandSpec &spec, const QString &text)
{
    auto name = parseListName(text);
    if (!name)
        return std::unexpected(report(spec.name, name.error(), ExitUsage));
    return *name;
}

Step<StoredList> loadList(const CommandSpec &spec, const ParsedArgs &p, const ImageReference &name)
{
    int sig = 0;
    const QString root = storeRoot(p);
    auto list = offMainThread([root, name]() { return ListStore(root).load(name); }, &sig);
    if (sig)
        return std::unexpected(Stop{exitCodeFor(sig)});
    if (!list)
        return std::unexpected(report(spec.name, list.error()));
    return *list;
}

Step<Digest> saveList(const CommandSpec &spec, const ParsedArgs &p, const ImageReference &name, const ManifestList &list,
                      ListStore::SaveMode mode)
{
    int sig = 0;
    const QString root = storeRoot(p);
    auto saved = offMainThread([root, name, list, mode]() { return ListStore(root).save(name, list, mode); }, &sig);
    if (!saved)
        return std::unexpected(report(spec.name, saved.error()));
    if (sig)
        return std::unexpected(Stop{exitCodeFor(sig)});
    return *saved;
}

// LIST, the first argument, as stored.
Step<StoredList> namedList(const CommandSpec &spec, const ParsedArgs &p)
{
    auto name = listNameOf(spec, p.positionals.at(0));
    if (!name)
        return std::unexpected(name.error());
    return loadList(spec, p, *name);
}

// Saves the changed `list` over `stored`; prints the new digest when asked.
int replaceList(const CommandSpec &spec, const ParsedArgs &p, const StoredList &stored, const ManifestList &list,
                bool printDigest)
{
    auto saved = saveList(spec, p, stored.name, list, ListStore::SaveMode::Replace);
    if (!saved)
        return exitOf(saved.error());
    if (printDigest)
        printOut(saved->toString() + u'\n');
    return ExitOk;
}

// The entries IMAGE gives (read on a worker thread; Ctrl-C cancels).
Step<QList<ListEntry>> readImage(const CommandSpec &spec, const SystemContext &ctx, const QString &text, bool all)
{
    auto ref = resolveListImage(text, ctx);
    if (!ref)
        return std::unexpected(report(spec.name, ref.error(), ExitUsage));
    int sig = 0;
    const TransportReference where = *ref;
    auto entries = cancellableOffMainThread(
        [where, ctx, all](const CancelToken &cancel) {
            SystemContext c = ctx;
            c.cancel = cancel;
            return describeListImage(where, c, all, cancel);
        },
        &sig);
    if (sig)
        return std::unexpected(report(spec.name, Error(ErrorCode::Cancelled, u"interrupted"_s), exitCodeFor(sig)));
    if (!entries)
        return std::unexpected(report(spec.name, entries.error()));
    return *entries;
}

// The platform edit of --os/--arch/--variant/--os-version/--os-features/--annotation.
Step<PlatformEdit> editOf(const CommandSpec &spec, const ParsedArgs &p)
{
    PlatformEdit edit;
    if (p.has(u"os"_s))
        edit.os = p.value(u"os"_s);
    if (p.has(u"arch"_s))
        edit.architecture = p.value(u"arch"_s);
    if (p.has(u"variant"_s))
        edit.variant = p.value(u"variant"_s);
    if (p.has(u"os-version"_s))
        edit.osVersion = p.value(u"os-version"_s);
    if (p.has(u"os-features"_s)) {
        QStringList features;
        for (const QString &f : p.value(u"os-features"_s).split(u',', Qt::SkipEmptyParts))
            features << f.trimmed();
        edit.osFeatures = features;
    }
    for (const QString &a : p.all(u"annotation"_s)) {
        const qsizetype eq = a.indexOf(u'=');
        if (eq <= 0)
            return std::unexpected(
                report(spec.name, Error(ErrorCode::InvalidArgument,
                                        u"--annotation \"%1\": expected KEY=VALUE (KEY= removes the key)"_s.arg(a.left(200))),
                       ExitUsage));
        edit.annotations.insert(a.left(eq), a.mid(eq + 1));
    }
    return edit;
}

// A bare name that is a local image cannot also be a list: a push of the name would be ambiguous.
std::optional<Stop> refuseImageName(const CommandSpec &spec, const ParsedArgs &p, const ImageReference &name)
{
    if (LocalStore(storeRoot(p)).find(name))
        return report(spec.name, Error(ErrorCode::AlreadyExists,
                                       u"%1 is an image in the local store; give the list another name"_s.arg(name.toString())),
                      ExitFailure);
    return std::nullopt;
}

int create(const CommandSpec &spec, const ParsedArgs &p)
{
    auto name = listNameOf(spec, p.positionals.at(0));
    if (!name)
        return exitOf(name.error());
    auto ctx = contextOf(spec, p);
    if (!ctx)
        return exitOf(ctx.error());
    if (auto stop = refuseImageName(spec, p, *name))
        return stop->code;
    const bool amend = p.flag(u"amend"_s);
    ManifestList list;
    if (ListStore(storeRoot(p)).contains(*name)) {
        auto stored = loadList(spec, p, *name); // a damaged store is reported as such, not as "already exists"
        if (!stored)
            return exitOf(stored.error());
        if (!amend) {
            printError(spec.name, u"manifest list %1 already exists (use --amend to add to it)"_s.arg(name->toString()));
            return ExitFailure;
        }
        list = stored->list;
    }
    for (const QString &image : p.positionals.mid(1)) {
        auto entries = readImage(spec, *ctx, image, p.flag(u"all"_s));
        if (!entries)
            return exitOf(entries.error());
        for (const ListEntry &e : std::as_const(*entries))
            list.add(e);
    }
    auto saved = saveList(spec, p, *name, list, amend ? ListStore::SaveMode::Replace : ListStore::SaveMode::Create);
    if (!saved)
        return exitOf(saved.error());
    printOut(u"Created manifest list %1\n"_s.arg(name->toString()));
    return ExitOk;
}

int add(const CommandSpec &spec, const ParsedArgs &p)
{
    auto ctx = contextOf(spec, p);
    if (!ctx)
        return exitOf(ctx.error());
    auto edit = editOf(spec, p);
    if (!edit)
        return exitOf(edit.error());
    auto stored = namedList(spec, p);
    if (!stored)
        return exitOf(stored.error());
    auto entries = readImage(spec, *ctx, p.positionals.at(1), p.flag(u"all"_s));
    if (!entries)
        return exitOf(entries.error());
    if (entries->size() > 1 && (edit->os || edit->architecture || edit->variant)) {
        printError(spec.name, u"--os, --arch and --variant set one image's platform; %1 adds %2 images (annotate each instead)"_s
                                  .arg(p.positionals.at(1))
                                  .arg(entries->size()));
        return ExitUsage;
    }
    ManifestList list = stored->list;
    for (ListEntry e : std::as_const(*entries)) {
        if (auto ok = applyPlatformEdit(e, *edit); !ok) {
            printError(spec.name, ok.error().message);
            return ExitUsage;
        }
        list.add(e);
    }
    return replaceList(spec, p, *stored, list, true);
}

// The entry IMAGE|DIGEST names: a digest, a source as recorded, or an image read again to learn its digest.
Step<qsizetype> findEntry(const CommandSpec &spec, const ParsedArgs &p, const StoredList &stored, const QString &text)
{
    if (text.startsWith(u"sha256:"_s) || text.startsWith(u"sha512:"_s)) {
        auto digest = Digest::parse(text);
        if (!digest)
            return std::unexpected(report(spec.name, digest.error(), ExitUsage));
        const qsizetype at = stored.list.indexOf(*digest);
        if (at < 0)
            return std::unexpected(report(spec.name, Error(ErrorCode::NotFound, u"%1 lists no image %2"_s
                                                                                    .arg(stored.name.toString(), text))));
        return at;
    }
    auto ctx = contextOf(spec, p);
    if (!ctx)
        return std::unexpected(ctx.error());
    auto ref = resolveListImage(text, *ctx);
    if (!ref)
        return std::unexpected(report(spec.name, ref.error(), ExitUsage));
    for (qsizetype i = 0; i < stored.list.entries.size(); ++i)
        if (stored.list.entries.at(i).source == ref->toString())
            return i;
    auto entries = readImage(spec, *ctx, text, false);
    if (!entries)
        return std::unexpected(entries.error());
    for (const ListEntry &e : std::as_const(*entries)) {
        const qsizetype at = stored.list.indexOf(e.descriptor.digest);
        if (at >= 0)
            return at;
    }
    return std::unexpected(report(spec.name, Error(ErrorCode::NotFound, u"%1 lists no image %2 (%3)"_s.arg(
                                                                            stored.name.toString(), text,
                                                                            entries->value(0).descriptor.digest.toString()))));
}

int remove(const CommandSpec &spec, const ParsedArgs &p)
{
    auto stored = namedList(spec, p);
    if (!stored)
        return exitOf(stored.error());
    auto at = findEntry(spec, p, *stored, p.positionals.at(1));
    if (!at)
        return exitOf(at.error());
    ManifestList list = stored->list;
    list.entries.removeAt(*at);
    return replaceList(spec, p, *stored, list, true);
}

int annotate(const CommandSpec &spec, const ParsedArgs &p)
{
    if (auto name = listNameOf(spec, p.positionals.at(0)); !name)
        return exitOf(name.error());
    auto edit = editOf(spec, p);
    if (!edit)
        return exitOf(edit.error());
    if (edit->isEmpty()) {
        printError(spec.name, u"nothing to annotate: give --os, --arch, --variant, --os-version, --os-features or --annotation"_s);
        return ExitUsage;
    }
    auto stored = namedList(spec, p);
    if (!stored)
        return exitOf(stored.error());
    auto at = findEntry(spec, p, *stored, p.positionals.at(1));
    if (!at)
        return exitOf(at.error());
    ManifestList list = stored->list;
    if (auto ok = applyPlatformEdit(list.entries[*at], *edit); !ok) {
        printError(spec.name, ok.error().message);
        return ExitUsage;
    }
    return replaceList(spec, p, *stored, list, false);
}

int push(const CommandSpec &spec, const ParsedArgs &p)
{
    auto name = listNameOf(spec, p.positionals.at(0));
    if (!name)
        return exitOf(name.error());
    if (p.has(u"all"_s) && !p.flag(u"all"_s)) {
        printError(spec.name, u"--all=false is not supported: the listed images are always copied with the list, so the "
                              "registry never answers \"manifest blob unknown\""_s);
        return ExitUsage;
    }
    if (auto stop = refuseImageName(spec, p, *name))
        return stop->code;
    auto stored = loadList(spec, p, *name);
    if (!stored)
        return exitOf(stored.error());
    auto src = TransportReference::parse(name->toString());
    QString destText = p.positionals.size() > 1 ? p.positionals.at(1) : name->toString();
    auto dst = TransportReference::parse(destText);
    if (dst && dst->kind == TransportReference::Kind::LocalStore)
        dst = TransportReference::parse(u"docker://"_s + destText);
    if (!src || !dst) {
        printError(spec.name, (!src ? src.error() : dst.error()).message);
        return ExitUsage;
    }
    const int code = runCopyWithOptions(spec.name, p, *src, *dst, [&p](SystemContext &ctx, CopyOptions &options) {
        options.all = true;
        if (p.flag(u"insecure"_s))
            ctx.tlsVerify = false;
        ctx.allowDuplicatePlatforms = p.flag(u"allow-duplicates"_s);
    });
    if (code == ExitOk && p.flag(u"purge"_s)) {
        if (auto removed = ListStore(storeRoot(p)).remove(*name); !removed) {
            printError(spec.name, u"pushed, but removing the local list failed: "_s + removed.error().message);
            return ExitFailure;
        }
    }
    return code;
}

int rm(const CommandSpec &spec, const ParsedArgs &p)
{
    int code = ExitOk;
    for (const QString &text : p.positionals) {
        auto name = listNameOf(spec, text);
        if (!name) {
            code = ExitUsage;
            continue;
        }
        if (auto removed = ListStore(storeRoot(p)).remove(*name); !removed) {
            printError(spec.name, removed.error().message);
            code = ExitFailure;
            continue;
        }
        printOut(name->toString() + u'\n');
    }
    return code;
}

int ls(const CommandSpec &spec, const ParsedArgs &p)
{
    const QString format = p.value(u"format"_s, u"table"_s);
    if (format != u"table"_s && format != u"json"_s) {
        printError(spec.name, u"invalid --format \"%1\" (use table or json)"_s.arg(format.left(100)));
        return ExitUsage;
    }
    auto lists = ListStore(storeRoot(p)).lists();
    if (!lists) {
        printError(spec.name, lists.error().message);
        return ExitFailure;
    }
    if (format == u"json"_s) {
        QJsonArray out;
        for (const StoredList &l : std::as_const(*lists)) {
            QJsonObject o;
            o.insert(u"name"_s, l.name.toString());
            o.insert(u"digest"_s, l.digest.toString());
            o.insert(u"mediaType"_s, l.list.mediaType);
            QJsonArray images;
            for (const ListEntry &e : std::as_const(l.list.entries)) {
                QJsonObject i = e.descriptor.toJson();
                i.insert(u"source"_s, e.source);
                images.append(i);
            }
            o.insert(u"manifests"_s, images);
            out.append(o);
        }
        printRaw(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    int width = 4;
    for (const StoredList &l : std::as_const(*lists))
        width = std::max(width, int(l.name.toString().size()));
    QString text = u"%1  %2  %3  %4\n"_s.arg(u"NAME"_s.leftJustified(width), u"IMAGES"_s, u"DIGEST"_s.leftJustified(19),
                                             u"PLATFORMS"_s);
    for (const StoredList &l : std::as_const(*lists)) {
        QStringList platforms;
        for (const ListEntry &e : std::as_const(l.list.entries))
            platforms << (e.descriptor.platform ? e.descriptor.platform->toString() : u"-"_s);
        text += u"%1  %2  %3  %4\n"_s.arg(l.name.toString().leftJustified(width),
                                          QString::number(l.list.entries.size()).leftJustified(6),
                                          QString(l.digest.algorithm() + u':' + l.digest.shortHex(12)).leftJustified(19),
                                          platforms.join(u", "_s));
    }
    printOut(text);
    return ExitOk;
}

Step<QByteArray> verboseOf(const CommandSpec &spec, const SystemContext &ctx, const ManifestList &list, bool single)
{
    int sig = 0;
    auto out = cancellableOffMainThread(
        [ctx, list](const CancelToken &cancel) {
            SystemContext c = ctx;
            c.cancel = cancel;
            return inspectListVerbose(list, c, cancel);
        },
        &sig);
    if (sig)
        return std::unexpected(report(spec.name, Error(ErrorCode::Cancelled, u"interrupted"_s), exitCodeFor(sig)));
    if (!out)
        return std::unexpected(report(spec.name, out.error()));
    if (!single)
        return *out;
    // One image: its object alone, as docker manifest inspect -v prints it for an image.
    const QJsonArray array = QJsonDocument::fromJson(*out).array();
    return QJsonDocument(array.first().toObject()).toJson(QJsonDocument::Indented);
}

Step<RawManifest> readManifest(const CommandSpec &spec, const SystemContext &ctx, const TransportReference &where,
                               const std::optional<Digest> &instance, const std::optional<StoredList> &list)
{
    int sig = 0;
    auto raw = cancellableOffMainThread(
        [ctx, where, instance, list](const CancelToken &cancel) -> Result<RawManifest> {
            SystemContext c = ctx;
            c.cancel = cancel;
            c.allowDuplicatePlatforms = true; // inspecting is not pushing
            auto source = list ? openListSource(*list, c) : openImageSource(where, c);
            if (!source)
                return fail(source.error());
            return (*source)->manifest(instance, cancel);
        },
        &sig);
    if (sig)
        return std::unexpected(report(spec.name, Error(ErrorCode::Cancelled, u"interrupted"_s), exitCodeFor(sig)));
    if (!raw)
        return std::unexpected(report(spec.name, raw.error()));
    return *raw;
}

int inspect(const CommandSpec &spec, const ParsedArgs &p)
{
    auto ctx = contextOf(spec, p);
    if (!ctx)
        return exitOf(ctx.error());
    const bool verbose = p.flag(u"verbose"_s);
    if (p.positionals.size() == 2) {
        auto stored = namedList(spec, p);
        if (!stored)
            return exitOf(stored.error());
        auto at = findEntry(spec, p, *stored, p.positionals.at(1));
        if (!at)
            return exitOf(at.error());
        const ListEntry entry = stored->list.entries.at(*at);
        if (verbose) {
            ManifestList one = stored->list;
            one.entries = {entry};
            auto out = verboseOf(spec, *ctx, one, true);
            if (!out)
                return exitOf(out.error());
            printRaw(*out);
            return ExitOk;
        }
        auto raw = readManifest(spec, *ctx, {}, entry.descriptor.digest, *stored);
        if (!raw)
            return exitOf(raw.error());
        printRaw(raw->bytes);
        return ExitOk;
    }
    const QString text = p.positionals.at(0);
    if (auto name = parseListName(text); name && ListStore(storeRoot(p)).contains(*name)) {
        auto stored = loadList(spec, p, *name);
        if (!stored)
            return exitOf(stored.error());
        if (!verbose) {
            printRaw(stored->bytes);
            return ExitOk;
        }
        auto out = verboseOf(spec, *ctx, stored->list, false);
        if (!out)
            return exitOf(out.error());
        printRaw(*out);
        return ExitOk;
    }
    auto where = resolveListImage(text, *ctx);
    if (!where) {
        printError(spec.name, where.error().message);
        return ExitUsage;
    }
    auto raw = readManifest(spec, *ctx, *where, std::nullopt, std::nullopt);
    if (!raw)
        return exitOf(raw.error());
    if (!verbose) {
        printRaw(raw->bytes);
        return ExitOk;
    }
    auto entries = readImage(spec, *ctx, text, true);
    if (!entries)
        return exitOf(entries.error());
    ManifestList list;
    list.mediaType = raw->isIndex() ? raw->mediaType : QString(mediatype::OciIndex);
    list.entries = *entries;
    auto out = verboseOf(spec, *ctx, list, !raw->isIndex());
    if (!out)
        return exitOf(out.error());
    printRaw(*out);
    return ExitOk;
}

} // namespace

int cmdManifest(const CommandSpec &spec, const ParsedArgs &p)
{
    using Run = int (*)(const CommandSpec &, const ParsedArgs &);
    static const QHash<QString, Run> subcommands{
        {u"create"_s, create}, {u"add"_s, add},         {u"remove"_s, remove}, {u"annotate"_s, annotate},
        {u"inspect"_s, inspect}, {u"push"_s, push},     {u"rm"_s, rm},         {u"ls"_s, ls},
    };
    const Run run = subcommands.value(spec.name.mid(QStringLiteral("manifest ").size()));
    if (!run) {
        printError(spec.name, u"unknown subcommand"_s);
        return ExitUsage;
    }
    return run(spec, p);
}

} // namespace stevedore::cli
