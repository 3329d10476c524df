#pragma once

#include "imagesource.h"

#include <QList>

namespace stevedore {

// What a destination can store, asked before a copy starts (containers/image's ImageDestination questions).
struct DestinationCapabilities {
    // Manifest media types it stores, preferred first; empty: any. The pipeline converts a manifest whose type is
    // not listed to the first listed type it can convert to.
    QStringList manifestTypes;
    // Layer compressions it stores; empty: any. A layer in another compression is converted.
    QList<Compression> layerCompressions;
    // What an uncompressed layer is compressed to when the copy asks for nothing else (registries: gzip, as
    // skopeo does); nullopt: layers stay as they are.
    std::optional<Compression> compressUncompressedLayers;
    bool sequentialBlobWrites = false;    // blobs must be written one after the other (archives)
    qint64 writeChunkSize = 1024 * 1024;  // the BlobWriter's preferredChunkSize(), for the copy's memory budget
    bool needsBlobSizesInAdvance = false; // a blob's size must be known before it is written (tar headers)
    bool supportsSignatures = false;      // putSignatures() stores them
    bool acceptsForeignLayerUrls = false; // a non-distributable layer may be left out, referenced by its urls
    bool storesIndexes = true;            // false: one image only (docker-archive); --all of an index is refused
};

struct ReusedBlob {
    qint64 size = -1;
    bool mounted = false; // true: mounted from another repository; false: it was already there
};

// Where blobs are known to live (the blob-info cache), for destinations that can mount or link them.
class KnownBlobLocations
{
public:
    virtual ~KnownBlobLocations() = default;
    // Most recent first; only those of `transport`.
    virtual QList<BlobLocation> locations(const Digest &digest, const QString &transport) const = 0;
};

// Where images go. Methods may be called from several threads at once: implementations are thread-safe (unless
// capabilities().sequentialBlobWrites, where the pipeline writes one blob at a time).
class ImageDestination
{
public:
    virtual ~ImageDestination() = default;
    virtual QString description() const = 0;
    virtual DestinationCapabilities capabilities() const = 0;

    // Whether the destination already has `blob` (by its digest), or can get it without an upload (a mount from one
    // of `known`'s locations). nullopt: it must be written.
    virtual Result<std::optional<ReusedBlob>> tryReuseBlob(const BlobInfo &blob, const KnownBlobLocations &known,
                                                           const CancelToken &cancel) = 0;

    // Starts writing `blob` (its description: role, media type, compression, expected digest and size when known).
    virtual Result<std::unique_ptr<BlobWriter>> beginBlob(const BlobInfo &blob, const CancelToken &cancel) = 0;
    // Continues a blob where a suspended writer left it (BlobWriter::suspend()); its resumedAt() says from where. An
    // error when the session is gone (the caller then starts the blob afresh). Destinations without resumable
    // sessions never hand out resume points.
    virtual Result<std::unique_ptr<BlobWriter>> resumeBlob(const BlobInfo &blob, const BlobResumePoint &from,
                                                           const CancelToken &cancel)
    {
        Q_UNUSED(from);
        return beginBlob(blob, cancel);
    }

    // Gives up a session a suspended writer left for resumeBlob (the copy's retries are spent): the destination may
    // free it (a registry's upload session: a detached DELETE).
    virtual void abandonBlob(const BlobResumePoint &from) { Q_UNUSED(from); }

    // Puts a manifest. `isInstance` = true for an image manifest that an index put later refers to (stored by digest,
    // not tagged); false for the top-level manifest or index, which gets the destination's name. Called only after
    // every blob (or instance) it refers to is in place.
    virtual Status putManifest(const RawManifest &manifest, bool isInstance, const CancelToken &cancel) = 0;

    // Stores signatures of the manifest `instance` (nullopt: the top-level one). Only called when
    // capabilities().supportsSignatures, or with an empty list.
    virtual Status putSignatures(const QList<QByteArray> &signatures, const std::optional<Digest> &instance,
                                 const CancelToken &cancel)
    {
        Q_UNUSED(instance);
        Q_UNUSED(cancel);
        if (signatures.isEmpty())
            return {};
        return fail(ErrorCode::Unsupported, EngineText::tr("%1 cannot store signatures").arg(description()));
    }

    // Makes the image visible where that is a separate step (index.json of a layout, the swap of a dir: folder).
    // Nothing of what the destination held before is removed until this succeeds.
    virtual Status commit(const CancelToken &cancel) = 0;

    // Where blobs written here live, recorded in the blob-info cache.
    virtual std::optional<BlobLocation> blobLocation() const { return std::nullopt; }
};

} // namespace stevedore
