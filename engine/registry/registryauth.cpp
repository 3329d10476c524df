// RegistryClient: answering auth challenges (Basic, Bearer tokens with a single-flight fetch per scope set).
#include "registryclient.h"

#include "core/logging.h"
#include "core/secrets.h"
#include "registryerrors.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr int kMaxTokenRedirects = 5;
constexpr qint64 kMaxTokenAnswer = 1 << 20;
constexpr std::chrono::milliseconds kTokenIdle{30000};

QByteArray basicAuthorization(const Credentials &c)
{
    return "Basic " + (c.username + u':' + c.password).toUtf8().toBase64();
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

void RegistryClient::learnChallenge(const AuthChallenge &chosen)
{
    QMutexLocker lock(&m_mutex);
    const bool changed = !m_challenge || m_challenge->scheme != chosen.scheme
                         || m_challenge->params.value(u"realm"_s) != chosen.params.value(u"realm"_s);
    if (changed) {
        m_challenge = AuthChallenge{chosen.scheme, chosen.params};
        m_challenge->params.remove(u"scope"_s);
        m_challenge->params.remove(u"error"_s);
        m_tokens.clear();
    }
}

std::optional<QByteArray> RegistryClient::cachedAuthorization(const QStringList &scopes) const
{
    QMutexLocker lock(&m_mutex);
    if (!m_challenge)
        return QByteArray();
    if (m_challenge->scheme == "basic"_L1) {
        if (m_config.credentials && !m_config.credentials->username.isEmpty())
            return basicAuthorization(*m_config.credentials);
        return QByteArray();
    }
    if (m_challenge->scheme != "bearer"_L1)
        return QByteArray();
    const auto it = m_tokens.constFind(scopes.join(u' '));
    if (it != m_tokens.constEnd() && it->expiry > std::chrono::steady_clock::now())
        return "Bearer " + it->value.toLatin1();
    return std::nullopt;
}

Result<QByteArray> RegistryClient::authorizationFor(const QStringList &scopes, bool forceRefresh, const CancelToken &cancel)
{
    const QString key = scopes.join(u' ');
    QMutexLocker lock(&m_mutex);
    if (forceRefresh)
        m_tokens.remove(key);
    for (;;) {
        lock.unlock();
        if (auto cached = cachedAuthorization(scopes))
            return *cached;
        lock.relock();
        const auto fetching = m_fetching.constFind(key);
        if (fetching == m_fetching.constEnd())
            break;
        // Another thread fetches this token: wait for it, cancellably, then share its result.
        const quint64 generation = *fetching;
        while (m_fetching.value(key, 0) == generation) {
            if (cancel.isCancelled())
                return fail(ErrorCode::Cancelled, EngineText::tr("the operation was cancelled"));
            m_changed.wait(&m_mutex, QDeadlineTimer(CancelToken::kPollInterval));
        }
        if (m_fetchErrors.contains(key) && !m_tokens.contains(key))
            return fail(m_fetchErrors.value(key));
    }
    const std::optional<AuthChallenge> challenge = m_challenge;
    const quint64 generation = ++m_fetchGeneration;
    m_fetching.insert(key, generation);
    lock.unlock();

    auto token = fetchToken(*challenge, scopes, cancel); // no lock held across the network

    lock.relock();
    m_fetching.remove(key);
    if (token) {
        m_tokens.insert(key, *token);
        m_fetchErrors.remove(key);
    } else if (token.error().code != ErrorCode::Cancelled) {
        m_fetchErrors.insert(key, token.error());
    }
    m_changed.wakeAll();
    if (!token)
        return fail(token.error());
    return "Bearer " + token->value.toLatin1();
}

Result<RegistryClient::Token> RegistryClient::fetchToken(const AuthChallenge &challenge, const QStringList &scopes,
                                                          const CancelToken &cancel, bool offline)
{
    const QUrl realm(challenge.params.value(u"realm"_s), QUrl::StrictMode);
    if (!realm.isValid() || realm.host().isEmpty())
        return fail(ErrorCode::ProtocolError,
                    EngineText::tr("registry %1 sent a Bearer challenge without a valid realm").arg(m_config.host));
    const UrlPolicy urls = policy();
    if (auto allowed = urls.check(urls.registry(), realm, UrlPolicy::Purpose::TokenRealm); !allowed)
        return fail(allowed.error());
    const QString service = challenge.params.value(u"service"_s);
    const std::optional<Credentials> &creds = m_config.credentials;
    const QString what = EngineText::tr("getting a token from %1 for %2").arg(realm.authority(), m_config.host);

    QByteArray method = "GET";
    QByteArray body;
    QUrl url = realm;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray authorization;
    auto enc = [](const QString &v) { return QString::fromLatin1(QUrl::toPercentEncoding(v)); };
    QStringList params;
    if (creds && !creds->identityToken.isEmpty()) {
        method = "POST";
        params << u"grant_type=refresh_token"_s << u"refresh_token="_s + enc(creds->identityToken)
               << u"service="_s + enc(service) << u"scope="_s + enc(scopes.join(u' ')) << u"client_id=stevedore"_s;
        body = params.join(u'&').toLatin1();
        headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/x-www-form-urlencoded"));
        if (!urls.mayCarryRealmCredentials(realm, realm))
            return fail(ErrorCode::ProtocolError,
                        EngineText::tr("the token realm %1 of registry %2 is not https; refusing to send the identity "
                                       "token there")
                            .arg(redactUrl(realm), m_config.host));
    } else {
        const QString existing = url.query(QUrl::FullyEncoded);
        if (!existing.isEmpty())
            params << existing;
        if (!service.isEmpty())
            params << u"service="_s + enc(service);
        for (const QString &s : scopes)
            params << u"scope="_s + enc(s);
        if (creds && !creds->username.isEmpty()) {
            if (!urls.mayCarryRealmCredentials(realm, realm))
                return fail(ErrorCode::ProtocolError,
                            EngineText::tr("the token realm %1 of registry %2 is not https; refusing to send "
                                           "credentials there (use --tls-verify=false only for a registry you trust)")
                                .arg(redactUrl(realm), m_config.host));
            params << u"account="_s + enc(creds->username);
            authorization = basicAuthorization(*creds);
            if (offline) // login: ask for a refresh token to keep instead of the password, as docker login does
                params << u"offline_token=true"_s << u"client_id=stevedore"_s;
        }
        url.setQuery(params.join(u'&'), QUrl::StrictMode);
    }

    for (int redirects = 0;; ++redirects) {
        QList<std::pair<QByteArray, QByteArray>> h = headers;
        if (!authorization.isEmpty() && urls.mayCarryRealmCredentials(url, realm))
            h.append({"Authorization", authorization});
        auto resp = m_http.send(httpRequest(url, method, body, h, kMaxTokenAnswer,
                                            std::min(m_config.idleTimeout, kTokenIdle), what),
                                cancel);
        if (!resp)
            return fail(toError(resp.error()));
        if (isRedirect(resp->status) && !resp->header("location").isEmpty()) {
            if (redirects >= kMaxTokenRedirects)
                return fail(ErrorCode::ProtocolError, formatText(EngineText::tr("%1: more than %2 redirects"), what, kMaxTokenRedirects));
            auto next = urls.resolve(url, resp->header("location"), UrlPolicy::Purpose::Redirect);
            if (!next)
                return fail(next.error().withContext(what));
            url = *next;
            if (resp->status == 303) {
                method = "GET";
                body.clear();
            }
            continue;
        }
        if (resp->status != 200) {
            Error e = registryHttpError(resp->status, resp->body, resp->header("retry-after"),
                                        EngineText::tr("token server %1 refused %2").arg(realm.authority(), scopes.join(u' ')));
            if (resp->status == 401 || resp->status == 403) {
                e.code = ErrorCode::Unauthorized;
                e.message = EngineText::tr("authentication to %1 failed at token server %2: check the user name and "
                                           "password (HTTP %3)")
                                .arg(m_config.host, realm.authority())
                                .arg(resp->status);
            }
            return fail(e);
        }
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(resp->body, &perr);
        if (!doc.isObject())
            return fail(ErrorCode::ProtocolError,
                        EngineText::tr("token server %1 answered with something that is not a JSON object").arg(realm.authority()));
        const QJsonObject o = doc.object();
        QString token = o.value("token"_L1).toString();
        if (token.isEmpty())
            token = o.value("access_token"_L1).toString();
        if (token.isEmpty())
            return fail(ErrorCode::ProtocolError,
                        EngineText::tr("token server %1 answered without a token").arg(realm.authority()));
        secrets::add(token);
        int expiresIn = o.value("expires_in"_L1).toInt(60);
        if (expiresIn < 60)
            expiresIn = 60;
        Token t;
        t.value = token;
        t.refreshToken = o.value("refresh_token"_L1).toString();
        if (!t.refreshToken.isEmpty())
            secrets::add(t.refreshToken);
        // Refresh a little before the server's expiry.
        t.expiry = std::chrono::steady_clock::now() + std::chrono::seconds(expiresIn) - std::chrono::seconds(qMin(10, expiresIn / 6));
        qCDebug(lcAuth) << "token for" << m_config.host << scopes << "valid for" << expiresIn << "s";
        return t;
    }
}

} // namespace stevedore
