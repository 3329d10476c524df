// RegistryClient: tag lists and the catalog, paginated through Link headers (URL policy, bounded).
#include "registryclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr int kMaxPages = 10000;
constexpr qint64 kMaxPage = 4 << 20;     // one page
constexpr qint64 kMaxTotal = 64 << 20;   // every page together

// The target of Link: <url>; rel="next", empty when none.
QByteArray nextLink(const QByteArray &link)
{
    static const QRegularExpression re(u"<([^>]*)>\\s*;\\s*rel=\"?next\"?"_s, QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromLatin1(link));
    if (!m.hasMatch())
        return {};
    return m.captured(1).toLatin1();
}

// One page: GET url (relative: the first page; absolute: a next link an earlier page returned, checked again).
Result<RegistryClient::ListPage> fetchPage(RegistryClient &client, const QUrl &url, const QStringList &scopes,
                                           const QString &field, const QString &what, qint64 maxBody,
                                           const CancelToken &cancel, qint64 *bodySize = nullptr)
{
    if (!url.isRelative()) {
        const UrlPolicy urls = client.policy();
        if (auto allowed = urls.check(urls.registry(), url, UrlPolicy::Purpose::NextPage); !allowed)
            return fail(allowed.error());
    }
    RegistryClient::Request r;
    r.url = url;
    r.scopes = scopes;
    r.maxBody = maxBody;
    r.what = what;
    auto resp = client.send(r, cancel);
    if (!resp)
        return fail(resp.error());
    if (resp->status != 200)
        return fail(registryAnswerError(*resp, what));
    if (bodySize)
        *bodySize = resp->body.size();
    const QJsonDocument doc = QJsonDocument::fromJson(resp->body);
    if (!doc.isObject())
        return fail(ErrorCode::ProtocolError, EngineText::tr("%1: the answer is not a JSON object").arg(what));
    RegistryClient::ListPage page;
    for (const QJsonValue &v : doc.object().value(field).toArray())
        page.names << v.toString();
    const QByteArray next = nextLink(resp->header("link"));
    if (!next.isEmpty()) {
        auto resolved = client.policy().resolve(resp->url, next, UrlPolicy::Purpose::NextPage);
        if (!resolved)
            return fail(resolved.error());
        page.next = *resolved;
    }
    return page;
}

Result<QStringList> paginate(RegistryClient &client, QUrl url, const QStringList &scopes, const QString &field,
                             const QString &what, const CancelToken &cancel)
{
    QStringList out;
    qint64 total = 0;
    for (int page = 0;; ++page) {
        if (page >= kMaxPages)
            return fail(ErrorCode::TooLarge, formatText(EngineText::tr("%1: more than %2 pages; refused"), what, kMaxPages));
        qint64 size = 0;
        auto one = fetchPage(client, url, scopes, field, what, qMin(kMaxPage, kMaxTotal - total), cancel, &size);
        if (!one)
            return fail(one.error());
        total += size;
        out << one->names;
        if (one->next.isEmpty())
            return out;
        if (total >= kMaxTotal)
            return fail(ErrorCode::TooLarge, formatText(EngineText::tr("%1: more than %2 bytes of answers; refused"), what, kMaxTotal));
        url = one->next;
    }
}

QUrl firstPage(const QString &path, int pageSize)
{
    QUrl url(path);
    if (pageSize > 0)
        url.setQuery(u"n="_s + QString::number(pageSize));
    return url;
}

} // namespace

Result<QStringList> RegistryClient::listTags(const QString &repo, int pageSize, const CancelToken &cancel)
{
    return paginate(*this, firstPage(u"/v2/"_s + repo + u"/tags/list"_s, pageSize), {repositoryScope(repo, m_config.pushAccess)}, u"tags"_s,
                    describe(EngineText::tr("listing the tags of"), repo), cancel);
}

Result<QStringList> RegistryClient::catalog(int pageSize, const CancelToken &cancel)
{
    return paginate(*this, firstPage(u"/v2/_catalog"_s, pageSize), {u"registry:catalog:*"_s}, u"repositories"_s,
                    EngineText::tr("listing the repositories of %1").arg(m_config.host), cancel);
}

Result<RegistryClient::ListPage> RegistryClient::tagsPage(const QString &repo, int pageSize, const QUrl &next,
                                                          const CancelToken &cancel)
{
    return fetchPage(*this, next.isEmpty() ? firstPage(u"/v2/"_s + repo + u"/tags/list"_s, pageSize) : next,
                     {repositoryScope(repo, m_config.pushAccess)}, u"tags"_s,
                     describe(EngineText::tr("listing the tags of"), repo), kMaxPage, cancel);
}

Result<RegistryClient::ListPage> RegistryClient::catalogPage(int pageSize, const QUrl &next, const CancelToken &cancel)
{
    return fetchPage(*this, next.isEmpty() ? firstPage(u"/v2/_catalog"_s, pageSize) : next, {u"registry:catalog:*"_s},
                     u"repositories"_s, EngineText::tr("listing the repositories of %1").arg(m_config.host), kMaxPage,
                     cancel);
}

Status RegistryClient::deleteManifest(const QString &repo, const Digest &digest, const CancelToken &cancel)
{
    Request r;
    r.method = "DELETE";
    r.url = QUrl(u"/v2/"_s + repo + u"/manifests/"_s + digest.toString());
    r.scopes = {repositoryScope(repo, true)};
    r.what = describe(EngineText::tr("deleting the manifest %1 of").arg(digest.toString()), repo);
    r.maxBody = 64 * 1024;
    auto resp = send(r, cancel);
    if (!resp)
        return fail(resp.error());
    if (resp->status == 202 || resp->status == 200 || resp->status == 204)
        return {};
    Error e = registryAnswerError(*resp, r.what);
    if (resp->status == 405) {
        e.code = ErrorCode::Unsupported;
        e.message = EngineText::tr("%1: this registry does not allow deleting images (deletes are not enabled on it)")
                        .arg(r.what);
    } else if (resp->status == 404 && e.code == ErrorCode::NotFound) {
        e.code = ErrorCode::ManifestUnknown;
    }
    return fail(e);
}

} // namespace stevedore
