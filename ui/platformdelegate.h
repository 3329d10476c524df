#pragma once

#include <QStyledItemDelegate>

namespace stevedore::ui {

// The editors of the manifest list editor's platform cells: an editable combo box offering the valid values of
// platformnames.h for os and architecture, and for variant those the row's architecture takes (plus "none"); a
// value typed that is not in the list is kept (and marked by the model's validation). Other cells get a line edit.
class PlatformDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PlatformDelegate(QObject *parent = nullptr);

    // The values offered for `column` of a row whose architecture is `architecture`.
    static QStringList choices(int column, const QString &architecture);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
};

} // namespace stevedore::ui
