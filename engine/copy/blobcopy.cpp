// CopyRun: one blob — reuse when the destination has it (or a twin the cache knows), else the composed stages:
// read → verify digest and size → [decompress → verify diff_id → compress] → digest → chunked writes → commit.
#include "copyrun.h"

#include "blobstages.h"
#include "compress/compressingreader.h"
#include "compress/decompress.h"
#include "core/logging.h"
#include "retry.h"

#include <array>

namespace stevedore {

namespace {

constexpr qint64 kMinWriteChunk = 64 * 1024;
constexpr qint64 kMaxWriteChunk = 16 * 1024 * 1024;
constexpr int kMaxCacheCandidates = 3;

Error cancelledError()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("the copy was cancelled"));
}

// How the blob-info cache names a compressed variant: its format and level ("gzip:3", "zstd:3"), so that a push
// asking for another format or level never reuses a twin made differently.
QString variantName(const BlobTransform &t)
{
    return compressionName(t.to) + QLatin1Char(':') + QString::number(CompressingReader::effectiveLevel(t.to, t.level));
}

} // namespace

qint64 CopyRun::chunkSizeFor(const BlobTask &task, qint64 preferred)
{
    const qint64 chunk = qBound(kMinWriteChunk, preferred, kMaxWriteChunk);
    if (!task.transform.changes() && task.source.size >= 0) // a config of 2 KiB needs no 4 MiB buffer
        return qBound(qint64(4096), task.source.size, chunk);
    return chunk;
}

Result<BlobOutcome> CopyRun::copyBlob(const BlobTask &task)
{
    if (task.foreign) {
        qCInfo(lcCopy) << "not copying non-distributable layer" << task.key;
        return BlobOutcome{task.source.toDescriptor(), BlobProgress::State::Skipped};
    }
    std::optional<BlobResumePoint> resume;
    auto result = withRetries(m_context.retry, m_stop, [&]() { return copyBlobOnce(task, m_stop, resume); },
                              [&](const Error &e, int n) {
                                  m_progress.setBlobState(task.key, BlobProgress::State::Retrying,
                                                          formatText(EngineText::tr("retry %1 of %2: %3"), n, m_context.retry.maxRetries, e.message));
                              });
    if (resume) // the retries gave up (or the copy stopped) with a session kept for them: nobody will resume it
        m_dest->abandonBlob(*resume);
    if (!result) {
        if (stopped())
            return fail(cancelledError());
        return fail(result.error().withContext(blobContext(task)));
    }
    return result;
}

namespace {

// What the cache knows, plus where the source itself keeps the blob: a copy between two repositories of one
// registry mounts on the first run, before the cache has ever seen the blob.
class WithSourceLocation final : public KnownBlobLocations
{
public:
    WithSourceLocation(const KnownBlobLocations &cache, const Digest &digest, std::optional<BlobLocation> source)
        : m_cache(cache), m_digest(digest), m_source(std::move(source))
    {
    }
    QList<BlobLocation> locations(const Digest &digest, const QString &transport) const override
    {
        QList<BlobLocation> out;
        if (m_source && digest == m_digest && m_source->transport == transport)
            out.append(*m_source);
        for (const BlobLocation &l : m_cache.locations(digest, transport))
            if (!out.contains(l))
                out.append(l);
        return out;
    }

private:
    const KnownBlobLocations &m_cache;
    Digest m_digest;
    std::optional<BlobLocation> m_source;
};

} // namespace

Result<std::optional<BlobOutcome>> CopyRun::tryReuse(const BlobTask &task, const CancelToken &cancel)
{
    m_progress.setBlobState(task.key, BlobProgress::State::Checking);
    const WithSourceLocation known(m_cache, task.source.digest, m_source->blobLocationOf(task.source.digest));
    auto attempt = [&](BlobInfo candidate) -> Result<std::optional<BlobOutcome>> {
        auto reused = m_dest->tryReuseBlob(candidate, known, cancel);
        if (!reused)
            return fail(reused.error());
        if (!*reused)
            return std::optional<BlobOutcome>();
        Descriptor out = candidate.toDescriptor();
        if ((*reused)->size >= 0)
            out.size = (*reused)->size;
        return BlobOutcome{out, (*reused)->mounted ? BlobProgress::State::Mounted : BlobProgress::State::Skipped};
    };
    if (!task.transform.changes()) {
        BlobInfo same = task.source;
        same.mediaType = task.outputType;
        return attempt(same);
    }
    // A twin in the wanted compression made by an earlier copy may already be there (or be mountable).
    if (task.diffId) {
        if (task.transform.to == Compression::None) {
            BlobInfo plain = task.source;
            plain.mediaType = task.outputType;
            plain.digest = *task.diffId;
            plain.size = -1;
            plain.compression = Compression::None;
            return attempt(plain);
        }
        const QList<BlobInfoCache::CompressedVariant> variants =
            m_cache.compressedVariants(*task.diffId, variantName(task.transform));
        for (qsizetype i = 0; i < variants.size() && i < kMaxCacheCandidates; ++i) {
            BlobInfo candidate = task.source;
            candidate.mediaType = task.outputType;
            candidate.digest = variants.at(i).digest;
            candidate.size = variants.at(i).size;
            candidate.compression = task.transform.to;
            auto r = attempt(candidate);
            if (!r || *r)
                return r;
        }
    }
    return std::optional<BlobOutcome>();
}

void CopyRun::recordLearnt(const BlobTask &task, const Descriptor &output)
{
    if (task.transform.changes() && task.transform.to != Compression::None && task.diffId)
        m_cache.recordCompressed(*task.diffId, {output.digest, output.size, variantName(task.transform)});
    if (task.transform.changes() && task.transform.from != Compression::None && task.diffId)
        m_cache.recordCompressed(*task.diffId, {task.source.digest, task.source.size, compressionName(task.transform.from)});
    if (auto here = m_dest->blobLocation())
        m_cache.recordLocation(output.digest, *here);
    if (auto there = m_source->blobLocationOf(task.source.digest))
        m_cache.recordLocation(task.source.digest, *there);
}

Result<std::unique_ptr<BlobWriter>> CopyRun::openWriter(const BlobTask &task, const BlobInfo &outInfo,
                                                        std::optional<BlobResumePoint> &resume, const CancelToken &cancel)
{
    if (resume) {
        const BlobResumePoint from = *std::exchange(resume, std::nullopt);
        auto resumed = m_dest->resumeBlob(outInfo, from, cancel);
        if (resumed) {
            // The bytes sent twice: what the failed attempt sent past what the destination kept.
            qCInfo(lcCopy).noquote() << "resuming the upload of" << task.key << "at byte" << (*resumed)->resumedAt()
                                     << "of the" << from.sent << "sent";
            return resumed;
        }
        if (cancel.isCancelled())
            return fail(cancelledError());
        if (isRetryable(resumed.error())) { // the destination is not back yet: the next attempt asks again
            resume = from;
            return fail(resumed.error());
        }
        qCInfo(lcCopy).noquote() << "the upload of" << task.key << "cannot be resumed, starting it again:"
                                 << resumed.error().message;
    }
    return m_dest->beginBlob(outInfo, cancel);
}

Result<BlobOutcome> CopyRun::copyBlobOnce(const BlobTask &task, const CancelToken &cancel,
                                          std::optional<BlobResumePoint> &resume)
{
    if (cancel.isCancelled())
        return fail(cancelledError());
    takeBack(task); // an earlier attempt may have handed its compressor's share back
    auto reused = resume ? Result<std::optional<BlobOutcome>>(std::nullopt) : tryReuse(task, cancel);
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
        bp.id = task.key;
        bp.digest = task.source.digest.toString();
        bp.mediaType = task.source.mediaType;
        bp.platform = task.platforms.size() == 1 ? task.platforms.constFirst() : QString();
        bp.total = task.source.size;
        bp.done = 0;
        bp.state = BlobProgress::State::Uploading;
        m_progress.setBlob(bp);
    }

    // The chain of stages. The destination sees only the last one, and the BlobInfo of what comes out of it.
    auto opened = m_source->openBlob(task.source, cancel);
    if (!opened)
        return fail(opened.error().withContext(EngineText::tr("reading from %1").arg(m_source->description())));
    const QString key = task.key;
    const QString what = EngineText::tr("blob %1 from %2").arg(task.source.digest.toString(), m_source->description());
    std::unique_ptr<BlobReader> chain = std::make_unique<CountingReader>(
        std::move(*opened), [this, key](qint64 done) { m_progress.setBlobDone(key, done); });
    chain = std::make_unique<VerifyingReader>(std::move(chain), task.source.digest, task.source.size, what);
    if (task.transform.changes()) {
        if (task.transform.from != Compression::None) {
            auto plain = DecompressingReader::create(std::move(chain), task.transform.from, what);
            if (!plain)
                return fail(plain.error().withContext(what));
            chain = std::move(*plain);
            if (task.diffId)
                chain = std::make_unique<VerifyingReader>(
                    std::move(chain), *task.diffId, -1,
                    EngineText::tr("the uncompressed content of %1 (its diff_id)").arg(what));
        }
        if (task.transform.to != Compression::None) {
            auto packed = CompressingReader::create(std::move(chain), task.transform.to, task.transform.level);
            if (!packed)
                return fail(packed.error());
            chain = std::move(*packed);
        }
    }
    DigestingReader output(*chain, task.transform.changes());

    BlobInfo outInfo = task.source;
    outInfo.mediaType = task.outputType;
    outInfo.compression = task.transform.to;
    if (task.transform.changes()) {
        outInfo.digest = Digest();
        outInfo.size = -1;
    }
    auto writer = openWriter(task, outInfo, resume, cancel);
    if (!writer)
        return fail(writer.error());
    const qint64 chunkSize = chunkSizeFor(task, (*writer)->preferredChunkSize());
    // A failure the next attempt may resume from leaves the session open for it.
    auto suspendOn = [&](Error e) -> Result<BlobOutcome> {
        if (isRetryable(e) && !cancel.isCancelled())
            resume = (*writer)->suspend();
        return fail(std::move(e));
    };

    // Each chunk is filled straight from the last stage, in a few buffers allocated once and reused: a writer may keep
    // a reference to the chunk it was given for a moment (the network layer until its request object is gone), so the
    // next chunk goes to a buffer nobody else holds.
    std::array<QByteArray, 2> buffers;
    auto freeBuffer = [&]() -> QByteArray & {
        for (QByteArray &b : buffers)
            if (!b.isEmpty() && b.isDetached())
                return b;
        for (QByteArray &b : buffers)
            if (b.isEmpty())
                return b = QByteArray(chunkSize, Qt::Uninitialized);
        std::swap(buffers[0], buffers[1]); // both still held: give the older one up to its holder
        return buffers[1] = QByteArray(chunkSize, Qt::Uninitialized);
    };
    // A resumed session already has the first bytes: they are made again (the output is deterministic, and the
    // registry checks the digest of the whole on PUT) and hashed, but not sent.
    for (qint64 skip = (*writer)->resumedAt(); skip > 0;) {
        if (cancel.isCancelled())
            return fail(cancelledError());
        QByteArray &scratch = freeBuffer();
        auto n = output.read(scratch.data(), qMin<qint64>(skip, scratch.size()));
        if (!n)
            return fail(n.error());
        if (*n == 0)
            return fail(ErrorCode::SizeMismatch,
                        EngineText::tr("the upload session holds %1 bytes, more than the blob has").arg((*writer)->resumedAt()));
        skip -= *n;
    }
    bool ended = false;
    while (!ended) {
        QByteArray &chunk = freeBuffer();
        qint64 filled = 0;
        while (filled < chunkSize) {
            if (cancel.isCancelled())
                return fail(cancelledError());
            auto n = output.read(chunk.data() + filled, chunkSize - filled);
            if (!n)
                return fail(n.error());
            if (*n == 0) {
                ended = true;
                break;
            }
            filled += *n;
        }
        if (filled == 0)
            break;
        const QByteArray piece = filled == chunkSize ? chunk : QByteArray(chunk.constData(), filled);
        if (auto w = (*writer)->write(piece, cancel); !w)
            return suspendOn(w.error());
        if (cancel.isCancelled())
            return fail(cancelledError());
    }
    // Every byte is out of the stages: their buffers go now, and their share of the budget with them, so that the
    // next blob starts compressing while this one's last chunk travels and the destination commits it.
    chain.reset(); // `output` is not read again: only its digest and size are used below
    buffers = {};  // the writer keeps the chunk it still sends
    handBack(task);

    Descriptor out = outInfo.toDescriptor();
    out.digest = task.transform.changes() ? output.result() : task.source.digest;
    out.size = output.size();
    if (auto c = (*writer)->commit(out.digest, out.size, cancel); !c)
        return suspendOn(c.error());
    recordLearnt(task, out);
    return BlobOutcome{out, BlobProgress::State::Done};
}

} // namespace stevedore
