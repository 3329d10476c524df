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

Result<QStringList> paginate(RegistryClient &client, QUrl url, const QStringList &scopes, const QString &field,
                             const QString &what, const CancelToken &cancel)
{
    QStringList out;
    qint64 total = 0;
    for (int page = 0;; ++page) {
        if (page >= kMaxPages)
            return fail(ErrorCode::TooLarge, formatText(EngineText::tr("%1: more than %2 pages; refused"), what, kMaxPages));
        RegistryClient::Request r;
        r.url = url;
        r.scopes = scopes;
        r.maxBody = qMin(kMaxPage, kMaxTotal - total);
        r.what = what;
        auto resp = client.send(r, cancel);
        if (!resp)
            return fail(resp.error());
        if (resp->status != 200)
            return fail(registryAnswerError(*resp, what));
        total += resp->body.size();
        const QJsonDocument doc = QJsonDocument::fromJson(resp->body);
        if (!doc.isObject())
            return fail(ErrorCode::ProtocolError, EngineText::tr("%1: the answer is not a JSON object").arg(what));
        for (const QJsonValue &v : doc.object().value(field).toArray())
            out << v.toString();
        const QByteArray next = nextLink(resp->header("link"));
        if (next.isEmpty())
            return out;
        if (total >= kMaxTotal)
            return fail(ErrorCode::TooLarge, formatText(EngineText::tr("%1: more than %2 bytes of answers; refused"), what, kMaxTotal));
        auto resolved = client.policy().resolve(resp->url, next, UrlPolicy::Purpose::NextPage);
        if (!resolved)
            return fail(resolved.error());
        url = *resolved;
    }
}

} // namespace

Result<QStringList> RegistryClient::listTags(const QString &repo, int pageSize, const CancelToken &cancel)
{
    QUrl url(u"/v2/"_s + repo + u"/tags/list"_s);
    if (pageSize > 0)
        url.setQuery(u"n="_s + QString::number(pageSize));
    return paginate(*this, url, {repositoryScope(repo, m_config.pushAccess)}, u"tags"_s,
                    describe(EngineText::tr("listing the tags of"), repo), cancel);
}

Result<QStringList> RegistryClient::catalog(int pageSize, const CancelToken &cancel)
{
    QUrl url(u"/v2/_catalog"_s);
    if (pageSize > 0)
        url.setQuery(u"n="_s + QString::number(pageSize));
    return paginate(*this, url, {u"registry:catalog:*"_s}, u"repositories"_s,
                    EngineText::tr("listing the repositories of %1").arg(m_config.host), cancel);
}

} // namespace stevedore
