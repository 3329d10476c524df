// The network threads: each HttpService::Worker owns its QNetworkAccessManagers (one per TLS profile), starts the
// replies, moves their data to the waiting callers, watches idle time and deadlines, and classifies failures.
#include "httpexchange.h"

#include "bodypipe.h"

#include "core/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslError>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

const QByteArray kUserAgent = "stevedore/0.1";

// The request body QtNetwork reads, from a BodyPipe: sequential, at its end once the pipe's length is read; a read
// fails once the pipe is aborted (the producer gave up), which fails the request.
class PipeDevice final : public QIODevice
{
public:
    explicit PipeDevice(std::shared_ptr<BodyPipe> pipe) : m_pipe(std::move(pipe)) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_pipe->available() + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pipe->finished() && QIODevice::bytesAvailable() == 0; }
    qint64 size() const override { return m_pipe->length(); }
    bool reset() override { return false; } // a cut request cannot be sent again from here: the caller retries

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_pipe->finished())
            return -1; // the end
        return m_pipe->read(data, maxSize);
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    std::shared_ptr<BodyPipe> m_pipe;
};

} // namespace

void HttpService::Worker::begin(const std::shared_ptr<Exchange> &ex)
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
        req.setHeader(QNetworkRequest::ContentLengthHeader, r.bodyPipe ? r.bodyPipe->length() : r.body.size());
    if (hasBody && r.bodyPipe) {
        // Sent as it comes, not gathered first (QtNetwork would buffer a sequential body whole, to be able to send it
        // again): a failed request is the caller's to retry.
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        ex->bodyDevice = new PipeDevice(r.bodyPipe);
        // Bytes pushed on the producer's thread wake the device here. The worker outlives every exchange; the
        // exchange is held by the call, and a dropped one has no device any more.
        r.bodyPipe->setOnData([this, ex] {
            QMetaObject::invokeMethod(this, [ex] {
                if (ex->bodyDevice)
                    Q_EMIT ex->bodyDevice->readyRead();
            }, Qt::QueuedConnection);
        });
    }

    QNetworkAccessManager *nam = managerFor(r.tls ? r.tls->key : u"system"_s);
    QNetworkReply *reply = nullptr;
    if (r.method == "GET")
        reply = nam->get(req);
    else if (r.method == "HEAD")
        reply = nam->head(req);
    else if (hasBody && ex->bodyDevice)
        reply = nam->sendCustomRequest(req, r.method, ex->bodyDevice);
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

void HttpService::Worker::abort(const std::shared_ptr<Exchange> &ex)
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

void HttpService::Worker::pump(const std::shared_ptr<Exchange> &ex)
{
    if (!ex->reply)
        return;
    ex->idle.restart();
    moveStreamData(ex);
}

void HttpService::Worker::shutdownNow()
{
    const auto active = m_active;
    for (const auto &ex : active) {
        ex->setFailure(httpFailure(HttpFailure::Kind::Cancelled, ErrorCode::Cancelled,
                               EngineText::tr("%1: cancelled, the engine is shutting down").arg(describeRequest(ex->request)),
                               false));
        if (ex->reply) {
            ex->reply->disconnect(this);
            if (ex->reply->isRunning() && !ex->replyErrored)
                ex->reply->abort();
            delete ex->reply;
            ex->reply = nullptr;
        }
        if (ex->request.bodyPipe)
            ex->request.bodyPipe->abort();
        delete std::exchange(ex->bodyDevice, nullptr);
        QMutexLocker lock(&ex->mutex);
        ex->released = true;
    }
    m_active.clear();
    qDeleteAll(m_nams);
    m_nams.clear();
    delete m_timer;
    m_timer = nullptr;
}

QNetworkAccessManager *HttpService::Worker::managerFor(const QString &key)
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

void HttpService::Worker::onHeaders(const std::shared_ptr<Exchange> &ex)
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

void HttpService::Worker::onData(const std::shared_ptr<Exchange> &ex)
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

void HttpService::Worker::moveStreamData(const std::shared_ptr<Exchange> &ex)
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

void HttpService::Worker::tooLarge(const std::shared_ptr<Exchange> &ex)
{
    ex->setFailure(httpFailure(HttpFailure::Kind::TooLarge, ErrorCode::TooLarge,
                           formatText(EngineText::tr("%1: the answer is larger than %2 bytes; refused"), describeRequest(ex->request), ex->request.maxBody),
                           false));
    abort(ex);
}

void HttpService::Worker::onFinished(const std::shared_ptr<Exchange> &ex)
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
            ex->setFailure(httpFailure(HttpFailure::Kind::Network, ErrorCode::NetworkError,
                                   EngineText::tr("%1: the download broke off: %2")
                                       .arg(describeRequest(ex->request), reply->errorString()),
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
        ex->setFailure(httpFailure(HttpFailure::Kind::Network, ErrorCode::NetworkError,
                               EngineText::tr("%1: the answer broke off: %2").arg(describeRequest(ex->request), reply->errorString()),
                               true));
    } else {
        QMutexLocker lock(&ex->mutex);
        ex->complete = true;
        ex->headersReady = true;
        ex->changed.wakeAll();
    }
    drop(ex);
}

HttpFailure HttpService::Worker::classify(const std::shared_ptr<Exchange> &ex, QNetworkReply *reply) const
{
    const QNetworkReply::NetworkError ne = reply->error();
    const QString why = reply->errorString();
    const QString host = ex->request.url.authority();
    const QString what = describeRequest(ex->request);
    using K = HttpFailure::Kind;
    if (!ex->sslErrors.isEmpty() && (!ex->request.tls || ex->request.tls->verify))
        return httpFailure(K::TlsCertificate, ErrorCode::TlsError,
                       EngineText::tr("%1: the TLS certificate of %2 is not trusted: %3")
                           .arg(what, host, ex->sslErrors.join(u"; "_s)),
                       false);
    if (ne == QNetworkReply::SslHandshakeFailedError || why.contains(u"SSL routines"_s)
        || why.contains(u"alert"_s) || why.contains(u"certificate required"_s)) {
        if (why.contains(u"wrong version number"_s) || why.contains(u"packet length too long"_s)
            || why.contains(u"record layer failure"_s))
            return httpFailure(K::NotTls, ErrorCode::TlsError,
                           EngineText::tr("%1: %2 does not speak TLS (%3)").arg(what, host, why), false);
        return httpFailure(K::TlsHandshake, ErrorCode::TlsError,
                       EngineText::tr("%1: the TLS handshake with %2 failed: %3").arg(what, host, why), false);
    }
    switch (ne) {
    case QNetworkReply::ConnectionRefusedError:
        return httpFailure(K::Refused, ErrorCode::NetworkError,
                       EngineText::tr("%1: cannot reach %2: connection refused").arg(what, host), true);
    case QNetworkReply::HostNotFoundError:
        return httpFailure(K::HostNotFound, ErrorCode::NetworkError,
                       EngineText::tr("%1: cannot reach %2: host not found").arg(what, host), true);
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return httpFailure(K::Network, ErrorCode::ProtocolError, EngineText::tr("%1: %2").arg(what, why), false);
    default:
        return httpFailure(K::Network, ErrorCode::NetworkError,
                       EngineText::tr("%1: the connection to %2 failed: %3").arg(what, host, why), true);
    }
}

void HttpService::Worker::checkIdle()
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
            ex->setFailure(httpFailure(HttpFailure::Kind::Timeout, ErrorCode::Timeout,
                                   formatText(EngineText::tr("%1: no data moved to or from %2 for %3 s"), describeRequest(ex->request), ex->request.url.authority(), double(limit) / 1000.0),
                                   true));
            abort(ex);
        }
    }
    if (m_active.isEmpty() && m_timer)
        m_timer->stop();
}

void HttpService::Worker::drop(const std::shared_ptr<Exchange> &ex)
{
    ex->request.body = QByteArray(); // the caller may want its buffer back: let go of our reference
    if (ex->request.bodyPipe)
        ex->request.bodyPipe->abort(); // a producer still pushing learns that the request is over
    QIODevice *device = std::exchange(ex->bodyDevice, nullptr);
    if (ex->reply) {
        QNetworkReply *reply = ex->reply;
        reply->disconnect(this);
        ex->reply = nullptr;
        // Not inside its own signal: deleted from the event loop, then the caller's buffer is free again. Guarded:
        // shutdownNow() may run before this, and the manager it deletes takes its replies with it.
        QMetaObject::invokeMethod(this, [reply = QPointer<QNetworkReply>(reply), ex, device] {
            delete reply.data();
            delete device; // after the reply that read it
            QMutexLocker lock(&ex->mutex);
            ex->released = true;
            ex->changed.wakeAll();
        }, Qt::QueuedConnection);
    }
    m_active.removeAll(ex);
    finishDetached(ex);
}

void HttpService::Worker::finishDetached(const std::shared_ptr<Exchange> &ex)
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

} // namespace stevedore
