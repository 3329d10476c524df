#include "localimagespanel.h"

#include "localimagesmodel.h"
#include "toolbaractions.h"

#include "imagedetailspane.h"
#include "ops/imagedetails.h"
#include "transport/transportreference.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

LocalImagesPanel::LocalImagesPanel(models::LocalImagesModel *images, QWidget *parent)
    : QWidget(parent), m_images(images), m_filter(new QLineEdit(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this))
{
    using models::LocalImagesModel;
    setObjectName(u"localImagesPanel"_s);
    m_filter->setObjectName(u"imagesFilter"_s);
    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(images);
    m_proxy->setSortRole(LocalImagesModel::RawRole);
    m_proxy->setFilterKeyColumn(-1); // any column: name, tag, digest, platforms
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(u"localImagesView"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LocalImagesModel::Repository, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(LocalImagesModel::Repository, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    m_view->setDragEnabled(true); // images drag out as references (manifest list editor, push queue, browser)
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    m_push = addShortcutAction(this, "imagePush", QKeySequence(Qt::Key_Return), "push");
    m_tag = addShortcutAction(this, "imageTag", QKeySequence(Qt::CTRL | Qt::Key_T), "tag");
    m_remove = addShortcutAction(this, "imageRemove", QKeySequence::Delete, "remove");
    m_inspect = addShortcutAction(this, "imageInspect", QKeySequence(Qt::CTRL | Qt::Key_I), "inspect");
    m_export = addShortcutAction(this, "imageExport", QKeySequence(Qt::CTRL | Qt::Key_E), "export");
    connect(m_export, &QAction::triggered, this, [this] { exportSelected(ArchiveFormat::Oci); });
    m_exportDocker = addShortcutAction(this, "imageExportDocker", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), "export");
    connect(m_exportDocker, &QAction::triggered, this, [this] { exportSelected(ArchiveFormat::Docker); });
    m_find = addFocusAction(this, "imageFilter", QKeySequence::Find, m_filter);
    connect(m_push, &QAction::triggered, this, [this] {
        if (const QString ref = selectedReference(); !ref.isEmpty())
            Q_EMIT pushRequested(ref);
    });
    connect(m_tag, &QAction::triggered, this, &LocalImagesPanel::tagSelected);
    connect(m_remove, &QAction::triggered, this, &LocalImagesPanel::removeSelected);
    connect(m_inspect, &QAction::triggered, this, &LocalImagesPanel::inspectSelected);
    connect(m_view, &QAbstractItemView::doubleClicked, m_push, &QAction::trigger);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addActions({m_push, m_tag, m_inspect, m_export, m_exportDocker});
        menu->addSeparator();
        menu->addAction(m_remove);
        if (m_pull) {
            menu->addSeparator();
            menu->addAction(m_pull);
        }
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LocalImagesPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &LocalImagesPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &LocalImagesPanel::updateActions);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    retranslate();
    updateActions();
}

int LocalImagesPanel::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_proxy->mapToSource(rows.first()).row();
}

QString LocalImagesPanel::selectedReference() const
{
    const int row = selectedRow();
    return row < 0 ? QString()
                   : m_images->index(row, 0).data(models::LocalImagesModel::ReferenceRole).toString();
}

void LocalImagesPanel::updateActions()
{
    const bool has = selectedRow() >= 0;
    for (QAction *a : {m_push, m_tag, m_remove, m_inspect, m_export, m_exportDocker})
        a->setEnabled(has);
}

QWidget *LocalImagesPanel::tagSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return nullptr;
    const QString ref = selectedReference();
    auto *prompt = new QInputDialog(this);
    prompt->setObjectName(u"tagPrompt"_s);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowTitle(tr("Tag Image"));
    prompt->setLabelText(tr("Another name for %1:").arg(ref));
    prompt->setTextValue(ref);
    connect(prompt, &QInputDialog::textValueSelected, this, [this, row, ref](const QString &name) {
        auto *watcher = new QFutureWatcher<Status>(this);
        connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, ref, name] {
            const Status s = watcher->result();
            Q_EMIT message(s ? tr("Tagged %1 as %2").arg(ref, name.trimmed())
                             : tr("Cannot tag %1: %2").arg(ref, s.error().message));
            watcher->deleteLater();
        });
        watcher->setFuture(m_images->tagImage(row, name));
    });
    prompt->open();
    return prompt;
}

void LocalImagesPanel::removeSelected()
{
    const int row = selectedRow();
    if (row < 0 || m_question)
        return;
    const QString ref = selectedReference();
    m_question = new QMessageBox(QMessageBox::Question, tr("Remove Image"),
                                 tr("Remove %1 from the local store?").arg(ref), QMessageBox::NoButton, this);
    m_question->setObjectName(u"removeQuestion"_s);
    m_question->setInformativeText(tr("Layers no other image uses are deleted with it."));
    QPushButton *yes = m_question->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    yes->setObjectName(u"removeButton"_s);
    QPushButton *no = m_question->addButton(QMessageBox::Cancel);
    m_question->setDefaultButton(no);
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_question, &QObject::destroyed, this, [this] { m_question = nullptr; });
    connect(yes, &QPushButton::clicked, this, [this, row, ref] {
        auto *watcher = new QFutureWatcher<Status>(this);
        connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, ref] {
            const Status s = watcher->result();
            Q_EMIT message(s ? tr("Removed %1").arg(ref) : tr("Cannot remove %1: %2").arg(ref, s.error().message));
            watcher->deleteLater();
        });
        watcher->setFuture(m_images->removeImage(row));
    });
    m_question->open();
}

QWidget *LocalImagesPanel::inspectSelected()
{
    const QString ref = selectedReference();
    if (ref.isEmpty())
        return nullptr;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"inspectDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Inspect %1").arg(ref));
    auto *pane = new ImageDetailsPane(dialog);
    pane->setObjectName(u"inspectDetails"_s);
    pane->showNote([ref] { return tr("%1\nReading…").arg(ref); });
    connect(pane, &ImageDetailsPane::digestCopied, this,
            [this](const QString &digest) { Q_EMIT message(tr("Copied %1.").arg(digest)); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(pane, 1);
    layout->addWidget(buttons);
    dialog->addActions(pane->shortcutActions());
    dialog->resize(760, 560);
    auto parsed = TransportReference::parse(ref);
    if (parsed) {
        SystemContext ctx;
        ctx.storageRoot = m_images->storageRoot();
        CancelToken cancel;
        auto *watcher = new QFutureWatcher<Result<ImageDetails>>(dialog);
        connect(dialog, &QObject::destroyed, this, [cancel] { cancel.cancel(); });
        connect(watcher, &QFutureWatcher<Result<ImageDetails>>::finished, pane, [watcher, pane, ref] {
            const Result<ImageDetails> r = watcher->result();
            if (!r) {
                const QString why = r.error().message;
                pane->showNote([ref, why] { return tr("Cannot inspect %1: %2").arg(ref, why); }, why);
                return;
            }
            pane->showManifest(ref, r->manifest);
            if (r->config)
                pane->showConfig(*r->config);
            if (r->indexTotal >= 0)
                pane->showIndexTotal(r->indexTotal, r->indexImagesFound);
        });
        watcher->setFuture(readImageDetailsAsync(*parsed, ctx, cancel));
    } else {
        const QString why = parsed.error().message;
        pane->showNote([why] { return why; });
    }
    dialog->open();
    return dialog;
}

QString LocalImagesPanel::archiveNameFor(const QString &reference)
{
    // docker.io/team/app:v1 → app-v1.tar; …/app@sha256:0123… → app-0123456789ab.tar
    QString name = reference.section(u'/', -1);
    if (const int at = name.indexOf(u'@'); at >= 0)
        name = name.left(at) + u'-' + name.mid(at + 1).section(u':', -1).left(12);
    name.replace(u':', u'-');
    return name + u".tar"_s;
}

QWidget *LocalImagesPanel::exportSelected(ArchiveFormat format)
{
    const QString ref = selectedReference();
    if (ref.isEmpty())
        return nullptr;
    const bool docker = format == ArchiveFormat::Docker;
    auto *dialog = new QFileDialog(this, docker ? tr("Export %1 as a Docker Archive").arg(ref) : tr("Export %1").arg(ref));
    dialog->setObjectName(u"exportDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilters({docker ? tr("Docker archives (*.tar)") : tr("OCI archives (*.tar)"), tr("All files (*)")});
    dialog->setDefaultSuffix(u"tar"_s);
    dialog->selectFile(archiveNameFor(ref));
    connect(dialog, &QFileDialog::fileSelected, this, [this, ref, docker](const QString &file) {
        const bool tagged = !ref.contains(u'@');
        // oci-archive: named by its tag, as skopeo names it (FILE:TAG); docker-archive: by name and tag, so that
        // docker load gives the image its name (FILE:NAME:TAG). An image known by its digest only gets no name.
        if (docker)
            Q_EMIT exportRequested(ref, u"docker-archive:"_s + file + (tagged ? u':' + ref : QString()));
        else
            Q_EMIT exportRequested(ref, u"oci-archive:"_s + file + (tagged ? u':' + ref.section(u':', -1) : QString()));
    });
    dialog->open();
    return dialog;
}

void LocalImagesPanel::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter by name, tag, digest or platform"));
    m_push->setText(tr("&Push…"));
    m_tag->setText(tr("&Tag…"));
    m_remove->setText(tr("&Remove…"));
    m_inspect->setText(tr("&Inspect"));
    m_find->setText(tr("&Filter"));
    m_export->setText(tr("&Export as OCI Archive…"));
    m_exportDocker->setText(tr("Export as &Docker Archive…"));
}

void LocalImagesPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace stevedore::ui
