#include "transfermodel.h"

#include "copy/copyjob.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace stevedore::models {

namespace {
constexpr qint64 kSpeedWindowMs = 5000;

} // namespace

TransferModel::TransferModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &TransferModel::tick);
}

TransferModel::~TransferModel()
{
    // A Job's destructor cancels its work and returns at once; the runtime's shutdown waits for the pools.
    for (auto &e : m_jobs) {
        if (e->job) {
            e->job->disconnect(this);
            delete e->job.data();
        }
    }
}

int TransferModel::addJob(CopyJob *job)
{
    if (!job)
        return -1;
    auto entry = std::make_unique<Entry>();
    Entry *e = entry.get();
    e->request = CopyRequest{job->source(), job->destination(), job->context(), job->options()};
    e->source = job->source().toString();
    e->destination = job->destination().toString();
    e->state = job->state();

    const int row = int(m_jobs.size());
    beginInsertRows({}, row, row);
    m_jobs.push_back(std::move(entry));
    endInsertRows();
    attach(e, job);
    Q_EMIT queueChanged();
    startQueued();
    return row;
}

int TransferModel::addRequest(const CopyRequest &r)
{
    return addJob(new CopyJob(r.source, r.destination, r.context, r.options));
}

void TransferModel::attach(Entry *e, CopyJob *job)
{
    e->job = job;
    job->setParent(this);
    connect(job, &Job::progress, this, [this, e](const ProgressSnapshot &changes) { onProgress(e, changes); });
    connect(job, &Job::finished, this, [this, e](Job::State state) { onFinished(e, state); });
    connect(job, &Job::started, this, [this, e] { onStarted(e); });
}

void TransferModel::startQueued()
{
    int running = runningCount();
    for (auto &e : m_jobs) {
        if (running >= m_maxConcurrent)
            break;
        if (e->state != Job::State::Idle || !e->job || e->job->state() != Job::State::Idle)
            continue;
        e->job->start(); // emits started(): onStarted
        ++running;
    }
}

void TransferModel::onStarted(Entry *e)
{
    e->state = Job::State::Running;
    e->clock.start();
    e->samples.clear();
    if (!m_clock.isActive())
        m_clock.start();
    const int r = rowOf(e);
    if (r >= 0)
        Q_EMIT dataChanged(index(r, 0), index(r, Count - 1));
    Q_EMIT queueChanged();
}

CopyJob *TransferModel::jobAt(int row) const
{
    Entry *e = entryAt(row);
    return e ? e->job.data() : nullptr;
}

TransferModel::Entry *TransferModel::entryAt(int row) const
{
    if (row < 0 || row >= int(m_jobs.size()))
        return nullptr;
    return m_jobs[size_t(row)].get();
}

Job::State TransferModel::stateAt(int row) const
{
    Entry *e = entryAt(row);
    return e ? e->state : Job::State::Idle;
}

CopyRequest TransferModel::requestAt(int row) const
{
    Entry *e = entryAt(row);
    return e ? e->request : CopyRequest{};
}

QString TransferModel::errorAt(int row) const
{
    Entry *e = entryAt(row);
    return e ? e->error : QString();
}

QString TransferModel::digestAt(int row) const
{
    Entry *e = entryAt(row);
    return e ? e->digest : QString();
}

bool TransferModel::cancel(int row)
{
    Entry *e = entryAt(row);
    if (!e || Job::isFinal(e->state))
        return false;
    if (e->job && e->job->state() == Job::State::Running) {
        e->job->cancel(); // finished() follows: onFinished
        return true;
    }
    // Queued: it never started, nothing to stop.
    if (e->job) {
        e->job->disconnect(this);
        e->job->deleteLater();
        e->job = nullptr;
    }
    onFinished(e, Job::State::Cancelled);
    return true;
}

void TransferModel::cancelAll()
{
    for (int r = 0; r < int(m_jobs.size()); ++r)
        cancel(r);
}

bool TransferModel::retry(int row)
{
    Entry *e = entryAt(row);
    if (!e || (e->state != Job::State::Failed && e->state != Job::State::Cancelled))
        return false;
    if (e->job) {
        e->job->disconnect(this);
        e->job->deleteLater();
        e->job = nullptr;
    }
    const QModelIndex parentIndex = index(row, 0);
    if (!e->blobs.isEmpty()) {
        beginRemoveRows(parentIndex, 0, int(e->blobs.size()) - 1);
        e->blobs.clear();
        e->blobRow.clear();
        endRemoveRows();
    }
    e->state = Job::State::Idle;
    e->error.clear();
    e->digest.clear();
    e->elapsedMs = 0;
    e->samples.clear();
    const CopyRequest &r = e->request;
    attach(e, new CopyJob(r.source, r.destination, r.context, r.options));
    Q_EMIT dataChanged(index(row, 0), index(row, Count - 1));
    Q_EMIT queueChanged();
    startQueued();
    return true;
}

bool TransferModel::remove(int row)
{
    Entry *e = entryAt(row);
    if (!e || e->state == Job::State::Running)
        return false;
    beginRemoveRows({}, row, row);
    std::unique_ptr<Entry> gone = std::move(m_jobs[size_t(row)]);
    m_jobs.erase(m_jobs.begin() + row);
    endRemoveRows();
    if (gone->job) {
        gone->job->disconnect(this);
        gone->job->deleteLater();
    }
    Q_EMIT queueChanged();
    return true;
}

void TransferModel::removeFinished()
{
    for (int r = int(m_jobs.size()) - 1; r >= 0; --r) {
        if (Job::isFinal(m_jobs[size_t(r)]->state))
            remove(r);
    }
}

int TransferModel::runningCount() const
{
    return int(std::count_if(m_jobs.begin(), m_jobs.end(),
                             [](const auto &e) { return e->state == Job::State::Running; }));
}

int TransferModel::unfinishedCount() const
{
    return int(std::count_if(m_jobs.begin(), m_jobs.end(), [](const auto &e) { return !Job::isFinal(e->state); }));
}

void TransferModel::setMaxConcurrent(int jobs)
{
    m_maxConcurrent = std::max(1, jobs);
    startQueued();
}

int TransferModel::rowOf(const Entry *entry) const
{
    for (size_t i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs[i].get() == entry)
            return int(i);
    }
    return -1;
}

void TransferModel::insertBlob(Entry *e, const QModelIndex &parentIndex, const BlobProgress &b)
{
    // Grouped by platform in the order platforms first appear; blobs shared by every platform (no platform) last.
    int pos = -1;
    for (int i = int(e->blobs.size()) - 1; i >= 0; --i) {
        if (e->blobs[i].platform == b.platform) {
            pos = i + 1;
            break;
        }
    }
    if (pos < 0) {
        pos = int(e->blobs.size());
        if (!b.platform.isEmpty()) {
            while (pos > 0 && e->blobs[pos - 1].platform.isEmpty())
                --pos;
        }
    }
    beginInsertRows(parentIndex, pos, pos);
    e->blobs.insert(pos, b);
    for (int i = pos; i < e->blobs.size(); ++i)
        e->blobRow.insert(e->blobs[i].id, i);
    endInsertRows();
}

void TransferModel::onProgress(Entry *e, const ProgressSnapshot &changes)
{
    const int jobRow = rowOf(e);
    if (jobRow < 0 || changes.blobs.isEmpty())
        return;
    const QModelIndex parentIndex = index(jobRow, 0);

    // Updates of known blobs first (one ranged dataChanged), then new blobs, each in its platform's group.
    int minRow = INT_MAX, maxRow = -1;
    QList<BlobProgress> added;
    for (const BlobProgress &b : changes.blobs) {
        const auto it = e->blobRow.constFind(b.id);
        if (it == e->blobRow.constEnd()) {
            const auto dup = std::find_if(added.begin(), added.end(), [&](const BlobProgress &x) { return x.id == b.id; });
            if (dup != added.end())
                *dup = b;
            else
                added.append(b);
            continue;
        }
        e->blobs[*it] = b;
        minRow = std::min(minRow, *it);
        maxRow = std::max(maxRow, *it);
    }
    if (maxRow >= 0)
        Q_EMIT dataChanged(index(minRow, 0, parentIndex), index(maxRow, Count - 1, parentIndex));
    for (const BlobProgress &b : std::as_const(added))
        insertBlob(e, parentIndex, b);

    if (e->clock.isValid()) {
        qint64 done = 0, total = 0;
        bool allKnown = true;
        totals(*e, &done, &total, &allKnown);
        const qint64 now = e->clock.elapsed();
        e->samples.emplace_back(now, done);
        while (e->samples.size() > 2 && now - e->samples.front().first > kSpeedWindowMs)
            e->samples.pop_front();
    }
    Q_EMIT dataChanged(index(jobRow, 0), index(jobRow, Count - 1));
}

void TransferModel::settleBlobs(Entry *e, Job::State state)
{
    // The engine ends every blob it scheduled; a job that failed before or after its blobs ran may leave rows
    // that never heard of it. Each gets its real final state.
    const int jobRow = rowOf(e);
    if (jobRow < 0)
        return;
    const QModelIndex parentIndex = index(jobRow, 0);
    for (int i = 0; i < e->blobs.size(); ++i) {
        BlobProgress &b = e->blobs[i];
        if (isFinalBlobState(b.state))
            continue;
        if (state == Job::State::Cancelled) {
            b.state = BlobProgress::State::Cancelled;
            b.message.clear();
        } else if (state == Job::State::Failed) {
            b.state = BlobProgress::State::NotCopied;
            b.message = tr("not copied: the push stopped on an error");
        } else {
            continue; // a success ends every blob
        }
        Q_EMIT dataChanged(index(i, 0, parentIndex), index(i, Count - 1, parentIndex));
    }
}

void TransferModel::onFinished(Entry *e, Job::State state)
{
    const int row = rowOf(e);
    if (row < 0)
        return;
    e->state = state;
    if (e->clock.isValid()) {
        e->elapsedMs = e->clock.elapsed();
        e->clock.invalidate();
    }
    if (e->job && e->job->error())
        e->error = e->job->error()->message;
    if (state == Job::State::Succeeded && e->job) {
        const Digest d = e->job->resultDigest();
        if (d.isValid())
            e->digest = d.toString();
    }
    settleBlobs(e, state);
    Q_EMIT dataChanged(index(row, 0), index(row, Count - 1));
    Q_EMIT jobFinished(row, state, e->error);
    Q_EMIT queueChanged();
    startQueued();
    if (runningCount() == 0)
        m_clock.stop();
}

void TransferModel::tick()
{
    for (size_t i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs[i]->state == Job::State::Running)
            Q_EMIT dataChanged(index(int(i), Speed), index(int(i), Remaining));
    }
}

qint64 TransferModel::speedOf(const Entry &e)
{
    if (e.state == Job::State::Running) {
        if (e.samples.size() < 2 || !e.clock.isValid())
            return -1;
        const auto &[t0, b0] = e.samples.front();
        const qint64 now = e.clock.elapsed();
        const qint64 bytes = e.samples.back().second - b0;
        const qint64 span = now - t0;
        return span > 0 ? bytes * 1000 / span : -1;
    }
    if (e.state == Job::State::Succeeded && e.elapsedMs > 0) {
        qint64 done = 0, total = 0;
        bool allKnown = true;
        totals(e, &done, &total, &allKnown);
        return done * 1000 / e.elapsedMs; // the average over the whole push
    }
    return -1;
}

qint64 TransferModel::elapsedOf(const Entry &e)
{
    if (e.clock.isValid())
        return e.clock.elapsed();
    return Job::isFinal(e.state) && (e.elapsedMs > 0 || !e.blobs.isEmpty()) ? e.elapsedMs : -1;
}

qint64 TransferModel::remainingOf(const Entry &e)
{
    if (e.state != Job::State::Running)
        return e.state == Job::State::Succeeded ? 0 : -1;
    qint64 done = 0, total = 0;
    bool allKnown = true;
    totals(e, &done, &total, &allKnown);
    const qint64 speed = speedOf(e);
    if (!allKnown || total <= 0 || speed <= 0)
        return -1;
    return std::max<qint64>(0, total - done) * 1000 / speed;
}

void TransferModel::retranslate()
{
    // Nothing moves; the views only ask every row again.
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, Count - 1);
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
}

} // namespace stevedore::models
