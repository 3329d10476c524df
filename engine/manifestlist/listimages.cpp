#include "listimages.h"

#include "content/platforms.h"
#include "core/threadpools.h"
#include "ops/inspect.h"
#include "transport/store/localstore.h"
#include "transport/transports.h"

#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>

namespace stevedore {

namespace {

// The source an entry records: docker:// references are pinned to the manifest's digest, so a later push sends
// exactly what was listed even when the tag has moved; other transports keep the location as given.
QString pinnedSource(const TransportReference &ref, const Digest &digest)
{
    if (ref.kind == TransportReference::Kind::Docker && ref.image)
        return QStringLiteral("docker://") + ref.image->repository() + QLatin1Char('@') + digest.toString();
    return ref.toString();
}

// One entry for the image manifest `raw` (read from `source`): its platform comes from its config.
Result<ListEntry> entryForManifest(ImageSource &source, const TransportReference &ref, const RawManifest &raw,
                                   const CancelToken &cancel)
{
    auto manifest = ImageManifest::parse(raw);
    if (!manifest)
        return fail(manifest.error().withContext(ref.toString()));
    auto configBytes = readConfig(source, manifest->config, cancel);
    if (!configBytes)
        return fail(configBytes.error().withContext(ref.toString()));
    auto config = ImageConfig::parse(*configBytes);
    if (!config)
        return fail(config.error().withContext(ref.toString()));
    ListEntry entry;
    entry.descriptor.mediaType = raw.mediaType;
    entry.descriptor.digest = raw.digest();
    entry.descriptor.size = raw.bytes.size();
    entry.descriptor.platform = config->platform();
    entry.source = pinnedSource(ref, entry.descriptor.digest);
    return entry;
}

} // namespace

Result<TransportReference> resolveListImage(const QString &text, const SystemContext &ctx)
{
    auto ref = TransportReference::parse(text.trimmed());
    if (!ref)
        return fail(ref.error());
    if (ref->kind != TransportReference::Kind::LocalStore || !ref->image)
        return *ref;
    if (LocalStore(ctx.effectiveStorageRoot()).find(*ref->image))
        return *ref;
    return TransportReference::parse(QStringLiteral("docker://") + text.trimmed());
}

Result<QList<ListEntry>> describeListImage(const TransportReference &ref, const SystemContext &ctx, bool all,
                                           const CancelToken &cancel)
{
    auto source = openImageSource(ref, ctx);
    if (!source)
        return fail(source.error());
    auto top = (*source)->manifest(std::nullopt, cancel);
    if (!top)
        return fail(top.error().withContext(EngineText::tr("reading %1").arg(ref.toString())));
    if (!top->isIndex()) {
        if (!mediatype::isImageManifest(top->mediaType))
            return fail(ErrorCode::MalformedContent,
                        EngineText::tr("%1 is a %2, not an image: a manifest list holds images")
                            .arg(ref.toString(), top->mediaType));
        auto entry = entryForManifest(**source, ref, *top, cancel);
        if (!entry)
            return fail(entry.error());
        return QList<ListEntry>{*entry};
    }
    auto index = ImageIndex::parse(*top);
    if (!index)
        return fail(index.error().withContext(ref.toString()));
    QList<Descriptor> children;
    if (all) {
        children = index->manifests;
    } else {
        auto chosen = chooseInstance(*index, Platform::host(), ref.toString(),
                                     EngineText::tr("use --all to add every image of the list"));
        if (!chosen)
            return fail(chosen.error());
        children = {*chosen};
    }
    QList<ListEntry> out;
    for (const Descriptor &child : std::as_const(children)) {
        if (cancel.isCancelled())
            return fail(ErrorCode::Cancelled, EngineText::tr("cancelled"));
        if (mediatype::isIndex(child.mediaType))
            return fail(ErrorCode::Unsupported,
                        EngineText::tr("%1 holds a nested list (%2): a manifest list entry must be an image")
                            .arg(ref.toString(), child.digest.toString()));
        ListEntry entry;
        entry.descriptor = child;
        entry.descriptor.annotations.remove(QStringLiteral("org.opencontainers.image.ref.name"));
        entry.source = pinnedSource(ref, child.digest);
        if (!child.platform) {
            // An index without platforms (rare): the child's config says which it is.
            auto raw = (*source)->manifest(child.digest, cancel);
            if (!raw)
                return fail(raw.error().withContext(ref.toString()));
            auto withPlatform = entryForManifest(**source, ref, *raw, cancel);
            if (!withPlatform)
                return fail(withPlatform.error());
            entry.descriptor.platform = withPlatform->descriptor.platform;
        }
        out.append(entry);
    }
    return out;
}

QFuture<Result<QList<ListEntry>>> describeListImageAsync(const QString &text, const SystemContext &ctx, bool all,
                                                         const CancelToken &cancel)
{
    return QtConcurrent::run(pools::io(), [text, ctx, all, cancel]() -> Result<QList<ListEntry>> {
        auto ref = resolveListImage(text, ctx);
        if (!ref)
            return fail(ref.error());
        return describeListImage(*ref, ctx, all, cancel);
    });
}

} // namespace stevedore
