#include "copyjob.h"

#include "blobinfocache.h"
#include "compress/parallelgzip.h"
#include "core/atomicfile.h"
#include "core/logging.h"
#include "core/threadpools.h"
#include "transport/transports.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>

#include <deque>

namespace stevedore {

namespace {

constexpr qint64 kReadChunk = 1024 * 1024;
constexpr qint64 kMinWriteChunk = 64 * 1024;
constexpr qint64 kMaxWriteChunk = 16 * 1024 * 1024;
constexpr int kMaxCacheCandidates = 3;
const QString kGzip = QStringLiteral("gzip");

Error cancelledError()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("the copy was cancelled"));
}

bool isRetryable(const Error &e)
{
    if (!e.temporary || e.code == ErrorCode::Cancelled)
        return false;
    return e.httpStatus != 401 && e.httpStatus != 403 && e.httpStatus != 404;
}

// Waits `delay`, polling `cancel`; false when cancelled.
bool cancellableSleep(std::chrono::milliseconds delay, const CancelToken &cancel)
{
    QDeadlineTimer deadline(delay.count());
    while (!deadline.hasExpired()) {
        if (cancel.isCancelled())
            return false;
        QThread::msleep(quint64(qBound(qint64(1), deadline.remainingTime(), qint64(50))));
    }
    return !cancel.isCancelled();
}

// One unique blob of the job.
struct BlobTask {
    Descriptor source;
    QString role;          // "config" or "layer" (for messages)
    QStringList platforms; // every platform using it
    bool compress = false; // uncompressed layer going to a destination that wants compression
    bool foreign = false;  // non-distributable layer with URLs: not copied, like skopeo
    // Outcome
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
    CopyRun(const TransportReference &sourceRef, const TransportReference &destRef, const SystemContext &context,
            const CopyOptions &options, const CancelToken &jobCancel, ProgressReporter &progress)
        : m_sourceRef(sourceRef), m_destRef(destRef), m_context(context), m_options(options), m_jobCancel(jobCancel),
          m_progress(progress), m_cache(context.blobInfoCachePath)
    {
    }

    Result<Digest> execute();

private:
    Status plan();
    Result<RawManifest> readManifest(const std::optional<Digest> &instance, const QString &platform);
    Status addManifest(const Digest &digest, RawManifest raw, const QString &platform, bool isInstance);
    Status runBlobs();
    void startBlob(const std::shared_ptr<BlobTask> &task);
    void blobFinished(const QString &key, Result<BlobOutcome> result);
    Result<BlobOutcome> copyBlob(const BlobTask &task);
    Result<BlobOutcome> copyBlobOnce(const BlobTask &task, const CancelToken &cancel);
    Result<std::optional<BlobOutcome>> tryReuse(const BlobTask &task, const CancelToken &cancel);
    Status putReadyManifests();
    Status putManifest(ManifestTask &m);
    Result<Digest> putIndex();
    template<typename F>
    auto withRetries(F &&attempt, const std::function<void(const Error &, int)> &onRetry) -> decltype(attempt());
    QList<BlobLocationHint> hintsFor(const Digest &digest) const;
    QString verb() const;
    QString blobContext(const BlobTask &task) const;
    QString manifestContext(const Digest &digest, const QString &platform) const;
    bool stopped() const { return m_stop.isCancelled() || m_jobCancel.isCancelled(); }

    const TransportReference &m_sourceRef;
    const TransportReference &m_destRef;
    const SystemContext &m_context;
    const CopyOptions &m_options;
    CancelToken m_jobCancel;
    CancelToken m_stop; // cancels every transfer of this run: the job was cancelled or a blob failed
    ProgressReporter &m_progress;
    BlobInfoCache m_cache;

    std::unique_ptr<ImageSource> m_source;
    std::unique_ptr<ImageDestination> m_dest;
    bool m_wantsCompression = false;

    std::optional<RawManifest> m_index; // set when the index itself is copied (--all)
    Digest m_indexDigest;
    QList<ManifestTask> m_manifests;
    // key: source digest string. Fixed after plan(); a task's `source`, `role`, `platforms`, `compress` and
    // `foreign` are read by its io thread, the outcome fields are written by the coordinator only.
    QHash<QString, std::shared_ptr<BlobTask>> m_blobs;
    QStringList m_blobOrder;

    // Shared with the blob tasks on the io pool.
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<QString> m_completed;
    QHash<QString, Result<BlobOutcome>> m_results;
    int m_running = 0;
};

QString CopyRun::verb() const
{
    if (m_destRef.kind == TransportReference::Kind::Docker)
        return EngineText::tr("pushing");
    if (m_sourceRef.kind == TransportReference::Kind::Docker)
        return EngineText::tr("pulling");
    return EngineText::tr("copying");
}

QString CopyRun::blobContext(const BlobTask &task) const
{
    const QString what = task.role == QLatin1String("config") ? EngineText::tr("config") : EngineText::tr("layer");
    QString text = verb() + QLatin1Char(' ') + what + QLatin1Char(' ') + task.source.digest.algorithm()
                   + QLatin1Char(':') + task.source.digest.shortHex(12) + QStringLiteral("…");
    if (!task.platforms.isEmpty())
        text += QStringLiteral(" (") + task.platforms.join(QStringLiteral(", ")) + QLatin1Char(')');
    return text;
}

QString CopyRun::manifestContext(const Digest &digest, const QString &platform) const
{
    QString text = EngineText::tr("manifest %1").arg(digest.algorithm() + QLatin1Char(':') + digest.shortHex(12)
                                                       + QStringLiteral("…"));
    if (!platform.isEmpty())
        text += QStringLiteral(" (") + platform + QLatin1Char(')');
    return text;
}

template<typename F>
auto CopyRun::withRetries(F &&attempt, const std::function<void(const Error &, int)> &onRetry) -> decltype(attempt())
{
    for (int n = 0;; ++n) {
        auto result = attempt();
        if (result || stopped())
            return result;
        const Error &e = result.error();
        if (!isRetryable(e) || n >= m_context.retry.maxRetries)
            return result;
        const auto delay = e.retryAfter.count() >= 0 ? e.retryAfter : m_context.retry.delay;
        qCInfo(lcCopy) << "temporary error, retry" << (n + 1) << "of" << m_context.retry.maxRetries << "in"
                       << delay.count() << "ms:" << e.message;
        if (onRetry)
            onRetry(e, n + 1);
        if (!cancellableSleep(delay, m_stop))
            return result;
    }
}

Result<Digest> CopyRun::execute()
{
    auto source = openImageSource(m_sourceRef, m_context);
    if (!source)
        return fail(source.error());
    m_source = std::move(*source);
    auto dest = openImageDestination(m_destRef, m_context);
    if (!dest)
        return fail(dest.error());
    m_dest = std::move(*dest);
    m_wantsCompression = m_dest->desiredLayerCompression() == LayerCompressionPolicy::Compress;
    m_cache.load();

    Result<Digest> outcome = [&]() -> Result<Digest> {
        if (auto planned = plan(); !planned)
            return fail(planned.error());
        if (auto copied = runBlobs(); !copied)
            return fail(copied.error());
        Digest top;
        if (m_index) {
            auto put = putIndex();
            if (!put)
                return put;
            top = *put;
        } else {
            top = m_manifests.constFirst().written.digest();
        }
        if (stopped())
            return fail(cancelledError());
        auto committed = withRetries([&]() { return m_dest->commit(m_stop); }, {});
        if (!committed)
            return fail(committed.error().withContext(EngineText::tr("committing %1").arg(m_dest->description())));
        return top;
    }();

    // What was learnt is worth keeping even when the copy failed later on.
    if (auto saved = m_cache.save(); !saved)
        qCWarning(lcCopy) << "cannot save the blob-info cache:" << saved.error().message;

    if (!outcome && (m_jobCancel.isCancelled() || outcome.error().code == ErrorCode::Cancelled))
        return fail(cancelledError());
    return outcome;
}

Result<RawManifest> CopyRun::readManifest(const std::optional<Digest> &instance, const QString &platform)
{
    auto raw = withRetries([&]() { return m_source->manifest(instance, m_stop); }, {});
    if (!raw) {
        const QString what = instance ? manifestContext(*instance, platform)
                                      : EngineText::tr("the manifest of %1").arg(m_source->description());
        return fail(raw.error().withContext(EngineText::tr("reading %1").arg(what)));
    }
    return raw;
}

Status CopyRun::plan()
{
    auto top = readManifest(std::nullopt, {});
    if (!top)
        return fail(top.error());
    if (stopped())
        return fail(cancelledError());

    if (!top->isIndex())
        return addManifest(top->digest(), *top, {}, false);

    auto index = ImageIndex::parse(*top);
    if (!index)
        return fail(index.error().withContext(EngineText::tr("reading the index of %1").arg(m_source->description())));
    const Digest indexDigest = top->digest();

    QList<Descriptor> chosen;
    if (m_options.all) {
        chosen = index->manifests;
        m_index = *top;
        m_indexDigest = indexDigest;
    } else {
        const Platform wanted = m_options.platform.value_or(Platform::host());
        // An exact variant match wins over an entry without a variant.
        std::optional<Descriptor> best;
        for (const Descriptor &d : std::as_const(index->manifests)) {
            if (!d.platform || !mediatype::isImageManifest(d.mediaType) || !d.platform->satisfies(wanted))
                continue;
            if (!best || (!wanted.variant.isEmpty() && d.platform->variant == wanted.variant
                          && best->platform->variant != wanted.variant))
                best = d;
        }
        if (!best) {
            QStringList available;
            for (const Descriptor &d : std::as_const(index->manifests))
                if (d.platform)
                    available.append(d.platform->toString());
            return fail(ErrorCode::NotFound,
                        EngineText::tr("%1 has no image for platform %2 (available: %3); use --all to copy every "
                                       "platform")
                            .arg(m_source->description(), wanted.toString(),
                                 available.isEmpty() ? EngineText::tr("none") : available.join(QStringLiteral(", "))));
        }
        chosen.append(*best);
    }

    ImageProgress ip;
    if (m_index) {
        ip.id = indexDigest.toString();
        ip.mediaType = top->mediaType;
        m_progress.setImage(ip);
    }

    QSet<QString> seen;
    for (const Descriptor &d : std::as_const(chosen)) {
        if (seen.contains(d.digest.toString()))
            continue;
        seen.insert(d.digest.toString());
        const QString platform = d.platform ? d.platform->toString() : QString();
        if (!mediatype::isImageManifest(d.mediaType))
            return fail(ErrorCode::NotSupportedYet,
                        EngineText::tr("%1 in %2 is a %3, which cannot be copied yet (only image manifests under an "
                                       "index are)")
                            .arg(manifestContext(d.digest, platform), m_source->description(), d.mediaType));
        auto raw = readManifest(d.digest, platform);
        if (!raw)
            return fail(raw.error());
        if (auto added = addManifest(d.digest, *raw, platform, m_index.has_value()); !added)
            return added;
        if (stopped())
            return fail(cancelledError());
    }
    return {};
}

Status CopyRun::addManifest(const Digest &digest, RawManifest raw, const QString &platform, bool isInstance)
{
    if (!mediatype::isImageManifest(raw.mediaType))
        return fail(ErrorCode::NotSupportedYet,
                    EngineText::tr("%1 of %2 has the media type %3, which cannot be copied yet")
                        .arg(manifestContext(digest, platform), m_source->description(), raw.mediaType));
    auto parsed = ImageManifest::parse(raw);
    if (!parsed)
        return fail(parsed.error().withContext(EngineText::tr("reading %1").arg(manifestContext(digest, platform))));

    ManifestTask m;
    m.sourceDigest = digest;
    m.raw = std::move(raw);
    m.parsed = std::move(*parsed);
    m.platform = platform;
    m.isInstance = isInstance;

    auto addBlob = [&](const Descriptor &d, const QString &role) {
        const QString key = d.digest.toString();
        m.blobKeys.append(key);
        if (const std::shared_ptr<BlobTask> known = m_blobs.value(key)) {
            if (!platform.isEmpty() && !known->platforms.contains(platform))
                known->platforms.append(platform);
            return;
        }
        auto t = std::make_shared<BlobTask>();
        t->source = d;
        t->role = role;
        if (!platform.isEmpty())
            t->platforms.append(platform);
        t->compress = role == QLatin1String("layer") && m_wantsCompression && mediatype::isUncompressedLayer(d.mediaType);
        t->foreign = role == QLatin1String("layer") && !d.urls.isEmpty()
                     && (d.mediaType.contains(QLatin1String("nondistributable"))
                         || d.mediaType == mediatype::DockerForeignLayerGzip);
        m_blobs.insert(key, t);
        m_blobOrder.append(key);
    };
    addBlob(m.parsed.config, QStringLiteral("config"));
    for (const Descriptor &l : std::as_const(m.parsed.layers))
        addBlob(l, QStringLiteral("layer"));

    ImageProgress ip;
    ip.id = digest.toString();
    ip.platform = platform;
    ip.mediaType = m.raw.mediaType;
    m_progress.setImage(ip);
    m_manifests.append(std::move(m));
    return {};
}

QList<BlobLocationHint> CopyRun::hintsFor(const Digest &digest) const
{
    QList<BlobLocationHint> hints;
    if (auto here = m_source->blobLocation())
        hints.append(*here);
    for (const BlobLocationHint &h : m_cache.locations(digest))
        if (!hints.contains(h))
            hints.append(h);
    return hints;
}

Status CopyRun::runBlobs()
{
    for (const QString &key : std::as_const(m_blobOrder)) {
        const BlobTask &t = *m_blobs.value(key);
        BlobProgress bp;
        bp.id = key;
        bp.mediaType = t.source.mediaType;
        bp.platform = t.platforms.size() == 1 ? t.platforms.constFirst() : QString();
        bp.total = t.source.size;
        bp.state = BlobProgress::State::Waiting;
        m_progress.setBlob(bp);
    }

    const int limit = qMax(1, m_context.blobConcurrency);
    qsizetype next = 0;
    std::optional<Error> firstError;

    for (;;) {
        if (m_jobCancel.isCancelled() && !m_stop.isCancelled())
            m_stop.cancel();

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
                m_changed.wait(&m_mutex, 100);
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
                if (!cancelled)
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

        const bool allStarted = next >= m_blobOrder.size();
        if (running == 0 && (allStarted || firstError || m_stop.isCancelled()))
            break;
    }

    if (firstError) {
        for (const ManifestTask &m : std::as_const(m_manifests))
            if (!m.put)
                m_progress.setImageState(m.sourceDigest.toString(), ImageProgress::State::Failed);
        if (m_index)
            m_progress.setImageState(m_indexDigest.toString(), ImageProgress::State::Failed);
        return fail(*firstError);
    }
    if (m_stop.isCancelled() || m_jobCancel.isCancelled())
        return fail(cancelledError());
    // Manifests without blobs to wait for (or whose blobs all finished in the last round).
    if (auto put = putReadyManifests(); !put)
        return put;
    return {};
}

void CopyRun::startBlob(const std::shared_ptr<BlobTask> &task)
{
    const QString key = task->source.digest.toString();
    task->started = true;
    for (ManifestTask &m : m_manifests)
        if (m.blobKeys.contains(key))
            m_progress.setImageState(m.sourceDigest.toString(), ImageProgress::State::CopyingBlobs);
    {
        QMutexLocker lock(&m_mutex);
        ++m_running;
    }
    // The io pool, never the jobs pool this coordinator runs on.
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

Result<BlobOutcome> CopyRun::copyBlob(const BlobTask &task)
{
    const QString key = task.source.digest.toString();
    if (task.foreign) {
        qCInfo(lcCopy) << "not copying non-distributable layer" << key;
        return BlobOutcome{task.source, BlobProgress::State::Skipped};
    }
    auto result = withRetries([&]() { return copyBlobOnce(task, m_stop); },
                              [&](const Error &e, int n) {
                                  m_progress.setBlobState(
                                      key, BlobProgress::State::Retrying,
                                      EngineText::tr("retry %1 of %2: %3").arg(n).arg(m_context.retry.maxRetries).arg(e.message));
                              });
    if (!result) {
        if (stopped())
            return fail(cancelledError());
        return fail(result.error().withContext(blobContext(task)));
    }
    return result;
}

Result<std::optional<BlobOutcome>> CopyRun::tryReuse(const BlobTask &task, const CancelToken &cancel)
{
    m_progress.setBlobState(task.source.digest.toString(), BlobProgress::State::Checking);
    if (task.compress) {
        // A compressed twin made by an earlier copy may already be there (or be mountable).
        const QList<BlobInfoCache::CompressedVariant> variants = m_cache.compressedVariants(task.source.digest, kGzip);
        for (qsizetype i = 0; i < variants.size() && i < kMaxCacheCandidates; ++i) {
            Descriptor candidate = task.source;
            candidate.mediaType = mediatype::gzipLayerFor(task.source.mediaType);
            candidate.digest = variants.at(i).digest;
            candidate.size = variants.at(i).size;
            auto reused = m_dest->tryReuseBlob(candidate, hintsFor(candidate.digest), cancel);
            if (!reused)
                return fail(reused.error());
            if (*reused) {
                if ((*reused)->size >= 0)
                    candidate.size = (*reused)->size;
                return BlobOutcome{candidate, (*reused)->mounted ? BlobProgress::State::Mounted
                                                                 : BlobProgress::State::Skipped};
            }
        }
        return std::optional<BlobOutcome>();
    }
    auto reused = m_dest->tryReuseBlob(task.source, hintsFor(task.source.digest), cancel);
    if (!reused)
        return fail(reused.error());
    if (*reused) {
        Descriptor out = task.source;
        if (out.size < 0)
            out.size = (*reused)->size;
        return BlobOutcome{out, (*reused)->mounted ? BlobProgress::State::Mounted : BlobProgress::State::Skipped};
    }
    return std::optional<BlobOutcome>();
}

Result<BlobOutcome> CopyRun::copyBlobOnce(const BlobTask &task, const CancelToken &cancel)
{
    const QString key = task.source.digest.toString();
    if (cancel.isCancelled())
        return fail(cancelledError());

    auto reused = tryReuse(task, cancel);
    if (!reused)
        return fail(reused.error());
    if (*reused) {
        if (auto here = m_dest->blobLocation())
            m_cache.recordLocation((*reused)->output.digest, *here);
        return **reused;
    }
    if (cancel.isCancelled())
        return fail(cancelledError());

    {
        BlobProgress bp;
        bp.id = key;
        bp.mediaType = task.source.mediaType;
        bp.platform = task.platforms.size() == 1 ? task.platforms.constFirst() : QString();
        bp.total = task.source.size;
        bp.done = 0;
        bp.state = BlobProgress::State::Uploading;
        m_progress.setBlob(bp);
    }

    auto reader = m_source->openBlob(task.source, cancel);
    if (!reader)
        return fail(reader.error());
    auto writer = m_dest->beginBlob(cancel);
    if (!writer)
        return fail(writer.error());
    const qint64 writeChunk = qBound(kMinWriteChunk, (*writer)->preferredChunkSize(), kMaxWriteChunk);

    Digester sourceHash(task.source.digest.algorithm());
    Digester outputHash; // sha256 of what is written, when it differs from the source
    std::optional<ParallelGzipCompressor> gzip;
    if (task.compress)
        gzip.emplace(m_options.compressionLevel);

    // Output goes to the writer in pieces of exactly writeChunk bytes (the last one shorter), gathered in one
    // buffer that is allocated once and reused: no per-chunk allocation, and the compressor's blocks are copied
    // straight into it.
    QByteArray buffer(kReadChunk, Qt::Uninitialized);
    QByteArray pending;
    pending.reserve(writeChunk);
    qint64 readTotal = 0;
    qint64 written = 0;
    std::optional<Error> writeError;

    auto flush = [&]() -> bool {
        if (pending.isEmpty())
            return true;
        if (task.compress)
            outputHash.addData(pending);
        if (auto w = (*writer)->write(pending, cancel); !w) {
            writeError = w.error();
            return false;
        }
        written += pending.size();
        pending.resize(0); // keeps the capacity
        if (cancel.isCancelled()) {
            writeError = cancelledError();
            return false;
        }
        return true;
    };
    // Why emitOut or the compressor stopped: the writer's error, else the compressor's.
    auto outputError = [&]() -> Error {
        if (writeError)
            return *writeError;
        return Error(ErrorCode::Internal, EngineText::tr("compressing blob %1: out of memory").arg(key));
    };
    auto emitOut = [&](const char *data, qint64 size) -> bool {
        while (size > 0) {
            const qint64 n = qMin(size, writeChunk - pending.size());
            pending.append(data, qsizetype(n));
            data += n;
            size -= n;
            if (pending.size() == writeChunk && !flush())
                return false;
        }
        return true;
    };

    for (;;) {
        if (cancel.isCancelled())
            return fail(cancelledError());
        auto n = (*reader)->read(buffer.data(), buffer.size());
        if (!n)
            return fail(n.error().withContext(EngineText::tr("reading from %1").arg(m_source->description())));
        if (*n == 0)
            break;
        sourceHash.addData(buffer.constData(), *n);
        readTotal += *n;
        if (task.source.size >= 0 && readTotal > task.source.size)
            return fail(ErrorCode::DigestMismatch,
                        EngineText::tr("blob %1 from %2 does not match its digest: it is longer than the %3 bytes "
                                       "its descriptor declares")
                            .arg(key, m_source->description())
                            .arg(task.source.size));
        bool ok;
        if (gzip) {
            gzip->push(buffer.constData(), *n);
            ok = gzip->drainAvailable(emitOut);
        } else {
            ok = emitOut(buffer.constData(), *n);
        }
        if (!ok)
            return fail(outputError());
        m_progress.setBlobDone(key, readTotal);
    }
    buffer = QByteArray();

    // Nothing is committed unless the source bytes are exactly what the descriptor says.
    const Digest actual = sourceHash.result();
    if (actual != task.source.digest || (task.source.size >= 0 && readTotal != task.source.size))
        return fail(ErrorCode::DigestMismatch,
                    EngineText::tr("blob %1 from %2 does not match its digest (read %3 bytes with digest %4, expected "
                                   "%5 bytes)")
                        .arg(key, m_source->description())
                        .arg(readTotal)
                        .arg(actual.toString())
                        .arg(task.source.size));

    if (gzip) {
        gzip->finish();
        if (!gzip->drainAll(emitOut))
            return fail(outputError());
    }
    if (!flush())
        return fail(*writeError);

    Descriptor output = task.source;
    if (task.compress) {
        output.mediaType = mediatype::gzipLayerFor(task.source.mediaType);
        output.digest = outputHash.result();
        output.size = written;
    }
    if (cancel.isCancelled())
        return fail(cancelledError());
    if (auto c = (*writer)->commit(output.digest, output.size, cancel); !c)
        return fail(c.error());

    if (task.compress)
        m_cache.recordCompressed(task.source.digest, {output.digest, output.size, kGzip});
    if (auto here = m_dest->blobLocation())
        m_cache.recordLocation(output.digest, *here);
    if (auto there = m_source->blobLocation())
        m_cache.recordLocation(task.source.digest, *there);
    return BlobOutcome{output, BlobProgress::State::Done};
}

Status CopyRun::putReadyManifests()
{
    for (ManifestTask &m : m_manifests) {
        if (m.put)
            continue;
        bool ready = true;
        for (const QString &key : std::as_const(m.blobKeys)) {
            const BlobTask &t = *m_blobs.value(key);
            if (!t.finished || t.error) {
                ready = false;
                break;
            }
        }
        if (!ready)
            continue;
        if (auto put = putManifest(m); !put) {
            m_progress.setImageState(m.sourceDigest.toString(), ImageProgress::State::Failed);
            return put;
        }
        m_progress.setImageState(m.sourceDigest.toString(), ImageProgress::State::Done);
    }
    return {};
}

Status CopyRun::putManifest(ManifestTask &m)
{
    QList<Descriptor> layers;
    bool changed = false;
    for (const Descriptor &l : std::as_const(m.parsed.layers)) {
        const Descriptor &out = m_blobs.value(l.digest.toString())->output;
        Descriptor d = l;
        if (out.digest != l.digest || out.mediaType != l.mediaType || out.size != l.size) {
            d.mediaType = out.mediaType;
            d.digest = out.digest;
            d.size = out.size;
            changed = true;
        }
        layers.append(d);
    }
    m.written = m.raw; // byte for byte unless a layer changed
    if (changed) {
        auto bytes = rewriteManifestLayers(m.raw, layers);
        if (!bytes)
            return fail(bytes.error().withContext(
                EngineText::tr("rewriting %1").arg(manifestContext(m.sourceDigest, m.platform))));
        m.written.bytes = *bytes;
    }
    auto put = withRetries([&]() { return m_dest->putManifest(m.written, m.isInstance, m_stop); }, {});
    if (!put)
        return fail(put.error().withContext(
            EngineText::tr("%1 %2").arg(verb(), manifestContext(m.sourceDigest, m.platform))));
    m.put = true;
    qCDebug(lcCopy) << "put manifest" << m.written.digest().toString() << "for" << m.platform;
    return {};
}

Result<Digest> CopyRun::putIndex()
{
    QHash<Digest, Descriptor> replacements;
    for (const ManifestTask &m : std::as_const(m_manifests)) {
        if (!m.put)
            return fail(ErrorCode::Internal, EngineText::tr("the index would be written before its manifests"));
        const Digest written = m.written.digest();
        if (written != m.sourceDigest) {
            Descriptor d;
            d.mediaType = m.written.mediaType;
            d.digest = written;
            d.size = m.written.bytes.size();
            replacements.insert(m.sourceDigest, d);
        }
    }
    RawManifest index = *m_index;
    if (!replacements.isEmpty()) {
        auto bytes = rewriteIndexEntries(*m_index, replacements);
        if (!bytes)
            return fail(bytes.error().withContext(EngineText::tr("rewriting the index of %1").arg(m_source->description())));
        index.bytes = *bytes;
    }
    if (stopped())
        return fail(cancelledError());
    auto put = withRetries([&]() { return m_dest->putManifest(index, false, m_stop); }, {});
    if (!put) {
        m_progress.setImageState(m_indexDigest.toString(), ImageProgress::State::Failed);
        return fail(put.error().withContext(EngineText::tr("%1 the index").arg(verb())));
    }
    m_progress.setImageState(m_indexDigest.toString(), ImageProgress::State::Done);
    return index.digest();
}

} // namespace

CopyJob::CopyJob(TransportReference source, TransportReference destination, SystemContext context,
                 CopyOptions options, QObject *parent)
    : Job(parent), m_source(std::move(source)), m_destination(std::move(destination)), m_context(std::move(context)),
      m_options(std::move(options))
{
    setTitle(tr("Copy %1 to %2").arg(m_source.toString(), m_destination.toString()));
}

CopyJob::~CopyJob()
{
    // Job::~Job cancels and waits, but run() uses this object's members: wait here, while they still exist
    // (without emitting finished() from a dying object).
    blockSignals(true);
    cancel();
    waitForFinished();
}

Digest CopyJob::resultDigest() const
{
    QMutexLocker lock(&m_resultMutex);
    return m_resultDigest;
}

Status CopyJob::run(const CancelToken &cancel, ProgressReporter &progress)
{
    Result<Digest> top = [&]() -> Result<Digest> {
        CopyRun copy(m_source, m_destination, m_context, m_options, cancel, progress);
        return copy.execute();
    }();
    if (!top)
        return fail(top.error());
    {
        QMutexLocker lock(&m_resultMutex);
        m_resultDigest = *top;
    }
    if (!m_options.digestFile.isEmpty()) {
        if (auto written = writeFileAtomically(m_options.digestFile, top->toString().toUtf8()); !written)
            return fail(written.error().withContext(EngineText::tr("writing the digest file")));
    }
    qCInfo(lcCopy) << "copied" << m_source.toString() << "to" << m_destination.toString() << "as" << top->toString();
    return {};
}

} // namespace stevedore
