#pragma once

#include "auth/credentials.h"
#include "content/manifest.h"
#include "core/cancel.h"
#include "core/error.h"
#include "transport/types.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

class QNetworkReply;

namespace stevedore {

// One challenge of a WWW-Authenticate header: `Bearer realm="...",service="...",scope="..."`.
struct AuthChallenge {
    QString scheme;                 // lower case: "basic", "bearer"
    QMap<QString, QString> params;  // keys lower case
};
// Parses every challenge of a header value (several may be joined by commas; quoted values may hold commas).
QList<AuthChallenge> parseAuthChallenges(const QByteArray &header);

// Maps a registry answer (status, JSON error body) to an Error: distribution codes, temporary() for 408/429/5xx,
// Retry-After into Error::retryAfter. Exposed for tests.
Error registryHttpError(int status, const QByteArray &body, const QByteArray &retryAfter, const QString &context);

struct RegistryConfig {
    QString host;                           // "localhost:5000", "docker.io" (registry-1.docker.io is used for it)
    std::optional<Credentials> credentials; // nullopt: anonymous
    bool insecure = false;                  // --tls-verify=false: no certificate checks, http when https fails
    QString certDir;                        // --cert-dir; empty: /etc/containers/certs.d/HOST, /etc/docker/certs.d/HOST
    bool pushAccess = false;                // request "pull,push" tokens for repository scopes
    std::chrono::milliseconds timeout{60000}; // inactivity timeout of one request
};

// A blocking registry client (distribution spec v2) for worker threads. Thread-safe: each thread uses its own
// QNetworkAccessManager and waits in a local event loop, polling the CancelToken. Never call it on the GUI thread.
class RegistryClient final : public std::enable_shared_from_this<RegistryClient>
{
public:
    explicit RegistryClient(RegistryConfig config);
    ~RegistryClient();
    RegistryClient(const RegistryClient &) = delete;
    RegistryClient &operator=(const RegistryClient &) = delete;

    const QString &host() const { return m_config.host; }
    const RegistryConfig &config() const { return m_config; }

    // GET /v2/: picks the scheme (https; with insecure also http) and learns the auth challenge.
    Status ping(const CancelToken &cancel);
    // "https://host" or "http://host" once pinged.
    QUrl baseUrl() const;

    // HEAD of a blob: its size when it exists, nullopt when the registry does not have it.
    Result<std::optional<qint64>> blobSize(const QString &repo, const Digest &digest, const CancelToken &cancel);
    // Streams a blob (redirects to storage hosts followed without credentials). Bounded buffering.
    Result<std::unique_ptr<BlobReader>> openBlob(const QString &repo, const Digest &digest, const CancelToken &cancel);

    struct MountResult {
        bool mounted = false;
        QUrl uploadUrl; // when not mounted: the upload session the registry opened instead
    };
    // POST ?mount=DIGEST&from=FROM: 201 mounted; 202 an upload session to use instead.
    Result<MountResult> mountBlob(const QString &repo, const Digest &digest, const QString &fromRepo,
                                  const CancelToken &cancel);
    // Starts an upload session (POST); returns its absolute URL.
    Result<QUrl> startUpload(const QString &repo, const CancelToken &cancel);
    // A BlobWriter over an upload session (a new one when `session` is empty): chunked PATCH, final PUT ?digest=,
    // DELETE when destroyed uncommitted. A shared client is kept alive by the writer; else it must outlive it.
    Result<std::unique_ptr<BlobWriter>> beginUpload(const QString &repo, const QUrl &session, qint64 chunkSize,
                                                    const CancelToken &cancel);

    // GET with Accept of the four manifest types; exact bytes; refuses over 4 MiB; verified when `reference` is a digest.
    Result<RawManifest> getManifest(const QString &repo, const QString &reference, const CancelToken &cancel);
    // PUT with Content-Type = the manifest's media type; reference is a tag or a digest. Returns the digest.
    Result<Digest> putManifest(const QString &repo, const QString &reference, const RawManifest &manifest,
                               const CancelToken &cancel);

    // Tag list and catalog, following Link rel="next" pagination; pageSize <= 0: the registry's default.
    Result<QStringList> listTags(const QString &repo, int pageSize, const CancelToken &cancel);
    Result<QStringList> catalog(int pageSize, const CancelToken &cancel);

    // --- lower level, used by the upload writer ---
    struct Response {
        int status = 0;
        QUrl url;                                      // the final URL (after redirects)
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };
    struct Request {
        QByteArray method = "GET";
        QUrl url;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QStringList scopes;        // token scopes; empty: none (ping, catalog uses "registry:catalog:*")
        qint64 maxBody = 1 << 20;  // larger answers are refused (TooLarge)
        std::optional<std::chrono::milliseconds> timeout;
    };
    // Sends with authentication (challenge → token/basic, one retry on 401) and redirects followed by hand.
    Result<Response> send(const Request &request, const CancelToken &cancel);

    QString repositoryScope(const QString &repo, bool push) const;

private:
    friend class RegistryBlobReader;
    struct Token {
        QString value;
        std::chrono::steady_clock::time_point expiry;
    };
    enum class Mode { Buffered, Stream };
    struct Exchange; // a reply in flight

    Status ensureReady(const CancelToken &cancel);
    Result<Response> sendOnce(const Request &request, const QUrl &url, const QByteArray &method, const QByteArray &body,
                              bool withAuth, const QByteArray &authorization, const CancelToken &cancel, Mode mode,
                              QNetworkReply **streamReply);
    Result<Response> sendImpl(const Request &request, const CancelToken &cancel, Mode mode, QNetworkReply **streamReply);
    Result<QByteArray> authorizationFor(const QStringList &scopes, bool forceRefresh, const CancelToken &cancel);
    Result<Token> fetchToken(const AuthChallenge &challenge, const QStringList &scopes, const CancelToken &cancel);
    QSslConfiguration sslConfiguration() const;
    bool isRegistryHost(const QUrl &url) const;
    QUrl apiUrl(const QString &path) const;
    QString apiHost() const;

    RegistryConfig m_config;
    QSslConfiguration m_ssl;
    QString m_tlsSetupError;
    QString m_tlsKey; // which per-thread QNetworkAccessManager this client's requests use

    mutable QMutex m_mutex;  // guards everything below
    bool m_ready = false;
    QString m_scheme;        // "https" or "http" once pinged
    std::optional<AuthChallenge> m_challenge;
    QHash<QString, Token> m_tokens; // by joined scopes
    QMutex m_tokenFetch;     // one token fetch at a time
    QMutex m_pingMutex;
};

} // namespace stevedore
