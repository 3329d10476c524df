#include "sourcesummary.h"

#include "content/manifest.h"
#include "core/threadpools.h"
#include "transport/imagesource.h"
#include "transport/transports.h"

#include <QtConcurrent/QtConcurrentRun>

namespace stevedore {

Result<SourceSummary> describeSource(const TransportReference &ref, const SystemContext &ctx, const CancelToken &cancel)
{
    auto opened = openSourceAndManifest(ref, ctx, cancel);
    if (!opened)
        return fail(opened.error());
    const RawManifest *top = &opened->top;
    SourceSummary s;
    s.mediaType = top->mediaType;
    s.digest = top->digest();
    s.index = top->isIndex();
    if (s.index) {
        auto index = ImageIndex::parse(*top);
        if (!index)
            return fail(index.error());
        s.children = int(index->manifests.size());
        for (const Descriptor &d : std::as_const(index->manifests))
            if (d.platform)
                s.platforms.append(*d.platform);
        return s;
    }
    auto image = ImageManifest::parse(*top);
    if (!image)
        return fail(image.error());
    s.layers = int(image->layers.size());
    s.size = image->config.size;
    for (const Descriptor &d : std::as_const(image->layers))
        s.size += d.size;
    return s;
}

QFuture<Result<SourceSummary>> describeSourceAsync(const TransportReference &ref, const SystemContext &ctx,
                                                   const CancelToken &cancel)
{
    return QtConcurrent::run(pools::io(), [ref, ctx, cancel] { return describeSource(ref, ctx, cancel); });
}

} // namespace stevedore
