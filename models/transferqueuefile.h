#pragma once

#include "core/error.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace stevedore::models {

class TransferModel;

// Keeps a TransferModel's queue in a file across restarts: load() reads it on the engine's I/O pool and appends
// its jobs to the model; from then on every change is written a moment later (debounced), atomically (temporary
// file, fsync, rename; mode 0600), off the GUI thread, one write at a time. saveNow() writes at once, for quitting:
// it is called before running jobs are cancelled, so they come back queued.
class TransferQueueFile final : public QObject
{
    Q_OBJECT
public:
    TransferQueueFile(TransferModel *model, QString path, QObject *parent = nullptr);
    ~TransferQueueFile() override;

    // $XDG_DATA_HOME/stevedore/push-queue.json
    static QString defaultPath();
    QString path() const { return m_path; }
    bool isLoaded() const { return m_loaded; }

    void load();
    // Writes the model's queue now, in the calling thread; then stops following the model.
    Status saveNow();

Q_SIGNALS:
    // After load(): how many jobs came back and what could not (an unreadable file is one problem; it is then kept
    // as path + ".bad" and a fresh queue starts).
    void loaded(int jobs, const QStringList &problems);
    void saved();
    void saveFailed(const QString &message);

private:
    void onLoaded();
    void scheduleSave();
    void startSave();
    void onSaved();

    TransferModel *m_model;
    QString m_path;
    bool m_loaded = false;
    bool m_detached = false;
    bool m_dirty = false;
    QTimer m_debounce;
    QFutureWatcher<Result<QJsonObject>> m_loadWatcher;
    QFutureWatcher<Status> m_saveWatcher;
};

} // namespace stevedore::models
