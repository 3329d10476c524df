#pragma once

#include "content/descriptor.h"
#include "core/cancel.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <QFuture>

namespace stevedore {

// What an image source holds, for a push dialog to say before anything is sent: an index and its platforms, or an
// image, its layers and its compressed size. Only the top-level manifest is read (one request to a registry).
struct SourceSummary {
    QString mediaType;
    Digest digest;
    bool index = false;
    QList<Platform> platforms; // an index's children that name one
    int children = 0;          // an index's manifests, with or without a platform
    int layers = 0;            // an image's layers
    qint64 size = 0;           // an image: config and layers as stored (compressed); an index: 0
};

Result<SourceSummary> describeSource(const TransportReference &ref, const SystemContext &ctx, const CancelToken &cancel);
// The same on the engine's I/O pool.
QFuture<Result<SourceSummary>> describeSourceAsync(const TransportReference &ref, const SystemContext &ctx,
                                                   const CancelToken &cancel = {});

} // namespace stevedore
