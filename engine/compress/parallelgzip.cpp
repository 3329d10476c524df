#include "parallelgzip.h"

#include "core/threadpools.h"

#include <QMutex>
#include <QThreadPool>
#include <QWaitCondition>

#include <isa-l/igzip_lib.h>
#include <libdeflate.h>

#include <algorithm>
#include <cstring>
#include <array>
#include <deque>
#include <vector>

namespace stevedore {

namespace {

constexpr int kMaxLevel = 12;

// The gzip levels, fastest first, each a distinct point of speed and size measured on real content (tars of
// /usr/bin, /usr/lib/gcc and headers plus Perl and Python trees, 916 MB, 512 KiB blocks, one core; see README):
//   1  ISA-L 1        335.2 MB  398 MB/s      2  ISA-L 3        325.0 MB  291 MB/s
//   3  ISA-L 3 and libdeflate 1, block by block in turn        about 320.8 MB, about 205 MB/s
//   4  libdeflate 1   316.6 MB  160 MB/s      5  libdeflate 2   303.5 MB  102 MB/s
//   6  libdeflate 6   288.6 MB   66 MB/s  (and 7, 8, 9: libdeflate's)
// skopeo pushes 307.5 MB for the same content. ISA-L's best level alone misses 5% of that (1.057x); every other block
// through libdeflate's fastest level brings it to 1.043x for a third less CPU than libdeflate alone: level 3, the
// default, is the cheapest point within 5%. The choice depends on the block's index only: the output stays
// deterministic. Level 0 stores; 10-12 are libdeflate's extra levels.
struct GzipBackend {
    bool isal = false;
    int level = 0; // the backend's own level
};

GzipBackend backendFor(int level, qint64 blockIndex)
{
    switch (level) {
    case 1: return {true, 1};
    case 2: return {true, 3};
    case 3: return blockIndex % 2 ? GzipBackend{true, 3} : GzipBackend{false, 1};
    case 4: return {false, 1};
    case 5: return {false, 2};
    default: return {false, level};
    }
}

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

// Blocks whose samples do not shrink are stored (deflate "stored" blocks: a copy and a CRC) instead of being
// run through the compressor: random or already compressed data costs libdeflate about 10 ms per MiB and saves
// nothing. Eight samples spread over the block are compressed at level 1; only when none of them shrinks by more
// than 1/32 is the block stored. The choice depends on the block's bytes alone, so the output stays deterministic.
constexpr qsizetype kSampleSize = 4 * 1024;
constexpr int kSamples = 8;

} // namespace

bool looksIncompressible(const char *data, qsizetype size)
{
    if (size < 64 * 1024)
        return false;
    libdeflate_compressor *fast = threadCompressor(1);
    if (!fast)
        return false;
    thread_local std::array<char, 2 * kSampleSize> scratch;
    for (int i = 0; i < kSamples; ++i) {
        const qsizetype offset = (size - kSampleSize) * i / (kSamples - 1);
        // A result that does not fit in sampleSize - sampleSize/32 bytes counts as 0 (did not shrink enough).
        const size_t n = libdeflate_deflate_compress(fast, data + offset, size_t(kSampleSize), scratch.data(),
                                                     size_t(kSampleSize - kSampleSize / 32));
        if (n != 0)
            return false;
    }
    return true;
}

namespace {

// One ISA-L level buffer per level and per cpu thread.
uint8_t *threadIsalBuffer(int level, uint32_t *size)
{
    static constexpr size_t sizes[] = {ISAL_DEF_LVL0_DEFAULT, ISAL_DEF_LVL1_DEFAULT, ISAL_DEF_LVL2_DEFAULT,
                                       ISAL_DEF_LVL3_DEFAULT};
    thread_local std::array<std::vector<uint8_t>, 4> buffers;
    std::vector<uint8_t> &b = buffers[size_t(level)];
    if (b.empty())
        b.resize(sizes[level]);
    *size = uint32_t(b.size());
    return b.data();
}

// A gzip member with ISA-L: the header libdeflate writes (XFL 4: fastest), ISA-L's deflate data and gzip trailer.
// False when the output did not fit (the caller then stores the block).
bool isalGzip(int level, const QByteArray &input, QByteArray &output)
{
    static const char header[10] = {'\x1f', '\x8b', 8, 0, 0, 0, 0, 0, 4, '\xff'};
    output.resize(10 + input.size() + input.size() / 8 + 1024);
    std::memcpy(output.data(), header, 10);
    isal_zstream s;
    isal_deflate_init(&s);
    s.level = uint32_t(level);
    s.level_buf = threadIsalBuffer(level, &s.level_buf_size);
    s.gzip_flag = IGZIP_GZIP_NO_HDR;
    s.end_of_stream = 1;
    s.flush = NO_FLUSH;
    s.next_in = reinterpret_cast<uint8_t *>(const_cast<char *>(input.constData()));
    s.avail_in = uint32_t(input.size());
    s.next_out = reinterpret_cast<uint8_t *>(output.data() + 10);
    s.avail_out = uint32_t(output.size() - 10);
    if (isal_deflate(&s) != COMP_OK || s.internal_state.state != ZSTATE_END)
        return false;
    output.resize(output.size() - qsizetype(s.avail_out));
    return true;
}

void compressBlock(int level, qint64 blockIndex, const QByteArray &input, QByteArray &output)
{
    if (level > 0 && looksIncompressible(input.constData(), input.size()))
        level = 0;
    const GzipBackend backend = backendFor(level, blockIndex);
    if (backend.isal && isalGzip(backend.level, input, output))
        return;
    if (backend.isal)
        level = 0; // did not fit: stored
    else
        level = backend.level;
    libdeflate_compressor *c = threadCompressor(level);
    if (!c) { // out of memory: libdeflate could not allocate its tables; drain() reports the empty output
        output.resize(0);
        return;
    }
    const size_t bound = libdeflate_gzip_compress_bound(c, size_t(input.size()));
    output.resize(qsizetype(bound)); // a recycled block already has the room: no allocation
    const size_t n = libdeflate_gzip_compress(c, input.constData(), size_t(input.size()), output.data(), bound);
    output.resize(qsizetype(n)); // n > 0: the bound always suffices
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
    std::vector<std::shared_ptr<Block>> spare;  // consumed blocks, reused so their buffers are allocated once
    std::shared_ptr<Block> current;             // the block being filled
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    qint64 blocksSubmitted = 0;
    bool finished = false;
    bool anyBlock = false;
    bool failed = false; // a block could not be compressed (out of memory)

    std::shared_ptr<Block> freshBlock();
    void submit();
    bool waitForOldest(); // false when nothing is pending
    bool drain(const ParallelGzipCompressor::Sink &sink);
    void waitAll();
};

std::shared_ptr<Block> ParallelGzipCompressor::Impl::freshBlock()
{
    std::shared_ptr<Block> b;
    if (!spare.empty()) {
        b = std::move(spare.back());
        spare.pop_back();
    } else {
        b = std::make_shared<Block>();
        b->input.reserve(blockSize);
    }
    b->input.resize(0); // keeps the capacity
    b->done = false;
    return b;
}

void ParallelGzipCompressor::Impl::submit()
{
    {
        // Finished blocks wait for the consumer without holding a cpu thread; only unfinished ones count.
        QMutexLocker lock(&shared->mutex);
        for (;;) {
            const auto running = std::count_if(pending.begin(), pending.end(), [](const auto &b) { return !b->done; });
            if (running < maxInFlight)
                break;
            shared->changed.wait(&shared->mutex);
        }
    }
    std::shared_ptr<Block> block = std::move(current);
    current = freshBlock();
    anyBlock = true;
    pending.push_back(block);
    const int lvl = level;
    const qint64 index = blocksSubmitted++;
    std::shared_ptr<Shared> sh = shared;
    pools::cpu()->start([block, sh, lvl, index]() {
        compressBlock(lvl, index, block->input, block->output);
        QMutexLocker lock(&sh->mutex);
        block->done = true;
        sh->changed.wakeAll();
    });
}

bool ParallelGzipCompressor::Impl::waitForOldest()
{
    if (pending.empty())
        return false;
    QMutexLocker lock(&shared->mutex);
    while (!pending.front()->done)
        shared->changed.wait(&shared->mutex);
    return true;
}

// Hands the finished blocks at the front, in order, to the sink, then recycles them. Returns false if the sink
// did, or if a block could not be compressed (the rest is left).
bool ParallelGzipCompressor::Impl::drain(const ParallelGzipCompressor::Sink &sink)
{
    for (;;) {
        std::shared_ptr<Block> b;
        {
            QMutexLocker lock(&shared->mutex);
            if (pending.empty() || !pending.front()->done)
                return true;
            b = pending.front();
        }
        pending.pop_front();
        const QByteArray &out = b->output;
        if (out.isEmpty()) { // a gzip member is never empty: the block could not be compressed
            failed = true;
            return false;
        }
        bytesOut += out.size();
        const bool go = sink(out.constData(), out.size());
        if (int(spare.size()) < maxInFlight)
            spare.push_back(std::move(b));
        if (!go)
            return false;
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
    d->maxInFlight = maxBlocksInFlight > 0 ? maxBlocksInFlight : qMax(2, pools::cpu()->maxThreadCount());
    d->current = d->freshBlock();
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
        QByteArray &cur = d->current->input;
        const qint64 room = d->blockSize - cur.size();
        const qint64 n = qMin(room, size);
        cur.append(data, qsizetype(n));
        data += n;
        size -= n;
        if (cur.size() == d->blockSize)
            d->submit();
    }
}

void ParallelGzipCompressor::finish()
{
    if (d->finished)
        return;
    d->finished = true;
    if (!d->current->input.isEmpty() || !d->anyBlock)
        d->submit();
    d->current.reset();
    d->spare.clear(); // no more blocks will be filled
}

bool ParallelGzipCompressor::drainAvailable(const Sink &sink)
{
    return d->drain(sink);
}

bool ParallelGzipCompressor::drainAll(const Sink &sink)
{
    Q_ASSERT(d->finished);
    while (d->waitForOldest())
        if (!d->drain(sink))
            return false;
    return true;
}

bool ParallelGzipCompressor::failed() const
{
    return d->failed;
}

namespace {
ParallelGzipCompressor::Sink appendTo(QByteArray &out)
{
    return [&out](const char *p, qint64 n) {
        out.append(p, qsizetype(n));
        return true;
    };
}
} // namespace

QByteArray ParallelGzipCompressor::takeAvailable()
{
    QByteArray out;
    d->drain(appendTo(out));
    return out;
}

QByteArray ParallelGzipCompressor::takeAll()
{
    QByteArray out;
    drainAll(appendTo(out));
    return out;
}

int ParallelGzipCompressor::level() const { return d->level; }
qint64 ParallelGzipCompressor::memoryBound(qint64 blockSize, int maxBlocksInFlight)
{
    const int inFlight = maxBlocksInFlight > 0 ? maxBlocksInFlight : qMax(2, pools::cpu()->maxThreadCount());
    const qint64 perBlock = 2 * blockSize + 4096; // input, output (a block's deflate bound is its size + a little)
    return qint64(2 * inFlight + 4) * perBlock;
}

qint64 ParallelGzipCompressor::memoryInUse() const
{
    qint64 n = 0;
    auto count = [&n](const std::shared_ptr<Block> &b) { n += b->input.capacity() + b->output.capacity(); };
    QMutexLocker lock(&d->shared->mutex);
    for (const auto &b : d->pending) {
        if (b->done)
            count(b);
        else // a cpu thread is resizing its output: count the room it may take
            n += b->input.capacity() + qMax<qint64>(b->input.size() + 4096, d->blockSize);
    }
    for (const auto &b : d->spare)
        count(b);
    if (d->current)
        count(d->current);
    return n;
}

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
