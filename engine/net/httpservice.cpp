#include "httpexchange.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QSslSocket>
#include <QThread>

#include <cstring>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

// Qt 6.4 picks its TLS backend lazily, on first use; picking it once on the main thread, while the application
// object is being constructed, takes away a race between threads that logs "No TLS backend is available".
void loadTlsBackend()
{
    (void)QSslSocket::supportsSsl();
}
Q_COREAPP_STARTUP_FUNCTION(loadTlsBackend)

} // namespace

QString describeRequest(const HttpRequest &r)
{
    if (!r.what.isEmpty())
        return r.what;
    return QString::fromLatin1(r.method) + QLatin1Char(' ') + redactUrl(r.url);
}

HttpFailure httpFailure(HttpFailure::Kind kind, ErrorCode code, QString message, bool temporary)
{
    return HttpFailure{kind, Error(code, std::move(message), temporary)};
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

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

void HttpService::waitForDetached() const
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
}

HttpService::~HttpService()
{
    waitForDetached();
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
        qCCritical(lcNet) << "blocking network call on the GUI thread refused:" << describeRequest(request);
        return std::unexpected(httpFailure(HttpFailure::Kind::Refusal, ErrorCode::Internal,
                                       EngineText::tr("%1: a blocking network call on the GUI thread was refused")
                                           .arg(describeRequest(request)),
                                       false));
    }
    if (cancel.isCancelled())
        return std::unexpected(httpFailure(HttpFailure::Kind::Cancelled, ErrorCode::Cancelled,
                                       EngineText::tr("the operation was cancelled"), false));
    const QString scheme = request.url.scheme();
    if (!request.url.isValid() || (scheme != "http"_L1 && scheme != "https"_L1) || request.url.host().isEmpty())
        return std::unexpected(httpFailure(HttpFailure::Kind::Refusal, ErrorCode::ProtocolError,
                                       EngineText::tr("%1: %2 is not an http or https URL; refused")
                                           .arg(describeRequest(request), redactUrl(request.url)),
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
            return httpFailure(HttpFailure::Kind::Cancelled, ErrorCode::Cancelled,
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
