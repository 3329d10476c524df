// CopyRun: scheduling — every platform's blobs in flight under one concurrency limit and one memory budget (each
// unique blob once), the manifests put as soon as their blobs are in place, the other transfers stopped at the first
// failure.
#include "copyrun.h"

#include "compress/compressingreader.h"
#include "compress/decompress.h"
#include "core/logging.h"
#include "core/threadpools.h"

#include <QDeadlineTimer>
#include <QThreadPool>

namespace stevedore {

namespace {

Error cancelledError()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("the copy was cancelled"));
}

} // namespace

// Two chunk buffers (one being filled, one the writer still sends) and, when the bytes change, the decompressor and
// the compressor. Cache lookups and mounts cost nothing, but a blob reserves its share before it knows it will be
// reused.
qint64 CopyRun::memoryCostOf(const BlobTask &task) const
{
    if (task.foreign)
        return 0;
    return 2 * chunkSizeFor(task, m_caps.writeChunkSize) + transformCostOf(task);
}

qint64 CopyRun::transformCostOf(const BlobTask &task)
{
    if (!task.transform.changes())
        return 0;
    return DecompressingReader::workingSet(task.transform.from)
         + CompressingReader::workingSet(task.transform.to, task.transform.level);
}

void CopyRun::handBack(const BlobTask &task)
{
    if (!task.transform.changes())
        return;
    // The stages are gone and so is one chunk buffer: what is left is the last chunk the writer still sends.
    const qint64 part = transformCostOf(task) + chunkSizeFor(task, m_caps.writeChunkSize);
    QMutexLocker lock(&m_mutex);
    if (m_handedBack.contains(task.key))
        return;
    m_handedBack.insert(task.key, part);
    m_memoryInUse -= part;
    m_changed.wakeAll(); // the coordinator may start the next blob now
}

void CopyRun::takeBack(const BlobTask &task)
{
    QMutexLocker lock(&m_mutex);
    m_memoryInUse += m_handedBack.take(task.key);
}

Status CopyRun::runBlobs()
{
    for (const QString &key : std::as_const(m_blobOrder)) {
        BlobTask &t = *m_blobs.value(key);
        BlobProgress bp;
        bp.id = key;
        bp.digest = t.source.digest.toString();
        bp.mediaType = t.source.mediaType;
        bp.platform = t.platforms.size() == 1 ? t.platforms.constFirst() : QString();
        bp.total = t.source.size;
        bp.state = BlobProgress::State::Waiting;
        m_progress.setBlob(bp);
        t.memoryCost = memoryCostOf(t);
    }

    // Destinations that need blobs one after the other get one at a time, in order.
    const bool inOrder = m_caps.sequentialBlobWrites;
    const int limit = inOrder ? 1 : qMax(1, m_context.blobConcurrency);
    const qint64 budget = m_context.memoryBudget;
    QStringList waiting = m_blobOrder; // not started yet, in manifest order
    std::optional<Error> firstError;

    for (;;) {
        // Start what the concurrency limit and the memory budget allow, in manifest order (all platforms share both):
        // the first waiting blob that fits, so that small ones (configs) pass a large one that has to wait. One
        // always runs, whatever its estimate.
        while (!firstError && !m_stop.isCancelled() && !waiting.isEmpty()) {
            int running;
            qint64 inUse;
            {
                QMutexLocker lock(&m_mutex);
                running = m_running;
                inUse = m_memoryInUse;
            }
            if (running >= limit)
                break;
            qsizetype pick = -1;
            for (qsizetype i = 0; i < waiting.size() && (pick < 0); ++i) {
                if (running == 0 || inUse + m_blobs.value(waiting.at(i))->memoryCost <= budget)
                    pick = i;
                else if (inOrder)
                    break;
            }
            if (pick < 0)
                break;
            const std::shared_ptr<BlobTask> task = m_blobs.value(waiting.takeAt(pick));
            {
                QMutexLocker lock(&m_mutex);
                m_memoryInUse += task->memoryCost;
                m_memoryPeak = qMax(m_memoryPeak, m_memoryInUse);
            }
            startBlob(task);
        }

        // Collect finished blobs.
        QList<QPair<QString, Result<BlobOutcome>>> done;
        int running = 0;
        {
            QMutexLocker lock(&m_mutex);
            if (m_completed.empty() && m_running > 0)
                m_changed.wait(&m_mutex, QDeadlineTimer(CancelToken::kPollInterval));
            while (!m_completed.empty()) {
                const QString key = m_completed.front();
                m_completed.pop_front();
                done.append({key, m_results.take(key)});
                m_memoryInUse -= m_blobs.value(key)->memoryCost - m_handedBack.take(key);
            }
            running = m_running;
        }
        for (auto &[key, result] : done) {
            BlobTask &t = *m_blobs.value(key);
            t.finished = true;
            if (result) {
                t.output = result->output;
                m_progress.setBlobState(key, result->state);
            } else {
                t.error = result.error();
                const bool cancelled = result.error().code == ErrorCode::Cancelled;
                if (cancelled && firstError) // cut off because another blob failed
                    m_progress.setBlobState(key, BlobProgress::State::NotCopied,
                                            EngineText::tr("not copied: another blob failed"));
                else if (cancelled)
                    m_progress.setBlobState(key, BlobProgress::State::Cancelled);
                else
                    m_progress.setBlobState(key, BlobProgress::State::Failed, result.error().message);
                if (!firstError && !(cancelled && m_stop.isCancelled()))
                    firstError = result.error();
                m_stop.cancel(); // stop the other transfers
            }
        }

        if (!firstError && !m_stop.isCancelled() && !done.isEmpty()) {
            if (auto put = putReadyManifests(); !put) {
                firstError = put.error();
                m_stop.cancel();
            }
        }

        if (running == 0 && (waiting.isEmpty() || firstError || m_stop.isCancelled()))
            break;
    }
    qCDebug(lcCopy) << "blob memory estimate peaked at" << m_memoryPeak / 1024 << "KiB of a budget of"
                    << budget / 1024 << "KiB";

    if (firstError || m_stop.isCancelled()) {
        // Every row ends in its real state: what never started or was cut off says so.
        for (const QString &key : std::as_const(m_blobOrder)) {
            const BlobTask &t = *m_blobs.value(key);
            if (!t.finished)
                m_progress.setBlobState(key, firstError ? BlobProgress::State::NotCopied : BlobProgress::State::Cancelled,
                                        firstError ? EngineText::tr("not copied: another blob failed") : QString());
        }
        for (const ManifestTask &m : std::as_const(m_manifests))
            if (!m.put)
                m_progress.setImageState(m.sourceDigest.toString(), ImageProgress::State::Failed);
        if (m_index)
            m_progress.setImageState(m_indexDigest.toString(), ImageProgress::State::Failed);
    }
    if (firstError)
        return fail(*firstError);
    if (m_stop.isCancelled())
        return fail(cancelledError());
    // Manifests without blobs to wait for (or whose blobs all finished in the last round).
    return putReadyManifests();
}

void CopyRun::startBlob(const std::shared_ptr<BlobTask> &task)
{
    const QString key = task->key;
    task->started = true;
    for (ManifestTask &m : m_manifests)
        if (m.blobKeys.contains(key))
            m_progress.setImageState(m.sourceDigest.toString(), ImageProgress::State::CopyingBlobs);
    {
        QMutexLocker lock(&m_mutex);
        ++m_running;
    }
    // The io pool, never the jobs pool this coordinator runs on. runBlobs() returns only once every task has
    // reported back, so `this` outlives them.
    pools::io()->start([this, task, key]() { blobFinished(key, copyBlob(*task)); });
}

void CopyRun::blobFinished(const QString &key, Result<BlobOutcome> result)
{
    QMutexLocker lock(&m_mutex);
    m_results.insert(key, std::move(result));
    m_completed.push_back(key);
    --m_running;
    m_changed.wakeAll();
}

} // namespace stevedore
