#include "pushqueuedock.h"

#include "mimereferences.h"

#include "progressdelegate.h"
#include "toolbaractions.h"
#include "transfermodel.h"

#include <QAction>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

PushQueueDock::PushQueueDock(models::TransferModel *model, QWidget *parent)
    : QDockWidget(parent)
    , m_model(model)
    , m_view(new QTreeView(this))
{
    using models::TransferModel;
    setObjectName(u"pushQueueDock"_s);
    setAcceptDrops(true);
    m_view->setObjectName(u"pushQueueView"_s);
    m_view->setModel(model);
    m_view->setItemDelegateForColumn(TransferModel::Progress, new ProgressDelegate(TransferModel::RawRole, m_view));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    const QFontMetrics fm = m_view->fontMetrics();
    header->resizeSection(TransferModel::Name, fm.horizontalAdvance(u"oci:/home/user/layouts/app:v1 → docker://registry/app:v1"_s));
    header->resizeSection(TransferModel::Progress, 140);
    header->resizeSection(TransferModel::State, fm.horizontalAdvance(u"Already there"_s) + 24);
    header->resizeSection(TransferModel::Size, fm.horizontalAdvance(u"1,023.99 MiB of 1,023.99 MiB"_s) + 16);
    header->resizeSection(TransferModel::Speed, fm.horizontalAdvance(u"999.9 MiB/s"_s) + 16);
    header->resizeSection(TransferModel::Elapsed, fm.horizontalAdvance(u"00:00:00"_s) + 16);
    header->resizeSection(TransferModel::Remaining, fm.horizontalAdvance(u"00:00:00"_s) + 16);
    // Drops go to the dock (the view's own drag and drop is for items, which this queue has none of).
    m_view->setAcceptDrops(false);
    m_view->viewport()->setAcceptDrops(false);
    connect(m_view, &QWidget::customContextMenuRequested, this, &PushQueueDock::showContextMenu);

    m_retry = addShortcutAction(this, "pushQueueRetry", QKeySequence(Qt::CTRL | Qt::Key_R), "retry");
    m_cancel = addShortcutAction(this, "pushQueueCancel", QKeySequence(Qt::CTRL | Qt::Key_Period), "cancel");
    m_remove = addShortcutAction(this, "pushQueueRemove", QKeySequence::Delete, "remove");
    m_copy = addShortcutAction(this, "pushQueueCopy", QKeySequence::Copy, "copy");
    m_removeFinished = addShortcutAction(this, "pushQueueRemoveFinished",
                                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete), "remove-finished");
    connect(m_retry, &QAction::triggered, this, [this] { m_model->retry(currentJob()); });
    connect(m_cancel, &QAction::triggered, this, [this] { m_model->cancel(currentJob()); });
    connect(m_remove, &QAction::triggered, this, [this] { m_model->remove(currentJob()); });
    connect(m_copy, &QAction::triggered, this, &PushQueueDock::copyOutcome);
    connect(m_removeFinished, &QAction::triggered, m_model, &TransferModel::removeFinished);

    m_details = new QLabel(this);
    m_details->setObjectName(u"pushQueueDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_details, 1);
    for (QAction *a : {m_retry, m_cancel, m_remove, m_copy}) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setAutoRaise(true);
        bar->addWidget(b, 0, Qt::AlignTop);
        m_buttons.append(b);
    }
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(bar);
    setWidget(panel);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &PushQueueDock::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PushQueueDock::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &under, int first) {
        if (!under.isValid() && !m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model->index(first, 0)); // a new job is the one the details show
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PushQueueDock::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PushQueueDock::updateActions);
    retranslate();
}

int PushQueueDock::currentJob() const
{
    QModelIndex index = m_view->currentIndex();
    while (index.parent().isValid())
        index = index.parent();
    return index.isValid() ? index.row() : -1;
}

void PushQueueDock::updateActions()
{
    const int row = currentJob();
    const bool has = row >= 0;
    const Job::State state = has ? m_model->stateAt(row) : Job::State::Idle;
    m_retry->setEnabled(has && (state == Job::State::Failed || state == Job::State::Cancelled));
    m_cancel->setEnabled(has && !Job::isFinal(state));
    m_remove->setEnabled(has && state != Job::State::Running);
    m_removeFinished->setEnabled(m_model->unfinishedCount() < m_model->jobCount());
    QString text;
    if (has) {
        const QString what = m_model->index(row, models::TransferModel::Name).data().toString();
        switch (state) {
        case Job::State::Succeeded:
            text = tr("%1\nPushed: %2").arg(what, m_model->digestAt(row));
            break;
        case Job::State::Failed:
            text = tr("%1\nFailed: %2").arg(what, m_model->errorAt(row));
            break;
        default:
            text = tr("%1\n%2").arg(what, m_model->index(row, models::TransferModel::State).data().toString());
            const QString details = m_model->index(row, models::TransferModel::Details).data().toString();
            if (!details.isEmpty())
                text += tr(": %1").arg(details);
            break;
        }
    }
    m_details->setText(text);
    m_copy->setEnabled(has && (!m_model->digestAt(row).isEmpty() || !m_model->errorAt(row).isEmpty()));
    m_copy->setText(has && state == Job::State::Succeeded ? tr("Copy &Digest") : tr("Copy &Error"));
}

void PushQueueDock::copyOutcome()
{
    const int row = currentJob();
    if (row < 0)
        return;
    const QString text = m_model->stateAt(row) == Job::State::Succeeded ? m_model->digestAt(row) : m_model->errorAt(row);
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void PushQueueDock::retranslate()
{
    setWindowTitle(tr("Push Queue"));
    m_view->setToolTip(tr("Drop an OCI layout folder or an image reference here to push it."));
    m_retry->setText(tr("&Retry"));
    m_retry->setToolTip(tr("Run the selected push again with the same options and credentials (%1)")
                            .arg(m_retry->shortcut().toString(QKeySequence::NativeText)));
    m_cancel->setText(tr("&Cancel"));
    m_cancel->setToolTip(tr("Stop the selected push; the source is untouched (%1)")
                             .arg(m_cancel->shortcut().toString(QKeySequence::NativeText)));
    m_remove->setText(tr("Re&move"));
    m_remove->setToolTip(tr("Remove the selected push from the queue (%1)")
                             .arg(m_remove->shortcut().toString(QKeySequence::NativeText)));
    m_removeFinished->setText(tr("Remove &Finished"));
    updateActions();
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
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    updateActions();
    // A non-blocking popup, deleted when closed.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_retry);
    menu->addAction(m_cancel);
    menu->addAction(m_copy);
    menu->addSeparator();
    menu->addAction(m_remove);
    menu->addAction(m_removeFinished);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

} // namespace stevedore::ui
