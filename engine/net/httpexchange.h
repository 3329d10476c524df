#pragma once
// Internal to engine/net: a request in flight (Exchange) and the object of a network thread (Worker). httpservice.cpp
// is the facade callers wait in; httpworker.cpp runs in the network threads.

#include "httpservice.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QWaitCondition>

#include <atomic>
#include <deque>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace stevedore {

inline constexpr qint64 kStreamBuffer = 4 * 1024 * 1024; // per streamed answer, between the service and its reader
inline constexpr qint64 kReplyReadBuffer = 1024 * 1024;  // what QtNetwork itself buffers per reply
inline constexpr int kIdleCheckMs = 200;
inline constexpr int kShutdownGraceMs = 300;             // for detached clean-up requests still in flight

// "what" of a request, for messages: its description, else METHOD and the redacted URL.
QString describeRequest(const HttpRequest &r);
HttpFailure httpFailure(HttpFailure::Kind kind, ErrorCode code, QString message, bool temporary);

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
    QIODevice *bodyDevice = nullptr; // reads request.bodyPipe for the reply; deleted after it
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

    void begin(const std::shared_ptr<Exchange> &ex);
    void abort(const std::shared_ptr<Exchange> &ex);
    void pump(const std::shared_ptr<Exchange> &ex);
    void shutdownNow();

private:
    QNetworkAccessManager *managerFor(const QString &key);
    void onHeaders(const std::shared_ptr<Exchange> &ex);
    void onData(const std::shared_ptr<Exchange> &ex);
    void moveStreamData(const std::shared_ptr<Exchange> &ex);
    void tooLarge(const std::shared_ptr<Exchange> &ex);
    void onFinished(const std::shared_ptr<Exchange> &ex);
    HttpFailure classify(const std::shared_ptr<Exchange> &ex, QNetworkReply *reply) const;
    void checkIdle();
    void drop(const std::shared_ptr<Exchange> &ex);
    void finishDetached(const std::shared_ptr<Exchange> &ex);

    QHash<QString, QNetworkAccessManager *> m_nams;
    QList<std::shared_ptr<Exchange>> m_active;
    QTimer *m_timer = nullptr;
};

} // namespace stevedore
