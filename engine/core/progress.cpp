#include "progress.h"

namespace stevedore {

QString blobStateName(BlobProgress::State s)
{
    switch (s) {
    case BlobProgress::State::Waiting: return QStringLiteral("waiting");
    case BlobProgress::State::Checking: return QStringLiteral("checking");
    case BlobProgress::State::Uploading: return QStringLiteral("uploading");
    case BlobProgress::State::Skipped: return QStringLiteral("skipped");
    case BlobProgress::State::Mounted: return QStringLiteral("mounted");
    case BlobProgress::State::Done: return QStringLiteral("done");
    case BlobProgress::State::Failed: return QStringLiteral("failed");
    case BlobProgress::State::Retrying: return QStringLiteral("retrying");
    case BlobProgress::State::Cancelled: return QStringLiteral("cancelled");
    case BlobProgress::State::NotCopied: return QStringLiteral("not-copied");
    }
    return {};
}

bool isFinalBlobState(BlobProgress::State s)
{
    switch (s) {
    case BlobProgress::State::Waiting:
    case BlobProgress::State::Checking:
    case BlobProgress::State::Uploading:
    case BlobProgress::State::Retrying:
        return false;
    default:
        return true;
    }
}

QString imageStateName(ImageProgress::State s)
{
    switch (s) {
    case ImageProgress::State::Waiting: return QStringLiteral("waiting");
    case ImageProgress::State::CopyingBlobs: return QStringLiteral("copying");
    case ImageProgress::State::Done: return QStringLiteral("done");
    case ImageProgress::State::Failed: return QStringLiteral("failed");
    }
    return {};
}

void ProgressReporter::setBlob(const BlobProgress &blob)
{
    QMutexLocker lock(&m_mutex);
    if (!m_blobs.contains(blob.id))
        m_blobOrder.append(blob.id);
    m_blobs.insert(blob.id, blob);
    if (!m_dirtyBlobs.contains(blob.id))
        m_dirtyBlobs.append(blob.id);
}

void ProgressReporter::setBlobState(const QString &id, BlobProgress::State state, const QString &message)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_blobs.find(id);
    if (it == m_blobs.end())
        return;
    it->state = state;
    it->message = message;
    if (state == BlobProgress::State::Done && it->total >= 0)
        it->done = it->total;
    if (!m_dirtyBlobs.contains(id))
        m_dirtyBlobs.append(id);
}

void ProgressReporter::setBlobDone(const QString &id, qint64 done)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_blobs.find(id);
    if (it == m_blobs.end() || it->done == done)
        return;
    it->done = done;
    if (!m_dirtyBlobs.contains(id))
        m_dirtyBlobs.append(id);
}

void ProgressReporter::setImage(const ImageProgress &image)
{
    QMutexLocker lock(&m_mutex);
    if (!m_images.contains(image.id))
        m_imageOrder.append(image.id);
    m_images.insert(image.id, image);
    if (!m_dirtyImages.contains(image.id))
        m_dirtyImages.append(image.id);
}

void ProgressReporter::setImageState(const QString &id, ImageProgress::State state)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_images.find(id);
    if (it == m_images.end())
        return;
    it->state = state;
    if (!m_dirtyImages.contains(id))
        m_dirtyImages.append(id);
}

ProgressSnapshot ProgressReporter::takeChanges()
{
    QMutexLocker lock(&m_mutex);
    ProgressSnapshot s;
    s.blobs.reserve(m_dirtyBlobs.size());
    for (const QString &id : std::as_const(m_dirtyBlobs))
        s.blobs.append(m_blobs.value(id));
    s.images.reserve(m_dirtyImages.size());
    for (const QString &id : std::as_const(m_dirtyImages))
        s.images.append(m_images.value(id));
    m_dirtyBlobs.clear();
    m_dirtyImages.clear();
    return s;
}

ProgressSnapshot ProgressReporter::all() const
{
    QMutexLocker lock(&m_mutex);
    ProgressSnapshot s;
    for (const QString &id : m_blobOrder)
        s.blobs.append(m_blobs.value(id));
    for (const QString &id : m_imageOrder)
        s.images.append(m_images.value(id));
    return s;
}

} // namespace stevedore
