#include "manifesteditorcommands.h"

using namespace Qt::StringLiterals;

namespace stevedore::ui {

using models::ManifestListModel;

QString columnLabel(int column)
{
    return ManifestListModel::columnTitle(column);
}

AddRowsCommand::AddRowsCommand(ManifestListModel *model, const QStringList &references, int position, bool all,
                               QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
{
    int at = position < 0 ? model->rowCount() : position;
    for (const QString &ref : references) {
        const auto row = model->newLoadingRow(ref, all);
        m_groups.append(row.group);
        m_rows.append({at++, row});
    }
    setText(references.size() == 1 ? tr("Add %1").arg(references.first())
                                   : tr("Add %n image(s)", nullptr, int(references.size())));
}

void AddRowsCommand::redo()
{
    m_model->insertPlaced(m_rows);
}

void AddRowsCommand::undo()
{
    m_rows = m_model->takeGroups(m_groups);
}

RemoveRowsCommand::RemoveRowsCommand(ManifestListModel *model, const QList<quint64> &ids, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_ids(ids)
{
    setText(tr("Remove %n row(s)", nullptr, int(ids.size())));
}

void RemoveRowsCommand::redo()
{
    m_taken = m_model->takeRows(m_ids);
}

void RemoveRowsCommand::undo()
{
    m_model->insertPlaced(m_taken);
}

EditFieldCommand::EditFieldCommand(ManifestListModel *model, quint64 id, int column, ListEntry before,
                                   ListEntry after, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_id(id)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(tr("Set %1").arg(columnLabel(column)));
}

void EditFieldCommand::redo()
{
    m_model->setEntry(m_id, m_after);
}

void EditFieldCommand::undo()
{
    m_model->setEntry(m_id, m_before);
}

MoveRowCommand::MoveRowCommand(ManifestListModel *model, quint64 id, int from, int to, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_id(id)
    , m_from(from)
    , m_to(to)
{
    setText(tr("Move row %1 to %2").arg(from + 1).arg(to + 1));
}

void MoveRowCommand::redo()
{
    m_model->moveRowTo(m_id, m_to);
}

void MoveRowCommand::undo()
{
    m_model->moveRowTo(m_id, m_from);
}

} // namespace stevedore::ui
