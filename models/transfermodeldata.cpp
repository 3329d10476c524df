// TransferModel's tree structure and the data it shows (transfermodel.cpp runs the jobs).
#include "transfermodel.h"

#include "content/mediatypes.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace stevedore::models {

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

QString TransferModel::durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 s = ms / 1000;
    if (s >= 3600)
        return u"%1:%2:%3"_s.arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString TransferModel::detailsOf(const Entry &e)
{
    switch (e.state) {
    case Job::State::Succeeded:
        return e.digest;
    case Job::State::Failed:
        return e.error;
    case Job::State::Cancelled: {
        qint64 done = 0, total = 0;
        bool allKnown = true;
        totals(e, &done, &total, &allKnown);
        if (e.blobs.isEmpty())
            return tr("Cancelled before anything was sent; the source is untouched");
        return tr("Cancelled after %1 of %2; the source is untouched")
            .arg(QLocale().formattedDataSize(done), QLocale().formattedDataSize(total));
    }
    case Job::State::Idle:
        return tr("Waiting for a free slot");
    case Job::State::Running:
        break;
    }
    return {};
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
        case Speed: {
            const qint64 speed = speedOf(e);
            return speed < 0 ? QString() : tr("%1/s").arg(QLocale().formattedDataSize(speed));
        }
        case Elapsed:
            return durationText(elapsedOf(e));
        case Remaining:
            return e.state == Job::State::Running ? durationText(remainingOf(e)) : QString();
        case Details:
            return detailsOf(e);
        }
        break;
    case Qt::ToolTipRole:
        if (!e.error.isEmpty())
            return e.error;
        if (column == Details && !e.digest.isEmpty())
            return e.digest;
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
        case Speed:
            return speedOf(e);
        case Elapsed:
            return elapsedOf(e);
        case Remaining:
            return remainingOf(e);
        case Details:
            return detailsOf(e);
        }
        break;
    case BytesDoneRole:
        return done;
    case BytesTotalRole:
        return allKnown ? total : qint64(-1);
    case ErrorRole:
        return e.error;
    case DigestRole:
        return e.digest;
    case Qt::TextAlignmentRole:
        if (column == Size || column == Progress || column == Speed || column == Elapsed || column == Remaining)
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
    // Image configs, and the configs of other artifacts (application/vnd.*.config.v1+json).
    const bool config = b.mediaType == mediatype::OciConfig || b.mediaType == mediatype::DockerConfig
        || b.mediaType.endsWith(u".config.v1+json"_s);

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Name: {
            const auto d = Digest::parse(b.digest.isEmpty() ? b.id : b.digest);
            const QString shortId = d ? d->shortHex() : b.id.left(19);
            const QString what = config ? tr("config %1").arg(shortId) : shortId;
            return b.platform.isEmpty() ? what : tr("%1 (%2)").arg(what, b.platform);
        }
        case State:
            return blobStateText(b.state);
        case Progress:
            return percent < 0 ? QString() : tr("%1%").arg(percent);
        case Size:
            if (b.total < 0)
                return QLocale().formattedDataSize(done);
            return tr("%1 of %2").arg(QLocale().formattedDataSize(done), QLocale().formattedDataSize(b.total));
        case Details:
            return b.message;
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
        case Details:
            return b.message;
        default:
            return {};
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
    case Speed:
        return tr("Speed");
    case Elapsed:
        return tr("Elapsed");
    case Remaining:
        return tr("Remaining");
    case Details:
        return tr("Details");
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
    names.insert(DigestRole, "digest");
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
    case BlobProgress::State::Cancelled:
        return tr("Cancelled");
    case BlobProgress::State::NotCopied:
        return tr("Not copied");
    }
    return {};
}

} // namespace stevedore::models
