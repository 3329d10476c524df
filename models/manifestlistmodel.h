#pragma once

#include "core/cancel.h"
#include "core/error.h"
#include "manifestlist/manifestlist.h"
#include "transport/systemcontext.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QSet>
#include <QStringList>

#include <functional>

class QMimeData;
class QTimer;
template<typename T>
class QFutureWatcher;

namespace stevedore::models {

// The manifest list being edited: one row per platform image (ListEntry) plus the state of its reading. A row added
// by reference starts Loading: the model reads the image on the engine's I/O pool (describeListImageAsync) and, when
// the answer comes, fills the row (an index read with `all` becomes one row per child) or marks it Failed with the
// error. Validation is computed from the rows: unknown platform values (checkPlatform), a variant the architecture
// does not take, platforms or digests listed twice, images that could not be read — each in the cell concerned
// (ProblemRole, a tooltip, a colour and an icon).
//
// The model holds no undo logic: the editor's commands call the primitives below (insertPlaced / takeRows /
// takeGroups / setEntry / moveRowTo), which address rows by a stable id so they stay right while rows load. setData
// and dropMimeData hand the request to the editor (setEditHandler, referencesDropped, moveRequested) so that
// every change is one undo command; without an edit handler, setData applies the edit directly.
class ManifestListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Source, Digest, Size, MediaType, Os, Architecture, Variant, OsVersion, OsFeatures, Annotations,
                  Count };
    Q_ENUM(Column)
    enum Role {
        RawRole = Qt::UserRole, // the field's value: QString, qint64 size, QStringList os.features, QVariantMap
        StateRole,              // int(RowState)
        IdRole,                 // quint64, the row's stable id
        ProblemRole,            // QString: what is wrong with this cell (empty: nothing)
        RowProblemsRole,        // QStringList: everything wrong with the row
    };
    Q_ENUM(Role)
    enum class RowState { Loading, Ready, Failed };
    Q_ENUM(RowState)

    struct Row {
        quint64 id = 0;
        quint64 group = 0; // the rows one reading produced share the id of the row that was read
        RowState state = RowState::Loading;
        QString reference; // what the user gave
        bool all = false;  // read every platform of an index
        QString error;     // when Failed
        ListEntry entry;   // when Ready
    };
    struct PlacedRow {
        int position = 0;
        Row row;
    };

    // The MIME type of rows dragged inside the editor (their ids, for reordering).
    static QString rowsMimeType();
    // The image references in a drop: text/uri-list (docker:// and other transport URLs; a local OCI layout
    // folder as oci:PATH) or text/plain (one reference a line).
    static QStringList referencesFrom(const QMimeData *mime);
    // "key=value; key2=value2" <-> a map (annotations as edited in a cell).
    // A column's header ("Variant"), translated.
    static QString columnTitle(int column);
    static QString annotationsText(const QMap<QString, QString> &annotations);
    static Result<QMap<QString, QString>> parseAnnotations(const QString &text);

    explicit ManifestListModel(QObject *parent = nullptr);
    ~ManifestListModel() override;

    // Where images are read from (storage root for bare names, TLS, credentials).
    void setContext(const SystemContext &context) { m_context = context; }
    const SystemContext &context() const { return m_context; }

    // Replaces everything with `list` (one Ready row per entry); the list's media type and annotations are kept.
    void setList(const ManifestList &list);
    void clear();
    // The list made of the Ready rows, in order, with the media type and annotations of the list loaded.
    ManifestList list() const;
    const QString &listMediaType() const { return m_mediaType; }

    const QList<Row> &rows() const { return m_rows; }
    const Row *rowAt(int row) const;
    int rowOfId(quint64 id) const;
    bool isLoading() const;
    // Everything that keeps the list from being saved (empty: it can be saved), translated, one line each.
    QStringList problems() const;

    // The primitives of the undo commands. A new Loading row (not inserted yet) with a fresh id.
    Row newLoadingRow(const QString &reference, bool all);
    // Inserts rows at their positions (ascending); a Loading row starts its reading (or takes the answer that came
    // while it was out of the model).
    void insertPlaced(const QList<PlacedRow> &rows);
    // Removes the rows with these ids (or, for takeGroups, every row of these groups) and returns them with the
    // positions they had, ascending, so insertPlaced puts them back.
    QList<PlacedRow> takeRows(const QList<quint64> &ids);
    QList<PlacedRow> takeGroups(const QList<quint64> &groups);
    bool setEntry(quint64 id, const ListEntry &entry);
    bool moveRowTo(quint64 id, int to);
    // The entry `row` would have after setting `column` to `value` (EditRole text or string list); the platform
    // is not checked (an unknown value is kept and marked). An architecture whose variants do not include the
    // current variant clears it. nullopt (and *error) when the value cannot be taken at all.
    std::optional<ListEntry> editedEntry(int row, int column, const QVariant &value, QString *error = nullptr) const;

    using EditHandler = std::function<bool(int row, int column, const QVariant &value)>;
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

public Q_SLOTS:
    void retranslate();

Q_SIGNALS:
    // Image references were dropped, to be added before `row` (-1: at the end).
    void referencesDropped(const QStringList &references, int row);
    // Rows of this model were dragged to before `row`.
    void moveRequested(const QList<quint64> &ids, int row);
    // A reading finished (the row, or the rows it became, changed).
    void rowLoaded(quint64 id, bool ok);
    // Rows or fields changed: the problems may be different.
    void contentChanged();

private:
    using Entries = Result<QList<ListEntry>>;
    void startReading(const Row &row);
    void applyReading(quint64 id, const Entries &result);
    void revalidate();
    void tick();
    QString cellProblem(int row, int column) const;
    QVariant display(const Row &r, int column) const;
    QVariant raw(const Row &r, int column) const;
    void emitRowChanged(int row);

    SystemContext m_context;
    QList<Row> m_rows;
    QString m_mediaType;
    QMap<QString, QString> m_annotations;
    quint64 m_nextId = 1;
    CancelToken m_cancel;
    QHash<quint64, QFutureWatcher<Entries> *> m_readings;
    QHash<quint64, Entries> m_parked; // answers that came while their row was out of the model (an undone add)
    // Validation, recomputed when rows change: id -> column -> problem.
    QHash<quint64, QHash<int, QString>> m_problems;
    QHash<quint64, QSet<int>> m_duplicates; // the cells whose problem is a duplicate (a warning colour)
    EditHandler m_editHandler;
    QTimer *m_spinner = nullptr;
    int m_frame = 0;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
};

} // namespace stevedore::models
