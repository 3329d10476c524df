#include "httpservice.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QSslSocket>
#include <QThread>
#include <QTimer>
#include <QWaitCondition>

#include <atomic>
#include <deque>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr qint64 kStreamBuffer = 4 * 1024 * 1024;   // per streamed answer, between the service and its reader
constexpr qint64 kReplyReadBuffer = 1024 * 1024;    // what QtNetwork itself buffers per reply
constexpr int kIdleCheckMs = 200;
constexpr int kShutdownGraceMs = 300;               // for detached clean-up requests still in flight
const QByteArray kUserAgent = "stevedore/0.1";

// Qt 6.4 picks its TLS backend lazily, on first use; picking it once on the main thread, while the application
// object is being constructed, takes away a race between threads that logs "No TLS backend is available".
void loadTlsBackend()
{
    (void)QSslSocket::supportsSsl();
}
Q_COREAPP_STARTUP_FUNCTION(loadTlsBackend)

QString describe(const HttpRequest &r)
{
    if (!r.what.isEmpty())
        return r.what;
    return QString::fromLatin1(r.method) + QLatin1Char(' ') + redactUrl(r.url);
}

HttpFailure failure(HttpFailure::Kind kind, ErrorCode code, QString message, bool temporary)
{
    return HttpFailure{kind, Error(code, std::move(message), temporary)};
}

} // namespace

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

struct HttpService::Exchange {
    // Fixed at creation.
    HttpRequest request;
    bool stream = false;
    bool detached = false;
    HttpService::Worker *worker = nullptr; // the network thread that runs it

    // Shared between the service thread and the waiting worker; guarded by `mutex`.
    QMutex mutex;
    QWaitCondition changed;
    bool headersReady = false; // stream: a 2xx answer's headers are in, the body follows through `chunks`
    bool complete = false;     // nothing more will come
    std::optional<HttpFailure> failed;
    HttpResponse response;
    std::deque<QByteArray> chunks;
    qint64 buffered = 0;
    bool paused = false;       // the stream buffer is full: reading from the reply waits for the consumer
    bool abandoned = false;    // the waiter went away (cancelled, or the stream reader was destroyed)
    bool released = false;     // the reply object is gone: nothing holds the request body any more

    // Service thread only.
    QNetworkReply *reply = nullptr;
    QElapsedTimer idle;
    QStringList sslErrors;
    bool streaming = false;    // headers were 2xx for a streamed GET
    bool replyErrored = false; // the reply reported an error: finished() follows by itself, abort() must not
    QDeadlineTimer deadline{QDeadlineTimer::Forever};
    bool dropped = false;

    void setFailure(HttpFailure f)
    {
        QMutexLocker lock(&mutex);
        if (!failed)
            failed = std::move(f);
        complete = true;
        changed.wakeAll();
    }
};

class HttpService::Worker final : public QObject
{
public:
    Worker() = default;

    std::atomic<quint64> requests{0};
    std::atomic<quint64> managers{0};
    std::atomic<int> detachedPending{0};
    std::atomic<int> inFlight{0}; // exchanges started and not dropped yet, for the choice of a thread

    void begin(const std::shared_ptr<Exchange> &ex)
    {
        if (!m_timer) {
            m_timer = new QTimer(this);
            m_timer->setInterval(kIdleCheckMs);
            connect(m_timer, &QTimer::timeout, this, &Worker::checkIdle);
        }
        {
            QMutexLocker lock(&ex->mutex);
            if (ex->abandoned) { // cancelled before it started
                ex->complete = true;
                ex->released = true;
                finishDetached(ex);
                return;
            }
        }
        const HttpRequest &r = ex->request;
        QNetworkRequest req(r.url);
        req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        req.setRawHeader("User-Agent", kUserAgent);
        req.setRawHeader("Accept-Encoding", "identity"); // bytes exactly as stored: no transparent decompression
        for (const auto &[k, v] : r.headers)
            req.setRawHeader(k, v);
        if (r.url.scheme() == "https"_L1 && r.tls)
            req.setSslConfiguration(r.tls->config);
        const bool hasBody = r.method == "POST" || r.method == "PUT" || r.method == "PATCH";
        if (hasBody)
            req.setHeader(QNetworkRequest::ContentLengthHeader, r.body.size());

        QNetworkAccessManager *nam = managerFor(r.tls ? r.tls->key : u"system"_s);
        QNetworkReply *reply = nullptr;
        if (r.method == "GET")
            reply = nam->get(req);
        else if (r.method == "HEAD")
            reply = nam->head(req);
        else if (hasBody)
            reply = nam->sendCustomRequest(req, r.method, r.body);
        else
            reply = nam->sendCustomRequest(req, r.method);
        ++requests;
        ex->reply = reply;
        reply->setReadBufferSize(ex->stream ? kReplyReadBuffer : qMin<qint64>(r.maxBody + 1, kReplyReadBuffer));
        ex->idle.start();
        m_active.append(ex);
        if (!m_timer->isActive())
            m_timer->start();

        const bool verify = !r.tls || r.tls->verify;
        connect(reply, &QNetworkReply::sslErrors, this, [ex, verify](const QList<QSslError> &errors) {
            for (const QSslError &e : errors)
                ex->sslErrors << e.errorString();
            if (!verify && ex->reply)
                ex->reply->ignoreSslErrors();
        });
        connect(reply, &QNetworkReply::errorOccurred, this, [ex] { ex->replyErrored = true; });
        connect(reply, &QNetworkReply::metaDataChanged, this, [this, ex] { onHeaders(ex); });
        connect(reply, &QNetworkReply::readyRead, this, [this, ex] { onData(ex); });
        connect(reply, &QNetworkReply::uploadProgress, this, [ex] { ex->idle.restart(); });
        connect(reply, &QNetworkReply::downloadProgress, this, [ex] { ex->idle.restart(); });
        connect(reply, &QNetworkReply::encrypted, this, [ex] { ex->idle.restart(); });
        connect(reply, &QNetworkReply::finished, this, [this, ex] { onFinished(ex); });
    }

    void abort(const std::shared_ptr<Exchange> &ex)
    {
        if (!ex->reply)
            return;
        if (ex->replyErrored)
            return; // already failing: its finished() is on the way, and a second error would make Qt complain
        if (ex->reply->isRunning())
            ex->reply->abort(); // finished() follows, which drops it
        else
            drop(ex);
    }

    void pump(const std::shared_ptr<Exchange> &ex)
    {
        if (!ex->reply)
            return;
        ex->idle.restart();
        moveStreamData(ex);
    }

    void shutdownNow()
    {
        const auto active = m_active;
        for (const auto &ex : active) {
            ex->setFailure(failure(HttpFailure::Kind::Cancelled, ErrorCode::Cancelled,
                                   EngineText::tr("%1: cancelled, the engine is shutting down").arg(describe(ex->request)),
                                   false));
            if (ex->reply) {
                ex->reply->disconnect(this);
                if (ex->reply->isRunning() && !ex->replyErrored)
                    ex->reply->abort();
                delete ex->reply;
                ex->reply = nullptr;
            }
            QMutexLocker lock(&ex->mutex);
            ex->released = true;
        }
        m_active.clear();
        qDeleteAll(m_nams);
        m_nams.clear();
        delete m_timer;
        m_timer = nullptr;
    }

private:
    QNetworkAccessManager *managerFor(const QString &key)
    {
        QNetworkAccessManager *&nam = m_nams[key];
        if (!nam) {
            nam = new QNetworkAccessManager(this);
            nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
            nam->setAutoDeleteReplies(false);
            nam->setTransferTimeout(0); // idle time is watched by checkIdle()
            ++managers;
            qCDebug(lcNet) << "network access manager for TLS profile" << key;
        }
        return nam;
    }

    void onHeaders(const std::shared_ptr<Exchange> &ex)
    {
        ex->idle.restart();
        QNetworkReply *reply = ex->reply;
        if (!reply)
            return;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return;
        const int code = status.toInt();
        const bool success = code >= 200 && code < 300;
        bool lengthOk = false;
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&lengthOk);
        const bool buffered = !(ex->stream && success && ex->request.method == "GET");
        if (buffered && lengthOk && length > ex->request.maxBody && ex->request.method != "HEAD") {
            tooLarge(ex);
            return;
        }
        QMutexLocker lock(&ex->mutex);
        ex->response.status = code;
        ex->response.url = ex->request.url;
        ex->response.headers.clear();
        for (const auto &[k, v] : reply->rawHeaderPairs())
            ex->response.headers.append({k, v});
        if (!buffered && !ex->streaming) {
            ex->streaming = true;
            ex->headersReady = true;
            ex->changed.wakeAll();
        }
    }

    void onData(const std::shared_ptr<Exchange> &ex)
    {
        ex->idle.restart();
        QNetworkReply *reply = ex->reply;
        if (!reply)
            return;
        if (ex->streaming) {
            moveStreamData(ex);
            return;
        }
        // Buffered: bounded before the bytes are taken into memory.
        qint64 have;
        {
            QMutexLocker lock(&ex->mutex);
            have = ex->response.body.size();
        }
        if (have + reply->bytesAvailable() > ex->request.maxBody) {
            tooLarge(ex);
            return;
        }
        const QByteArray data = reply->readAll();
        QMutexLocker lock(&ex->mutex);
        ex->response.body.append(data);
    }

    void moveStreamData(const std::shared_ptr<Exchange> &ex)
    {
        QNetworkReply *reply = ex->reply;
        bool wake = false;
        {
            QMutexLocker lock(&ex->mutex);
            while (ex->buffered < kStreamBuffer && reply->bytesAvailable() > 0) {
                QByteArray d = reply->read(qMin(reply->bytesAvailable(), kStreamBuffer - ex->buffered));
                if (d.isEmpty())
                    break;
                ex->buffered += d.size();
                ex->chunks.push_back(std::move(d));
                wake = true;
            }
            ex->paused = reply->bytesAvailable() > 0;
            if (reply->isFinished() && !ex->paused) {
                ex->complete = true;
                wake = true;
            }
            if (wake)
                ex->changed.wakeAll();
        }
        if (reply->isFinished() && !ex->paused)
            drop(ex);
    }

    void tooLarge(const std::shared_ptr<Exchange> &ex)
    {
        ex->setFailure(failure(HttpFailure::Kind::TooLarge, ErrorCode::TooLarge,
                               EngineText::tr("%1: the answer is larger than %2 bytes; refused")
                                   .arg(describe(ex->request))
                                   .arg(ex->request.maxBody),
                               false));
        abort(ex);
    }

    void onFinished(const std::shared_ptr<Exchange> &ex)
    {
        QNetworkReply *reply = ex->reply;
        if (!reply)
            return;
        {
            QMutexLocker lock(&ex->mutex);
            if (ex->failed) { // we aborted it (too large, idle, cancelled)
                lock.unlock();
                drop(ex);
                return;
            }
        }
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            ex->setFailure(classify(ex, reply));
            drop(ex);
            return;
        }
        onHeaders(ex);
        if (ex->streaming) {
            if (reply->error() != QNetworkReply::NoError) {
                // Broken off: what arrived is still read, then the error.
                moveStreamData(ex);
                ex->setFailure(failure(HttpFailure::Kind::Network, ErrorCode::NetworkError,
                                       EngineText::tr("%1: the download broke off: %2")
                                           .arg(describe(ex->request), reply->errorString()),
                                       true));
                drop(ex);
                return;
            }
            moveStreamData(ex); // drops the reply once everything is handed over
            return;
        }
        if (reply->bytesAvailable() > 0)
            onData(ex);
        {
            QMutexLocker lock(&ex->mutex);
            if (ex->failed) {
                lock.unlock();
                drop(ex);
                return;
            }
        }
        const int code = status.toInt();
        if (code >= 200 && code < 300 && reply->error() != QNetworkReply::NoError) {
            ex->setFailure(failure(HttpFailure::Kind::Network, ErrorCode::NetworkError,
                                   EngineText::tr("%1: the answer broke off: %2").arg(describe(ex->request), reply->errorString()),
                                   true));
        } else {
            QMutexLocker lock(&ex->mutex);
            ex->complete = true;
            ex->headersReady = true;
            ex->changed.wakeAll();
        }
        drop(ex);
    }

    HttpFailure classify(const std::shared_ptr<Exchange> &ex, QNetworkReply *reply) const
    {
        const QNetworkReply::NetworkError ne = reply->error();
        const QString why = reply->errorString();
        const QString host = ex->request.url.authority();
        const QString what = describe(ex->request);
        using K = HttpFailure::Kind;
        if (!ex->sslErrors.isEmpty() && (!ex->request.tls || ex->request.tls->verify))
            return failure(K::TlsCertificate, ErrorCode::TlsError,
                           EngineText::tr("%1: the TLS certificate of %2 is not trusted: %3")
                               .arg(what, host, ex->sslErrors.join(u"; "_s)),
                           false);
        if (ne == QNetworkReply::SslHandshakeFailedError || why.contains(u"SSL routines"_s)
            || why.contains(u"alert"_s) || why.contains(u"certificate required"_s)) {
            if (why.contains(u"wrong version number"_s) || why.contains(u"packet length too long"_s)
                || why.contains(u"record layer failure"_s))
                return failure(K::NotTls, ErrorCode::TlsError,
                               EngineText::tr("%1: %2 does not speak TLS (%3)").arg(what, host, why), false);
            return failure(K::TlsHandshake, ErrorCode::TlsError,
                           EngineText::tr("%1: the TLS handshake with %2 failed: %3").arg(what, host, why), false);
        }
        switch (ne) {
        case QNetworkReply::ConnectionRefusedError:
            return failure(K::Refused, ErrorCode::NetworkError,
                           EngineText::tr("%1: cannot reach %2: connection refused").arg(what, host), true);
        case QNetworkReply::HostNotFoundError:
            return failure(K::HostNotFound, ErrorCode::NetworkError,
                           EngineText::tr("%1: cannot reach %2: host not found").arg(what, host), true);
        case QNetworkReply::ProtocolUnknownError:
        case QNetworkReply::ProtocolInvalidOperationError:
            return failure(K::Network, ErrorCode::ProtocolError, EngineText::tr("%1: %2").arg(what, why), false);
        default:
            return failure(K::Network, ErrorCode::NetworkError,
                           EngineText::tr("%1: the connection to %2 failed: %3").arg(what, host, why), true);
        }
    }

    void checkIdle()
    {
        const auto active = m_active;
        for (const auto &ex : active) {
            bool paused = false;
            bool abandoned = false;
            {
                QMutexLocker lock(&ex->mutex);
                paused = ex->paused;
                abandoned = ex->abandoned;
            }
            if (abandoned) {
                abort(ex);
                continue;
            }
            if (ex->detached && ex->deadline.hasExpired()) {
                abort(ex);
                continue;
            }
            if (paused) { // waiting for its reader, not for the network
                ex->idle.restart();
                continue;
            }
            const qint64 limit = ex->request.idleTimeout.count();
            if (limit > 0 && ex->idle.elapsed() > limit) {
                ex->setFailure(failure(HttpFailure::Kind::Timeout, ErrorCode::Timeout,
                                       EngineText::tr("%1: no data moved to or from %2 for %3 s")
                                           .arg(describe(ex->request), ex->request.url.authority())
                                           .arg(double(limit) / 1000.0),
                                       true));
                abort(ex);
            }
        }
        if (m_active.isEmpty() && m_timer)
            m_timer->stop();
    }

    void drop(const std::shared_ptr<Exchange> &ex)
    {
        ex->request.body = QByteArray(); // the caller may want its buffer back: let go of our reference
        if (ex->reply) {
            QNetworkReply *reply = ex->reply;
            reply->disconnect(this);
            ex->reply = nullptr;
            // Not inside its own signal: deleted from the event loop, then the caller's buffer is free again.
            QMetaObject::invokeMethod(this, [reply, ex] {
                delete reply;
                QMutexLocker lock(&ex->mutex);
                ex->released = true;
                ex->changed.wakeAll();
            }, Qt::QueuedConnection);
        }
        m_active.removeAll(ex);
        finishDetached(ex);
    }

    void finishDetached(const std::shared_ptr<Exchange> &ex)
    {
        if (!ex->dropped) {
            ex->dropped = true;
            --inFlight;
        }
        if (ex->detached) {
            ex->detached = false;
            --detachedPending;
        }
    }

    QHash<QString, QNetworkAccessManager *> m_nams;
    QList<std::shared_ptr<Exchange>> m_active;
    QTimer *m_timer = nullptr;
};

namespace {

// The body of a streamed 2xx answer.
class HttpStream final : public BlobReader
{
public:
    HttpStream(std::shared_ptr<HttpService::Exchange> ex, CancelToken cancel)
        : m_ex(std::move(ex)), m_worker(m_ex->worker), m_cancel(std::move(cancel))
    {
    }
    ~HttpStream() override
    {
        bool running;
        {
            QMutexLocker lock(&m_ex->mutex);
            running = !m_ex->complete;
            m_ex->abandoned = true;
        }
        if (running) {
            auto ex = m_ex;
            auto *w = m_worker;
            QMetaObject::invokeMethod(w, [w, ex] { w->abort(ex); }, Qt::QueuedConnection);
        }
    }

    Result<qint64> read(char *data, qint64 maxSize) override
    {
        QMutexLocker lock(&m_ex->mutex);
        while (m_ex->chunks.empty()) {
            if (m_ex->failed)
                return fail(m_ex->failed->error);
            if (m_ex->complete)
                return qint64(0);
            if (m_cancel.isCancelled())
                return fail(ErrorCode::Cancelled, EngineText::tr("the operation was cancelled"));
            m_ex->changed.wait(&m_ex->mutex, QDeadlineTimer(CancelToken::kPollInterval));
        }
        qint64 n = 0;
        while (n < maxSize && !m_ex->chunks.empty()) {
            QByteArray &front = m_ex->chunks.front();
            const qint64 take = qMin<qint64>(maxSize - n, front.size() - m_offset);
            std::memcpy(data + n, front.constData() + m_offset, size_t(take));
            n += take;
            m_offset += take;
            if (m_offset == front.size()) {
                m_ex->chunks.pop_front();
                m_offset = 0;
            }
        }
        m_ex->buffered -= n;
        if (m_ex->paused && m_ex->buffered < kStreamBuffer / 2) {
            m_ex->paused = false;
            auto ex = m_ex;
            auto *w = m_worker;
            QMetaObject::invokeMethod(w, [w, ex] { w->pump(ex); }, Qt::QueuedConnection);
        }
        return n;
    }

private:
    std::shared_ptr<HttpService::Exchange> m_ex;
    HttpService::Worker *m_worker;
    CancelToken m_cancel;
    qint64 m_offset = 0; // into chunks.front()
};

} // namespace

HttpService::HttpService(CancelToken shutdown, int threads)
    : m_shutdown(std::move(shutdown))
{
    for (int i = 0; i < qMax(1, threads); ++i) {
        auto *thread = new QThread;
        thread->setObjectName(u"stevedore-net"_s);
        auto *worker = new Worker;
        worker->moveToThread(thread);
        thread->start();
        m_threads.push_back({thread, worker});
    }
}

HttpService::~HttpService()
{
    QDeadlineTimer grace(kShutdownGraceMs);
    auto pending = [this] {
        int n = 0;
        for (const auto &t : m_threads)
            n += t.worker->detachedPending.load();
        return n;
    };
    while (pending() > 0 && !grace.hasExpired())
        QThread::msleep(10);
    for (const auto &t : m_threads) {
        QMetaObject::invokeMethod(t.worker, [w = t.worker] { w->shutdownNow(); }, Qt::BlockingQueuedConnection);
        t.thread->quit();
    }
    for (const auto &t : m_threads) {
        t.thread->wait();
        delete t.worker; // its thread has finished: nothing of it runs any more
        delete t.thread;
    }
}

HttpService::Worker *HttpService::pick() const
{
    Worker *best = m_threads.front().worker;
    for (const auto &t : m_threads)
        if (t.worker->inFlight.load() < best->inFlight.load())
            best = t.worker;
    return best;
}

bool HttpService::onGuiThread()
{
    const QCoreApplication *app = QCoreApplication::instance();
    return app && QThread::currentThread() == app->thread() && app->inherits("QGuiApplication");
}

HttpService::Stats HttpService::stats() const
{
    Stats s;
    for (const auto &t : m_threads) {
        s.requests += t.worker->requests.load();
        s.managers += t.worker->managers.load();
    }
    s.threads = int(m_threads.size());
    return s;
}

HttpResult<std::shared_ptr<HttpService::Exchange>> HttpService::start(const HttpRequest &request, bool stream,
                                                                    const CancelToken &cancel)
{
    if (onGuiThread()) {
        qCCritical(lcNet) << "blocking network call on the GUI thread refused:" << describe(request);
        return std::unexpected(failure(HttpFailure::Kind::Refusal, ErrorCode::Internal,
                                       EngineText::tr("%1: a blocking network call on the GUI thread was refused")
                                           .arg(describe(request)),
                                       false));
    }
    if (cancel.isCancelled())
        return std::unexpected(failure(HttpFailure::Kind::Cancelled, ErrorCode::Cancelled,
                                       EngineText::tr("the operation was cancelled"), false));
    const QString scheme = request.url.scheme();
    if (!request.url.isValid() || (scheme != "http"_L1 && scheme != "https"_L1) || request.url.host().isEmpty())
        return std::unexpected(failure(HttpFailure::Kind::Refusal, ErrorCode::ProtocolError,
                                       EngineText::tr("%1: %2 is not an http or https URL; refused")
                                           .arg(describe(request), redactUrl(request.url)),
                                       false));
    auto ex = std::make_shared<Exchange>();
    ex->request = request;
    ex->stream = stream;
    Worker *w = pick();
    ex->worker = w;
    ++w->inFlight;
    QMetaObject::invokeMethod(w, [w, ex] { w->begin(ex); }, Qt::QueuedConnection);
    return ex;
}

namespace {

// Waits until `ready` holds (under the exchange's lock), polling `cancel`. On cancel the request is aborted.
template<typename Ready>
std::optional<HttpFailure> waitFor(const std::shared_ptr<HttpService::Exchange> &ex, const CancelToken &cancel,
                                   Ready ready)
{
    HttpService::Worker *w = ex->worker;
    QMutexLocker lock(&ex->mutex);
    while (!ready()) {
        if (cancel.isCancelled()) {
            ex->abandoned = true;
            lock.unlock();
            QMetaObject::invokeMethod(w, [w, ex] { w->abort(ex); }, Qt::QueuedConnection);
            return failure(HttpFailure::Kind::Cancelled, ErrorCode::Cancelled,
                           EngineText::tr("the operation was cancelled"), false);
        }
        ex->changed.wait(&ex->mutex, QDeadlineTimer(CancelToken::kPollInterval));
    }
    if (ex->failed)
        return ex->failed;
    return std::nullopt;
}

} // namespace

HttpResult<HttpResponse> HttpService::send(const HttpRequest &request, const CancelToken &cancel)
{
    auto ex = start(request, false, cancel);
    if (!ex)
        return std::unexpected(ex.error());
    const auto &e = *ex;
    // Complete, and the reply gone (it holds the request body: the caller reuses that buffer at once).
    if (auto f = waitFor(e, cancel, [&e] { return e->complete && (e->released || e->failed); }))
        return std::unexpected(*f);
    QMutexLocker lock(&e->mutex);
    return std::move(e->response);
}

HttpResult<HttpService::Opened> HttpService::open(const HttpRequest &request, const CancelToken &cancel)
{
    auto ex = start(request, true, cancel);
    if (!ex)
        return std::unexpected(ex.error());
    const auto &e = *ex;
    if (auto f = waitFor(e, cancel, [&e] { return e->headersReady || e->complete; }))
        return std::unexpected(*f);
    Opened out;
    bool streaming;
    {
        QMutexLocker lock(&e->mutex);
        out.response = e->response;
        streaming = e->headersReady && !e->response.body.size() && e->response.status >= 200
                    && e->response.status < 300 && request.method == "GET";
    }
    if (streaming)
        out.body = std::make_unique<HttpStream>(e, cancel);
    return out;
}

void HttpService::sendDetached(const HttpRequest &request, std::chrono::milliseconds deadline)
{
    if (m_shutdown.isCancelled() && deadline.count() <= 0)
        return;
    auto ex = std::make_shared<Exchange>();
    ex->request = request;
    ex->request.idleTimeout = std::min(request.idleTimeout, deadline);
    ex->detached = true;
    ex->deadline = QDeadlineTimer(deadline);
    Worker *w = pick();
    ex->worker = w;
    ++w->inFlight;
    ++w->detachedPending;
    QMetaObject::invokeMethod(w, [w, ex] { w->begin(ex); }, Qt::QueuedConnection);
}

} // namespace stevedore
