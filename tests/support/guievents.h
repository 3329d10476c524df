#pragma once
// Real drag-and-drop events for the GUI suites (header-only: the support library itself has no QtWidgets).

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QWidget>

namespace stevedore::test {

// A drag of `mime` entering `target`, moving over it and dropped at `pos` (its centre when null); whether the drop
// was accepted (false as soon as the enter or the move is refused).
inline bool sendDrop(QWidget *target, QMimeData *mime, QPoint pos = {})
{
    if (pos.isNull())
        pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    if (!move.isAccepted())
        return false;
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace stevedore::test
