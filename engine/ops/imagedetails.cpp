#include "imagedetails.h"

#include "core/threadpools.h"
#include "ops/inspect.h"
#include "transport/transports.h"

#include <QtConcurrent/QtConcurrentRun>

namespace stevedore {

namespace {

// A platform image an index names that is not at this location: not an error, it is just not counted.
bool isAbsent(const Error &e)
{
    return e.code == ErrorCode::NotFound || e.code == ErrorCode::ManifestUnknown || e.code == ErrorCode::BlobUnknown;
}

} // namespace

Result<ImageDetails> readImageDetails(const TransportReference &ref, const SystemContext &ctx, const CancelToken &cancel)
{
    auto opened = openSourceAndManifest(ref, ctx, cancel);
    if (!opened)
        return fail(opened.error());
    ImageSource *source = opened->source.get();
    const QString where = source->description();
    auto described = describeManifest(opened->top);
    if (!described)
        return fail(described.error().withContext(EngineText::tr("reading the manifest of %1").arg(where)));
    ImageDetails out;
    out.manifest = *described;
    if (out.manifest.isIndex) {
        qint64 total = 0;
        for (const Descriptor &d : std::as_const(out.manifest.platforms)) {
            if (cancel.isCancelled())
                return fail(ErrorCode::Cancelled, EngineText::tr("cancelled"));
            auto child = source->manifest(d.digest, cancel); // the source checks the bytes against d.digest
            if (!child && isAbsent(child.error()))
                continue;
            if (!child)
                return fail(child.error().withContext(
                    EngineText::tr("reading the manifest %1 of %2").arg(d.digest.toString(), where)));
            auto image = describeManifest(*child);
            if (!image)
                return fail(image.error());
            if (image->totalSize() < 0)
                continue; // a nested index: its images are not this index's platforms
            total += image->totalSize();
            ++out.indexImagesFound;
        }
        out.indexTotal = out.indexImagesFound > 0 ? total : -1;
        return out;
    }
    if (out.manifest.config) {
        auto bytes = readConfig(*source, *out.manifest.config, cancel);
        if (!bytes)
            return fail(bytes.error());
        auto config = parseRemoteConfig(*bytes);
        if (!config)
            return fail(config.error().withContext(EngineText::tr("reading the config of %1").arg(where)));
        out.config = *config;
    }
    return out;
}

QFuture<Result<ImageDetails>> readImageDetailsAsync(TransportReference ref, SystemContext ctx, CancelToken cancel)
{
    return QtConcurrent::run(pools::io(), [ref = std::move(ref), ctx = std::move(ctx), cancel = std::move(cancel)]() {
        return readImageDetails(ref, ctx, cancel);
    });
}

} // namespace stevedore
