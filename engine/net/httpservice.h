#pragma once

#include "content/blobio.h"
#include "core/cancel.h"
#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <chrono>
#include <expected>
#include <memory>
#include <vector>

class QThread;

namespace stevedore {

class BodyPipe;

// A TLS set-up shared by every request made with it: the CAs and client certificate of a registry, and whether
// certificates are verified. Requests with different profiles never share a connection.
struct TlsProfile {
    QString key;                 // identifies the profile: connections are pooled per key
    QSslConfiguration config;
    bool verify = true;          // false: certificate errors are ignored (--tls-verify=false)
};

struct HttpRequest {
    QByteArray method = "GET";
    QUrl url; // absolute, http or https
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // A body made while it is sent (an upload chunk streamed from the copy), instead of `body`: its length is the
    // Content-Length. Such a request cannot be sent twice.
    std::shared_ptr<BodyPipe> bodyPipe;
    // Buffered answers (and error answers of streamed ones) larger than this are refused before they are buffered:
    // a Content-Length above it fails at once, a body growing past it is cut off (ErrorCode::TooLarge).
    qint64 maxBody = 1 << 20;
    // No byte moving in either direction for this long (nothing sent, nothing received): ErrorCode::Timeout.
    std::chrono::milliseconds idleTimeout{30000};
    std::shared_ptr<const TlsProfile> tls; // null: the system's CAs, verified
    QString what;                          // what the request is for, for messages: "getting a token from auth.example"
};

struct HttpResponse {
    int status = 0;
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body; // empty for a streamed answer
    QByteArray header(const QByteArray &name) const;
};

// Why a request got no HTTP answer.
struct HttpFailure {
    enum class Kind {
        Cancelled,
        Timeout,         // idle for the request's idleTimeout
        TooLarge,        // answer over maxBody
        NotTls,          // https to a server that answered in plain text
        TlsHandshake,    // handshake failed (includes a refused or missing client certificate)
        TlsCertificate,  // the server's certificate was not trusted
        Refused,         // connection refused
        HostNotFound,
        Network,         // reset, closed, unreachable, ...
        Refusal,         // the service refused the call (GUI thread, shut down)
    };
    Kind kind = Kind::Network;
    Error error; // a complete message naming the request's `what`
};

template<typename T>
using HttpResult = std::expected<T, HttpFailure>;

// The engine's one network service (owned by EngineRuntime): a thread of its own with one QNetworkAccessManager per
// TLS profile, so connections and TLS sessions to a registry are reused by every worker thread. Calls block the
// calling worker thread, never run an event loop there, wake at least every 25 ms to honour its CancelToken, and
// are refused on the GUI thread. Every network object lives and dies in the service thread.
class HttpService final
{
public:
    // `shutdown`: the runtime's shutdown token; detached requests are abandoned when it is cancelled. `threads`:
    // how many network threads (each with its own managers); a request goes to the least busy one.
    HttpService(CancelToken shutdown, int threads);
    ~HttpService(); // waitForDetached(), then aborts what is in flight and deletes the network objects in their thread
    // Waits (at most the shutdown grace) for the detached requests still on their way (upload session DELETEs).
    void waitForDetached() const;
    HttpService(const HttpService &) = delete;
    HttpService &operator=(const HttpService &) = delete;

    // Sends and buffers the whole answer (bounded by maxBody).
    HttpResult<HttpResponse> send(const HttpRequest &request, const CancelToken &cancel);

    struct Opened {
        HttpResponse response;
        std::unique_ptr<BlobReader> body; // set for a 2xx answer to a GET: the body streams from it
    };
    // Sends and returns once the answer's headers are in. A 2xx body streams through Opened::body with bounded
    // buffering (backpressure on the connection); any other answer is buffered as with send().
    HttpResult<Opened> open(const HttpRequest &request, const CancelToken &cancel);

    // Fire and forget (clean-up such as an upload session DELETE): abandoned after `deadline`, or at shutdown.
    void sendDetached(const HttpRequest &request, std::chrono::milliseconds deadline);

    // True on the thread of a QGuiApplication: blocking calls are refused there.
    static bool onGuiThread();

    // Counters for tests and measurements.
    struct Stats {
        quint64 requests = 0;
        quint64 managers = 0; // network access managers created (one per TLS profile and thread)
        int threads = 0;
    };
    Stats stats() const;

    struct Exchange;
    class Worker;

private:
    HttpResult<std::shared_ptr<Exchange>> start(const HttpRequest &request, bool stream, const CancelToken &cancel);
    Worker *pick() const;

    struct Thread {
        QThread *thread;
        Worker *worker;
    };
    CancelToken m_shutdown;
    std::vector<Thread> m_threads;
};

} // namespace stevedore
