#include "pushqueuedock.h"

#include "mimereferences.h"

#include "progressdelegate.h"
#include "transfermodel.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenu>
#include <QMimeData>
#include <QTreeView>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

PushQueueDock::PushQueueDock(models::TransferModel *model, QWidget *parent)
    : QDockWidget(parent)
    , m_model(model)
    , m_view(new QTreeView(this))
{
    setObjectName(u"pushQueueDock"_s);
    setAcceptDrops(true);
    m_view->setObjectName(u"pushQueueView"_s);
    m_view->setModel(model);
    m_view->setItemDelegateForColumn(models::TransferModel::Progress,
                                     new ProgressDelegate(models::TransferModel::RawRole, m_view));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(models::TransferModel::Name, QHeaderView::Stretch);
    m_view->header()->resizeSection(models::TransferModel::Progress, 140);
    m_view->header()->resizeSection(models::TransferModel::State, m_view->fontMetrics().horizontalAdvance(u"Already there"_s) + 24);
    m_view->header()->resizeSection(models::TransferModel::Size,
                                    m_view->fontMetrics().horizontalAdvance(u"1,023.99 MiB of 1,023.99 MiB"_s) + 16);
    // Drops go to the dock (the view's own drag and drop is for items, which this queue has none of).
    m_view->setAcceptDrops(false);
    m_view->viewport()->setAcceptDrops(false);
    connect(m_view, &QWidget::customContextMenuRequested, this, &PushQueueDock::showContextMenu);
    setWidget(m_view);
    retranslate();
}

void PushQueueDock::retranslate()
{
    setWindowTitle(tr("Push Queue"));
    m_view->setToolTip(tr("Drop an OCI layout folder or an image reference here to push it."));
}

void PushQueueDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

QStringList PushQueueDock::referencesFrom(const QMimeData *mime)
{
    return models::referencesFromMime(mime);
}

void PushQueueDock::dragEnterEvent(QDragEnterEvent *event)
{
    if (!referencesFrom(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void PushQueueDock::dragMoveEvent(QDragMoveEvent *event)
{
    if (!referencesFrom(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void PushQueueDock::dropEvent(QDropEvent *event)
{
    const QStringList refs = referencesFrom(event->mimeData());
    if (refs.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    Q_EMIT pushRequested(refs);
}

void PushQueueDock::showContextMenu(const QPoint &pos)
{
    QModelIndex index = m_view->indexAt(pos);
    while (index.parent().isValid())
        index = index.parent();
    const int row = index.isValid() ? index.row() : -1;
    const int state = row >= 0 ? m_model->index(row, models::TransferModel::State)
                                     .data(models::TransferModel::RawRole)
                                     .toInt()
                               : -1;
    // A non-blocking popup, deleted when closed.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *cancel = menu->addAction(tr("&Cancel"));
    cancel->setEnabled(state == int(Job::State::Idle) || state == int(Job::State::Running));
    connect(cancel, &QAction::triggered, m_model, [model = m_model, row] { model->cancel(row); });
    QAction *clear = menu->addAction(tr("&Remove Finished"));
    clear->setEnabled(m_model->runningCount() < m_model->jobCount());
    connect(clear, &QAction::triggered, m_model, &models::TransferModel::removeFinished);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

} // namespace stevedore::ui
