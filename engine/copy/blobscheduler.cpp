// CopyRun: scheduling — every platform's blobs in flight under one concurrency limit (each unique blob once), the
// manifests put as soon as their blobs are in place, the other transfers stopped at the first failure.
#include "copyrun.h"

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

Status CopyRun::runBlobs()
{
    for (const QString &key : std::as_const(m_blobOrder)) {
        const BlobTask &t = *m_blobs.value(key);
        BlobProgress bp;
        bp.id = key;
        bp.digest = t.source.digest.toString();
        bp.mediaType = t.source.mediaType;
        bp.platform = t.platforms.size() == 1 ? t.platforms.constFirst() : QString();
        bp.total = t.source.size;
        bp.state = BlobProgress::State::Waiting;
        m_progress.setBlob(bp);
    }

    // Destinations that need blobs one after the other get one at a time.
    const int limit = m_caps.sequentialBlobWrites ? 1 : qMax(1, m_context.blobConcurrency);
    qsizetype next = 0;
    std::optional<Error> firstError;

    for (;;) {
        // Start what the concurrency limit allows, in manifest order (all platforms share the limit).
        while (!firstError && !m_stop.isCancelled() && next < m_blobOrder.size()) {
            {
                QMutexLocker lock(&m_mutex);
                if (m_running >= limit)
                    break;
            }
            startBlob(m_blobs.value(m_blobOrder.at(next++)));
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
                m_progress.setBlobState(key, BlobProgress::State::Failed, cancelled ? EngineText::tr("cancelled")
                                                                                    : result.error().message);
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

        const bool allStarted = next >= m_blobOrder.size();
        if (running == 0 && (allStarted || firstError || m_stop.isCancelled()))
            break;
    }

    if (firstError || m_stop.isCancelled()) {
        // Every row ends in its real state: what never started or was cut off says so.
        for (const QString &key : std::as_const(m_blobOrder)) {
            const BlobTask &t = *m_blobs.value(key);
            if (!t.finished)
                m_progress.setBlobState(key, BlobProgress::State::Failed,
                                        firstError ? EngineText::tr("not copied: another blob failed")
                                                   : EngineText::tr("cancelled"));
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
