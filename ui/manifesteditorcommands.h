#pragma once

#include "manifestlistmodel.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace stevedore::ui {

// The undo commands of the manifest list editor. Each addresses rows by their stable id (the model's IdRole), so
// a command stays right while other rows finish loading and grow into several.

// Adds rows: images by reference (Loading rows the model reads) or rows taken out earlier. Undo takes out every
// row the addition became (an index read with "all platforms" is several rows); redo puts them back as they were,
// with their answer if it came meanwhile.
class AddRowsCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(stevedore::ui::AddRowsCommand)
public:
    // `references` added before `position` (-1: at the end), each read with `all`.
    AddRowsCommand(models::ManifestListModel *model, const QStringList &references, int position, bool all,
                   QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    const QList<quint64> &groups() const { return m_groups; }

private:
    models::ManifestListModel *m_model;
    QList<quint64> m_groups;
    QList<models::ManifestListModel::PlacedRow> m_rows; // what redo inserts
};

// Removes rows (by id); undo puts them back where they were.
class RemoveRowsCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(stevedore::ui::RemoveRowsCommand)
public:
    RemoveRowsCommand(models::ManifestListModel *model, const QList<quint64> &ids, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    models::ManifestListModel *m_model;
    QList<quint64> m_ids;
    QList<models::ManifestListModel::PlacedRow> m_taken;
};

// One field of one row (os, architecture, variant, os.version, os.features, annotations): the whole entry before and
// after, so an architecture change that cleared the variant is undone in one step.
class EditFieldCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(stevedore::ui::EditFieldCommand)
public:
    EditFieldCommand(models::ManifestListModel *model, quint64 id, int column, ListEntry before, ListEntry after,
                     QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    models::ManifestListModel *m_model;
    quint64 m_id;
    ListEntry m_before;
    ListEntry m_after;
};

// Moves one row from `from` to `to` (indexes at the time of the move).
class MoveRowCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(stevedore::ui::MoveRowCommand)
public:
    MoveRowCommand(models::ManifestListModel *model, quint64 id, int from, int to, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    models::ManifestListModel *m_model;
    quint64 m_id;
    int m_from;
    int m_to;
};

// The name of a column in an undo text ("Set variant").
QString columnLabel(int column);

} // namespace stevedore::ui
