#pragma once

#include "core/error.h"
#include "transport/store/localimagedetails.h"
#include "transport/store/localstore.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QFutureWatcher>
#include <QHash>
#include <QList>

#include <memory>

namespace stevedore::models {

// The images of Stevedore's local store (LocalStore::images()), one row per name. refresh() reads the store
// on the engine's io pool and merges the result in on the GUI thread (row inserts, removals and dataChanged,
// no reset), so views keep their selection; nothing blocks the caller.
class LocalImagesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    Q_PROPERTY(QString storageRoot READ storageRoot CONSTANT)
public:
    enum Column { Repository, Tag, Digest, Platforms, Size, Uncompressed, Created, Count };
    Q_ENUM(Column)
    enum Role {
        RawRole = Qt::UserRole,  // QString repository / tag / digest, QStringList platforms, qint64 stored size and
                                 // uncompressed size (-1 while unknown), QDateTime created
        ReferenceRole,           // the full normalised reference, "docker.io/library/busybox:latest"
        SizeRole,                // size of the manifest or index, bytes
        MediaTypeRole,
    };
    Q_ENUM(Role)

    explicit LocalImagesModel(QString storageRoot, QObject *parent = nullptr);
    ~LocalImagesModel() override;

    const QString &storageRoot() const { return m_root; }
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_error; }
    const LocalImage *imageAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Rows drag out as text/plain: their references, one a line.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    // Adds `newName` ("name[:tag]", normalised as the CLI does) to the image at `row`, or removes the name at `row`
    // (blobs no other name uses go with it), on the engine's I/O pool; the store is read again afterwards.
    QFuture<Status> tagImage(int row, const QString &newName);
    QFuture<Status> removeImage(int row);

public Q_SLOTS:
    // Reloads asynchronously; a refresh started while another runs supersedes it.
    void refresh();
    // After a language switch: headers, dates and sizes are formatted again with the new locale.
    void retranslate();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorChanged(const QString &errorString);
    void refreshed();  // a refresh finished (successfully or not)

private:
    void startRead();
    void apply(const Result<QList<LocalImage>> &result);
    // The uncompressed sizes of the images that have none yet: every layer decompressed once, on the I/O pool,
    // after the store is read (the table does not wait for it).
    void startSizing();

    QString m_root;
    QList<LocalImage> m_images;
    QFutureWatcher<Result<QList<LocalImage>>> *m_watcher = nullptr;
    bool m_loading = false;
    bool m_pending = false;
    QString m_error;
    // Platforms and sizes by manifest digest: read with the store, on the I/O pool.
    QHash<QString, LocalImageDetails> m_details;
    std::shared_ptr<QHash<QString, LocalImageDetails>> m_readDetails;
    struct Sizes {
        QHash<QString, qint64> images; // manifest digest → uncompressed bytes of its layers
        QHash<QString, qint64> layers; // layer digest → uncompressed bytes
    };
    Sizes m_sizes;
    QFutureWatcher<Sizes> *m_sizeWatcher = nullptr;
    bool m_sizing = false;
    bool m_sizePending = false;
    CancelToken m_cancel; // cancelled with the model: a long decompression stops within a piece
};

} // namespace stevedore::models
