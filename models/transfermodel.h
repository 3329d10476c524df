#pragma once

#include "core/job.h"
#include "core/progress.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QPointer>

#include <memory>
#include <vector>

namespace stevedore {
class CopyJob;
}

namespace stevedore::models {

// The push queue: one top-level row per copy job (source -> destination, state, overall percent) and one
// child row per blob (short digest, state, bytes done/total). Fed by Job::progress (throttled by the engine)
// and Job::finished; progress becomes ranged dataChanged signals, never resets.
class TransferModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, State, Progress, Size, Count };
    Q_ENUM(Column)
    enum Role {
        RawRole = Qt::UserRole,  // the raw value of the column: names, state enum as int, percent (-1 unknown), bytes
        BytesDoneRole,
        BytesTotalRole,          // -1 when unknown
        ErrorRole,               // the error message of a failed job or blob
    };
    Q_ENUM(Role)

    explicit TransferModel(QObject *parent = nullptr);
    ~TransferModel() override; // cancels and waits for running jobs

    // Takes ownership of `job`, adds a row and starts it (when still idle). Returns the row.
    int addJob(CopyJob *job);
    CopyJob *jobAt(int row) const;
    int jobCount() const { return int(m_jobs.size()); }
    // Cancels the job at `row` (a top-level row); false when there is none or it has finished.
    bool cancel(int row);
    void cancelAll();
    // Removes every job that is no longer running.
    void removeFinished();
    int runningCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString jobStateText(Job::State state);
    static QString blobStateText(BlobProgress::State state);

Q_SIGNALS:
    void jobFinished(int row, stevedore::Job::State state, const QString &message);

private:
    struct Entry {
        QPointer<CopyJob> job;
        QString source;
        QString destination;
        Job::State state = Job::State::Idle;
        QString error;
        QList<BlobProgress> blobs;
        QHash<QString, int> blobRow;
    };

    void onProgress(Entry *entry, const ProgressSnapshot &changes);
    void onFinished(Entry *entry, Job::State state);
    int rowOf(const Entry *entry) const;
    QVariant jobData(const Entry &e, int column, int role) const;
    QVariant blobData(const Entry &e, const BlobProgress &b, int column, int role) const;
    static qint64 effectiveDone(const BlobProgress &b);
    static void totals(const Entry &e, qint64 *done, qint64 *total, bool *allKnown);

    std::vector<std::unique_ptr<Entry>> m_jobs;
};

} // namespace stevedore::models
