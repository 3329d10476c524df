#pragma once

#include <QDockWidget>
#include <QStringList>

class QMimeData;
class QTreeView;

namespace stevedore::models {
class TransferModel;
}

namespace stevedore::ui {

// The push queue: a tree of jobs and their blobs with progress bars. Image references dropped on it (a
// text/uri-list of OCI layout folders or docker:// URLs, or plain-text references) ask for a push.
class PushQueueDock final : public QDockWidget
{
    Q_OBJECT
public:
    PushQueueDock(models::TransferModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
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
    void retranslate();

    models::TransferModel *m_model;
    QTreeView *m_view;
};

} // namespace stevedore::ui
