#include "localimagesmodel.h"

#include "core/threadpools.h"

#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace stevedore::models {

LocalImagesModel::LocalImagesModel(QString storageRoot, QObject *parent)
    : QAbstractTableModel(parent)
    , m_root(std::move(storageRoot))
{
}

LocalImagesModel::~LocalImagesModel()
{
    // The worker only holds a copy of the root path; it may finish after us, its result goes nowhere.
    if (m_watcher)
        m_watcher->disconnect(this);
}

void LocalImagesModel::refresh()
{
    if (m_loading) {
        m_pending = true; // run again once the current read is done, so the newest state wins
        return;
    }
    m_loading = true;
    Q_EMIT loadingChanged(true);
    if (!m_watcher) {
        m_watcher = new QFutureWatcher<Result<QList<LocalImage>>>(this);
        connect(m_watcher, &QFutureWatcherBase::finished, this, [this] {
            apply(m_watcher->result());
            m_loading = false;
            if (m_pending) {
                m_pending = false;
                refresh();
                return;
            }
            Q_EMIT loadingChanged(false);
            Q_EMIT refreshed();
        });
    }
    const QString root = m_root;
    m_watcher->setFuture(QtConcurrent::run(pools::io(), [root]() -> Result<QList<LocalImage>> {
        return LocalStore(root).images();
    }));
}

void LocalImagesModel::apply(const Result<QList<LocalImage>> &result)
{
    if (!result) {
        const QString message = tr("Cannot read the local store %1: %2").arg(m_root, result.error().message);
        if (message != m_error) {
            m_error = message;
            Q_EMIT errorChanged(m_error);
        }
        return;
    }
    QList<LocalImage> images = *result;
    std::stable_sort(images.begin(), images.end(), [](const LocalImage &a, const LocalImage &b) {
        return a.reference.toString() < b.reference.toString();
    });
    beginResetModel();
    m_images = std::move(images);
    endResetModel();
    if (!m_error.isEmpty()) {
        m_error.clear();
        Q_EMIT errorChanged(m_error);
    }
}

const LocalImage *LocalImagesModel::imageAt(int row) const
{
    if (row < 0 || row >= m_images.size())
        return nullptr;
    return &m_images[row];
}

int LocalImagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_images.size());
}

int LocalImagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant LocalImagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LocalImage &img = m_images[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Repository:
            return img.reference.repository();
        case Tag:
            return img.reference.tag();
        case Digest:
            return img.descriptor.digest.isValid() ? img.descriptor.digest.shortHex() : QString();
        case Created:
            return img.created.isValid() ? QLocale().toString(img.created.toLocalTime(), QLocale::ShortFormat)
                                         : QString();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Digest)
            return img.descriptor.digest.toString();
        if (index.column() == Repository)
            return img.reference.toString();
        break;
    case RawRole:
        switch (index.column()) {
        case Repository:
            return img.reference.repository();
        case Tag:
            return img.reference.tag();
        case Digest:
            return img.descriptor.digest.toString();
        case Created:
            return img.created;
        }
        break;
    case ReferenceRole:
        return img.reference.toString();
    case SizeRole:
        return img.descriptor.size;
    case MediaTypeRole:
        return img.descriptor.mediaType;
    }
    return {};
}

QVariant LocalImagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Repository:
        return tr("Repository");
    case Tag:
        return tr("Tag");
    case Digest:
        return tr("Digest");
    case Created:
        return tr("Created");
    }
    return {};
}

QHash<int, QByteArray> LocalImagesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawRole, "raw");
    names.insert(ReferenceRole, "reference");
    names.insert(SizeRole, "size");
    names.insert(MediaTypeRole, "mediaType");
    return names;
}

} // namespace stevedore::models
