#include "threadpools.h"

#include <QThread>
#include <QThreadPool>

namespace stevedore::pools {

namespace {
QThreadPool *makePool(int maxThreads)
{
    auto *pool = new QThreadPool; // lives until exit; leaked on purpose to outlive static destruction order
    pool->setMaxThreadCount(maxThreads);
    pool->setExpiryTimeout(30000);
    return pool;
}
} // namespace

QThreadPool *jobs()
{
    static QThreadPool *pool = makePool(16);
    return pool;
}

QThreadPool *io()
{
    static QThreadPool *pool = makePool(32);
    return pool;
}

QThreadPool *cpu()
{
    static QThreadPool *pool = makePool(qMax(1, QThread::idealThreadCount()));
    return pool;
}

void waitForAll(int msecs)
{
    jobs()->waitForDone(msecs);
    io()->waitForDone(msecs);
    cpu()->waitForDone(msecs);
}

} // namespace stevedore::pools
