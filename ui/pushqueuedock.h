#pragma once

#include <QDockWidget>
#include <QStringList>

class QAction;
class QLabel;
class QMimeData;
class QToolButton;
class QTreeView;

namespace stevedore::models {
class TransferModel;
}

namespace stevedore::ui {

// The push queue: a tree of jobs and their blobs with progress bars, speed, times and details, and below it the
// selected job's whole outcome (its pushed digest or its error, selectable) with Retry, Cancel, Remove and Copy.
// The same actions are in the context menu and have shortcuts (Ctrl+R, Ctrl+., Delete, Ctrl+C). Image references
// dropped on it (a text/uri-list of OCI layout folders or docker:// URLs, or plain-text references) ask for a push.
class PushQueueDock final : public QDockWidget
{
    Q_OBJECT
public:
    PushQueueDock(models::TransferModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLabel *detailsLabel() const { return m_details; }
    QAction *retryAction() const { return m_retry; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *removeAction() const { return m_remove; }
    QAction *copyAction() const { return m_copy; }
    QAction *removeFinishedAction() const { return m_removeFinished; }
    // The top-level row of the current job, -1 when none.
    int currentJob() const;
    // The image references a drop of `mime` would push (empty when nothing usable).
    static QStringList referencesFrom(const QMimeData *mime);

Q_SIGNALS:
    void pushRequested(const QStringList &references);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showContextMenu(const QPoint &pos);
    void updateActions();
    void copyOutcome();
    void retranslate();

    models::TransferModel *m_model;
    QTreeView *m_view;
    QLabel *m_details = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_removeFinished = nullptr;
    QList<QToolButton *> m_buttons;
};

} // namespace stevedore::ui
