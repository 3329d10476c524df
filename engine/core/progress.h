#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QString>

namespace stevedore {

// Progress of one blob (config or layer) of a copy. Identified by `id` (the source digest).
struct BlobProgress {
    enum class State {
        Waiting,     // queued
        Checking,    // HEAD / mount attempt at the destination
        Uploading,   // bytes moving; done/total are meaningful
        Skipped,     // the destination already had it
        Mounted,     // cross-repository mount
        Done,        // uploaded and verified
        Failed,
        Retrying,    // a temporary error; the blob starts again after the retry delay
        Cancelled,   // the job was cancelled before this blob was complete
        NotCopied,   // another blob failed, so the job stopped before this one was complete
    };
    QString id;          // unique within a job: the source digest, plus its transformation when it has one
    QString digest;      // the source digest
    QString mediaType;
    QString platform;    // "linux/arm64/v8", empty when shared by several platforms or not known
    qint64 done = 0;     // bytes read from the source so far
    qint64 total = -1;   // source size, -1 unknown
    State state = State::Waiting;
    QString message;     // error text when Failed or Retrying; why, when NotCopied
};

// Progress of one image manifest (one platform) or of the index that ties them.
struct ImageProgress {
    enum class State { Waiting, CopyingBlobs, Done, Failed };
    QString id;          // source manifest digest
    QString platform;    // empty for an index or a single manifest
    QString mediaType;
    State state = State::Waiting;
};

// The changes since the previous tick: every item that changed, in its latest state.
struct ProgressSnapshot {
    QList<BlobProgress> blobs;
    QList<ImageProgress> images;
    bool isEmpty() const { return blobs.isEmpty() && images.isEmpty(); }
};

QString blobStateName(BlobProgress::State s);   // "waiting", "uploading", ... (stable, for JSON)
// Done, Skipped, Mounted, Failed, Cancelled, NotCopied: nothing more will happen to the blob in this job.
bool isFinalBlobState(BlobProgress::State s);
QString imageStateName(ImageProgress::State s);

// Thread-safe sink for progress, written by workers at any rate; the owning Job drains it on a timer
// (coalescing), so the consumer sees a bounded rate whatever the workers do.
class ProgressReporter final
{
public:
    ProgressReporter() = default;
    ProgressReporter(const ProgressReporter &) = delete;
    ProgressReporter &operator=(const ProgressReporter &) = delete;

    void setBlob(const BlobProgress &blob);                       // insert or replace
    void setBlobState(const QString &id, BlobProgress::State state, const QString &message = {});
    void setBlobDone(const QString &id, qint64 done);             // bytes so far (absolute)
    void setImage(const ImageProgress &image);
    void setImageState(const QString &id, ImageProgress::State state);

    // Everything that changed since the last call, then forgets the dirty marks.
    ProgressSnapshot takeChanges();
    // Every item in its latest state.
    ProgressSnapshot all() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, BlobProgress> m_blobs;
    QList<QString> m_blobOrder;
    QHash<QString, ImageProgress> m_images;
    QList<QString> m_imageOrder;
    QList<QString> m_dirtyBlobs;
    QList<QString> m_dirtyImages;
};

} // namespace stevedore

Q_DECLARE_METATYPE(stevedore::ProgressSnapshot)
