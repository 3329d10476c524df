#include "urlpolicy.h"

#include "core/logging.h"

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

int effectivePort(const QUrl &u)
{
    return u.port(u.scheme() == "http"_L1 ? 80 : 443);
}

QString purposeText(UrlPolicy::Purpose p)
{
    switch (p) {
    case UrlPolicy::Purpose::Redirect: return EngineText::tr("a redirect");
    case UrlPolicy::Purpose::UploadLocation: return EngineText::tr("an upload location");
    case UrlPolicy::Purpose::NextPage: return EngineText::tr("a next-page link");
    case UrlPolicy::Purpose::TokenRealm: return EngineText::tr("a token realm");
    case UrlPolicy::Purpose::LayerUrl: return EngineText::tr("a layer URL");
    }
    return {};
}

} // namespace

UrlPolicy::UrlPolicy(QUrl registry, bool insecure)
    : m_registry(std::move(registry)), m_insecure(insecure)
{
}

bool UrlPolicy::sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && effectivePort(a) == effectivePort(b);
}

Result<QUrl> UrlPolicy::resolve(const QUrl &base, const QByteArray &target, Purpose purpose) const
{
    const QUrl relative = QUrl::fromEncoded(target.trimmed(), QUrl::StrictMode);
    if (!relative.isValid())
        return fail(ErrorCode::ProtocolError,
                    EngineText::tr("registry %1 sent %2 that is not a valid URL").arg(m_registry.authority(), purposeText(purpose)));
    const QUrl url = base.resolved(relative);
    if (auto c = check(base, url, purpose); !c)
        return fail(c.error());
    return url;
}

Status UrlPolicy::check(const QUrl &from, const QUrl &url, Purpose purpose) const
{
    const QString scheme = url.scheme();
    if (scheme != "http"_L1 && scheme != "https"_L1)
        return fail(ErrorCode::ProtocolError,
                    EngineText::tr("registry %1 sent %2 to %3; only http and https URLs are followed, refused")
                        .arg(m_registry.authority(), purposeText(purpose), redactUrl(url)));
    if (url.host().isEmpty())
        return fail(ErrorCode::ProtocolError, EngineText::tr("registry %1 sent %2 without a host (%3); refused")
                                                  .arg(m_registry.authority(), purposeText(purpose), redactUrl(url)));
    const bool overTls = from.scheme() == "https"_L1 || m_registry.scheme() == "https"_L1;
    if (scheme == "http"_L1 && overTls && !m_insecure)
        return fail(ErrorCode::ProtocolError,
                    EngineText::tr("registry %1 is reached over https but sent %2 to plain http (%3); refused, the "
                                   "request would travel unencrypted")
                        .arg(m_registry.authority(), purposeText(purpose), redactUrl(url)));
    return {};
}

bool UrlPolicy::mayCarryRegistryCredentials(const QUrl &url) const
{
    return m_registry.isValid() && sameOrigin(url, m_registry);
}

bool UrlPolicy::mayCarryRealmCredentials(const QUrl &url, const QUrl &realm) const
{
    if (!sameOrigin(url, realm))
        return false;
    return url.scheme() == "https"_L1 || m_insecure;
}

} // namespace stevedore
