// RegistryClient: blob uploads — POST a session, PATCH chunks (one in flight while the next is made, or each streamed
// as it is made), PUT ?digest=, DELETE when abandoned, GET the session's Range to resume it.
#include "registryclient.h"

#include "net/bodypipe.h"

#include "core/logging.h"

#include <atomic>
#include <future>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr std::chrono::milliseconds kCleanupDeadline{2000};
constexpr qint64 kDefaultChunkSize = 4 << 20; // a writer asked for chunks of 0 bytes or fewer
constexpr qint64 kStreamedPiece = 1 << 20;     // what the copy hands a streaming writer at a time

// Appends digest=... to an upload URL whether or not it already has a query.
QUrl withDigestParam(const QUrl &location, const Digest &digest)
{
    QUrl u = location;
    const QString param = u"digest="_s + QString::fromLatin1(QUrl::toPercentEncoding(digest.toString()));
    const QString q = u.query(QUrl::FullyEncoded);
    u.setQuery(q.isEmpty() ? param : q + u'&' + param, QUrl::StrictMode);
    return u;
}

// One PATCH at a time, in order (each answer's Location is where the next goes), but asynchronous: write() sends
// its chunk on a thread of its own and returns, so the next chunk is read, compressed and hashed while this one
// travels; the following write() (or commit()) first waits for it and reports its failure.
//
// When the blob's size is known (it goes as it is stored), a chunk is not gathered first: its PATCH starts with the
// chunk's first bytes and its body streams through a BodyPipe as write() hands them over, 1 MiB at a time. Chunks can
// then be large (fewer requests, which is what a registry spends its time on) for the memory of a small one.
class RegistryBlobWriter final : public BlobWriter
{
public:
    // `keepAlive` holds the client when it is shared; otherwise the client must outlive the writer. `blobSize` >= 0:
    // chunks are streamed.
    RegistryBlobWriter(RegistryClient *client, std::shared_ptr<RegistryClient> keepAlive, QString repo, QUrl location,
                       qint64 chunkSize, qint64 offset, qint64 blobSize)
        : m_client(client), m_keepAlive(std::move(keepAlive)), m_repo(std::move(repo)), m_location(std::move(location)),
          m_chunkSize(chunkSize > 0 ? chunkSize : kDefaultChunkSize), m_offset(offset), m_resumedAt(offset),
          m_blobSize(blobSize)
    {
    }
    ~RegistryBlobWriter() override
    {
        closePipe();
        if (m_pending.valid())
            m_pending.wait(); // its cancel token was cancelled with the copy's: a second at most
        if (!m_committed && !m_suspended)
            m_client->cancelUpload(m_repo, m_location);
    }

    qint64 preferredChunkSize() const override { return streamed() ? kStreamedPiece : m_chunkSize; }
    qint64 resumedAt() const override { return m_resumedAt; }

    Status write(const QByteArray &data, const CancelToken &cancel) override
    {
        if (data.isEmpty())
            return {};
        if (streamed())
            return stream(data, cancel);
        if (auto done = finishPending(); !done)
            return done;
        const qint64 at = m_offset;
        m_offset += data.size();
        m_pending = std::async(std::launch::async, [this, data, at, cancel]() { return patch(data, nullptr, at, data.size(), cancel); });
        return {};
    }

    Status commit(const Digest &digest, qint64 size, const CancelToken &cancel) override
    {
        if (m_pipe) { // the blob ended inside a streamed chunk: fewer bytes than its size
            closePipe();
            (void)finishPending();
            return fail(ErrorCode::SizeMismatch,
                        formatText(EngineText::tr("blob %1: %2 bytes were uploaded but %3 were expected"),
                                   digest.toString(), m_offset, m_blobSize));
        }
        if (auto done = finishPending(); !done)
            return done;
        if (size >= 0 && size != m_offset)
            return fail(ErrorCode::SizeMismatch,
                        formatText(EngineText::tr("blob %1: %2 bytes were uploaded but %3 were expected"), digest.toString(), m_offset, size));
        RegistryClient::Request r;
        r.method = "PUT";
        r.url = withDigestParam(m_location, digest);
        r.headers = {{"Content-Type", "application/octet-stream"}};
        r.scopes = {m_client->repositoryScope(m_repo, true)};
        r.what = m_client->describe(EngineText::tr("completing the upload of %1 to").arg(digest.toString()), m_repo);
        r.maxBody = 64 * 1024;
        auto resp = m_client->send(r, cancel);
        if (!resp)
            return fail(resp.error());
        if (resp->status != 201 && resp->status != 204)
            return fail(sessionError(registryAnswerError(*resp, r.what)));
        const QByteArray confirmed = resp->header("docker-content-digest");
        if (!confirmed.isEmpty() && QString::fromLatin1(confirmed.trimmed()) != digest.toString())
            return fail(ErrorCode::DigestMismatch,
                        EngineText::tr("%1: the registry stored the blob as %2 instead")
                            .arg(r.what, QString::fromLatin1(confirmed.left(200))));
        m_committed = true;
        return {};
    }

    // The session stays open: a new writer asks it how far it got (RegistryClient::resumeUpload).
    std::optional<BlobResumePoint> suspend() override
    {
        closePipe();
        if (m_pending.valid())
            m_pending.wait();
        if (m_committed || m_sessionLost)
            return std::nullopt;
        m_suspended = true;
        return BlobResumePoint{m_location.toString(QUrl::FullyEncoded), m_offset};
    }

private:
    Status finishPending()
    {
        if (!m_pending.valid())
            return {};
        return m_pending.get();
    }

    bool streamed() const { return m_blobSize >= 0; }

    // The streamed mode of write(): `data` goes into the chunk in flight, a new chunk's PATCH starting when the last
    // one is full.
    Status stream(const QByteArray &data, const CancelToken &cancel)
    {
        qint64 pos = 0;
        while (pos < data.size()) {
            if (!m_pipe) {
                if (auto done = finishPending(); !done)
                    return done;
                const qint64 left = m_blobSize - m_offset;
                if (left <= 0)
                    return fail(ErrorCode::SizeMismatch,
                                formatText(EngineText::tr("more bytes to upload than the blob's %1"), m_blobSize));
                auto pipe = std::make_shared<BodyPipe>(qMin(left, m_chunkSize));
                m_pipe = pipe;
                m_pipeLeft = pipe->length();
                const qint64 at = m_offset;
                m_pending = std::async(std::launch::async, [this, pipe, at, cancel]() {
                    Status s = patch(QByteArray(), pipe, at, pipe->length(), cancel);
                    pipe->abort(); // answered (or failed): a producer still waiting stops
                    return s;
                });
            }
            const qint64 n = qMin(qint64(data.size()) - pos, m_pipeLeft);
            if (auto pushed = m_pipe->push(data.constData() + pos, n, cancel); !pushed) {
                m_pipe.reset();
                auto answer = finishPending(); // the request's own failure says more than the pipe's
                return answer ? pushed : answer;
            }
            pos += n;
            m_offset += n;
            m_pipeLeft -= n;
            if (m_pipeLeft == 0)
                m_pipe.reset(); // complete: its answer is waited for by the next write() or commit()
        }
        return {};
    }

    void closePipe()
    {
        if (m_pipe)
            std::exchange(m_pipe, nullptr)->abort();
    }

    // Runs on the chunk's own thread; the writer's thread waits for it before it touches m_location again. The body
    // is `data`, or streams from `pipe`.
    Status patch(const QByteArray &data, const std::shared_ptr<BodyPipe> &pipe, qint64 at, qint64 length,
                 const CancelToken &cancel)
    {
        RegistryClient::Request r;
        r.method = "PATCH";
        r.url = m_location;
        r.headers = {{"Content-Type", "application/octet-stream"},
                     {"Content-Range", QByteArray::number(at) + '-' + QByteArray::number(at + length - 1)}};
        r.body = data;
        r.bodyPipe = pipe;
        r.scopes = {m_client->repositoryScope(m_repo, true)};
        r.what = m_client->describe(formatText(EngineText::tr("uploading bytes %1-%2 to"), at, at + length - 1),
                                    m_repo);
        r.maxBody = 64 * 1024;
        auto resp = m_client->send(r, cancel);
        if (!resp)
            return fail(resp.error());
        if (resp->status != 202)
            return fail(sessionError(registryAnswerError(*resp, r.what)));
        return nextLocation(*resp);
    }

    // The registry no longer knows the session (docker-distribution drops one whose stored size stopped matching its
    // state, as after a connection cut inside a chunk): the blob can be uploaded again from the start, so the error
    // is temporary and the caller's --retry decides.
    Error sessionError(Error e)
    {
        if (e.code == ErrorCode::BlobUploadInvalid || e.code == ErrorCode::BlobUploadUnknown) {
            m_sessionLost = true;
            e.temporary = true;
            e.httpStatus = 0; // not "404 not found": the blob exists nowhere yet, the session is what is gone
            e.message += EngineText::tr("; the upload session is lost, the blob has to be uploaded again");
        }
        return e;
    }

    Status nextLocation(const RegistryClient::Response &resp)
    {
        const QByteArray location = resp.header("location");
        if (location.isEmpty())
            return {};
        auto next = m_client->policy().resolve(resp.url, location, UrlPolicy::Purpose::UploadLocation);
        if (!next)
            return fail(next.error());
        m_location = *next;
        return {};
    }

    RegistryClient *m_client;
    std::shared_ptr<RegistryClient> m_keepAlive;
    QString m_repo;
    QUrl m_location;
    qint64 m_chunkSize;
    qint64 m_offset = 0;    // bytes sent (or being sent)
    qint64 m_resumedAt = 0; // bytes the session had when this writer took it over
    qint64 m_blobSize = -1; // known: chunks are streamed
    std::shared_ptr<BodyPipe> m_pipe; // the streamed chunk being filled
    qint64 m_pipeLeft = 0;  // bytes it still takes
    std::future<Status> m_pending;
    std::atomic<bool> m_sessionLost = false;
    bool m_committed = false;
    bool m_suspended = false;
};

// "0-1048575" → 1048576 bytes stored. docker-distribution says "0-0" for an empty session and for one of one byte
// alike; our chunks are never a single byte, so "0-0" is an empty session.
std::optional<qint64> storedBytes(const QByteArray &range)
{
    const QByteArray r = range.trimmed().startsWith("bytes=") ? range.trimmed().mid(6) : range.trimmed();
    const qsizetype dash = r.indexOf('-');
    if (dash <= 0)
        return std::nullopt;
    bool okFirst = false, okLast = false;
    const qint64 first = r.left(dash).toLongLong(&okFirst);
    const qint64 last = r.mid(dash + 1).toLongLong(&okLast);
    if (!okFirst || !okLast || first != 0 || last < 0)
        return std::nullopt;
    return last == 0 ? 0 : last + 1;
}

} // namespace

Result<QUrl> RegistryClient::startUpload(const QString &repo, const CancelToken &cancel)
{
    Request r;
    r.method = "POST";
    r.url = QUrl(u"/v2/"_s + repo + u"/blobs/uploads/"_s);
    r.scopes = {repositoryScope(repo, true)};
    r.what = describe(EngineText::tr("starting an upload to"), repo);
    r.maxBody = 64 * 1024;
    auto resp = send(r, cancel);
    if (!resp)
        return fail(resp.error());
    if (resp->status != 202)
        return fail(registryAnswerError(*resp, r.what));
    const QByteArray location = resp->header("location");
    if (location.isEmpty())
        return fail(ErrorCode::ProtocolError, EngineText::tr("registry %1 opened an upload without a Location").arg(m_config.host));
    return policy().resolve(resp->url, location, UrlPolicy::Purpose::UploadLocation);
}

Result<std::unique_ptr<BlobWriter>> RegistryClient::beginUpload(const QString &repo, const QUrl &session, qint64 chunkSize,
                                                                const CancelToken &cancel, qint64 blobSize)
{
    QUrl location = session;
    if (!location.isValid() || location.isEmpty()) {
        auto started = startUpload(repo, cancel);
        if (!started)
            return fail(started.error());
        location = *started;
    }
    return std::unique_ptr<BlobWriter>(std::make_unique<RegistryBlobWriter>(
        this, weak_from_this().lock(), repo, location, chunkSize, 0, blobSize));
}

Result<std::unique_ptr<BlobWriter>> RegistryClient::resumeUpload(const QString &repo, const QUrl &session,
                                                                 qint64 chunkSize, const CancelToken &cancel,
                                                                 qint64 blobSize)
{
    auto location = policy().resolve(baseUrl(), session.toString(QUrl::FullyEncoded).toLatin1(),
                                     UrlPolicy::Purpose::UploadLocation);
    if (!location)
        return fail(location.error());
    Request r;
    r.method = "GET";
    r.url = *location;
    r.scopes = {repositoryScope(repo, true)};
    r.what = describe(EngineText::tr("asking how far an upload got at"), repo);
    r.maxBody = 64 * 1024;
    auto resp = send(r, cancel);
    if (!resp)
        return fail(resp.error());
    if (resp->status != 204 && resp->status != 200)
        return fail(registryAnswerError(*resp, r.what));
    const auto stored = storedBytes(resp->header("range"));
    if (!stored)
        return fail(ErrorCode::ProtocolError,
                    EngineText::tr("%1: the upload status has no usable Range (%2)")
                        .arg(r.what, QString::fromLatin1(resp->header("range").left(100))));
    QUrl next = *location;
    if (const QByteArray moved = resp->header("location"); !moved.isEmpty()) {
        auto resolved = policy().resolve(resp->url, moved, UrlPolicy::Purpose::UploadLocation);
        if (!resolved)
            return fail(resolved.error());
        next = *resolved;
    }
    return std::unique_ptr<BlobWriter>(std::make_unique<RegistryBlobWriter>(
        this, weak_from_this().lock(), repo, next, chunkSize, *stored, blobSize));
}

void RegistryClient::cancelUpload(const QString &repo, const QUrl &session)
{
    if (!session.isValid() || session.isEmpty())
        return;
    Request r;
    r.method = "DELETE";
    r.url = session;
    r.scopes = {repositoryScope(repo, true)};
    r.what = describe(EngineText::tr("cancelling an upload to"), repo);
    r.maxBody = 64 * 1024;
    sendDetached(r, kCleanupDeadline);
    qCDebug(lcRegistry) << "upload session cancelled (detached DELETE)";
}

} // namespace stevedore
