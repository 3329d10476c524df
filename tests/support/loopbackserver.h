#pragma once
// Small loopback peers for what real peers cannot do on demand (a downgraded Location, a server that never answers,
// a connection cut in the middle of a request). Each runs in a thread of its own, so a test may block on the engine
// while they answer, and records everything it receives (every header, so a test can prove that no secret arrived
// where it must not). 127.0.0.1 only.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSslConfiguration>

#include <functional>
#include <memory>
#include <optional>

namespace stevedore::test {

struct SeenRequest {
    QByteArray method;
    QByteArray path;                       // with the query
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    int connection = 0;                    // which accepted connection (1, 2, ...) carried it
    bool hasHeader(const QByteArray &name) const { return headers.contains(name.toLower()); }
};

// What the server does with a request.
struct Answer {
    QByteArray bytes;    // written as they are (see httpAnswer)
    bool hang = false;   // answer nothing, keep the connection open (a server that never answers)
    bool close = false;  // close the connection after writing `bytes`
};

// "HTTP/1.1 STATUS X\r\n" + extra headers (each ending in \r\n) + Content-Length + body.
QByteArray httpAnswer(int status, const QByteArray &extraHeaders = {}, const QByteArray &body = {});

// A registry that answers /v2/, says no blob is there (HEAD 404) and opens an upload session (POST 202, Location
// /upload/1), then never answers anything else (PATCH, PUT, DELETE): an upload that is always in flight.
Answer stalledUploadAnswer(const SeenRequest &request);

class LoopbackHttpServer final
{
public:
    // With a TLS configuration (certificate + key) it answers over https.
    explicit LoopbackHttpServer(const std::optional<QSslConfiguration> &tls = std::nullopt);
    ~LoopbackHttpServer();
    LoopbackHttpServer(const LoopbackHttpServer &) = delete;
    LoopbackHttpServer &operator=(const LoopbackHttpServer &) = delete;

    bool listen(); // a free port on 127.0.0.1
    quint16 port() const;
    QByteArray origin() const; // "http://127.0.0.1:PORT" or "https://..."

    // Called in the server's thread for each complete request. Replaceable at any time.
    void setHandler(std::function<Answer(const SeenRequest &)> handler);
    void setResponder(std::function<QByteArray(const SeenRequest &)> responder); // always answers
    // A server that accepts connections and reads requests but never answers.
    void hangForever();

    QList<SeenRequest> seen() const;
    int requestCount() const;
    int connectionCount() const;
    // Whether any request (line, header or body) contained `needle`.
    bool received(const QByteArray &needle) const;
    QByteArray allReceived() const; // every byte received, for checks

private:
    class Impl;
    std::unique_ptr<Impl> d;
};

// A TCP relay in front of another server on 127.0.0.1, in its own thread. It counts connections and can cut one in the
// middle of a request: `cutAfterPattern(p, occurrence, offset)` breaks the connection `offset` bytes after the
// occurrence-th time `p` was sent by the client (then the next ones, up to `maxCuts` times).
class TcpRelay final
{
public:
    TcpRelay();
    ~TcpRelay();
    TcpRelay(const TcpRelay &) = delete;
    TcpRelay &operator=(const TcpRelay &) = delete;

    bool listen(quint16 upstreamPort);
    quint16 port() const;
    void cutAfterPattern(const QByteArray &pattern, int occurrence, qint64 offset, int maxCuts = 1);

    int connectionCount() const;
    int cuts() const;
    QByteArray fromClient() const; // everything the client sent

private:
    class Impl;
    std::unique_ptr<Impl> d;
};

} // namespace stevedore::test
