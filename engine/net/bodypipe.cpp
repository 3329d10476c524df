#include "bodypipe.h"

#include <QDeadlineTimer>

#include <cstring>

namespace stevedore {

namespace {
constexpr int kWakeMs = 25; // how often a waiting producer looks at its cancel token
} // namespace

BodyPipe::BodyPipe(qint64 length, qint64 capacity) : m_length(length), m_capacity(capacity > 0 ? capacity : kDefaultCapacity)
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
                if (m_queued < m_capacity)
                    break;
                m_space.wait(&m_mutex, QDeadlineTimer(kWakeMs));
            }
            const qint64 n = qMin(size - done, m_capacity - m_queued);
            if (m_pushed + n > m_length)
                return fail(ErrorCode::Internal, EngineText::tr("more bytes than the request body's length"));
            m_pieces.emplace_back(data + done, n);
            m_queued += n;
            m_pushed += n;
            done += n;
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
    m_pieces.clear();
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
    qint64 got = 0;
    while (got < maxSize && !m_pieces.empty()) {
        const QByteArray &front = m_pieces.front();
        const qint64 n = qMin(maxSize - got, qint64(front.size()) - m_frontUsed);
        std::memcpy(data + got, front.constData() + m_frontUsed, size_t(n));
        got += n;
        m_frontUsed += n;
        if (m_frontUsed == front.size()) {
            m_pieces.pop_front();
            m_frontUsed = 0;
        }
    }
    m_queued -= got;
    m_read += got;
    if (got > 0)
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
