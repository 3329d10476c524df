// RegistryClient: blob uploads — POST a session, PATCH chunks, PUT ?digest=, DELETE when abandoned.
#include "registryclient.h"

#include "core/logging.h"

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr std::chrono::milliseconds kCleanupDeadline{2000};

// Appends digest=... to an upload URL whether or not it already has a query.
QUrl withDigestParam(const QUrl &location, const Digest &digest)
{
    QUrl u = location;
    const QString param = u"digest="_s + QString::fromLatin1(QUrl::toPercentEncoding(digest.toString()));
    const QString q = u.query(QUrl::FullyEncoded);
    u.setQuery(q.isEmpty() ? param : q + u'&' + param, QUrl::StrictMode);
    return u;
}

class RegistryBlobWriter final : public BlobWriter
{
public:
    // `keepAlive` holds the client when it is shared; otherwise the client must outlive the writer.
    RegistryBlobWriter(RegistryClient *client, std::shared_ptr<RegistryClient> keepAlive, QString repo, QUrl location,
                       qint64 chunkSize)
        : m_client(client), m_keepAlive(std::move(keepAlive)), m_repo(std::move(repo)), m_location(std::move(location)),
          m_chunkSize(chunkSize)
    {
    }
    ~RegistryBlobWriter() override
    {
        if (!m_committed)
            m_client->cancelUpload(m_repo, m_location);
    }

    qint64 preferredChunkSize() const override { return m_chunkSize; }

    Status write(const QByteArray &data, const CancelToken &cancel) override
    {
        if (data.isEmpty())
            return {};
        RegistryClient::Request r;
        r.method = "PATCH";
        r.url = m_location;
        r.headers = {{"Content-Type", "application/octet-stream"},
                     {"Content-Range", QByteArray::number(m_offset) + '-' + QByteArray::number(m_offset + data.size() - 1)}};
        r.body = data;
        r.scopes = {m_client->repositoryScope(m_repo, true)};
        r.what = m_client->describe(formatText(EngineText::tr("uploading bytes %1-%2 to"), m_offset, m_offset + data.size() - 1),
                                    m_repo);
        r.maxBody = 64 * 1024;
        auto resp = m_client->send(r, cancel);
        if (!resp)
            return fail(resp.error());
        if (resp->status != 202)
            return fail(sessionError(registryAnswerError(*resp, r.what)));
        if (auto moved = nextLocation(*resp); !moved)
            return fail(moved.error());
        m_offset += data.size();
        return {};
    }

    Status commit(const Digest &digest, qint64 size, const CancelToken &cancel) override
    {
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

private:
    // The registry no longer knows the session (docker-distribution drops one whose stored size stopped matching its
    // state, as after a connection cut inside a chunk): the blob can be uploaded again from the start, so the error
    // is temporary and the caller's --retry decides.
    static Error sessionError(Error e)
    {
        if (e.code == ErrorCode::BlobUploadInvalid || e.code == ErrorCode::BlobUploadUnknown) {
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
    qint64 m_offset = 0;
    bool m_committed = false;
};

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
                                                                const CancelToken &cancel)
{
    QUrl location = session;
    if (!location.isValid() || location.isEmpty()) {
        auto started = startUpload(repo, cancel);
        if (!started)
            return fail(started.error());
        location = *started;
    }
    return std::unique_ptr<BlobWriter>(std::make_unique<RegistryBlobWriter>(
        this, weak_from_this().lock(), repo, location, chunkSize > 0 ? chunkSize : 4 << 20));
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
