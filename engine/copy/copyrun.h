#pragma once
// Internal to engine/copy: one execution of a CopyJob. Its parts live in one file each:
//   copyrun.cpp       opening both ends, the order of the phases, the blob-info cache, the final commit
//   copyplan.cpp      reading manifests, the platform choice, the manifest family, each blob's transformation
//   blobcopy.cpp      one blob: reuse (cache, mounts), then read → verify → [decompress → verify diff_id →
//                     compress] → write, with retries
//   blobscheduler.cpp the blobs of every platform in flight under one concurrency limit and one memory budget,
//                     manifests as they get ready
//   manifestput.cpp   manifests (rewritten and converted when layers or the format changed), signatures, the index

#include "blobinfocache.h"
#include "copyoptions.h"
#include "core/progress.h"
#include "transport/imagedestination.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <QHash>
#include <QMutex>
#include <QWaitCondition>

#include <deque>
#include <memory>

namespace stevedore {

// What happens to a layer on its way (the configs always go as they are).
struct BlobTransform {
    Compression from = Compression::None; // as stored at the source
    Compression to = Compression::None;   // as written to the destination
    int level = -1;
    bool changes() const { return from != to; }
    QString key() const; // "" when nothing changes, else "gzip->zstd:3"
};

// One unique (blob, transformation) of the job.
struct BlobTask {
    QString key;           // source digest, plus the transformation when it changes the bytes
    BlobInfo source;       // as the source describes it
    BlobTransform transform;
    QString outputType;    // the media type written (mapped to the destination's manifest family)
    std::optional<Digest> diffId; // expected uncompressed digest (from the config) when the layer is decompressed
    QStringList platforms; // every platform using it
    bool foreign = false;  // non-distributable layer with URLs, left out (the destination accepts foreign URLs)
    // Outcome, written by the coordinator only.
    qint64 memoryCost = 0; // its estimate (memoryCostOf), counted against the budget while it runs
    bool started = false;
    bool finished = false;
    std::optional<Error> error;
    Descriptor output;     // what the destination has (mediaType, digest, size)
};

// One image manifest of the job.
struct ManifestTask {
    Digest sourceDigest;
    RawManifest raw;
    ImageManifest parsed;
    QString platform;      // "linux/arm64", empty for a lone manifest without an index entry
    bool isInstance = false;
    QStringList blobKeys;  // config first, then the layers in order
    QList<QByteArray> signatures;
    bool put = false;
    RawManifest written;
};

struct BlobOutcome {
    Descriptor output;
    BlobProgress::State state = BlobProgress::State::Done; // Done, Skipped or Mounted
};

class CopyRun
{
public:
    CopyRun(TransportReference sourceRef, TransportReference destRef, SystemContext context, CopyOptions options,
            const CancelToken &jobCancel, ProgressReporter &progress);
    Result<Digest> execute();

private:
    // copyplan.cpp
    Status plan();
    Result<RawManifest> readManifest(const std::optional<Digest> &instance, const QString &platform);
    Status addManifest(const Digest &digest, RawManifest raw, const QString &platform, bool isInstance);
    Status chooseFamily(const RawManifest &top);
    Result<QList<Digest>> diffIdsOf(const ImageManifest &manifest, const QString &platform);
    BlobTransform transformFor(const Descriptor &layer) const;
    // blobscheduler.cpp
    Status runBlobs();
    void startBlob(const std::shared_ptr<BlobTask> &task);
    void blobFinished(const QString &key, Result<BlobOutcome> result);
    qint64 memoryCostOf(const BlobTask &task) const;
    // The part of a task's estimate its decompressor and compressor stand for (0 when the bytes go as they are).
    static qint64 transformCostOf(const BlobTask &task);
    // Called by a blob's own thread: its last byte has been read, so its decompressor, compressor and spare chunk
    // buffer are gone, and the next blob may start while this one sends its last chunk and commits (handBack); a new
    // attempt of the same blob makes them again and counts them again (takeBack).
    void handBack(const BlobTask &task);
    void takeBack(const BlobTask &task);
    // blobcopy.cpp
    // The size of the chunks written for `task` (and of its two buffers): the writer's preference, bounded, and
    // no larger than a blob of known size that goes as it is.
    static qint64 chunkSizeFor(const BlobTask &task, qint64 preferred);
    Result<BlobOutcome> copyBlob(const BlobTask &task);
    // `resume`: where an earlier attempt's upload may continue; set again when this attempt fails resumably.
    Result<BlobOutcome> copyBlobOnce(const BlobTask &task, const CancelToken &cancel,
                                     std::optional<BlobResumePoint> &resume);
    Result<std::unique_ptr<BlobWriter>> openWriter(const BlobTask &task, const BlobInfo &outInfo,
                                                   std::optional<BlobResumePoint> &resume, const CancelToken &cancel);
    Result<std::optional<BlobOutcome>> tryReuse(const BlobTask &task, const CancelToken &cancel);
    void recordLearnt(const BlobTask &task, const Descriptor &output);
    // manifestput.cpp
    Status putReadyManifests();
    Status putManifest(ManifestTask &m);
    Result<Digest> putIndex();
    Status checkSignatures();

    QString verb() const;
    QString blobContext(const BlobTask &task) const;
    QString manifestContext(const Digest &digest, const QString &platform) const;
    bool stopped() const { return m_stop.isCancelled(); }

    TransportReference m_sourceRef;
    TransportReference m_destRef;
    SystemContext m_context;
    CopyOptions m_options;
    CancelToken m_stop; // a child of the job's token: cancelled with it, or when a blob failed
    ProgressReporter &m_progress;
    BlobInfoCache m_cache;

    std::unique_ptr<ImageSource> m_source;
    std::unique_ptr<ImageDestination> m_dest;
    DestinationCapabilities m_caps;
    ManifestFamily m_family = ManifestFamily::Oci;

    Digest m_topDigest;                 // of the location's top-level manifest or index
    std::optional<RawManifest> m_index; // set when the index itself is copied (--all)
    Digest m_indexDigest;
    QList<QByteArray> m_indexSignatures;
    QList<ManifestTask> m_manifests;
    // Fixed after plan(); a task's description fields are read by its io thread, the outcome fields are written by
    // the coordinator only.
    QHash<QString, std::shared_ptr<BlobTask>> m_blobs;
    QStringList m_blobOrder;

    // Shared with the blob tasks on the io pool.
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<QString> m_completed;
    QHash<QString, Result<BlobOutcome>> m_results;
    int m_running = 0;
    QHash<QString, qint64> m_handedBack; // what running blobs gave back of their estimates (handBack), by key
    qint64 m_memoryInUse = 0; // the estimates of the blobs running, less what they gave back
    qint64 m_memoryPeak = 0;  // the highest m_memoryInUse reached, for the debug log
};

} // namespace stevedore
