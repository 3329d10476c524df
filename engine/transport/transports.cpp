#include "transports.h"
#include "docker/dockertransport.h"
#include "dir/dirtransport.h"
#include "oci/ocitransport.h"
#include "ociarchive/ociarchivetransport.h"
#include "dockerarchive/dockerarchivetransport.h"
#include "store/storetransport.h"
#include "manifestlist/listsource.h"
#include "core/paths.h"

#include <QDir>
#include <QStandardPaths>

namespace stevedore {

QString SystemContext::defaultStorageRoot()
{
    const QByteArray env = qgetenv("STEVEDORE_ROOT");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return stevedoreDataHome() + QStringLiteral("/storage");
}

namespace {

Error notYet(const TransportReference &ref)
{
    return Error(ErrorCode::NotSupportedYet, EngineText::tr("transport %1 is not supported yet").arg(ref.transport));
}

} // namespace

Result<std::unique_ptr<ImageSource>> openImageSource(const TransportReference &ref, const SystemContext &ctx)
{
    switch (ref.kind) {
    // TRANSPORT-SOURCES: each implemented transport adds its case here.
    case TransportReference::Kind::Oci:
        return openOciImageSource(ref, ctx);
    case TransportReference::Kind::Dir:
        return openDirImageSource(ref, ctx);
    case TransportReference::Kind::OciArchive:
        return openOciArchiveImageSource(ref, ctx);
    case TransportReference::Kind::DockerArchive:
        return openDockerArchiveImageSource(ref, ctx);
    case TransportReference::Kind::LocalStore: {
        auto image = openStoreImageSource(ref, ctx);
        // A name that is no image of the store may be a local manifest list (stevedore manifest create).
        if (!image && image.error().code == ErrorCode::NotFound && ref.image && ref.image->hasTag()
            && !ref.image->hasDigest()) {
            const ListStore lists(ctx.effectiveStorageRoot());
            if (lists.contains(*ref.image)) {
                auto list = lists.load(*ref.image);
                if (!list)
                    return fail(list.error());
                return openListSource(*list, ctx);
            }
        }
        return image;
    }
    case TransportReference::Kind::Docker:
        return openDockerImageSource(ref, ctx);
    default:
        return fail(notYet(ref));
    }
}

Result<std::unique_ptr<ImageDestination>> openImageDestination(const TransportReference &ref, const SystemContext &ctx)
{
    switch (ref.kind) {
    // TRANSPORT-DESTINATIONS: each implemented transport adds its case here.
    case TransportReference::Kind::Oci:
        return openOciImageDestination(ref, ctx);
    case TransportReference::Kind::Dir:
        return openDirImageDestination(ref, ctx);
    case TransportReference::Kind::OciArchive:
        return openOciArchiveImageDestination(ref, ctx);
    case TransportReference::Kind::DockerArchive:
        return openDockerArchiveImageDestination(ref, ctx);
    case TransportReference::Kind::LocalStore:
        return openStoreImageDestination(ref, ctx);
    case TransportReference::Kind::Docker:
        return openDockerImageDestination(ref, ctx);
    default:
        return fail(notYet(ref));
    }
}

Result<OpenedSource> openSourceAndManifest(const TransportReference &ref, const SystemContext &ctx,
                                           const CancelToken &cancel)
{
    SystemContext context = ctx;
    context.cancel = cancel;
    context.metadataOnly = true;
    auto source = openImageSource(ref, context);
    if (!source)
        return fail(source.error());
    auto top = (*source)->manifest(std::nullopt, cancel);
    if (!top)
        return fail(top.error().withContext(EngineText::tr("reading the manifest of %1").arg((*source)->description())));
    return OpenedSource{std::move(*source), std::move(*top)};
}

} // namespace stevedore
