#pragma once

#include "copy/copyrequest.h"
#include "core/job.h"
#include "core/progress.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <memory>
#include <vector>

namespace stevedore {
class CopyJob;
}

namespace stevedore::models {

// The push queue: one top-level row per copy job (source -> destination, state, overall percent, speed, elapsed,
// remaining, details: the pushed digest or the whole error) and one child row per blob (short digest, config
// labelled, state, bytes done/total), grouped by platform, the blobs shared by every platform last.
// Fed by Job::progress (throttled by the engine) and Job::finished; progress becomes ranged dataChanged signals.
// Jobs run `maxConcurrent()` at once, the others wait as "Queued". When a job ends, every blob row that had not
// ended says what became of it (cancelled, not copied) — none stays "Uploading" or "Waiting".
// The queue can be saved (saveState) and brought back (restoreState): unfinished jobs come back queued.
class TransferModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, State, Progress, Size, Speed, Elapsed, Remaining, Details, Count };
    Q_ENUM(Column)
    enum Role {
        RawRole = Qt::UserRole,  // the raw value of the column: names, state enum as int, percent (-1 unknown), bytes,
                                 // bytes per second, milliseconds (-1 unknown), the details text
        BytesDoneRole,
        BytesTotalRole,          // -1 when unknown
        ErrorRole,               // the error message of a failed job or blob
        DigestRole,              // the pushed digest of a job that succeeded
    };
    Q_ENUM(Role)

    explicit TransferModel(QObject *parent = nullptr);
    ~TransferModel() override; // cancels running jobs (never waits for them)

    // Takes ownership of `job` and adds a row; the job starts now, or when a slot is free. Returns the row.
    int addJob(CopyJob *job);
    // Makes the job of `request` and adds it as addJob does.
    int addRequest(const CopyRequest &request);
    CopyJob *jobAt(int row) const;
    int jobCount() const { return int(m_jobs.size()); }
    Job::State stateAt(int row) const;
    CopyRequest requestAt(int row) const;
    QString errorAt(int row) const;
    QString digestAt(int row) const;
    // Cancels the job at `row` (a top-level row), running or queued; false when there is none or it has finished.
    bool cancel(int row);
    void cancelAll();
    // After a language switch: every text, size, speed and time is formatted again with the new locale.
    void retranslate();
    // Runs a failed or cancelled job again with the same request (options and credentials); false otherwise.
    bool retry(int row);
    // Removes a job that is not running (queued, done, failed, cancelled); false otherwise.
    bool remove(int row);
    // Removes every job that has finished.
    void removeFinished();
    int runningCount() const;
    int unfinishedCount() const; // running or queued

    int maxConcurrent() const { return m_maxConcurrent; }
    void setMaxConcurrent(int jobs); // at least 1; more free slots start queued jobs at once

    // The queue as JSON: every job's request (never typed passwords), state, digest, error, times and blob rows.
    QJsonObject saveState() const;
    // Appends the jobs of `state` (what saveState gave): finished jobs as they ended, unfinished ones as queued
    // jobs that start as slots free up; a job whose password was typed for it comes back failed, saying so (the
    // password is not kept). Returns how many jobs came back; `problems` gets a line per job that could not.
    int restoreState(const QJsonObject &state, QStringList *problems = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString jobStateText(Job::State state);
    static QString blobStateText(BlobProgress::State state);
    static QString durationText(qint64 ms); // "0:07", "12:03", "1:02:03"

Q_SIGNALS:
    void jobFinished(int row, stevedore::Job::State state, const QString &message);
    // Something worth saving changed: a job added, started, ended, retried or removed.
    void queueChanged();

private:
    struct Entry {
        QPointer<CopyJob> job;
        CopyRequest request;
        QString source;
        QString destination;
        Job::State state = Job::State::Idle;
        QString error;
        QString digest;
        QList<BlobProgress> blobs;
        QHash<QString, int> blobRow;
        QElapsedTimer clock;          // running since
        qint64 elapsedMs = 0;         // when finished
        std::deque<std::pair<qint64, qint64>> samples; // (clock ms, bytes done) of the last seconds
    };

    void attach(Entry *entry, CopyJob *job);
    void startQueued();
    void onStarted(Entry *entry);
    void onProgress(Entry *entry, const ProgressSnapshot &changes);
    void onFinished(Entry *entry, Job::State state);
    void settleBlobs(Entry *entry, Job::State state);
    void insertBlob(Entry *entry, const QModelIndex &parentIndex, const BlobProgress &blob);
    void tick();
    int rowOf(const Entry *entry) const;
    Entry *entryAt(int row) const;
    QVariant jobData(const Entry &e, int column, int role) const;
    QVariant blobData(const Entry &e, const BlobProgress &b, int column, int role) const;
    static qint64 effectiveDone(const BlobProgress &b);
    static void totals(const Entry &e, qint64 *done, qint64 *total, bool *allKnown);
    static qint64 speedOf(const Entry &e);     // bytes per second, -1 unknown
    static qint64 elapsedOf(const Entry &e);   // ms, -1 never started
    static qint64 remainingOf(const Entry &e); // ms, -1 unknown
    static QString detailsOf(const Entry &e);

    std::vector<std::unique_ptr<Entry>> m_jobs;
    int m_maxConcurrent = 2;
    QTimer m_clock; // refreshes speed and times of running jobs once a second
};

} // namespace stevedore::models
