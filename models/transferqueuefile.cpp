#include "transferqueuefile.h"

#include "transfermodel.h"

#include "core/atomicfile.h"
#include "core/paths.h"
#include "core/runtime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace stevedore::models {

namespace {
constexpr int kDebounceMs = 300;
constexpr qint64 kMaxQueueFile = 64ll * 1024 * 1024;

Result<QJsonObject> readQueue(const QString &path)
{
    if (!QFileInfo::exists(path))
        return QJsonObject();
    auto bytes = readFileLimited(path, kMaxQueueFile);
    if (!bytes)
        return fail(bytes.error());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        // Kept aside for the user to look at; the next save starts a fresh queue.
        QFile::remove(path + u".bad"_s);
        QFile::rename(path, path + u".bad"_s);
        return fail(ErrorCode::MalformedContent,
                    TransferModel::tr("%1 is not a saved push queue (%2); it was kept as %1.bad")
                        .arg(path, error.error != QJsonParseError::NoError ? error.errorString()
                                                                           : TransferModel::tr("not a JSON object")));
    }
    return doc.object();
}
} // namespace

TransferQueueFile::TransferQueueFile(TransferModel *model, QString path, QObject *parent)
    : QObject(parent), m_model(model), m_path(std::move(path))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &TransferQueueFile::startSave);
    connect(&m_loadWatcher, &QFutureWatcher<Result<QJsonObject>>::finished, this, &TransferQueueFile::onLoaded);
    connect(&m_saveWatcher, &QFutureWatcher<Status>::finished, this, &TransferQueueFile::onSaved);
    connect(m_model, &TransferModel::queueChanged, this, &TransferQueueFile::scheduleSave);
}

TransferQueueFile::~TransferQueueFile()
{
    // A write in flight finishes on its own (it owns its data); nothing here waits for it.
    m_saveWatcher.disconnect(this);
    m_loadWatcher.disconnect(this);
}

QString TransferQueueFile::defaultPath()
{
    return stevedoreDataHome() + u"/push-queue.json"_s;
}

void TransferQueueFile::load()
{
    m_loadWatcher.setFuture(QtConcurrent::run(EngineRuntime::instance()->io(), readQueue, m_path));
}

void TransferQueueFile::onLoaded()
{
    const auto future = m_loadWatcher.future();
    QStringList problems;
    int jobs = 0;
    if (future.resultCount() > 0) {
        const auto result = future.result();
        if (result)
            jobs = m_model->restoreState(*result, &problems);
        else
            problems.append(result.error().message);
    }
    m_loaded = true;
    if (m_dirty || jobs > 0 || !problems.isEmpty())
        scheduleSave();
    Q_EMIT loaded(jobs, problems);
}

void TransferQueueFile::scheduleSave()
{
    if (m_detached)
        return;
    m_dirty = true;
    if (m_loaded)
        m_debounce.start();
}

void TransferQueueFile::startSave()
{
    if (m_detached || !m_loaded)
        return;
    if (m_saveWatcher.isRunning())
        return; // onSaved() starts the next one
    m_dirty = false;
    const QByteArray data = QJsonDocument(m_model->saveState()).toJson(QJsonDocument::Indented);
    const QString path = m_path;
    m_saveWatcher.setFuture(QtConcurrent::run(EngineRuntime::instance()->io(), [path, data]() -> Status {
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return fail(ErrorCode::IoError, TransferModel::tr("cannot make the folder of %1").arg(path));
        return writeFileAtomically(path, data, mode_t(0600));
    }));
}

void TransferQueueFile::onSaved()
{
    const auto future = m_saveWatcher.future();
    if (future.resultCount() > 0) {
        const Status status = future.result();
        if (status)
            Q_EMIT saved();
        else
            Q_EMIT saveFailed(status.error().message);
    }
    if (m_dirty && !m_detached)
        m_debounce.start();
}

Status TransferQueueFile::saveNow()
{
    m_debounce.stop();
    if (!m_loaded) {
        m_detached = true;
        return {}; // what is on disk was never read: keep it as it is
    }
    // A write in flight has older data; this one, renamed after it, wins (each write is a whole file).
    m_saveWatcher.waitForFinished();
    m_detached = true;
    const QByteArray data = QJsonDocument(m_model->saveState()).toJson(QJsonDocument::Indented);
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return fail(ErrorCode::IoError, TransferModel::tr("cannot make the folder of %1").arg(m_path));
    return writeFileAtomically(m_path, data, mode_t(0600));
}

} // namespace stevedore::models
