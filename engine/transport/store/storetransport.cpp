#include "storetransport.h"

#include "transport/oci/ocitransport.h"

namespace stevedore {

namespace {

Result<ImageReference> requireImage(const TransportReference &ref)
{
    if (!ref.image || !ref.image->isValid())
        return fail(ErrorCode::InvalidReference, EngineText::tr("\"%1\" is not an image name").arg(ref.details.left(300)));
    return *ref.image;
}

} // namespace

Result<std::unique_ptr<ImageSource>> openStoreImageSource(const TransportReference &ref, const SystemContext &ctx)
{
    auto image = requireImage(ref);
    if (!image)
        return fail(image.error());
    OciLayout layout(ctx.effectiveStorageRoot());
    OciSelector selector;
    if (image->hasTag())
        selector.refName = image->repository() + QLatin1Char(':') + image->tag();
    selector.digest = image->digest();
    if (!layout.exists())
        return fail(ErrorCode::NotFound, EngineText::tr("%1 is not in the local store (%2 is empty)")
                                             .arg(image->toString(), layout.root()));
    if (!selector.refName.isEmpty()) {
        auto entries = layout.entries();
        if (!entries)
            return fail(entries.error());
        bool found = false;
        for (const Descriptor &d : std::as_const(*entries))
            found = found || ociRefName(d) == selector.refName;
        if (!found)
            return fail(ErrorCode::NotFound, EngineText::tr("%1 is not in the local store").arg(image->toString()));
    }
    return std::unique_ptr<ImageSource>(
        std::make_unique<OciImageSource>(std::move(layout), std::move(selector), image->toString()));
}

Result<std::unique_ptr<ImageDestination>> openStoreImageDestination(const TransportReference &ref,
                                                                    const SystemContext &ctx)
{
    auto image = requireImage(ref);
    if (!image)
        return fail(image.error());
    if (!image->hasTag())
        return fail(ErrorCode::InvalidReference,
                    EngineText::tr("%1: a name in the local store needs a tag").arg(image->toString()));
    if (image->hasDigest())
        return fail(ErrorCode::InvalidReference,
                    EngineText::tr("%1: a name in the local store cannot carry a digest").arg(image->toString()));
    OciImageDestination::Options options;
    options.guardWriters = true;
    options.anyManifestType = true; // the store keeps what it was given, byte for byte
    options.stageNewLayout = false; // the store is Stevedore's own folder
    auto d = OciImageDestination::open(OciLayout(ctx.effectiveStorageRoot()), image->toString(), image->toString(), options);
    if (!d)
        return fail(d.error());
    return std::unique_ptr<ImageDestination>(std::move(*d));
}

} // namespace stevedore
