#include "bodypipe.h"

#include <QDeadlineTimer>

#include <cstring>

namespace stevedore {

namespace {
constexpr int kWakeMs = 25; // how often a waiting producer looks at its cancel token
} // namespace

BodyPipe::BodyPipe(qint64 length, qint64 capacity)
    : m_length(length)
    , m_capacity(qMax<qint64>(1, qMin(capacity > 0 ? capacity : kDefaultCapacity, length)))
    , m_ring(m_capacity, Qt::Uninitialized)
{
}

Status BodyPipe::push(const char *data, qint64 size, const CancelToken &cancel)
{
    qint64 done = 0;
    while (done < size) {
        std::function<void()> wake;
        {
            QMutexLocker lock(&m_mutex);
            for (;;) {
                if (m_aborted)
                    return fail(ErrorCode::NetworkError, EngineText::tr("the request ended before its body was sent"));
                if (cancel.isCancelled())
                    return fail(ErrorCode::Cancelled, EngineText::tr("cancelled"));
                // Room for half the pipe at least (or for all that is left): pieces go in large batches, not in
                // the slivers the connection frees, so both threads wake up rarely.
                if (m_capacity - m_queued >= qMin(m_capacity / 2, size - done))
                    break;
                m_producerWaiting = true;
                m_space.wait(&m_mutex, QDeadlineTimer(kWakeMs));
                m_producerWaiting = false;
            }
            const qint64 n = qMin(size - done, m_capacity - m_queued);
            if (m_pushed + n > m_length)
                return fail(ErrorCode::Internal, EngineText::tr("more bytes than the request body's length"));
            const bool wasEmpty = m_queued == 0; // the reader may be waiting for bytes only then
            const qint64 tail = (m_head + m_queued) % m_capacity;
            const qint64 first = qMin(n, m_capacity - tail);
            std::memcpy(m_ring.data() + tail, data + done, size_t(first));
            std::memcpy(m_ring.data(), data + done + first, size_t(n - first));
            m_queued += n;
            m_pushed += n;
            done += n;
            if (wasEmpty)
                wake = m_onData;
        }
        if (wake)
            wake();
    }
    return {};
}

void BodyPipe::abort()
{
    QMutexLocker lock(&m_mutex);
    m_aborted = true;
    m_queued = 0;
    m_onData = nullptr;
    m_space.wakeAll();
}

bool BodyPipe::aborted() const
{
    QMutexLocker lock(&m_mutex);
    return m_aborted;
}

qint64 BodyPipe::read(char *data, qint64 maxSize)
{
    QMutexLocker lock(&m_mutex);
    if (m_aborted)
        return -1;
    const qint64 got = qMin(maxSize, m_queued);
    const qint64 first = qMin(got, m_capacity - m_head);
    std::memcpy(data, m_ring.constData() + m_head, size_t(first));
    std::memcpy(data + first, m_ring.constData(), size_t(got - first));
    m_head = (m_head + got) % m_capacity;
    m_queued -= got;
    m_read += got;
    if (got > 0 && m_producerWaiting && m_capacity - m_queued >= m_capacity / 2)
        m_space.wakeAll();
    return got;
}

qint64 BodyPipe::available() const
{
    QMutexLocker lock(&m_mutex);
    return m_aborted ? 0 : m_queued;
}

bool BodyPipe::finished() const
{
    QMutexLocker lock(&m_mutex);
    return m_read >= m_length;
}

void BodyPipe::setOnData(std::function<void()> onData)
{
    QMutexLocker lock(&m_mutex);
    if (!m_aborted)
        m_onData = std::move(onData);
}

} // namespace stevedore
