#pragma once

#include "content/blobinfo.h"
#include "content/blobio.h"
#include "content/manifest.h"
#include "core/cancel.h"
#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace stevedore {

// Where a blob is known to live, for the blob-info cache: opaque to the copy pipeline, meaningful to the transport
// that produced it (docker: scope "HOST/REPOSITORY", used for cross-repository mounts on the same registry).
struct BlobLocation {
    QString transport; // "docker"
    QString scope;     // "localhost:5000/team/app"
    friend bool operator==(const BlobLocation &, const BlobLocation &) = default;
};

// Where images come from. A source is opened for one image location (one manifest or index).
// Methods may be called from several threads at once: implementations are thread-safe.
class ImageSource
{
public:
    virtual ~ImageSource() = default;
    virtual QString description() const = 0; // "oci:/tmp/layout:v1", for messages

    // instance = nullopt: the top-level manifest (index or image manifest) of the location.
    // instance = digest: the manifest with that digest (a child of the index). The bytes are verified against that
    // digest, and against the location's digest when the location names one.
    virtual Result<RawManifest> manifest(const std::optional<Digest> &instance, const CancelToken &cancel) = 0;

    // Opens a blob for streaming, as stored. The caller verifies digest and size while it reads.
    virtual Result<std::unique_ptr<BlobReader>> openBlob(const BlobInfo &blob, const CancelToken &cancel) = 0;

    // The signatures stored with the image (instance = nullopt: of the top-level manifest), each as its bytes.
    // Transports that keep none answer an empty list.
    virtual Result<QList<QByteArray>> signatures(const std::optional<Digest> &instance, const CancelToken &cancel)
    {
        Q_UNUSED(instance);
        Q_UNUSED(cancel);
        return QList<QByteArray>();
    }

    // Where the blobs of this source live, for the blob-info cache. nullopt for local sources.
    virtual std::optional<BlobLocation> blobLocation() const { return std::nullopt; }
    // Where one blob of this source lives: blobLocation() for a source with one location; a source that gathers
    // images from several places (a local manifest list) answers per blob. Only valid for blobs of manifests
    // this source has already returned.
    virtual std::optional<BlobLocation> blobLocationOf(const Digest &blob) const
    {
        Q_UNUSED(blob);
        return blobLocation();
    }

    // The tags of the source's repository, where the transport has repositories (docker://); else NotSupported.
    virtual Result<QStringList> repositoryTags(const CancelToken &cancel)
    {
        Q_UNUSED(cancel);
        return fail(ErrorCode::Unsupported, EngineText::tr("%1 has no repository tags").arg(description()));
    }
};

} // namespace stevedore
