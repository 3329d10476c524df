#include "support/loopbackserver.h"

#include <QHostAddress>
#include <QMutex>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace stevedore::test {

Answer stalledUploadAnswer(const SeenRequest &r)
{
    if (r.path == "/v2/")
        return {httpAnswer(200, {}, "{}"), false, false};
    if (r.method == "HEAD")
        return {httpAnswer(404), false, false};
    if (r.method == "POST")
        return {httpAnswer(202, "Location: /upload/1\r\n"), false, false};
    return {{}, true, false}; // PATCH, PUT, DELETE: never answered
}

QByteArray httpAnswer(int status, const QByteArray &extraHeaders, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\n" + extraHeaders + "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

namespace {

// Runs `fn` in `obj`'s thread and waits for it.
template<typename F>
void inThread(QObject *obj, F fn)
{
    QMetaObject::invokeMethod(obj, fn, Qt::BlockingQueuedConnection);
}

} // namespace

// ---- LoopbackHttpServer ----

class LoopbackHttpServer::Impl final : public QObject
{
public:
    std::optional<QSslConfiguration> tls;
    QThread thread;
    QTcpServer *server = nullptr; // lives in `thread`
    quint16 port = 0;

    mutable QMutex mutex; // guards the members below
    std::function<Answer(const SeenRequest &)> handler;
    QList<SeenRequest> seen;
    QByteArray all;
    int connections = 0;

    QHash<QTcpSocket *, QByteArray> buffers;
    QHash<QTcpSocket *, int> ids;

    void start()
    {
        if (tls) {
            auto *ssl = new QSslServer(this);
            ssl->setSslConfiguration(*tls);
            server = ssl;
        } else {
            server = new QTcpServer(this);
        }
        connect(server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *s = server->nextPendingConnection()) {
                {
                    QMutexLocker lock(&mutex);
                    ids.insert(s, ++connections);
                }
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, this, [this, s] {
                    buffers.remove(s);
                    ids.remove(s);
                    s->deleteLater();
                });
                if (s->bytesAvailable() > 0)
                    onData(s);
            }
        });
        if (server->listen(QHostAddress::LocalHost, 0))
            port = server->serverPort();
    }

    void onData(QTcpSocket *s)
    {
        QByteArray &buf = buffers[s];
        const QByteArray in = s->readAll();
        buf += in;
        {
            QMutexLocker lock(&mutex);
            all += in;
        }
        if (!tls && buf.startsWith('\x16')) { // a TLS ClientHello to a plain-http server, as a Go server answers it
            s->write("HTTP/1.0 400 Bad Request\r\n\r\n");
            s->disconnectFromHost();
            buf.clear();
            return;
        }
        for (;;) {
            const qsizetype end = buf.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buf.left(end).split('\n');
            SeenRequest req;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            req.method = first.value(0);
            req.path = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    req.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            const qint64 length = req.headers.value("content-length").toLongLong();
            if (buf.size() < end + 4 + length)
                return;
            req.body = buf.mid(end + 4, length);
            buf.remove(0, end + 4 + length);
            std::function<Answer(const SeenRequest &)> h;
            {
                QMutexLocker lock(&mutex);
                req.connection = ids.value(s);
                seen << req;
                h = handler;
            }
            const Answer a = h ? h(req) : Answer{httpAnswer(404), false, false};
            if (a.hang)
                continue; // read on, answer nothing
            s->write(a.bytes);
            if (a.close) {
                s->flush();
                s->disconnectFromHost();
                return;
            }
        }
    }
};

LoopbackHttpServer::LoopbackHttpServer(const std::optional<QSslConfiguration> &tls)
    : d(std::make_unique<Impl>())
{
    d->tls = tls;
    d->thread.setObjectName(QStringLiteral("loopback-http"));
    d->moveToThread(&d->thread);
    d->thread.start();
}

LoopbackHttpServer::~LoopbackHttpServer()
{
    Impl *impl = d.get();
    inThread(impl, [impl] {
        const auto sockets = impl->buffers.keys();
        for (QTcpSocket *s : sockets)
            s->abort();
        delete impl->server;
        impl->server = nullptr;
    });
    d->thread.quit();
    d->thread.wait();
}

bool LoopbackHttpServer::listen()
{
    Impl *impl = d.get();
    inThread(impl, [impl] { impl->start(); });
    return d->port != 0;
}

quint16 LoopbackHttpServer::port() const
{
    return d->port;
}

QByteArray LoopbackHttpServer::origin() const
{
    return (d->tls ? QByteArray("https://127.0.0.1:") : QByteArray("http://127.0.0.1:")) + QByteArray::number(d->port);
}

void LoopbackHttpServer::setHandler(std::function<Answer(const SeenRequest &)> handler)
{
    QMutexLocker lock(&d->mutex);
    d->handler = std::move(handler);
}

void LoopbackHttpServer::setResponder(std::function<QByteArray(const SeenRequest &)> responder)
{
    setHandler([responder = std::move(responder)](const SeenRequest &r) { return Answer{responder(r), false, false}; });
}

void LoopbackHttpServer::hangForever()
{
    setHandler([](const SeenRequest &) { return Answer{{}, true, false}; });
}

QList<SeenRequest> LoopbackHttpServer::seen() const
{
    QMutexLocker lock(&d->mutex);
    return d->seen;
}

int LoopbackHttpServer::requestCount() const
{
    QMutexLocker lock(&d->mutex);
    return int(d->seen.size());
}

int LoopbackHttpServer::connectionCount() const
{
    QMutexLocker lock(&d->mutex);
    return d->connections;
}

bool LoopbackHttpServer::received(const QByteArray &needle) const
{
    QMutexLocker lock(&d->mutex);
    return d->all.contains(needle);
}

QByteArray LoopbackHttpServer::allReceived() const
{
    QMutexLocker lock(&d->mutex);
    return d->all;
}

// ---- TcpRelay ----

class TcpRelay::Impl final : public QObject
{
public:
    QThread thread;
    QTcpServer *server = nullptr;
    quint16 port = 0;
    quint16 upstream = 0;

    mutable QMutex mutex;
    QByteArray pattern;
    int occurrence = 1;
    qint64 offset = 0;
    int maxCuts = 0;
    int cuts = 0;
    int connections = 0;
    QByteArray fromClient;
    qint64 cutAt = -1;

    void start()
    {
        server = new QTcpServer(this);
        connect(server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = server->nextPendingConnection()) {
                {
                    QMutexLocker lock(&mutex);
                    ++connections;
                }
                auto *up = new QTcpSocket(client);
                up->connectToHost(QHostAddress::LocalHost, upstream);
                connect(client, &QTcpSocket::readyRead, this, [this, client, up] { forward(client, up); });
                connect(up, &QTcpSocket::readyRead, client, [client, up] { client->write(up->readAll()); });
                connect(up, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
        if (server->listen(QHostAddress::LocalHost, 0))
            port = server->serverPort();
    }

    void forward(QTcpSocket *client, QTcpSocket *up)
    {
        QByteArray data = client->readAll();
        QMutexLocker lock(&mutex);
        if (cutAt < 0 && !pattern.isEmpty() && cuts < maxCuts) {
            const QByteArray all = fromClient + data;
            qsizetype at = -1;
            for (int n = 0; n < occurrence + cuts; ++n) {
                at = all.indexOf(pattern, at + 1);
                if (at < 0)
                    break;
            }
            if (at >= 0)
                cutAt = at + offset;
        }
        if (cutAt >= 0 && fromClient.size() + data.size() > cutAt) {
            data.truncate(cutAt - fromClient.size());
            fromClient += data;
            ++cuts;
            cutAt = -1;
            lock.unlock();
            up->write(data);
            up->flush();
            up->abort();
            client->abort();
            return;
        }
        fromClient += data;
        lock.unlock();
        up->write(data);
    }
};

TcpRelay::TcpRelay() : d(std::make_unique<Impl>())
{
    d->thread.setObjectName(QStringLiteral("loopback-relay"));
    d->moveToThread(&d->thread);
    d->thread.start();
}

TcpRelay::~TcpRelay()
{
    Impl *impl = d.get();
    inThread(impl, [impl] {
        delete impl->server;
        impl->server = nullptr;
    });
    d->thread.quit();
    d->thread.wait();
}

bool TcpRelay::listen(quint16 upstreamPort)
{
    d->upstream = upstreamPort;
    Impl *impl = d.get();
    inThread(impl, [impl] { impl->start(); });
    return d->port != 0;
}

quint16 TcpRelay::port() const
{
    return d->port;
}

void TcpRelay::cutAfterPattern(const QByteArray &pattern, int occurrence, qint64 offset, int maxCuts)
{
    QMutexLocker lock(&d->mutex);
    d->pattern = pattern;
    d->occurrence = occurrence;
    d->offset = offset;
    d->maxCuts = maxCuts;
}

int TcpRelay::connectionCount() const
{
    QMutexLocker lock(&d->mutex);
    return d->connections;
}

int TcpRelay::cuts() const
{
    QMutexLocker lock(&d->mutex);
    return d->cuts;
}

QByteArray TcpRelay::fromClient() const
{
    QMutexLocker lock(&d->mutex);
    return d->fromClient;
}

} // namespace stevedore::test
