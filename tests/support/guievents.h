#pragma once
// Real drag-and-drop events for the GUI suites (header-only: the support library itself has no QtWidgets).

#include <QAbstractButton>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QTest>
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

// Closes `window` when it first asks: close() must be refused while a question named `questionName` opens, and
// clicking its button `buttonName` must then close the window (within 5 s). Whether all of that happened.
inline bool closeAnswering(QWidget &window, const QString &questionName, const QString &buttonName)
{
    if (window.close())
        return false; // it should have asked
    auto *question = window.findChild<QWidget *>(questionName);
    if (!question || !question->isVisible())
        return false;
    auto *button = question->findChild<QAbstractButton *>(buttonName);
    if (!button)
        return false;
    button->click();
    return QTest::qWaitFor([&] { return !window.isVisible(); }, 5000);
}

} // namespace stevedore::test
