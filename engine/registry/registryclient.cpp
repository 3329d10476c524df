#include "registryclient.h"

#include "core/logging.h"
#include "core/runtime.h"
#include "core/secrets.h"
#include "registryerrors.h"
#include "tlsconfig.h"

#include <QDeadlineTimer>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr int kMaxRedirects = 5;
constexpr std::chrono::milliseconds kPingIdle{30000};

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

Error cancelledError()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("the operation was cancelled"));
}

} // namespace

Error registryAnswerError(const RegistryClient::Response &resp, const QString &context)
{
    Error e = registryHttpError(resp.status, resp.body, resp.header("retry-after"), context);
    if (e.code == ErrorCode::Unauthorized)
        e.message += EngineText::tr(" — check --creds or the auth file");
    return e;
}

RegistryClient::RegistryClient(RegistryConfig config)
    : m_config(std::move(config)), m_http(EngineRuntime::instance()->http())
{
    RegistryTls tls = makeRegistryTls(m_config.host, m_config.certDir, m_config.insecure);
    m_tls = std::move(tls.profile);
    m_tlsSetupError = tls.setupError;
    if (m_config.credentials) {
        secrets::addCredentials(m_config.credentials->username, m_config.credentials->password);
        secrets::add(m_config.credentials->identityToken);
    }
}

RegistryClient::~RegistryClient() = default;

QString RegistryClient::apiHost() const
{
    if (m_config.host == "docker.io"_L1)
        return u"registry-1.docker.io"_s;
    return m_config.host;
}

QUrl RegistryClient::baseUrl() const
{
    QMutexLocker lock(&m_mutex);
    return QUrl(m_scheme + u"://"_s + apiHost());
}

UrlPolicy RegistryClient::policy() const
{
    return UrlPolicy(baseUrl(), m_config.insecure);
}

QString RegistryClient::repositoryScope(const QString &repo, bool push) const
{
    return u"repository:"_s + repo + (push ? u":pull,push"_s : u":pull"_s);
}

QString RegistryClient::describe(const QString &what, const QString &repo) const
{
    return EngineText::tr("%1 %2/%3").arg(what, m_config.host, repo);
}

HttpRequest RegistryClient::httpRequest(const QUrl &url, const QByteArray &method, const QByteArray &body,
                                        const QList<std::pair<QByteArray, QByteArray>> &headers, qint64 maxBody,
                                        std::optional<std::chrono::milliseconds> idle, const QString &what) const
{
    HttpRequest r;
    r.method = method;
    r.url = url;
    r.headers = headers;
    r.body = body;
    r.maxBody = maxBody;
    r.idleTimeout = idle.value_or(m_config.idleTimeout);
    r.tls = m_tls;
    r.what = what;
    return r;
}

Error RegistryClient::toError(const HttpFailure &f) const
{
    Error e = f.error;
    using K = HttpFailure::Kind;
    switch (f.kind) {
    case K::NotTls:
        if (!m_config.insecure)
            e.message += EngineText::tr("; a plain-http registry needs --tls-verify=false");
        break;
    case K::TlsCertificate:
        if (!m_config.insecure)
            e.message += EngineText::tr(" (give the registry's CA with --cert-dir, or use --tls-verify=false for a "
                                        "registry you trust)");
        break;
    case K::TlsHandshake:
        e.message += EngineText::tr(" (the registry may require a client certificate: put NAME.cert and NAME.key "
                                    "into --cert-dir)");
        break;
    default:
        break;
    }
    return e;
}

Status RegistryClient::ping(const CancelToken &cancel)
{
    if (!m_tlsSetupError.isEmpty())
        return fail(ErrorCode::TlsError, EngineText::tr("registry %1: %2").arg(m_config.host, m_tlsSetupError));
    const QStringList schemes = m_config.insecure ? QStringList{u"https"_s, u"http"_s} : QStringList{u"https"_s};
    std::optional<Error> httpsError;
    for (const QString &scheme : schemes) {
        const QUrl url(scheme + u"://"_s + apiHost() + u"/v2/"_s);
        const QString what = EngineText::tr("contacting registry %1 over %2").arg(m_config.host, scheme);
        auto resp = m_http.send(httpRequest(url, "GET", {}, {}, 64 * 1024, std::min(m_config.idleTimeout, kPingIdle), what),
                                cancel);
        if (!resp) {
            const HttpFailure &f = resp.error();
            if (f.kind == HttpFailure::Kind::Cancelled)
                return fail(cancelledError());
            qCDebug(lcRegistry) << "ping" << scheme << "failed:" << f.error.message;
            const bool tlsLevel = f.kind == HttpFailure::Kind::NotTls || f.kind == HttpFailure::Kind::TlsHandshake
                                  || f.kind == HttpFailure::Kind::TlsCertificate;
            if (scheme == "https"_L1 && m_config.insecure && tlsLevel) {
                httpsError = toError(f);
                continue; // it may speak plain http
            }
            Error e = toError(f);
            if (httpsError)
                e.message = EngineText::tr("registry %1 is reachable neither over https (%2) nor over http (%3)")
                                .arg(m_config.host, httpsError->message, e.message);
            return fail(e);
        }
        if (resp->status != 200 && resp->status != 401)
            return fail(ErrorCode::ProtocolError,
                        formatText(EngineText::tr("%1 does not answer like a container registry (HTTP %2 for /v2/)"), m_config.host, resp->status));
        QMutexLocker lock(&m_mutex);
        m_scheme = scheme;
        if (resp->status == 401) {
            if (auto c = preferredChallenge(parseAuthChallenges(resp->header("www-authenticate"))))
                m_challenge = *c;
        }
        qCDebug(lcRegistry) << "registry" << m_config.host << "over" << scheme << "auth"
                            << (m_challenge ? m_challenge->scheme : u"none"_s);
        return {};
    }
    return fail(httpsError.value_or(Error(ErrorCode::Internal, EngineText::tr("no scheme to try"))));
}

Status RegistryClient::ensureReady(const CancelToken &cancel)
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        if (m_ready)
            return {};
        if (!m_pinging) {
            m_pinging = true;
            lock.unlock();
            Status s = ping(cancel);
            lock.relock();
            m_pinging = false;
            ++m_pingGeneration;
            if (s) {
                m_ready = true;
                m_pingError.reset();
            } else if (s.error().code != ErrorCode::Cancelled) {
                m_pingError = s.error();
            }
            m_changed.wakeAll();
            return s;
        }
        // Another thread is pinging: wait for its answer, cancellably, and share it.
        const quint64 generation = m_pingGeneration;
        while (m_pinging && m_pingGeneration == generation) {
            if (cancel.isCancelled())
                return fail(cancelledError());
            m_changed.wait(&m_mutex, QDeadlineTimer(CancelToken::kPollInterval));
        }
        if (!m_ready && m_pingError)
            return fail(*m_pingError);
    }
}

Result<RegistryClient::Response> RegistryClient::send(const Request &request, const CancelToken &cancel)
{
    auto r = sendImpl(request, cancel, Mode::Buffered);
    if (!r)
        return fail(r.error());
    return std::move(r->first);
}

Result<std::pair<RegistryClient::Response, std::unique_ptr<BlobReader>>>
RegistryClient::open(const Request &request, const CancelToken &cancel)
{
    return sendImpl(request, cancel, Mode::Stream);
}

Result<std::pair<RegistryClient::Response, std::unique_ptr<BlobReader>>>
RegistryClient::hop(const Request &request, const QUrl &url, const QByteArray &method, const QByteArray &body,
                    const QByteArray &authorization, Mode mode, const CancelToken &cancel)
{
    QList<std::pair<QByteArray, QByteArray>> headers = request.headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const QString what = request.what.isEmpty() ? QString::fromLatin1(method) + u' ' + redactUrl(url) : request.what;
    HttpRequest r = httpRequest(url, method, body, headers, request.maxBody, request.idleTimeout, what);
    r.bodyPipe = request.bodyPipe;
    if (mode == Mode::Buffered) {
        auto resp = m_http.send(r, cancel);
        if (!resp)
            return fail(toError(resp.error()));
        resp->url = url;
        qCDebug(lcRegistry).noquote() << method << redactUrl(url) << "->" << resp->status;
        return std::pair<Response, std::unique_ptr<BlobReader>>(std::move(*resp), nullptr);
    }
    auto opened = m_http.open(r, cancel);
    if (!opened)
        return fail(toError(opened.error()));
    opened->response.url = url;
    qCDebug(lcRegistry).noquote() << method << redactUrl(url) << "->" << opened->response.status << "(stream)";
    return std::pair<Response, std::unique_ptr<BlobReader>>(std::move(opened->response), std::move(opened->body));
}

Result<std::pair<RegistryClient::Response, std::unique_ptr<BlobReader>>>
RegistryClient::sendImpl(const Request &request, const CancelToken &cancel, Mode mode)
{
    if (auto ready = ensureReady(cancel); !ready)
        return fail(ready.error());
    const UrlPolicy urls = policy();
    QUrl url = request.url;
    if (url.isRelative()) {
        url = urls.registry().resolved(url);
    } else if (auto allowed = urls.check(urls.registry(), url, UrlPolicy::Purpose::UploadLocation); !allowed) {
        return fail(allowed.error());
    }
    QByteArray method = request.method;
    QByteArray body = request.body;
    QStringList scopes = request.scopes;
    bool authRetried = false;
    bool forceRefresh = false;
    for (int redirects = 0;;) {
        if (cancel.isCancelled())
            return fail(cancelledError());
        const bool toRegistry = !request.anonymous && urls.mayCarryRegistryCredentials(url);
        QByteArray authorization;
        if (toRegistry) {
            auto a = authorizationFor(scopes, forceRefresh, cancel);
            if (!a)
                return fail(a.error());
            authorization = *a;
            forceRefresh = false;
        }
        auto resp = hop(request, url, method, body, authorization, mode, cancel);
        if (!resp)
            return resp;
        const Response &answer = resp->first;
        if (request.bodyPipe)
            return resp; // its body is spent: a redirect or a 401 is the caller's to report (and retry afresh)
        if (isRedirect(answer.status)) {
            const QByteArray location = answer.header("location");
            if (location.isEmpty())
                return fail(ErrorCode::ProtocolError,
                            EngineText::tr("%1 redirected without a Location").arg(redactUrl(url)));
            if (++redirects > kMaxRedirects)
                return fail(ErrorCode::ProtocolError,
                            formatText(EngineText::tr("%1: more than %2 redirects"), redactUrl(request.url), kMaxRedirects));
            auto next = urls.resolve(url, location, UrlPolicy::Purpose::Redirect);
            if (!next)
                return fail(next.error());
            qCDebug(lcRegistry).noquote() << "redirect to" << redactUrl(*next)
                                          << (urls.mayCarryRegistryCredentials(*next) ? "(registry)"
                                                                                      : "(other origin: no credentials)");
            if (answer.status == 303 || ((answer.status == 301 || answer.status == 302) && method == "POST")) {
                method = "GET";
                body.clear();
            }
            url = *next;
            continue;
        }
        if (answer.status == 401 && toRegistry && !authRetried) {
            authRetried = true;
            if (auto chosen = preferredChallenge(parseAuthChallenges(answer.header("www-authenticate")))) {
                learnChallenge(*chosen);
                const bool haveCreds = m_config.credentials && !m_config.credentials->username.isEmpty();
                // A token may have expired or lack a scope: fetch a new one. Basic with the same credentials
                // again cannot help; only retry when none were sent and some are known.
                const bool bearer = chosen->scheme == "bearer"_L1;
                if (bearer || (authorization.isEmpty() && haveCreds)) {
                    forceRefresh = bearer;
                    // The registry may name the scope it wants (e.g. pull on another repository): ask for it too.
                    if (bearer)
                        for (const QString &wanted : chosen->params.value(u"scope"_s).split(u' ', Qt::SkipEmptyParts))
                            if (!scopes.contains(wanted))
                                scopes << wanted;
                    continue;
                }
            }
        }
        return resp;
    }
}

void RegistryClient::sendDetached(const Request &request, std::chrono::milliseconds deadline)
{
    const UrlPolicy urls = policy();
    QUrl url = request.url.isRelative() ? urls.registry().resolved(request.url) : request.url;
    if (!urls.check(urls.registry(), url, UrlPolicy::Purpose::UploadLocation))
        return;
    QList<std::pair<QByteArray, QByteArray>> headers = request.headers;
    if (urls.mayCarryRegistryCredentials(url)) {
        const auto auth = cachedAuthorization(request.scopes);
        if (!auth)
            return; // would need a token fetch: not for a clean-up
        if (!auth->isEmpty())
            headers.append({"Authorization", *auth});
    }
    m_http.sendDetached(httpRequest(url, request.method, request.body, headers, request.maxBody, deadline,
                                    request.what),
                        deadline);
}

} // namespace stevedore
