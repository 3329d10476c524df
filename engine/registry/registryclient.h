#pragma once

#include "auth/credentials.h"
#include "authchallenge.h"
#include "content/blobio.h"
#include "content/manifest.h"
#include "core/cancel.h"
#include "core/error.h"
#include "net/httpservice.h"
#include "net/urlpolicy.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWaitCondition>

#include <chrono>
#include <memory>
#include <optional>

namespace stevedore {

struct RegistryConfig {
    QString host;                           // "localhost:5000", "docker.io" (registry-1.docker.io is used for it)
    std::optional<Credentials> credentials; // nullopt: anonymous
    bool insecure = false;                  // --tls-verify=false: no certificate checks, http when https fails
    QString certDir;                        // --cert-dir; empty: /etc/containers/certs.d/HOST, /etc/docker/certs.d/HOST
    bool pushAccess = false;                // request "pull,push" tokens for repository scopes
    std::chrono::milliseconds idleTimeout{30000}; // a request with no byte moving for this long fails (Timeout)
};

// A blocking registry client (distribution spec v2) for worker threads, over the engine's network service
// (HttpService: connections and TLS sessions shared by every thread, never the GUI thread). Thread-safe; no lock is
// held across network I/O: the ping and each token fetch are single-flight, and their waiters can be cancelled.
// Every URL a server hands back goes through the client's UrlPolicy (net/urlpolicy.h) before it is contacted.
//
// The facade's parts live in one file each: registryclient.cpp (ping, authentication, redirects),
// registryblobs.cpp (HEAD, GET, mount), registryupload.cpp (upload sessions), registrymanifests.cpp,
// registrycatalog.cpp (tags and catalog), registryerrors.cpp, tlsconfig.cpp, authchallenge.cpp.
class RegistryClient final : public std::enable_shared_from_this<RegistryClient>
{
public:
    explicit RegistryClient(RegistryConfig config);
    ~RegistryClient();
    RegistryClient(const RegistryClient &) = delete;
    RegistryClient &operator=(const RegistryClient &) = delete;

    const QString &host() const { return m_config.host; }
    const RegistryConfig &config() const { return m_config; }

    // GET /v2/: picks the scheme (https; when insecure, http after a TLS failure) and learns the auth challenge.
    Status ping(const CancelToken &cancel);
    // "https://host" or "http://host" once pinged.
    QUrl baseUrl() const;
    // The URL policy once pinged (before: https, as a registry is first tried).
    UrlPolicy policy() const;

    // HEAD of a blob: its size when it exists, nullopt when the registry does not have it.
    Result<std::optional<qint64>> blobSize(const QString &repo, const Digest &digest, const CancelToken &cancel);
    // Streams a blob (redirects to storage hosts followed without credentials). Bounded buffering.
    Result<std::unique_ptr<BlobReader>> openBlob(const QString &repo, const Digest &digest, const CancelToken &cancel);
    // Streams a layer from one of its `urls` (non-distributable layers): never with the registry's credentials.
    Result<std::unique_ptr<BlobReader>> openLayerUrl(const QUrl &url, const CancelToken &cancel);

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
    // a DELETE (detached, bounded) when destroyed uncommitted and not suspended. No retry of its own: a failed request
    // fails the write (one PATCH is in flight while the caller makes the next chunk), and the caller's --retry decides,
    // resuming the session where it can. A shared client is kept alive by the writer; else it must outlive it.
    // `blobSize` >= 0 (the blob goes as it is): each chunk's PATCH streams its body as it is written, 1 MiB pieces.
    Result<std::unique_ptr<BlobWriter>> beginUpload(const QString &repo, const QUrl &session, qint64 chunkSize,
                                                    const CancelToken &cancel, qint64 blobSize = -1);
    // A BlobWriter continuing an upload session (BlobWriter::suspend()): GET of the session says how many bytes it
    // holds (its resumedAt()); an error when the registry no longer knows it.
    Result<std::unique_ptr<BlobWriter>> resumeUpload(const QString &repo, const QUrl &session, qint64 chunkSize,
                                                     const CancelToken &cancel, qint64 blobSize = -1);
    // Abandons an upload session opened by a mount attempt (a detached DELETE).
    void cancelUpload(const QString &repo, const QUrl &session);

    // GET with Accept of the four manifest types; exact bytes; refuses over 4 MiB; verified when `reference` is a digest.
    Result<RawManifest> getManifest(const QString &repo, const QString &reference, const CancelToken &cancel);
    // PUT with Content-Type = the manifest's media type; reference is a tag or a digest. Returns the digest, after
    // checking that a Docker-Content-Digest answer names the same one (else DigestMismatch: nothing is recorded).
    Result<Digest> putManifest(const QString &repo, const QString &reference, const RawManifest &manifest,
                               const CancelToken &cancel);

    // Tag list and catalog, following Link rel="next" pagination (through the URL policy), bounded in pages and
    // bytes; pageSize <= 0: the registry's default.
    Result<QStringList> listTags(const QString &repo, int pageSize, const CancelToken &cancel);
    Result<QStringList> catalog(int pageSize, const CancelToken &cancel);

    // One page of a tag list or of the catalog, and where the next one is (from Link rel="next", resolved and
    // checked by the URL policy; empty on the last page). `next` empty: the first page (n=pageSize when > 0);
    // else a `next` an earlier page returned, checked by the URL policy again.
    struct ListPage {
        QStringList names;
        QUrl next;
    };
    Result<ListPage> tagsPage(const QString &repo, int pageSize, const QUrl &next, const CancelToken &cancel);
    Result<ListPage> catalogPage(int pageSize, const QUrl &next, const CancelToken &cancel);

    // DELETE /v2/REPO/manifests/DIGEST (the distribution spec deletes by digest; every tag naming it goes too).
    // A registry without deletes enabled answers 405 UNSUPPORTED: an Unsupported error saying so.
    Status deleteManifest(const QString &repo, const Digest &digest, const CancelToken &cancel);

    // --- lower level, used by the parts above and by tests ---
    using Response = HttpResponse;
    struct Request {
        QByteArray method = "GET";
        QUrl url;                  // relative: against baseUrl(); absolute: a URL the registry handed back
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        std::shared_ptr<BodyPipe> bodyPipe; // instead of body: made while sent; then no auth retry, no redirect
        QStringList scopes;        // token scopes; empty: none (ping, catalog uses "registry:catalog:*")
        qint64 maxBody = 1 << 20;  // larger answers are refused before they are buffered (TooLarge)
        std::optional<std::chrono::milliseconds> idleTimeout;
        QString what;              // what this request does, for messages
        bool anonymous = false;    // never with the registry's credentials, even on its own origin (layer URLs)
    };
    // Sends with authentication (challenge → token or Basic, one retry on 401) and redirects followed by hand,
    // each through the URL policy.
    Result<Response> send(const Request &request, const CancelToken &cancel);
    // As send(), but a 2xx body of a GET streams through the returned reader.
    Result<std::pair<Response, std::unique_ptr<BlobReader>>> open(const Request &request, const CancelToken &cancel);
    // Fire and forget, with credentials already at hand only (no token fetch): clean-up requests.
    void sendDetached(const Request &request, std::chrono::milliseconds deadline);

    // Checks the configured credentials (login): GET /v2/ with Basic, or a Bearer token round trip that asks the
    // token server for an offline token. The identity token (refresh token) it hands back, if any, is returned.
    // Unauthorized when the registry or its token server rejects the credentials.
    Result<QString> verifyLogin(const CancelToken &cancel);

    QString repositoryScope(const QString &repo, bool push) const;
    QString describe(const QString &what, const QString &repo) const; // "<what> HOST/REPO"

private:
    struct Token {
        QString value;
        std::chrono::steady_clock::time_point expiry;
        QString refreshToken; // only when asked for an offline token (login)
    };
    enum class Mode { Buffered, Stream };

    Status ensureReady(const CancelToken &cancel);
    Result<std::pair<Response, std::unique_ptr<BlobReader>>> sendImpl(const Request &request, const CancelToken &cancel,
                                                                      Mode mode);
    Result<std::pair<Response, std::unique_ptr<BlobReader>>> hop(const Request &request, const QUrl &url,
                                                                 const QByteArray &method, const QByteArray &body,
                                                                 const QByteArray &authorization, Mode mode,
                                                                 const CancelToken &cancel);
    Error toError(const HttpFailure &failure) const;
    Result<QByteArray> authorizationFor(const QStringList &scopes, bool forceRefresh, const CancelToken &cancel);
    std::optional<QByteArray> cachedAuthorization(const QStringList &scopes) const;
    Result<Token> fetchToken(const AuthChallenge &challenge, const QStringList &scopes, const CancelToken &cancel,
                             bool offline = false);
    void learnChallenge(const AuthChallenge &challenge);
    QString apiHost() const;
    HttpRequest httpRequest(const QUrl &url, const QByteArray &method, const QByteArray &body,
                            const QList<std::pair<QByteArray, QByteArray>> &headers, qint64 maxBody,
                            std::optional<std::chrono::milliseconds> idle, const QString &what) const;

    RegistryConfig m_config;
    std::shared_ptr<const TlsProfile> m_tls;
    QString m_tlsSetupError;
    HttpService &m_http;

    mutable QMutex m_mutex; // guards everything below; never held across network I/O
    QWaitCondition m_changed;
    bool m_ready = false;
    bool m_pinging = false;
    quint64 m_pingGeneration = 0;
    std::optional<Error> m_pingError; // of the last ping, for the callers that waited on it
    QString m_scheme = QStringLiteral("https");
    std::optional<AuthChallenge> m_challenge;
    QHash<QString, Token> m_tokens;       // by joined scopes
    QHash<QString, quint64> m_fetching;   // scopes being fetched -> generation
    QHash<QString, Error> m_fetchErrors;  // the last failed fetch of each scope, for its waiters
    quint64 m_fetchGeneration = 0;
};

// Shared helpers of the client's parts.
Error registryAnswerError(const RegistryClient::Response &resp, const QString &context);

} // namespace stevedore
