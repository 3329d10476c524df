#pragma once

#include <QStyledItemDelegate>

namespace stevedore::ui {

// Paints a progress bar in the progress column of the push queue. The percent comes from the model's
// raw role (an int, -1 when unknown: then the cell is painted as plain text).
class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ProgressDelegate(int rawRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_rawRole;
};

} // namespace stevedore::ui
