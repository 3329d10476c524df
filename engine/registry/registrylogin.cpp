// RegistryClient::verifyLogin: what `stevedore login` and "Test login" check before anything is stored.
#include "registryclient.h"

#include "core/logging.h"

using namespace Qt::StringLiterals;

namespace stevedore {

Result<QString> RegistryClient::verifyLogin(const CancelToken &cancel)
{
    if (auto ready = ensureReady(cancel); !ready)
        return fail(ready.error());
    std::optional<AuthChallenge> challenge;
    {
        QMutexLocker lock(&m_mutex);
        challenge = m_challenge;
    }
    if (!challenge) {
        qCDebug(lcAuth) << "registry" << m_config.host << "asks for no credentials";
        return QString(); // an open registry accepts anyone, as docker login reports
    }
    const std::optional<Credentials> &creds = m_config.credentials;
    if (!creds || (creds->username.isEmpty() && creds->identityToken.isEmpty()))
        return fail(ErrorCode::CredentialsMissing, EngineText::tr("registry %1 asks for credentials and none were given").arg(m_config.host));
    QByteArray authorization;
    QString refresh;
    if (challenge->scheme == "basic"_L1) {
        if (creds->username.isEmpty())
            return fail(ErrorCode::CredentialsMissing,
                        EngineText::tr("registry %1 uses Basic authentication: an identity token cannot be used there").arg(m_config.host));
        authorization = cachedAuthorization({}).value_or(QByteArray());
    } else if (challenge->scheme == "bearer"_L1) {
        auto token = fetchToken(*challenge, {}, cancel, /*offline=*/true);
        if (!token)
            return fail(token.error());
        authorization = "Bearer " + token->value.toLatin1();
        refresh = token->refreshToken;
    } else {
        return fail(ErrorCode::Unsupported, EngineText::tr("registry %1 asks for \"%2\" authentication, which Stevedore does not support")
                                                .arg(m_config.host, challenge->scheme));
    }
    const QUrl url = policy().registry().resolved(QUrl(u"/v2/"_s));
    Request request;
    request.what = EngineText::tr("checking the credentials at %1").arg(m_config.host);
    auto resp = hop(request, url, "GET", {}, authorization, Mode::Buffered, cancel);
    if (!resp)
        return fail(resp.error());
    const int status = resp->first.status;
    if (status == 200)
        return refresh;
    if (status == 401 || status == 403)
        return fail(ErrorCode::Unauthorized,
                    formatText(EngineText::tr("registry %1 rejected the credentials of %2 (HTTP %3): check the user name and password"),
                               m_config.host, creds->username.isEmpty() ? EngineText::tr("the identity token") : creds->username, status));
    return fail(ErrorCode::ProtocolError,
                formatText(EngineText::tr("%1 answered HTTP %2 to a login check of /v2/"), m_config.host, status));
}

} // namespace stevedore
