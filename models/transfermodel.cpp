#include "transfermodel.h"

#include "copy/copyjob.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace stevedore::models {

namespace {
bool isFinished(Job::State s)
{
    return s == Job::State::Succeeded || s == Job::State::Failed || s == Job::State::Cancelled;
}
} // namespace

TransferModel::TransferModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

TransferModel::~TransferModel()
{
    cancelAll();
    // Each Job's destructor waits for its worker; the entries go first so no signal reaches a dead model.
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
    e->job = job;
    e->source = job->source().toString();
    e->destination = job->destination().toString();
    e->state = job->state();
    job->setParent(this);

    const int row = int(m_jobs.size());
    beginInsertRows({}, row, row);
    m_jobs.push_back(std::move(entry));
    endInsertRows();

    connect(job, &Job::progress, this, [this, e](const ProgressSnapshot &changes) { onProgress(e, changes); });
    connect(job, &Job::finished, this, [this, e](Job::State state) { onFinished(e, state); });
    connect(job, &Job::started, this, [this, e] {
        e->state = Job::State::Running;
        const int r = rowOf(e);
        if (r >= 0)
            Q_EMIT dataChanged(index(r, State), index(r, Progress));
    });
    if (job->state() == Job::State::Idle)
        job->start();
    return row;
}

CopyJob *TransferModel::jobAt(int row) const
{
    if (row < 0 || row >= int(m_jobs.size()))
        return nullptr;
    return m_jobs[size_t(row)]->job.data();
}

bool TransferModel::cancel(int row)
{
    CopyJob *job = jobAt(row);
    if (!job || isFinished(m_jobs[size_t(row)]->state))
        return false;
    job->cancel();
    return true;
}

void TransferModel::cancelAll()
{
    for (int r = 0; r < int(m_jobs.size()); ++r)
        cancel(r);
}

void TransferModel::removeFinished()
{
    for (int r = int(m_jobs.size()) - 1; r >= 0; --r) {
        if (!isFinished(m_jobs[size_t(r)]->state))
            continue;
        beginRemoveRows({}, r, r);
        std::unique_ptr<Entry> gone = std::move(m_jobs[size_t(r)]);
        m_jobs.erase(m_jobs.begin() + r);
        endRemoveRows();
        if (gone->job) {
            gone->job->disconnect(this);
            gone->job->deleteLater();
        }
    }
}

int TransferModel::runningCount() const
{
    return int(std::count_if(m_jobs.begin(), m_jobs.end(),
                             [](const auto &e) { return e->state == Job::State::Running; }));
}

int TransferModel::rowOf(const Entry *entry) const
{
    for (size_t i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs[i].get() == entry)
            return int(i);
    }
    return -1;
}

void TransferModel::onProgress(Entry *e, const ProgressSnapshot &changes)
{
    const int jobRow = rowOf(e);
    if (jobRow < 0 || changes.blobs.isEmpty())
        return;
    const QModelIndex parentIndex = index(jobRow, 0);

    // Updates of known blobs first (one ranged dataChanged), then new blobs (one insert at the end).
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
    if (!added.isEmpty()) {
        const int first = int(e->blobs.size());
        beginInsertRows(parentIndex, first, first + int(added.size()) - 1);
        for (const BlobProgress &b : std::as_const(added)) {
            e->blobRow.insert(b.id, int(e->blobs.size()));
            e->blobs.append(b);
        }
        endInsertRows();
    }
    Q_EMIT dataChanged(index(jobRow, State), index(jobRow, Count - 1));
}

void TransferModel::onFinished(Entry *e, Job::State state)
{
    const int row = rowOf(e);
    if (row < 0)
        return;
    e->state = state;
    if (e->job && e->job->error())
        e->error = e->job->error()->message;
    Q_EMIT dataChanged(index(row, 0), index(row, Count - 1));
    Q_EMIT jobFinished(row, state, e->error);
}

QModelIndex TransferModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= Count)
        return {};
    if (!parent.isValid()) {
        if (row >= int(m_jobs.size()))
            return {};
        return createIndex(row, column, nullptr);
    }
    if (parent.internalPointer() || parent.column() != 0 || parent.row() >= int(m_jobs.size()))
        return {}; // blobs have no children; only column 0 has children
    Entry *e = m_jobs[size_t(parent.row())].get();
    if (row >= e->blobs.size())
        return {};
    // Child rows point to their job's entry, so they stay right when job rows move.
    return createIndex(row, column, e);
}

QModelIndex TransferModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    const int jobRow = rowOf(static_cast<const Entry *>(child.internalPointer()));
    if (jobRow < 0)
        return {};
    return createIndex(jobRow, 0, nullptr);
}

int TransferModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_jobs.size());
    if (parent.column() != 0 || parent.internalPointer() || parent.row() >= int(m_jobs.size()))
        return 0;
    return int(m_jobs[size_t(parent.row())]->blobs.size());
}

int TransferModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return Count;
}

qint64 TransferModel::effectiveDone(const BlobProgress &b)
{
    switch (b.state) {
    case BlobProgress::State::Skipped:
    case BlobProgress::State::Mounted:
    case BlobProgress::State::Done:
        return b.total >= 0 ? b.total : b.done;
    default:
        return b.done;
    }
}

void TransferModel::totals(const Entry &e, qint64 *done, qint64 *total, bool *allKnown)
{
    *done = 0;
    *total = 0;
    *allKnown = true;
    for (const BlobProgress &b : e.blobs) {
        if (b.total < 0) {
            *allKnown = false;
            continue;
        }
        *total += b.total;
        *done += std::min(effectiveDone(b), b.total);
    }
}

QVariant TransferModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() >= Count)
        return {};
    if (!index.internalPointer()) {
        if (index.row() >= int(m_jobs.size()))
            return {};
        return jobData(*m_jobs[size_t(index.row())], index.column(), role);
    }
    const auto *entry = static_cast<const Entry *>(index.internalPointer());
    if (rowOf(entry) < 0)
        return {};
    const Entry &e = *entry;
    if (index.row() >= e.blobs.size())
        return {};
    return blobData(e, e.blobs[index.row()], index.column(), role);
}

QVariant TransferModel::jobData(const Entry &e, int column, int role) const
{
    qint64 done = 0, total = 0;
    bool allKnown = true;
    totals(e, &done, &total, &allKnown);
    int percent = -1;
    if (e.state == Job::State::Succeeded)
        percent = 100;
    else if (total > 0)
        percent = int(done * 100 / total);
    else if (e.state == Job::State::Running || e.state == Job::State::Idle)
        percent = 0;

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return tr("%1 → %2").arg(e.source, e.destination);
        case State:
            return jobStateText(e.state);
        case Progress:
            return percent < 0 ? QString() : tr("%1%").arg(percent);
        case Size:
            return tr("%1 of %2").arg(QLocale().formattedDataSize(done), QLocale().formattedDataSize(total));
        }
        break;
    case Qt::ToolTipRole:
        if (!e.error.isEmpty())
            return e.error;
        if (column == Name)
            return tr("%1 → %2").arg(e.source, e.destination);
        break;
    case RawRole:
        switch (column) {
        case Name:
            return e.source;
        case State:
            return int(e.state);
        case Progress:
            return percent;
        case Size:
            return total;
        }
        break;
    case BytesDoneRole:
        return done;
    case BytesTotalRole:
        return allKnown ? total : qint64(-1);
    case ErrorRole:
        return e.error;
    case Qt::TextAlignmentRole:
        if (column == Size || column == Progress)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant TransferModel::blobData(const Entry &e, const BlobProgress &b, int column, int role) const
{
    Q_UNUSED(e);
    const qint64 done = effectiveDone(b);
    int percent = -1;
    if (b.total > 0)
        percent = int(std::min(done, b.total) * 100 / b.total);
    else if (b.total == 0)
        percent = (done >= 0 && b.state != BlobProgress::State::Waiting) ? 100 : 0;

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Name: {
            const auto d = Digest::parse(b.id);
            const QString shortId = d ? d->shortHex() : b.id.left(19);
            return b.platform.isEmpty() ? shortId : tr("%1 (%2)").arg(shortId, b.platform);
        }
        case State:
            return blobStateText(b.state);
        case Progress:
            return percent < 0 ? QString() : tr("%1%").arg(percent);
        case Size:
            if (b.total < 0)
                return QLocale().formattedDataSize(done);
            return tr("%1 of %2").arg(QLocale().formattedDataSize(done), QLocale().formattedDataSize(b.total));
        }
        break;
    case Qt::ToolTipRole:
        if (!b.message.isEmpty())
            return b.message;
        if (column == Name)
            return tr("%1\n%2").arg(b.id, b.mediaType);
        break;
    case RawRole:
        switch (column) {
        case Name:
            return b.id;
        case State:
            return int(b.state);
        case Progress:
            return percent;
        case Size:
            return b.total;
        }
        break;
    case BytesDoneRole:
        return done;
    case BytesTotalRole:
        return b.total;
    case ErrorRole:
        return b.message;
    case Qt::TextAlignmentRole:
        if (column == Size || column == Progress)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant TransferModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Transfer");
    case State:
        return tr("State");
    case Progress:
        return tr("Progress");
    case Size:
        return tr("Size");
    }
    return {};
}

QHash<int, QByteArray> TransferModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(RawRole, "raw");
    names.insert(BytesDoneRole, "bytesDone");
    names.insert(BytesTotalRole, "bytesTotal");
    names.insert(ErrorRole, "error");
    return names;
}

QString TransferModel::jobStateText(Job::State state)
{
    switch (state) {
    case Job::State::Idle:
        return tr("Queued");
    case Job::State::Running:
        return tr("Running");
    case Job::State::Succeeded:
        return tr("Done");
    case Job::State::Failed:
        return tr("Failed");
    case Job::State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString TransferModel::blobStateText(BlobProgress::State state)
{
    switch (state) {
    case BlobProgress::State::Waiting:
        return tr("Waiting");
    case BlobProgress::State::Checking:
        return tr("Checking");
    case BlobProgress::State::Uploading:
        return tr("Uploading");
    case BlobProgress::State::Skipped:
        return tr("Already there");
    case BlobProgress::State::Mounted:
        return tr("Mounted");
    case BlobProgress::State::Done:
        return tr("Done");
    case BlobProgress::State::Failed:
        return tr("Failed");
    case BlobProgress::State::Retrying:
        return tr("Retrying");
    }
    return {};
}

} // namespace stevedore::models
