#include "parallelgzip.h"

#include "core/threadpools.h"

#include <QMutex>
#include <QThreadPool>
#include <QWaitCondition>

#include <libdeflate.h>

#include <array>
#include <deque>

namespace stevedore {

namespace {

constexpr int kMaxLevel = 12;

// One libdeflate compressor per level and per cpu thread, kept for the thread's life (allocating one costs more
// than compressing a small block).
libdeflate_compressor *threadCompressor(int level)
{
    struct Cache {
        std::array<libdeflate_compressor *, kMaxLevel + 1> c{};
        ~Cache()
        {
            for (libdeflate_compressor *p : c)
                if (p)
                    libdeflate_free_compressor(p);
        }
    };
    thread_local Cache cache;
    libdeflate_compressor *&slot = cache.c[size_t(level)];
    if (!slot)
        slot = libdeflate_alloc_compressor(level);
    return slot;
}

struct Block {
    QByteArray input;
    QByteArray output;
    bool done = false; // guarded by Shared::mutex
};

struct Shared {
    QMutex mutex;
    QWaitCondition changed;
};

} // namespace

struct ParallelGzipCompressor::Impl {
    int level = ParallelGzipCompressor::kDefaultLevel;
    qint64 blockSize = ParallelGzipCompressor::kDefaultBlockSize;
    int maxInFlight = 4;
    std::shared_ptr<Shared> shared = std::make_shared<Shared>();
    std::deque<std::shared_ptr<Block>> pending; // submission order; touched by the producer thread only
    QByteArray current;                         // the block being filled
    QByteArray ready;                           // finished output not yet taken
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    bool finished = false;
    bool anyBlock = false;

    void submit();
    void collect(bool waitForOldest);
    void waitAll();
};

void ParallelGzipCompressor::Impl::submit()
{
    while (int(pending.size()) >= maxInFlight)
        collect(true);
    auto block = std::make_shared<Block>();
    block->input = std::move(current);
    current = QByteArray();
    current.reserve(blockSize);
    anyBlock = true;
    pending.push_back(block);
    const int lvl = level;
    std::shared_ptr<Shared> sh = shared;
    pools::cpu()->start([block, sh, lvl]() {
        libdeflate_compressor *c = threadCompressor(lvl);
        QByteArray out;
        if (c) {
            const size_t bound = libdeflate_gzip_compress_bound(c, size_t(block->input.size()));
            out.resize(qsizetype(bound));
            const size_t n = libdeflate_gzip_compress(c, block->input.constData(), size_t(block->input.size()),
                                                      out.data(), bound);
            out.resize(qsizetype(n)); // n > 0: the bound always suffices
        }
        QByteArray freed = std::move(block->input);
        freed.clear();
        QMutexLocker lock(&sh->mutex);
        block->output = std::move(out);
        block->done = true;
        sh->changed.wakeAll();
    });
}

void ParallelGzipCompressor::Impl::collect(bool waitForOldest)
{
    QMutexLocker lock(&shared->mutex);
    if (waitForOldest && !pending.empty()) {
        while (!pending.front()->done)
            shared->changed.wait(&shared->mutex);
    }
    while (!pending.empty() && pending.front()->done) {
        ready.append(pending.front()->output);
        pending.pop_front();
    }
}

void ParallelGzipCompressor::Impl::waitAll()
{
    QMutexLocker lock(&shared->mutex);
    for (const auto &b : pending)
        while (!b->done)
            shared->changed.wait(&shared->mutex);
}

ParallelGzipCompressor::ParallelGzipCompressor(int level, qint64 blockSize, int maxBlocksInFlight)
    : d(std::make_unique<Impl>())
{
    d->level = level < 0 ? kDefaultLevel : qMin(level, kMaxLevel);
    d->blockSize = blockSize > 0 ? blockSize : kDefaultBlockSize;
    d->maxInFlight = maxBlocksInFlight > 0 ? maxBlocksInFlight : qMax(2, 2 * pools::cpu()->maxThreadCount());
    d->current.reserve(d->blockSize);
}

ParallelGzipCompressor::~ParallelGzipCompressor()
{
    d->waitAll();
}

void ParallelGzipCompressor::push(const char *data, qint64 size)
{
    Q_ASSERT(!d->finished);
    d->bytesIn += size;
    while (size > 0) {
        const qint64 room = d->blockSize - d->current.size();
        const qint64 n = qMin(room, size);
        d->current.append(data, qsizetype(n));
        data += n;
        size -= n;
        if (d->current.size() == d->blockSize)
            d->submit();
    }
}

void ParallelGzipCompressor::finish()
{
    if (d->finished)
        return;
    d->finished = true;
    if (!d->current.isEmpty() || !d->anyBlock)
        d->submit();
    d->current = QByteArray();
}

QByteArray ParallelGzipCompressor::takeAvailable()
{
    d->collect(false);
    QByteArray out = std::move(d->ready);
    d->ready = QByteArray();
    d->bytesOut += out.size();
    return out;
}

QByteArray ParallelGzipCompressor::takeAll()
{
    Q_ASSERT(d->finished);
    while (!d->pending.empty())
        d->collect(true);
    return takeAvailable();
}

int ParallelGzipCompressor::level() const { return d->level; }
qint64 ParallelGzipCompressor::blockSize() const { return d->blockSize; }
qint64 ParallelGzipCompressor::bytesIn() const { return d->bytesIn; }
qint64 ParallelGzipCompressor::bytesOut() const { return d->bytesOut; }

QByteArray gzipCompress(const QByteArray &data, int level, qint64 blockSize)
{
    ParallelGzipCompressor gz(level, blockSize);
    QByteArray out;
    for (qint64 off = 0; off < data.size(); off += blockSize) {
        gz.push(data.constData() + off, qMin(blockSize, data.size() - off));
        out.append(gz.takeAvailable());
    }
    gz.finish();
    out.append(gz.takeAll());
    return out;
}

} // namespace stevedore
