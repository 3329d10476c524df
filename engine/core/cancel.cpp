#include "cancel.h"

#include <QDeadlineTimer>
#include <QThread>

namespace stevedore {

bool CancelToken::sleepFor(std::chrono::milliseconds delay) const
{
    QDeadlineTimer deadline(delay);
    while (!deadline.hasExpired()) {
        if (isCancelled())
            return false;
        const qint64 left = deadline.remainingTime();
        QThread::msleep(quint64(qBound<qint64>(qint64(1), left, qint64(kPollInterval.count()))));
    }
    return !isCancelled();
}

} // namespace stevedore
