#include "registryclient.h"

#include "core/logging.h"
#include "reference/imagereference.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <functional>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr int kMaxRedirects = 5;
constexpr int kMaxPages = 10000;
const QByteArray kUserAgent = "stevedore/0.1";

// One QNetworkAccessManager per thread and TLS setup: network objects live in the thread that uses them, and a
// connection opened without verification (or with other CAs) is never reused by a client with stricter settings.
struct NamHolder {
    QHash<QString, QNetworkAccessManager *> nams;
    ~NamHolder()
    {
        // At process exit (no application any more) they are leaked rather than destroyed without Qt around them.
        if (QCoreApplication::instance())
            qDeleteAll(nams);
    }
};

// Qt 6.4 picks its TLS backend lazily, on first use; when the first uses happen at once on several worker
// threads the pick can race and one of them logs "No TLS backend is available". Picking it once, on the main
// thread while the application object is being constructed, takes the race away.
void loadTlsBackend()
{
    (void)QSslSocket::supportsSsl();
}
Q_COREAPP_STARTUP_FUNCTION(loadTlsBackend)

QNetworkAccessManager *threadNam(const QString &tlsKey)
{
    thread_local NamHolder holder;
    QNetworkAccessManager *&nam = holder.nams[tlsKey];
    if (!nam) {
        nam = new QNetworkAccessManager;
        nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        nam->setAutoDeleteReplies(false);
    }
    return nam;
}

enum class WaitResult { Done, Cancelled, TimedOut };

// Runs a local event loop until done() holds, the reply finishes, the token is cancelled or nothing happened
// on the reply for `idleTimeout`.
WaitResult waitOn(QNetworkReply *reply, const std::function<bool()> &done, const CancelToken &cancel,
                  std::chrono::milliseconds idleTimeout)
{
    if (done() || reply->isFinished())
        return WaitResult::Done;
    if (cancel.isCancelled())
        return WaitResult::Cancelled;
    QEventLoop loop;
    QElapsedTimer idle;
    idle.start();
    WaitResult result = WaitResult::Done;
    auto activity = [&]() {
        idle.restart();
        if (done() || reply->isFinished())
            loop.quit();
    };
    QList<QMetaObject::Connection> cs;
    cs << QObject::connect(reply, &QNetworkReply::finished, &loop, activity);
    cs << QObject::connect(reply, &QNetworkReply::readyRead, &loop, activity);
    cs << QObject::connect(reply, &QNetworkReply::metaDataChanged, &loop, activity);
    cs << QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, activity);
    cs << QObject::connect(reply, &QNetworkReply::uploadProgress, &loop, activity);
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&]() {
        if (cancel.isCancelled()) {
            result = WaitResult::Cancelled;
            loop.quit();
        } else if (idle.elapsed() > idleTimeout.count()) {
            result = WaitResult::TimedOut;
            loop.quit();
        } else if (done() || reply->isFinished()) {
            loop.quit();
        }
    });
    poll.start();
    loop.exec();
    for (const auto &c : cs)
        QObject::disconnect(c);
    return result;
}

Error cancelledError()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("the operation was cancelled"));
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme() == "http"_L1 ? 80 : 443);
}

bool sameAuthority(const QUrl &a, const QUrl &b)
{
    return a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && defaultPort(a) == defaultPort(b);
}

std::optional<ErrorCode> codeFromName(const QString &name)
{
    static const QHash<QString, ErrorCode> map = {
        {u"BLOB_UNKNOWN"_s, ErrorCode::BlobUnknown},
        {u"BLOB_UPLOAD_INVALID"_s, ErrorCode::BlobUploadInvalid},
        {u"BLOB_UPLOAD_UNKNOWN"_s, ErrorCode::BlobUploadUnknown},
        {u"DIGEST_INVALID"_s, ErrorCode::DigestInvalid},
        {u"MANIFEST_BLOB_UNKNOWN"_s, ErrorCode::ManifestBlobUnknown},
        {u"MANIFEST_INVALID"_s, ErrorCode::ManifestInvalid},
        {u"MANIFEST_UNVERIFIED"_s, ErrorCode::ManifestInvalid},
        {u"TAG_INVALID"_s, ErrorCode::ManifestInvalid},
        {u"MANIFEST_UNKNOWN"_s, ErrorCode::ManifestUnknown},
        {u"NAME_INVALID"_s, ErrorCode::NameInvalid},
        {u"NAME_UNKNOWN"_s, ErrorCode::NameUnknown},
        {u"SIZE_INVALID"_s, ErrorCode::SizeInvalid},
        {u"UNAUTHORIZED"_s, ErrorCode::Unauthorized},
        {u"DENIED"_s, ErrorCode::Denied},
        {u"UNSUPPORTED"_s, ErrorCode::Unsupported},
        {u"TOOMANYREQUESTS"_s, ErrorCode::TooManyRequests},
    };
    const auto it = map.constFind(name.toUpper());
    if (it == map.constEnd())
        return std::nullopt;
    return *it;
}

std::chrono::milliseconds parseRetryAfter(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::chrono::milliseconds(-1);
    bool ok = false;
    const qint64 secs = v.toLongLong(&ok);
    if (ok && secs >= 0)
        return std::chrono::milliseconds(qMin<qint64>(secs, 3600) * 1000);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (when.isValid()) {
        const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(when);
        return std::chrono::milliseconds(qBound<qint64>(qint64(0), ms, qint64(3600 * 1000)));
    }
    return std::chrono::milliseconds(-1);
}

QString contentTypeOf(const QByteArray &header)
{
    return QString::fromLatin1(header.split(';').constFirst().trimmed());
}

QByteArray basicAuthorization(const Credentials &c)
{
    return "Basic " + (c.username + u':' + c.password).toUtf8().toBase64();
}

// The next page of a paginated answer: Link: <url>; rel="next".
QUrl nextLink(const QByteArray &link, const QUrl &base)
{
    static const QRegularExpression re(u"<([^>]*)>\\s*;\\s*rel=\"?next\"?"_s, QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromLatin1(link));
    if (!m.hasMatch())
        return {};
    return base.resolved(QUrl::fromEncoded(m.captured(1).toLatin1()));
}

Result<qint64> parseRangeEnd(const QByteArray &range)
{
    // "0-1234" (inclusive end); some registries prefix "bytes=".
    QByteArray r = range.trimmed();
    if (r.startsWith("bytes="))
        r = r.mid(6);
    const qsizetype dash = r.indexOf('-');
    bool ok = false;
    const qint64 end = dash < 0 ? -1 : r.mid(dash + 1).toLongLong(&ok);
    if (!ok || end < 0)
        return fail(ErrorCode::ProtocolError, EngineText::tr("the registry sent an invalid Range header"));
    return end;
}

} // namespace

// ------------------------------------------------------------------------------------------------------------
// WWW-Authenticate

QList<AuthChallenge> parseAuthChallenges(const QByteArray &header)
{
    QList<AuthChallenge> out;
    const QString h = QString::fromLatin1(header);
    qsizetype i = 0;
    const qsizetype n = h.size();
    auto skipSpaces = [&]() {
        while (i < n && (h[i] == u' ' || h[i] == u'\t'))
            ++i;
    };
    auto readToken = [&]() {
        const qsizetype start = i;
        while (i < n && h[i] != u' ' && h[i] != u'\t' && h[i] != u',' && h[i] != u'=')
            ++i;
        return h.mid(start, i - start);
    };
    while (i < n) {
        skipSpaces();
        while (i < n && (h[i] == u',' || h[i] == u' '))
            ++i;
        if (i >= n)
            break;
        const QString token = readToken();
        skipSpaces();
        if (token.isEmpty()) {
            ++i;
            continue;
        }
        if (i < n && h[i] == u'=' && !out.isEmpty()) {
            // A parameter of the current challenge.
            ++i;
            skipSpaces();
            QString value;
            if (i < n && h[i] == u'"') {
                ++i;
                while (i < n && h[i] != u'"') {
                    if (h[i] == u'\\' && i + 1 < n)
                        ++i;
                    value += h[i];
                    ++i;
                }
                ++i; // closing quote
            } else {
                const qsizetype start = i;
                while (i < n && h[i] != u',' && h[i] != u' ')
                    ++i;
                value = h.mid(start, i - start);
            }
            out.last().params.insert(token.toLower(), value);
            continue;
        }
        if (i < n && h[i] == u'=') {
            // token68 without a scheme: malformed; skip it.
            while (i < n && h[i] != u',')
                ++i;
            continue;
        }
        AuthChallenge c;
        c.scheme = token.toLower();
        out << c;
    }
    return out;
}

Error registryHttpError(int status, const QByteArray &body, const QByteArray &retryAfter, const QString &context)
{
    std::optional<ErrorCode> code;
    QStringList details;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonArray errors = doc.object().value("errors"_L1).toArray();
        for (const QJsonValue &v : errors) {
            const QJsonObject o = v.toObject();
            const QString name = o.value("code"_L1).toString();
            if (!code)
                code = codeFromName(name);
            QString text = o.value("message"_L1).toString();
            if (text.isEmpty())
                text = name.toLower().replace(u'_', u' ');
            details << text;
        }
    }
    bool temporary = false;
    if (!code) {
        switch (status) {
        case 401: code = ErrorCode::Unauthorized; break;
        case 403: code = ErrorCode::Denied; break;
        case 404: code = ErrorCode::NotFound; break;
        case 408: code = ErrorCode::Timeout; break;
        case 413: code = ErrorCode::TooLarge; break;
        case 429: code = ErrorCode::TooManyRequests; break;
        default: code = status >= 500 ? ErrorCode::ServerError : ErrorCode::ProtocolError; break;
        }
    }
    if (status == 408 || status == 429 || status >= 500)
        temporary = true;
    if (status == 401 || status == 403 || status == 404)
        temporary = false;
    QString detail = details.join(u"; "_s);
    if (detail.isEmpty()) {
        switch (status) {
        case 401: detail = EngineText::tr("authentication required"); break;
        case 403: detail = EngineText::tr("access denied"); break;
        case 404: detail = EngineText::tr("not found"); break;
        case 429: detail = EngineText::tr("too many requests"); break;
        default: detail = EngineText::tr("unexpected answer"); break;
        }
    }
    detail = redact(detail.left(400));
    Error e(*code, EngineText::tr("%1: %2 (HTTP %3)").arg(context, detail).arg(status), temporary);
    e.httpStatus = status;
    e.retryAfter = parseRetryAfter(retryAfter);
    return e;
}

// ------------------------------------------------------------------------------------------------------------

QByteArray RegistryClient::Response::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

RegistryClient::RegistryClient(RegistryConfig config)
    : m_config(std::move(config))
{
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_tlsKey = (m_config.insecure ? u"insecure|"_s : u"verify|"_s) + m_config.host + u'|' + m_config.certDir;
    if (m_config.insecure)
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    // Registries never need HTTP/2 here; one protocol keeps the behaviour predictable.
    const QStringList dirs = !m_config.certDir.isEmpty()
        ? QStringList{m_config.certDir}
        : QStringList{u"/etc/containers/certs.d/"_s + m_config.host, u"/etc/docker/certs.d/"_s + m_config.host};
    for (const QString &dirPath : dirs) {
        QDir dir(dirPath);
        if (!dir.exists()) {
            if (!m_config.certDir.isEmpty())
                m_tlsSetupError = EngineText::tr("certificate directory %1 does not exist").arg(dirPath);
            continue;
        }
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        for (const QString &f : files) {
            const QString path = dir.filePath(f);
            if (f.endsWith(".crt"_L1)) {
                const QList<QSslCertificate> cas = QSslCertificate::fromPath(path, QSsl::Pem);
                if (cas.isEmpty()) {
                    m_tlsSetupError = EngineText::tr("%1 holds no PEM certificate").arg(path);
                    continue;
                }
                m_ssl.addCaCertificates(cas);
                qCDebug(lcRegistry) << "CA certificates from" << path;
            } else if (f.endsWith(".cert"_L1)) {
                const QString keyPath = path.chopped(5) + u".key"_s;
                const QList<QSslCertificate> certs = QSslCertificate::fromPath(path, QSsl::Pem);
                QFile keyFile(keyPath);
                if (certs.isEmpty()) {
                    m_tlsSetupError = EngineText::tr("%1 holds no PEM certificate").arg(path);
                    continue;
                }
                if (!keyFile.open(QIODevice::ReadOnly)) {
                    m_tlsSetupError = EngineText::tr("client certificate %1 has no key %2").arg(path, keyPath);
                    continue;
                }
                const QByteArray pem = keyFile.readAll();
                QSslKey key;
                for (auto algo : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
                    key = QSslKey(pem, algo, QSsl::Pem);
                    if (!key.isNull())
                        break;
                }
                if (key.isNull()) {
                    m_tlsSetupError = EngineText::tr("cannot read the private key %1").arg(keyPath);
                    continue;
                }
                m_ssl.setLocalCertificate(certs.constFirst());
                m_ssl.setPrivateKey(key);
            } else if (f.endsWith(".key"_L1)) {
                if (!QFile::exists(path.chopped(4) + u".cert"_s))
                    m_tlsSetupError = EngineText::tr("key %1 has no matching client certificate %2")
                                          .arg(path, path.chopped(4) + u".cert"_s);
            }
        }
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

QUrl RegistryClient::apiUrl(const QString &path) const
{
    // Relative: resolved against the registry's base URL once the scheme is known (after the ping).
    return QUrl(path, QUrl::StrictMode);
}

bool RegistryClient::isRegistryHost(const QUrl &url) const
{
    return sameAuthority(url, QUrl(u"https://"_s + apiHost())) ||
           (url.scheme() == "http"_L1 && sameAuthority(url, QUrl(u"http://"_s + apiHost())));
}

QSslConfiguration RegistryClient::sslConfiguration() const
{
    return m_ssl;
}

QString RegistryClient::repositoryScope(const QString &repo, bool push) const
{
    return u"repository:"_s + repo + (push ? u":pull,push"_s : u":pull"_s);
}

// One request on the wire: no auth logic, no redirects. In Stream mode a 2xx reply is handed over
// through *streamReply with only its headers read.
Result<RegistryClient::Response> RegistryClient::sendOnce(const Request &request, const QUrl &url, const QByteArray &method,
                                                          const QByteArray &body, bool withAuth,
                                                          const QByteArray &authorization, const CancelToken &cancel,
                                                          Mode mode, QNetworkReply **streamReply)
{
    if (cancel.isCancelled())
        return fail(cancelledError());
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setRawHeader("User-Agent", kUserAgent);
    req.setRawHeader("Accept-Encoding", "identity"); // bytes exactly as stored: no transparent decompression
    for (const auto &[k, v] : request.headers)
        req.setRawHeader(k, v);
    if (withAuth && !authorization.isEmpty())
        req.setRawHeader("Authorization", authorization);
    if (url.scheme() == "https"_L1)
        req.setSslConfiguration(m_ssl);
    const bool hasBody = method == "POST" || method == "PUT" || method == "PATCH";
    if (hasBody)
        req.setHeader(QNetworkRequest::ContentLengthHeader, body.size());

    QNetworkAccessManager *nam = threadNam(m_tlsKey);
    QNetworkReply *reply = nullptr;
    if (method == "GET")
        reply = nam->get(req);
    else if (method == "HEAD")
        reply = nam->head(req);
    else if (hasBody)
        reply = nam->sendCustomRequest(req, method, body);
    else
        reply = nam->sendCustomRequest(req, method);
    std::unique_ptr<QNetworkReply> owner(reply);
    if (mode == Mode::Stream)
        reply->setReadBufferSize(1 << 20);

    QStringList sslErrors;
    const auto sslConnection = QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&sslErrors, reply, this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            sslErrors << e.errorString();
        if (m_config.insecure)
            reply->ignoreSslErrors();
    });

    const auto timeout = request.timeout.value_or(m_config.timeout);
    const qint64 maxBody = request.maxBody;
    auto statusKnown = [reply]() { return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid(); };
    auto tooLarge = [reply, maxBody]() { return reply->bytesAvailable() > maxBody; };
    const WaitResult w = mode == Mode::Stream
        ? waitOn(reply, statusKnown, cancel, timeout)
        : waitOn(reply, [&]() { return tooLarge(); }, cancel, timeout);
    if (w == WaitResult::Cancelled) {
        reply->abort();
        return fail(cancelledError());
    }
    if (w == WaitResult::TimedOut) {
        reply->abort();
        return fail(ErrorCode::Timeout,
                    EngineText::tr("%1 %2: no answer from %3 for %4 s")
                        .arg(QString::fromLatin1(method), redactUrl(url), url.authority())
                        .arg(timeout.count() / 1000),
                    true);
    }

    Response resp;
    resp.url = url;
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttr.isValid()) {
        const QNetworkReply::NetworkError ne = reply->error();
        const QString what = reply->errorString();
        if (ne == QNetworkReply::SslHandshakeFailedError || !sslErrors.isEmpty()) {
            const QString details = sslErrors.isEmpty() ? what : sslErrors.join(u"; "_s);
            if (sslErrors.isEmpty() && (what.contains(u"wrong version number"_s) || what.contains(u"packet length too long"_s)))
                return fail(ErrorCode::TlsError,
                            EngineText::tr("TLS connection to %1 failed: the server does not speak TLS (%2); a plain-http "
                                           "registry needs --tls-verify=false")
                                .arg(url.authority(), what));
            return fail(ErrorCode::TlsError,
                        EngineText::tr("TLS connection to %1 failed: %2 (give the registry's CA with --cert-dir, or "
                                       "use --tls-verify=false for a registry you trust)")
                            .arg(url.authority(), details));
        }
        if (what.contains(u"SSL routines"_s) || what.contains(u"alert bad certificate"_s) ||
            what.contains(u"certificate required"_s))
            return fail(ErrorCode::TlsError,
                        EngineText::tr("TLS connection to %1 failed: %2 (the registry may require a client "
                                       "certificate: put NAME.cert and NAME.key into --cert-dir)")
                            .arg(url.authority(), what));
        const bool temporary = ne != QNetworkReply::ProtocolUnknownError && ne != QNetworkReply::ProtocolInvalidOperationError;
        Error e(ErrorCode::NetworkError,
                EngineText::tr("cannot reach %1 (%2 %3): %4")
                    .arg(url.authority(), QString::fromLatin1(method), redactUrl(url), what),
                temporary);
        return fail(e);
    }
    resp.status = statusAttr.toInt();
    for (const auto &[k, v] : reply->rawHeaderPairs())
        resp.headers.append({k, v});
    qCDebug(lcRegistry).noquote() << method << redactUrl(url) << "->" << resp.status;

    const bool success = resp.status >= 200 && resp.status < 300;
    if (mode == Mode::Stream && success && method != "HEAD") {
        QObject::disconnect(sslConnection);
        if (m_config.insecure)
            QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply]() { reply->ignoreSslErrors(); });
        *streamReply = owner.release();
        return resp;
    }
    // Buffer the (bounded) body.
    if (!reply->isFinished()) {
        const WaitResult w2 = waitOn(reply, [&]() { return tooLarge(); }, cancel, timeout);
        if (w2 != WaitResult::Done) {
            reply->abort();
            return fail(w2 == WaitResult::Cancelled ? cancelledError()
                                                    : Error(ErrorCode::Timeout,
                                                            EngineText::tr("%1 %2: the answer stalled")
                                                                .arg(QString::fromLatin1(method), redactUrl(url)),
                                                            true));
        }
    }
    if (tooLarge()) {
        reply->abort();
        return fail(ErrorCode::TooLarge, EngineText::tr("%1 %2: the answer is larger than %3 bytes; refused")
                                             .arg(QString::fromLatin1(method), redactUrl(url))
                                             .arg(maxBody));
    }
    resp.body = reply->readAll();
    if (success && reply->error() != QNetworkReply::NoError && reply->error() != QNetworkReply::OperationCanceledError)
        return fail(ErrorCode::NetworkError,
                    EngineText::tr("%1 %2: %3").arg(QString::fromLatin1(method), redactUrl(url), reply->errorString()),
                    true);
    return resp;
}

Status RegistryClient::ping(const CancelToken &cancel)
{
    if (!m_tlsSetupError.isEmpty())
        return fail(ErrorCode::TlsError, EngineText::tr("registry %1: %2").arg(m_config.host, m_tlsSetupError));
    const QStringList schemes = m_config.insecure ? QStringList{u"https"_s, u"http"_s} : QStringList{u"https"_s};
    std::optional<Error> firstError;
    for (const QString &scheme : schemes) {
        Request r;
        r.url = QUrl(scheme + u"://"_s + apiHost() + u"/v2/"_s);
        r.timeout = std::min(m_config.timeout, std::chrono::milliseconds(30000));
        auto resp = sendOnce(r, r.url, "GET", {}, false, {}, cancel, Mode::Buffered, nullptr);
        if (!resp) {
            if (resp.error().code == ErrorCode::Cancelled)
                return fail(resp.error());
            qCDebug(lcRegistry) << "ping" << scheme << "failed:" << resp.error().message;
            if (!firstError)
                firstError = resp.error();
            continue;
        }
        if (resp->status != 200 && resp->status != 401)
            return fail(ErrorCode::ProtocolError,
                        EngineText::tr("%1 does not answer like a container registry (HTTP %2 for /v2/)")
                            .arg(m_config.host)
                            .arg(resp->status));
        QMutexLocker lock(&m_mutex);
        m_scheme = scheme;
        m_ready = true;
        if (resp->status == 401) {
            const auto challenges = parseAuthChallenges(resp->header("www-authenticate"));
            for (const AuthChallenge &c : challenges)
                if (c.scheme == "bearer"_L1 || (c.scheme == "basic"_L1 && !m_challenge))
                    m_challenge = c;
        }
        qCDebug(lcRegistry) << "registry" << m_config.host << "over" << scheme << "auth"
                            << (m_challenge ? m_challenge->scheme : u"none"_s);
        return {};
    }
    Error e = *firstError;
    if (m_config.insecure)
        e.message = EngineText::tr("registry %1 is not reachable over https or http: %2").arg(m_config.host, e.message);
    return fail(e);
}

Status RegistryClient::ensureReady(const CancelToken &cancel)
{
    QMutexLocker pingLock(&m_pingMutex);
    {
        QMutexLocker lock(&m_mutex);
        if (m_ready)
            return {};
    }
    return ping(cancel);
}

Result<RegistryClient::Token> RegistryClient::fetchToken(const AuthChallenge &challenge, const QStringList &scopes,
                                                          const CancelToken &cancel)
{
    const QUrl realm(challenge.params.value(u"realm"_s));
    if (!realm.isValid() || realm.host().isEmpty())
        return fail(ErrorCode::ProtocolError,
                    EngineText::tr("registry %1 sent a Bearer challenge without a valid realm").arg(m_config.host));
    if (realm.scheme() != "https"_L1 && !m_config.insecure)
        return fail(ErrorCode::ProtocolError,
                    EngineText::tr("the token realm %1 of registry %2 is not https; refusing to send credentials there "
                                   "(use --tls-verify=false only for a registry you trust)")
                        .arg(redactUrl(realm), m_config.host));
    const QString service = challenge.params.value(u"service"_s);
    const std::optional<Credentials> &creds = m_config.credentials;

    Request r;
    QByteArray method = "GET";
    QByteArray body;
    QUrl url = realm;
    QByteArray authorization;
    auto enc = [](const QString &v) { return QString::fromLatin1(QUrl::toPercentEncoding(v)); };
    QStringList params;
    if (creds && !creds->identityToken.isEmpty()) {
        method = "POST";
        params << u"grant_type=refresh_token"_s << u"refresh_token="_s + enc(creds->identityToken)
               << u"service="_s + enc(service) << u"scope="_s + enc(scopes.join(u' ')) << u"client_id=stevedore"_s;
        body = params.join(u'&').toLatin1();
        r.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/x-www-form-urlencoded"));
    } else {
        const QString existing = url.query(QUrl::FullyEncoded);
        if (!existing.isEmpty())
            params << existing;
        if (!service.isEmpty())
            params << u"service="_s + enc(service);
        for (const QString &s : scopes)
            params << u"scope="_s + enc(s);
        if (creds && !creds->username.isEmpty()) {
            params << u"account="_s + enc(creds->username);
            authorization = basicAuthorization(*creds);
        }
        url.setQuery(params.join(u'&'), QUrl::StrictMode);
    }
    r.maxBody = 1 << 20;
    r.timeout = std::min(m_config.timeout, std::chrono::milliseconds(30000));
    const QUrl realmUrl = url;
    for (int redirects = 0;; ++redirects) {
        // Credentials go to the realm's own host only.
        const bool toRealm = sameAuthority(url, realmUrl) && url.scheme() == realmUrl.scheme();
        auto resp = sendOnce(r, url, method, body, toRealm, authorization, cancel, Mode::Buffered, nullptr);
        if (!resp)
            return fail(resp.error().withContext(EngineText::tr("getting a token from %1").arg(realm.authority())));
        if (isRedirect(resp->status) && redirects < kMaxRedirects && !resp->header("location").isEmpty()) {
            url = url.resolved(QUrl::fromEncoded(resp->header("location")));
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
        const QJsonObject o = QJsonDocument::fromJson(resp->body).object();
        QString token = o.value("token"_L1).toString();
        if (token.isEmpty())
            token = o.value("access_token"_L1).toString();
        if (token.isEmpty())
            return fail(ErrorCode::ProtocolError,
                        EngineText::tr("token server %1 answered without a token").arg(realm.authority()));
        int expiresIn = o.value("expires_in"_L1).toInt(60);
        if (expiresIn < 60)
            expiresIn = 60;
        Token t;
        t.value = token;
        // Refresh a little before the server's expiry.
        t.expiry = std::chrono::steady_clock::now() + std::chrono::seconds(expiresIn) - std::chrono::seconds(qMin(10, expiresIn / 6));
        qCDebug(lcAuth) << "token for" << m_config.host << scopes << "valid for" << expiresIn << "s";
        return t;
    }
}

Result<QByteArray> RegistryClient::authorizationFor(const QStringList &scopes, bool forceRefresh, const CancelToken &cancel)
{
    std::optional<AuthChallenge> challenge;
    const QString key = scopes.join(u' ');
    {
        QMutexLocker lock(&m_mutex);
        challenge = m_challenge;
        if (!challenge)
            return QByteArray();
        if (challenge->scheme == "basic"_L1) {
            if (m_config.credentials && !m_config.credentials->username.isEmpty())
                return basicAuthorization(*m_config.credentials);
            return QByteArray();
        }
        if (challenge->scheme != "bearer"_L1)
            return QByteArray();
        if (forceRefresh)
            m_tokens.remove(key);
        const auto it = m_tokens.constFind(key);
        if (it != m_tokens.constEnd() && it->expiry > std::chrono::steady_clock::now())
            return "Bearer " + it->value.toLatin1();
    }
    QMutexLocker fetchLock(&m_tokenFetch);
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_tokens.constFind(key);
        if (it != m_tokens.constEnd() && it->expiry > std::chrono::steady_clock::now())
            return "Bearer " + it->value.toLatin1();
    }
    auto token = fetchToken(*challenge, scopes, cancel);
    if (!token)
        return fail(token.error());
    QMutexLocker lock(&m_mutex);
    m_tokens.insert(key, *token);
    return "Bearer " + token->value.toLatin1();
}

Result<RegistryClient::Response> RegistryClient::sendImpl(const Request &request, const CancelToken &cancel, Mode mode,
                                                          QNetworkReply **streamReply)
{
    if (auto ready = ensureReady(cancel); !ready)
        return fail(ready.error());
    QUrl url = request.url;
    if (url.isRelative())
        url = baseUrl().resolved(url);
    QByteArray method = request.method;
    QByteArray body = request.body;
    QStringList scopes = request.scopes;
    bool authRetried = false;
    bool forceRefresh = false;
    for (int redirects = 0;;) {
        const bool registryHost = isRegistryHost(url);
        QByteArray authorization;
        if (registryHost) {
            auto a = authorizationFor(scopes, forceRefresh, cancel);
            if (!a)
                return fail(a.error());
            authorization = *a;
            forceRefresh = false;
        }
        auto resp = sendOnce(request, url, method, body, registryHost, authorization, cancel, mode, streamReply);
        if (!resp)
            return resp;
        if (isRedirect(resp->status)) {
            const QByteArray location = resp->header("location");
            if (location.isEmpty())
                return fail(ErrorCode::ProtocolError,
                            EngineText::tr("%1 redirected without a Location").arg(redactUrl(url)));
            if (++redirects > kMaxRedirects)
                return fail(ErrorCode::ProtocolError,
                            EngineText::tr("%1: more than %2 redirects").arg(redactUrl(request.url)).arg(kMaxRedirects));
            const QUrl next = url.resolved(QUrl::fromEncoded(location));
            if (isRegistryHost(next) && next.scheme() == "http"_L1 && url.scheme() == "https"_L1 && !m_config.insecure)
                return fail(ErrorCode::ProtocolError,
                            EngineText::tr("registry %1 redirected from https to http; refused").arg(m_config.host));
            qCDebug(lcRegistry).noquote() << "redirect to" << redactUrl(next)
                                          << (isRegistryHost(next) ? "(registry)" : "(other host: no credentials)");
            if (resp->status == 303 || ((resp->status == 301 || resp->status == 302) && method == "POST")) {
                method = "GET";
                body.clear();
            }
            url = next;
            continue;
        }
        if (resp->status == 401 && registryHost && !authRetried) {
            authRetried = true;
            const QList<AuthChallenge> challenges = parseAuthChallenges(resp->header("www-authenticate"));
            std::optional<AuthChallenge> chosen;
            for (const AuthChallenge &c : challenges)
                if (c.scheme == "bearer"_L1 || (c.scheme == "basic"_L1 && !chosen))
                    chosen = c;
            if (chosen) {
                {
                    QMutexLocker lock(&m_mutex);
                    const bool changed = !m_challenge || m_challenge->scheme != chosen->scheme ||
                                         m_challenge->params.value(u"realm"_s) != chosen->params.value(u"realm"_s);
                    if (changed) {
                        m_challenge = AuthChallenge{chosen->scheme, chosen->params};
                        m_challenge->params.remove(u"scope"_s);
                        m_challenge->params.remove(u"error"_s);
                        m_tokens.clear();
                    }
                }
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

Result<RegistryClient::Response> RegistryClient::send(const Request &request, const CancelToken &cancel)
{
    return sendImpl(request, cancel, Mode::Buffered, nullptr);
}

namespace {

QString describe(const QString &what, const QString &host, const QString &repo)
{
    return EngineText::tr("%1 %2/%3").arg(what, host, repo);
}

Error errorFor(const RegistryClient::Response &resp, const QString &context)
{
    Error e = registryHttpError(resp.status, resp.body, resp.header("retry-after"), context);
    if (e.code == ErrorCode::Unauthorized)
        e.message += EngineText::tr(" — check --creds or the auth file");
    return e;
}

} // namespace

Result<std::optional<qint64>> RegistryClient::blobSize(const QString &repo, const Digest &digest, const CancelToken &cancel)
{
    Request r;
    r.method = "HEAD";
    r.url = apiUrl(u"/v2/"_s + repo + u"/blobs/"_s + digest.toString());
    r.scopes = {repositoryScope(repo, m_config.pushAccess)};
    auto resp = send(r, cancel);
    if (!resp)
        return fail(resp.error());
    if (resp->status == 404)
        return std::optional<qint64>();
    if (resp->status != 200)
        return fail(errorFor(*resp, describe(EngineText::tr("checking blob %1 in").arg(digest.toString()), m_config.host, repo)));
    bool ok = false;
    const qint64 size = resp->header("content-length").toLongLong(&ok);
    return std::optional<qint64>(ok ? size : -1);
}

// Streams a blob from a reply owned by the reading thread; the reply's read buffer is bounded.
class RegistryBlobReader final : public BlobReader
{
public:
    RegistryBlobReader(QNetworkReply *reply, qint64 expected, CancelToken cancel, std::chrono::milliseconds timeout,
                       QString what)
        : m_reply(reply), m_expected(expected), m_cancel(std::move(cancel)), m_timeout(timeout), m_what(std::move(what))
    {
    }
    ~RegistryBlobReader() override
    {
        if (m_reply && !m_reply->isFinished())
            m_reply->abort();
    }

    Result<qint64> read(char *data, qint64 maxSize) override
    {
        if (!m_reply)
            return qint64(0);
        for (;;) {
            if (m_reply->bytesAvailable() > 0) {
                const qint64 n = m_reply->read(data, maxSize);
                if (n < 0)
                    return fail(ErrorCode::NetworkError, EngineText::tr("%1: read error").arg(m_what), true);
                m_done += n;
                return n;
            }
            if (m_reply->isFinished()) {
                if (m_reply->error() != QNetworkReply::NoError)
                    return fail(ErrorCode::NetworkError,
                                EngineText::tr("%1: the download broke off after %2 bytes: %3")
                                    .arg(m_what)
                                    .arg(m_done)
                                    .arg(m_reply->errorString()),
                                true);
                if (m_expected >= 0 && m_done != m_expected)
                    return fail(ErrorCode::NetworkError,
                                EngineText::tr("%1: the download ended after %2 of %3 bytes").arg(m_what).arg(m_done).arg(m_expected),
                                true);
                m_reply.reset();
                return qint64(0);
            }
            QNetworkReply *r = m_reply.get();
            const WaitResult w = waitOn(r, [r]() { return r->bytesAvailable() > 0; }, m_cancel, m_timeout);
            if (w == WaitResult::Cancelled)
                return fail(cancelledError());
            if (w == WaitResult::TimedOut)
                return fail(ErrorCode::Timeout,
                            EngineText::tr("%1: no data for %2 s").arg(m_what).arg(m_timeout.count() / 1000), true);
        }
    }

private:
    std::unique_ptr<QNetworkReply> m_reply;
    qint64 m_expected;
    qint64 m_done = 0;
    CancelToken m_cancel;
    std::chrono::milliseconds m_timeout;
    QString m_what;
};

Result<std::unique_ptr<BlobReader>> RegistryClient::openBlob(const QString &repo, const Digest &digest, const CancelToken &cancel)
{
    Request r;
    r.url = apiUrl(u"/v2/"_s + repo + u"/blobs/"_s + digest.toString());
    r.scopes = {repositoryScope(repo, m_config.pushAccess)};
    QNetworkReply *reply = nullptr;
    auto resp = sendImpl(r, cancel, Mode::Stream, &reply);
    if (!resp)
        return fail(resp.error());
    const QString what = describe(EngineText::tr("blob %1 of").arg(digest.toString()), m_config.host, repo);
    if (!reply || resp->status != 200) {
        delete reply;
        if (resp->status == 404 && resp->body.isEmpty())
            return fail(ErrorCode::BlobUnknown, EngineText::tr("%1 does not exist (HTTP 404)").arg(what));
        return fail(errorFor(*resp, EngineText::tr("getting %1").arg(what)));
    }
    bool ok = false;
    const qint64 length = resp->header("content-length").toLongLong(&ok);
    return std::unique_ptr<BlobReader>(
        std::make_unique<RegistryBlobReader>(reply, ok ? length : -1, cancel, m_config.timeout, what));
}

Result<RegistryClient::MountResult> RegistryClient::mountBlob(const QString &repo, const Digest &digest,
                                                              const QString &fromRepo, const CancelToken &cancel)
{
    Request r;
    r.method = "POST";
    QUrl url = apiUrl(u"/v2/"_s + repo + u"/blobs/uploads/"_s);
    url.setQuery(u"mount="_s + QString::fromLatin1(QUrl::toPercentEncoding(digest.toString())) + u"&from="_s +
                     QString::fromLatin1(QUrl::toPercentEncoding(fromRepo, "/")),
                 QUrl::StrictMode);
    r.url = url;
    r.scopes = {repositoryScope(repo, true), repositoryScope(fromRepo, false)};
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
        m.uploadUrl = resp->url.resolved(QUrl::fromEncoded(location));
        return m;
    }
    return fail(errorFor(*resp, describe(EngineText::tr("mounting blob %1 from %2 into").arg(digest.toString(), fromRepo),
                                         m_config.host, repo)));
}

Result<QUrl> RegistryClient::startUpload(const QString &repo, const CancelToken &cancel)
{
    Request r;
    r.method = "POST";
    r.url = apiUrl(u"/v2/"_s + repo + u"/blobs/uploads/"_s);
    r.scopes = {repositoryScope(repo, true)};
    auto resp = send(r, cancel);
    if (!resp)
        return fail(resp.error());
    if (resp->status != 202)
        return fail(errorFor(*resp, describe(EngineText::tr("starting an upload to"), m_config.host, repo)));
    const QByteArray location = resp->header("location");
    if (location.isEmpty())
        return fail(ErrorCode::ProtocolError, EngineText::tr("registry %1 opened an upload without a Location").arg(m_config.host));
    return resp->url.resolved(QUrl::fromEncoded(location));
}

namespace {

bool cancellableSleep(std::chrono::milliseconds delay, const CancelToken &cancel)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < delay.count()) {
        if (cancel.isCancelled())
            return false;
        QThread::msleep(20);
    }
    return !cancel.isCancelled();
}

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
        : m_client(client), m_keepAlive(std::move(keepAlive)), m_repo(std::move(repo)), m_location(std::move(location)), m_chunkSize(chunkSize)
    {
    }
    ~RegistryBlobWriter() override
    {
        if (m_committed || !m_location.isValid())
            return;
        // Cancel the session so nothing half-written stays around; best effort, bounded.
        RegistryClient::Request r;
        r.method = "DELETE";
        r.url = m_location;
        r.scopes = {m_client->repositoryScope(m_repo, true)};
        r.timeout = std::chrono::milliseconds(5000);
        auto resp = m_client->send(r, CancelToken());
        qCDebug(lcRegistry) << "upload cancelled:" << (resp ? resp->status : -1);
    }

    qint64 preferredChunkSize() const override { return m_chunkSize; }

    Status write(const QByteArray &data, const CancelToken &cancel) override
    {
        qint64 sent = 0;
        int attempts = 0;
        while (sent < data.size()) {
            const QByteArray piece = sent == 0 ? data : data.mid(sent);
            RegistryClient::Request r;
            r.method = "PATCH";
            r.url = m_location;
            r.headers = {{"Content-Type", "application/octet-stream"},
                         {"Content-Range", QByteArray::number(m_offset) + '-' + QByteArray::number(m_offset + piece.size() - 1)}};
            r.body = piece;
            r.scopes = {m_client->repositoryScope(m_repo, true)};
            auto resp = m_client->send(r, cancel);
            Error e;
            if (resp && resp->status == 202) {
                const QByteArray location = resp->header("location");
                if (!location.isEmpty())
                    m_location = resp->url.resolved(QUrl::fromEncoded(location));
                m_offset += piece.size();
                sent = data.size();
                break;
            }
            e = resp ? errorFor(*resp, describe(EngineText::tr("uploading a chunk to"), m_client->host(), m_repo))
                     : resp.error();
            // 416: the registry's offset differs from ours (e.g. part of a broken request was stored, or the
            // network stack re-sent it): ask where it is and go on from there.
            const bool resumable = e.temporary || (resp && resp->status == 416);
            if (resp && resp->status == 404 && e.code == ErrorCode::BlobUploadInvalid && m_offset > 0)
                return fail(sessionLost(e)); // docker-distribution: its offset moved (part of a broken chunk stored)
            if (!resumable || e.code == ErrorCode::Cancelled || ++attempts > 3)
                return fail(e);
            qCInfo(lcRegistry) << "chunk upload failed, resuming:" << e.message;
            if (!cancellableSleep(std::chrono::milliseconds(300 * attempts), cancel))
                return fail(cancelledError());
            // Ask the registry how much it has, and go on from there.
            auto next = uploadedSoFar(cancel);
            if (!next) {
                if (next.error().temporary)
                    continue;
                if (next.error().code == ErrorCode::BlobUploadInvalid || next.error().code == ErrorCode::BlobUploadUnknown)
                    return fail(sessionLost(next.error()));
                return fail(next.error());
            }
            if (*next < m_offset || *next > m_offset + piece.size()) {
                Error lost(ErrorCode::BlobUploadInvalid,
                           EngineText::tr("the registry lost part of the upload (it has %1 bytes, %2 were sent)")
                               .arg(*next)
                               .arg(m_offset),
                           true);
                return fail(lost);
            }
            sent += *next - m_offset;
            m_offset = *next;
        }
        return {};
    }

    Status commit(const Digest &digest, qint64 size, const CancelToken &cancel) override
    {
        if (size >= 0 && size != m_offset)
            return fail(ErrorCode::SizeMismatch,
                        EngineText::tr("blob %1: %2 bytes were uploaded but %3 were expected").arg(digest.toString()).arg(m_offset).arg(size));
        RegistryClient::Request r;
        r.method = "PUT";
        r.url = withDigestParam(m_location, digest);
        r.headers = {{"Content-Type", "application/octet-stream"}};
        r.scopes = {m_client->repositoryScope(m_repo, true)};
        auto resp = m_client->send(r, cancel);
        if (!resp)
            return fail(resp.error());
        if (resp->status != 201 && resp->status != 204)
            return fail(errorFor(*resp, describe(EngineText::tr("completing the upload of %1 to").arg(digest.toString()),
                                                 m_client->host(), m_repo)));
        const QByteArray confirmed = resp->header("docker-content-digest");
        if (!confirmed.isEmpty() && QString::fromLatin1(confirmed) != digest.toString())
            return fail(ErrorCode::DigestMismatch, EngineText::tr("the registry stored %1 as %2")
                                                       .arg(digest.toString(), QString::fromLatin1(confirmed)));
        m_committed = true;
        return {};
    }

private:
    // The registry will not go on with this session (docker-distribution refuses an upload whose stored size no
    // longer matches the offset in its URL state, which happens when part of a broken chunk was stored): the blob
    // has to be uploaded again from the start, which a retry of the blob does.
    static Error sessionLost(const Error &cause)
    {
        Error e(ErrorCode::BlobUploadInvalid,
                EngineText::tr("the registry dropped the upload session after a broken transfer, the blob must be "
                               "uploaded again (%1)")
                    .arg(cause.message),
                true);
        return e; // httpStatus 0: retryable
    }

    // GET on the upload URL: the registry's Range says how many bytes it has.
    Result<qint64> uploadedSoFar(const CancelToken &cancel)
    {
        RegistryClient::Request r;
        r.url = m_location;
        r.scopes = {m_client->repositoryScope(m_repo, true)};
        auto resp = m_client->send(r, cancel);
        if (!resp)
            return fail(resp.error());
        if (resp->status != 204 && resp->status != 200)
            return fail(errorFor(*resp, describe(EngineText::tr("asking for the upload status at"), m_client->host(), m_repo)));
        const QByteArray location = resp->header("location");
        if (!location.isEmpty())
            m_location = resp->url.resolved(QUrl::fromEncoded(location));
        const QByteArray range = resp->header("range");
        if (range.isEmpty())
            return qint64(0);
        auto end = parseRangeEnd(range);
        if (!end)
            return fail(end.error());
        // "0-0" is also what an empty upload reports.
        return *end == 0 && m_offset == 0 ? qint64(0) : *end + 1;
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
    return std::unique_ptr<BlobWriter>(
        std::make_unique<RegistryBlobWriter>(this, weak_from_this().lock(), repo, location, chunkSize > 0 ? chunkSize : 8 << 20));
}

Result<RawManifest> RegistryClient::getManifest(const QString &repo, const QString &reference, const CancelToken &cancel)
{
    std::optional<Digest> expected;
    if (reference.contains(u':')) {
        auto d = Digest::parse(reference);
        if (!d)
            return fail(d.error());
        expected = *d;
    } else if (!ImageReference::isValidTag(reference)) {
        return fail(ErrorCode::InvalidReference, EngineText::tr("invalid tag %1").arg(reference));
    }
    Request r;
    r.url = apiUrl(u"/v2/"_s + repo + u"/manifests/"_s + reference);
    r.headers = {{"Accept", QByteArray(mediatype::OciManifest.data()) + ", " + mediatype::OciIndex.data() + ", " +
                                mediatype::DockerManifest.data() + ", " + mediatype::DockerManifestList.data()}};
    r.scopes = {repositoryScope(repo, m_config.pushAccess)};
    r.maxBody = kMaxManifestSize;
    const QString what = describe(EngineText::tr("manifest %1 of").arg(reference), m_config.host, repo);
    auto resp = send(r, cancel);
    if (!resp) {
        if (resp.error().code == ErrorCode::TooLarge)
            return fail(ErrorCode::TooLarge, EngineText::tr("%1 is larger than 4 MiB; refused").arg(what));
        return fail(resp.error());
    }
    if (resp->status != 200) {
        Error e = errorFor(*resp, EngineText::tr("getting %1").arg(what));
        if (resp->status == 404 && e.code == ErrorCode::NotFound)
            e.code = ErrorCode::ManifestUnknown;
        return fail(e);
    }
    if (expected) {
        Digester d(expected->algorithm());
        d.addData(resp->body);
        const Digest actual = d.result();
        if (actual != *expected)
            return fail(ErrorCode::DigestMismatch,
                        EngineText::tr("%1: the registry sent bytes with digest %2").arg(what, actual.toString()));
    }
    return makeRawManifest(resp->body, contentTypeOf(resp->header("content-type")));
}

Result<Digest> RegistryClient::putManifest(const QString &repo, const QString &reference, const RawManifest &manifest,
                                           const CancelToken &cancel)
{
    if (manifest.bytes.size() > kMaxManifestSize)
        return fail(ErrorCode::TooLarge, EngineText::tr("the manifest is larger than 4 MiB; refused"));
    Request r;
    r.method = "PUT";
    r.url = apiUrl(u"/v2/"_s + repo + u"/manifests/"_s + reference);
    r.headers = {{"Content-Type", manifest.mediaType.toLatin1()}};
    r.body = manifest.bytes;
    r.scopes = {repositoryScope(repo, true)};
    auto resp = send(r, cancel);
    if (!resp)
        return fail(resp.error());
    if (resp->status != 201 && resp->status != 200 && resp->status != 202)
        return fail(errorFor(*resp, describe(EngineText::tr("putting manifest %1 to").arg(reference), m_config.host, repo)));
    const Digest digest = manifest.digest();
    const QByteArray confirmed = resp->header("docker-content-digest");
    if (!confirmed.isEmpty() && QString::fromLatin1(confirmed) != digest.toString())
        qCWarning(lcRegistry) << "registry reports manifest digest" << confirmed << "for" << digest.toString();
    return digest;
}

namespace {

Result<QStringList> paginate(RegistryClient &client, QUrl url, const QStringList &scopes, const QString &field,
                             const QString &what, const CancelToken &cancel)
{
    QStringList out;
    for (int page = 0; page < kMaxPages && url.isValid(); ++page) {
        RegistryClient::Request r;
        r.url = url;
        r.scopes = scopes;
        r.maxBody = 16 << 20;
        auto resp = client.send(r, cancel);
        if (!resp)
            return fail(resp.error());
        if (resp->status != 200)
            return fail(errorFor(*resp, what));
        const QJsonDocument doc = QJsonDocument::fromJson(resp->body);
        if (!doc.isObject())
            return fail(ErrorCode::ProtocolError, EngineText::tr("%1: the answer is not a JSON object").arg(what));
        for (const QJsonValue &v : doc.object().value(field).toArray())
            out << v.toString();
        url = nextLink(resp->header("link"), resp->url);
    }
    return out;
}

} // namespace

Result<QStringList> RegistryClient::listTags(const QString &repo, int pageSize, const CancelToken &cancel)
{
    QUrl url = apiUrl(u"/v2/"_s + repo + u"/tags/list"_s);
    if (pageSize > 0)
        url.setQuery(u"n="_s + QString::number(pageSize));
    return paginate(*this, url, {repositoryScope(repo, m_config.pushAccess)}, u"tags"_s,
                    describe(EngineText::tr("listing the tags of"), m_config.host, repo), cancel);
}

Result<QStringList> RegistryClient::catalog(int pageSize, const CancelToken &cancel)
{
    QUrl url = apiUrl(u"/v2/_catalog"_s);
    if (pageSize > 0)
        url.setQuery(u"n="_s + QString::number(pageSize));
    return paginate(*this, url, {u"registry:catalog:*"_s}, u"repositories"_s,
                    EngineText::tr("listing the repositories of %1").arg(m_config.host), cancel);
}

} // namespace stevedore
