#include "localimagesmodel.h"

#include "core/threadpools.h"

#include <QLocale>
#include <QMimeData>
#include <QSet>
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
    m_cancel.cancel();
    if (m_sizeWatcher)
        m_sizeWatcher->disconnect(this);
}

void LocalImagesModel::refresh()
{
    if (m_loading) {
        m_pending = true; // read again once the current read is done, so the newest state wins
        return;
    }
    m_loading = true;
    Q_EMIT loadingChanged(true);
    startRead();
}

void LocalImagesModel::startRead()
{
    if (!m_watcher) {
        m_watcher = new QFutureWatcher<Result<QList<LocalImage>>>(this);
        connect(m_watcher, &QFutureWatcherBase::finished, this, [this] {
            if (m_readDetails)
                m_details = *m_readDetails;
            apply(m_watcher->result());
            if (m_pending) {
                m_pending = false;
                startRead();
                return;
            }
            m_loading = false;
            Q_EMIT loadingChanged(false);
            Q_EMIT refreshed();
            startSizing();
        });
    }
    const QString root = m_root;
    auto details = std::make_shared<QHash<QString, LocalImageDetails>>(m_details);
    m_readDetails = details;
    m_watcher->setFuture(QtConcurrent::run(pools::io(), [root, details]() -> Result<QList<LocalImage>> {
        auto images = LocalStore(root).images();
        if (!images)
            return images;
        // Manifests are content-addressed: what was read for a digest stays true.
        QHash<QString, LocalImageDetails> fresh;
        for (const LocalImage &img : std::as_const(*images)) {
            const QString key = img.descriptor.digest.toString();
            if (fresh.contains(key))
                continue;
            if (const auto known = details->constFind(key); known != details->constEnd()) {
                fresh.insert(key, *known);
            } else if (auto d = readLocalImageDetails(root, img.descriptor)) {
                fresh.insert(key, *d);
            }
        }
        *details = std::move(fresh);
        return images;
    }));
}

void LocalImagesModel::startSizing()
{
    if (m_sizing) {
        m_sizePending = true;
        return;
    }
    QList<Descriptor> todo;
    QSet<QString> seen;
    for (const LocalImage &img : std::as_const(m_images)) {
        const QString key = img.descriptor.digest.toString();
        if (!m_sizes.images.contains(key) && !seen.contains(key)) {
            seen.insert(key);
            todo.append(img.descriptor);
        }
    }
    if (todo.isEmpty())
        return;
    if (!m_sizeWatcher) {
        m_sizeWatcher = new QFutureWatcher<Sizes>(this);
        connect(m_sizeWatcher, &QFutureWatcherBase::finished, this, [this] {
            m_sizing = false;
            if (m_sizeWatcher->future().resultCount() == 0)
                return;
            const Sizes found = m_sizeWatcher->result();
            m_sizes.layers.insert(found.layers);
            m_sizes.images.insert(found.images);
            if (!m_images.isEmpty())
                Q_EMIT dataChanged(index(0, Uncompressed), index(int(m_images.size()) - 1, Uncompressed));
            if (m_sizePending) {
                m_sizePending = false;
                startSizing();
            }
        });
    }
    m_sizing = true;
    const QString root = m_root;
    const CancelToken cancel = m_cancel;
    m_sizeWatcher->setFuture(QtConcurrent::run(pools::io(), [root, todo, known = m_sizes.layers, cancel]() {
        Sizes out;
        out.layers = known;
        for (const Descriptor &d : todo) {
            if (cancel.isCancelled())
                break;
            // An image whose layers cannot be read (a list naming images elsewhere, a damaged blob) gets no size.
            if (auto size = readUncompressedSize(root, d, out.layers, cancel))
                out.images.insert(d.digest.toString(), *size);
        }
        return out;
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
    auto key = [](const LocalImage &img) { return img.reference.toString(); };
    std::stable_sort(images.begin(), images.end(),
                     [&](const LocalImage &a, const LocalImage &b) { return key(a) < key(b); });

    // Merge into the rows we have (both sorted by reference): removals, inserts and changed rows, so a
    // view keeps its selection and scroll position across refreshes.
    qsizetype i = 0, j = 0;
    while (i < m_images.size() || j < images.size()) {
        if (j == images.size()) {
            beginRemoveRows({}, int(i), int(m_images.size() - 1));
            m_images.resize(i);
            endRemoveRows();
            break;
        }
        if (i == m_images.size()) {
            beginInsertRows({}, int(i), int(i + images.size() - j - 1));
            m_images.append(images.mid(j));
            endInsertRows();
            break;
        }
        const QString a = key(m_images[i]), b = key(images[j]);
        if (a == b) {
            const LocalImage &old = m_images[i];
            const LocalImage &now = images[j];
            if (old.descriptor.digest != now.descriptor.digest || old.created != now.created
                || old.descriptor.size != now.descriptor.size || old.descriptor.mediaType != now.descriptor.mediaType) {
                m_images[i] = now;
                Q_EMIT dataChanged(index(int(i), 0), index(int(i), Count - 1));
            }
            ++i;
            ++j;
        } else if (a < b) {
            beginRemoveRows({}, int(i), int(i));
            m_images.remove(i);
            endRemoveRows();
        } else {
            beginInsertRows({}, int(i), int(i));
            m_images.insert(i, images[j]);
            endInsertRows();
            ++i;
            ++j;
        }
    }
    if (!m_images.isEmpty())
        Q_EMIT dataChanged(index(0, Platforms), index(int(m_images.size()) - 1, Size)); // details read with them
    if (!m_error.isEmpty()) {
        m_error.clear();
        Q_EMIT errorChanged(m_error);
    }
}

QFuture<Status> LocalImagesModel::tagImage(int row, const QString &newName)
{
    const LocalImage *img = imageAt(row);
    if (!img)
        return QtFuture::makeReadyFuture(Status(fail(ErrorCode::InvalidArgument, tr("No image is selected."))));
    auto target = ImageReference::parse(newName.trimmed());
    if (!target)
        return QtFuture::makeReadyFuture(Status(fail(target.error())));
    const QString root = m_root;
    const ImageReference source = img->reference;
    const ImageReference name = *target;
    return QtConcurrent::run(pools::io(), [root, source, name] { return LocalStore(root).tag(source, name); })
        .then(this, [this](Status s) {
            refresh();
            return s;
        });
}

QFuture<Status> LocalImagesModel::removeImage(int row)
{
    const LocalImage *img = imageAt(row);
    if (!img)
        return QtFuture::makeReadyFuture(Status(fail(ErrorCode::InvalidArgument, tr("No image is selected."))));
    const QString root = m_root;
    const ImageReference name = img->reference;
    return QtConcurrent::run(pools::io(), [root, name] { return LocalStore(root).remove(name); })
        .then(this, [this](Status s) {
            refresh();
            return s;
        });
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
    const auto details = m_details.constFind(img.descriptor.digest.toString());
    const bool known = details != m_details.constEnd();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Repository:
            return img.reference.repository();
        case Tag:
            return img.reference.tag();
        case Digest:
            return img.descriptor.digest.isValid() ? img.descriptor.digest.shortHex() : QString();
        case Platforms:
            return known ? details->platforms.join(u", "_s) : QString();
        case Size:
            return known ? QLocale().formattedDataSize(details->storedSize) : QString();
        case Uncompressed: {
            const auto size = m_sizes.images.constFind(img.descriptor.digest.toString());
            return size != m_sizes.images.constEnd() ? QLocale().formattedDataSize(*size) : QString();
        }
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
        if (index.column() == Size && known)
            return tr("%n layer(s), %1 as stored (compressed), config included", nullptr, details->layers)
                .arg(QLocale().formattedDataSize(details->storedSize));
        if (index.column() == Uncompressed)
            return m_sizes.images.contains(img.descriptor.digest.toString())
                ? tr("What the layers hold once decompressed: the size of the image's file systems")
                : tr("Being measured: every layer is decompressed once");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Size || index.column() == Uncompressed)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RawRole:
        switch (index.column()) {
        case Repository:
            return img.reference.repository();
        case Tag:
            return img.reference.tag();
        case Digest:
            return img.descriptor.digest.toString();
        case Platforms:
            return known ? details->platforms : QStringList();
        case Size:
            return known ? details->storedSize : qint64(-1);
        case Uncompressed:
            return m_sizes.images.value(img.descriptor.digest.toString(), -1);
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
    case Platforms:
        return tr("Platforms");
    case Size:
        return tr("Size");
    case Uncompressed:
        return tr("Uncompressed");
    case Created:
        return tr("Created");
    }
    return {};
}

Qt::ItemFlags LocalImagesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList LocalImagesModel::mimeTypes() const
{
    return {u"text/plain"_s};
}

QMimeData *LocalImagesModel::mimeData(const QModelIndexList &indexes) const
{
    // The references of the dragged rows, one a line: the manifest list editor and the push queue take them.
    QStringList refs;
    for (const QModelIndex &i : indexes) {
        if (!i.isValid() || i.row() >= m_images.size())
            continue;
        const QString ref = m_images[i.row()].reference.toString();
        if (!refs.contains(ref))
            refs.append(ref);
    }
    auto *mime = new QMimeData;
    mime->setText(refs.join(u'\n'));
    return mime;
}

Qt::DropActions LocalImagesModel::supportedDragActions() const
{
    return Qt::CopyAction;
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

void LocalImagesModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, Count - 1);
    if (!m_images.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_images.size()) - 1, Count - 1));
}

} // namespace stevedore::models
