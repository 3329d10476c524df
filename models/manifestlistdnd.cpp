#include "manifestlistmodel.h"
#include "mimereferences.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

// ManifestListModel: drag and drop. Rows drag out as their ids (for reordering in the editor) and as text/plain
// references; image references dropped in (text/uri-list, text/plain) and rows moved are handed to the editor.
namespace stevedore::models {

QString ManifestListModel::rowsMimeType()
{
    return u"application/x-stevedore-list-rows"_s;
}

QStringList ManifestListModel::referencesFrom(const QMimeData *mime)
{
    return referencesFromMime(mime);
}

Qt::DropActions ManifestListModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction | Qt::LinkAction;
}

Qt::DropActions ManifestListModel::supportedDragActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

QStringList ManifestListModel::mimeTypes() const
{
    return {rowsMimeType(), u"text/uri-list"_s, u"text/plain"_s};
}

QMimeData *ManifestListModel::mimeData(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &i : indexes)
        if (i.isValid() && !rows.contains(i.row()))
            rows.append(i.row());
    std::sort(rows.begin(), rows.end());
    QStringList ids;
    QStringList sources;
    for (int row : rows) {
        ids.append(QString::number(m_rows[row].id));
        sources.append(raw(m_rows[row], Source).toString());
    }
    auto *mime = new QMimeData;
    mime->setData(rowsMimeType(), ids.join(u',').toLatin1());
    mime->setText(sources.join(u'\n')); // dragged elsewhere (the push queue), the rows are their images
    return mime;
}

bool ManifestListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                        const QModelIndex &) const
{
    if (!data || action == Qt::IgnoreAction)
        return false;
    return data->hasFormat(rowsMimeType()) || !referencesFrom(data).isEmpty();
}

bool ManifestListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                                     const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, 0, parent))
        return false;
    if (row < 0 && parent.isValid())
        row = parent.row(); // dropped on a row: before it
    if (data->hasFormat(rowsMimeType())) {
        QList<quint64> ids;
        const QList<QByteArray> parts = data->data(rowsMimeType()).split(',');
        for (const QByteArray &part : parts) {
            bool ok = false;
            const quint64 id = part.toULongLong(&ok);
            if (ok && rowOfId(id) >= 0)
                ids.append(id);
        }
        if (!ids.isEmpty()) {
            // The move is the editor's (one undo step); the view's removal of the dragged rows after a MoveAction
            // finds no removeRows here, so nothing else changes.
            Q_EMIT moveRequested(ids, row);
            return true;
        }
    }
    const QStringList refs = referencesFrom(data);
    if (refs.isEmpty())
        return false;
    Q_EMIT referencesDropped(refs, row);
    return true;
}

} // namespace stevedore::models
