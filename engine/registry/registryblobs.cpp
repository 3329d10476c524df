// RegistryClient: blobs — HEAD, streamed GET, layer URLs, cross-repository mounts.
#include "registryclient.h"

#include "core/logging.h"

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

// A streamed blob body that checks its length against Content-Length.
class RegistryBlobReader final : public BlobReader
{
public:
    RegistryBlobReader(std::unique_ptr<BlobReader> body, qint64 expected, QString what)
        : m_body(std::move(body)), m_expected(expected), m_what(std::move(what))
    {
    }

    Result<qint64> read(char *data, qint64 maxSize) override
    {
        auto n = m_body->read(data, maxSize);
        if (!n)
            return fail(n.error().withContext(m_what));
        if (*n == 0 && m_expected >= 0 && m_done != m_expected)
            return fail(ErrorCode::NetworkError,
                        formatText(EngineText::tr("%1: the download ended after %2 of %3 bytes"), m_what, m_done, m_expected),
                        true);
        m_done += *n;
        if (m_expected >= 0 && m_done > m_expected)
            return fail(ErrorCode::ProtocolError,
                        formatText(EngineText::tr("%1: the registry sent more than the %2 bytes it announced"), m_what, m_expected));
        return n;
    }

private:
    std::unique_ptr<BlobReader> m_body;
    qint64 m_expected;
    qint64 m_done = 0;
    QString m_what;
};

} // namespace

Result<std::optional<qint64>> RegistryClient::blobSize(const QString &repo, const Digest &digest, const CancelToken &cancel)
{
    Request r;
    r.method = "HEAD";
    r.url = QUrl(u"/v2/"_s + repo + u"/blobs/"_s + digest.toString());
    r.scopes = {repositoryScope(repo, m_config.pushAccess)};
    r.what = describe(EngineText::tr("checking blob %1 in").arg(digest.toString()), repo);
    auto resp = send(r, cancel);
    if (!resp)
        return fail(resp.error());
    if (resp->status == 404)
        return std::optional<qint64>();
    if (resp->status != 200)
        return fail(registryAnswerError(*resp, r.what));
    bool ok = false;
    const qint64 size = resp->header("content-length").toLongLong(&ok);
    return std::optional<qint64>(ok ? size : -1);
}

Result<std::unique_ptr<BlobReader>> RegistryClient::openBlob(const QString &repo, const Digest &digest, const CancelToken &cancel)
{
    Request r;
    r.url = QUrl(u"/v2/"_s + repo + u"/blobs/"_s + digest.toString());
    r.scopes = {repositoryScope(repo, m_config.pushAccess)};
    const QString what = describe(EngineText::tr("blob %1 of").arg(digest.toString()), repo);
    r.what = EngineText::tr("getting %1").arg(what);
    auto resp = open(r, cancel);
    if (!resp)
        return fail(resp.error());
    auto &[answer, body] = *resp;
    if (!body || answer.status != 200) {
        if (answer.status == 404 && answer.body.isEmpty())
            return fail(ErrorCode::BlobUnknown, EngineText::tr("%1 does not exist (HTTP 404)").arg(what));
        return fail(registryAnswerError(answer, r.what));
    }
    bool ok = false;
    const qint64 length = answer.header("content-length").toLongLong(&ok);
    return std::unique_ptr<BlobReader>(std::make_unique<RegistryBlobReader>(std::move(body), ok ? length : -1, r.what));
}

Result<std::unique_ptr<BlobReader>> RegistryClient::openLayerUrl(const QUrl &url, const CancelToken &cancel)
{
    if (auto ready = ensureReady(cancel); !ready)
        return fail(ready.error());
    const UrlPolicy urls = policy();
    if (auto allowed = urls.check(urls.registry(), url, UrlPolicy::Purpose::LayerUrl); !allowed)
        return fail(allowed.error());
    // Never with the registry's credentials (as containers/image): not to a foreign host, nor to the registry's own.
    Request r;
    r.url = url;
    r.anonymous = true;
    r.what = EngineText::tr("getting a layer from %1").arg(redactUrl(url));
    auto resp = open(r, cancel);
    if (!resp)
        return fail(resp.error());
    auto &[answer, body] = *resp;
    if (!body || answer.status != 200)
        return fail(registryAnswerError(answer, r.what));
    bool ok = false;
    const qint64 length = answer.header("content-length").toLongLong(&ok);
    return std::unique_ptr<BlobReader>(std::make_unique<RegistryBlobReader>(std::move(body), ok ? length : -1, r.what));
}

Result<RegistryClient::MountResult> RegistryClient::mountBlob(const QString &repo, const Digest &digest,
                                                              const QString &fromRepo, const CancelToken &cancel)
{
    Request r;
    r.method = "POST";
    QUrl url(u"/v2/"_s + repo + u"/blobs/uploads/"_s);
    url.setQuery(u"mount="_s + QString::fromLatin1(QUrl::toPercentEncoding(digest.toString())) + u"&from="_s
                     + QString::fromLatin1(QUrl::toPercentEncoding(fromRepo, "/")),
                 QUrl::StrictMode);
    r.url = url;
    r.scopes = {repositoryScope(repo, true), repositoryScope(fromRepo, false)};
    r.what = describe(EngineText::tr("mounting blob %1 from %2 into").arg(digest.toString(), fromRepo), repo);
    auto resp = send(r, cancel);
    if (!resp)
        return fail(resp.error());
    MountResult m;
    if (resp->status == 201) {
        m.mounted = true;
        qCDebug(lcRegistry) << "mounted" << digest.toString() << "from" << fromRepo << "into" << repo;
        return m;
    }
    if (resp->status == 202) {
        const QByteArray location = resp->header("location");
        if (location.isEmpty())
            return fail(ErrorCode::ProtocolError, EngineText::tr("registry %1 opened an upload without a Location").arg(m_config.host));
        auto session = policy().resolve(resp->url, location, UrlPolicy::Purpose::UploadLocation);
        if (!session)
            return fail(session.error());
        m.uploadUrl = *session;
        return m;
    }
    return fail(registryAnswerError(*resp, r.what));
}

} // namespace stevedore
