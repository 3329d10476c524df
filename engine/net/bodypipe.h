#pragma once
// A request body that is made while it is sent: the producer (a worker thread) pushes bytes as it makes them, the
// network thread reads them as the connection takes them. Bounded: push() waits while `capacity` bytes are queued,
// so a long body costs that much memory however long it is. Its length is fixed beforehand (the Content-Length).

#include "core/cancel.h"
#include "core/error.h"

#include <QByteArray>
#include <QMutex>
#include <QWaitCondition>

#include <functional>

namespace stevedore {

class BodyPipe
{
public:
    static constexpr qint64 kDefaultCapacity = 2 * 1024 * 1024;

    explicit BodyPipe(qint64 length, qint64 capacity = kDefaultCapacity);
    BodyPipe(const BodyPipe &) = delete;
    BodyPipe &operator=(const BodyPipe &) = delete;

    qint64 length() const { return m_length; }

    // Producer. Queues `size` bytes (copied into a ring allocated once), waiting while the pipe is full; never more than length() in all. An
    // error when the pipe is closed by abort() (the request ended: its own answer says why), when `cancel` is
    // cancelled, or past length().
    Status push(const char *data, qint64 size, const CancelToken &cancel);

    // Either side: no more bytes will move. The producer's push() fails, the reader's read() answers -1.
    void abort();
    bool aborted() const;

    // Reader (the network thread). Up to maxSize queued bytes: the count, 0 when none is queued yet, -1 once aborted.
    qint64 read(char *data, qint64 maxSize);
    qint64 available() const;
    // Every byte of length() was read.
    bool finished() const;
    // Called, outside the pipe's lock and on the producer's thread, when bytes were queued into an empty pipe (the
    // reader's wake-up: it reads until read() answers 0, then waits for this).
    void setOnData(std::function<void()> onData);

private:
    const qint64 m_length;
    const qint64 m_capacity;
    mutable QMutex m_mutex;
    QWaitCondition m_space;
    QByteArray m_ring;      // the queued bytes, from m_head on, wrapping around: allocated once
    qint64 m_head = 0;
    qint64 m_queued = 0;
    qint64 m_pushed = 0;
    qint64 m_read = 0;
    bool m_aborted = false;
    bool m_producerWaiting = false;
    std::function<void()> m_onData;
};

} // namespace stevedore
