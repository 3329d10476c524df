#include "manifesteditor.h"
#include "toolbaractions.h"
#include "warningbanner.h"
#include "busyindicator.h"

#include "manifesteditorcommands.h"
#include "manifestlistmodel.h"
#include "openlistdialog.h"
#include "platformdelegate.h"

#include "core/threadpools.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

using models::ManifestListModel;

namespace {
bool sameEntry(const ListEntry &a, const ListEntry &b)
{
    return a.source == b.source && a.descriptor.toJson() == b.descriptor.toJson();
}

// A list name from a reference: "docker://host/repo:tag" -> "host/repo:tag" (a digest dropped).
QString nameFromReference(QString text)
{
    if (text.startsWith(u"docker://"_s))
        text = text.mid(9);
    const qsizetype at = text.indexOf(u'@');
    if (at >= 0)
        text.truncate(at);
    return text;
}
} // namespace

ManifestEditor::ManifestEditor(QString storageRoot, QWidget *parent)
    : QWidget(parent)
    , m_root(std::move(storageRoot))
{
    setObjectName(u"manifestEditor"_s);
    m_model = new ManifestListModel(this);
    m_undo = new QUndoStack(this);
    m_model->setEditHandler([this](int row, int column, const QVariant &value) { return editField(row, column, value); });

    m_toolBar = textToolBar(this, u"manifestEditorToolBar"_s);
    auto action = [this](const char *name, const char *icon, const QKeySequence &keys) {
        return addToolBarAction(m_toolBar, this, name, icon, keys);
    };
    m_new = action("newListAction", "new", QKeySequence::New);
    m_open = action("openListAction", "open", QKeySequence::Open);
    m_save = action("saveListAction", "save", QKeySequence::Save);
    m_push = action("pushListAction", "push", QKeySequence(Qt::CTRL | Qt::Key_P));
    m_toolBar->addSeparator();
    m_undoAction = action("undoAction", "undo", QKeySequence::Undo);
    m_redoAction = action("redoAction", "redo", QKeySequence::Redo);
    m_toolBar->addSeparator();
    m_remove = action("removeRowsAction", "remove", QKeySequence::Delete);
    m_moveUp = action("moveUpAction", "move-up", QKeySequence(Qt::CTRL | Qt::Key_Up));
    m_moveDown = action("moveDownAction", "move-down", QKeySequence(Qt::CTRL | Qt::Key_Down));
    connect(m_new, &QAction::triggered, this, &ManifestEditor::newList);
    connect(m_open, &QAction::triggered, this, &ManifestEditor::openListDialog);
    connect(m_save, &QAction::triggered, this, &ManifestEditor::save);
    connect(m_push, &QAction::triggered, this, &ManifestEditor::saveAndPush);
    connect(m_undoAction, &QAction::triggered, m_undo, &QUndoStack::undo);
    connect(m_redoAction, &QAction::triggered, m_undo, &QUndoStack::redo);
    connect(m_remove, &QAction::triggered, this, &ManifestEditor::removeSelected);
    connect(m_moveUp, &QAction::triggered, this, [this] { moveSelected(-1); });
    connect(m_moveDown, &QAction::triggered, this, [this] { moveSelected(+1); });

    m_nameLabel = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"listName"_s);
    m_name->setClearButtonEnabled(true);
    m_nameLabel->setBuddy(m_name);
    m_tlsVerify = new QCheckBox(this);
    m_tlsVerify->setObjectName(u"tlsVerify"_s);
    m_tlsVerify->setChecked(true);
    connect(m_tlsVerify, &QCheckBox::toggled, this, &ManifestEditor::updateContext);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_nameLabel);
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_tlsVerify);

    m_referenceLabel = new QLabel(this);
    m_reference = new QLineEdit(this);
    m_reference->setObjectName(u"imageReference"_s);
    m_reference->setClearButtonEnabled(true);
    m_referenceLabel->setBuddy(m_reference);
    m_allPlatforms = new QCheckBox(this);
    m_allPlatforms->setObjectName(u"allPlatforms"_s);
    m_addButton = new QPushButton(this);
    m_addButton->setObjectName(u"addImageButton"_s);
    connect(m_addButton, &QPushButton::clicked, this, &ManifestEditor::addTyped);
    connect(m_reference, &QLineEdit::returnPressed, this, &ManifestEditor::addTyped);
    connect(m_reference, &QLineEdit::textChanged, this, &ManifestEditor::updateActions);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_referenceLabel);
    addRow->addWidget(m_reference, 1);
    addRow->addWidget(m_allPlatforms);
    addRow->addWidget(m_addButton);

    m_view = new QTableView(this);
    m_view->setObjectName(u"manifestListView"_s);
    m_view->setModel(m_model);
    m_delegate = new PlatformDelegate(this);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // long references keep their tag
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropOverwriteMode(false);
    m_view->setDragDropMode(QAbstractItemView::DragDrop); // reorder inside, and take images from elsewhere
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const QList<QPair<int, int>> widths{{ManifestListModel::Source, 260}, {ManifestListModel::Digest, 150},
                                        {ManifestListModel::Size, 70},    {ManifestListModel::MediaType, 110},
                                        {ManifestListModel::Os, 80},      {ManifestListModel::Architecture, 90},
                                        {ManifestListModel::Variant, 70}, {ManifestListModel::OsVersion, 90},
                                        {ManifestListModel::OsFeatures, 90}};
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column, width);
    m_view->addAction(m_remove);
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetShortcut);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ManifestEditor::updateActions);

    m_problems = warningBanner(this, u"problemsLabel"_s, 4);
    m_busy = stevedore::ui::busyIndicator(this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addLayout(nameRow);
    layout->addLayout(addRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_problems);
    layout->addLayout(statusRow);

    connect(m_model, &ManifestListModel::referencesDropped, this,
            [this](const QStringList &refs, int row) { addReferences(refs, row, m_allPlatforms->isChecked()); });
    connect(m_model, &ManifestListModel::moveRequested, this, &ManifestEditor::moveRows);
    connect(m_model, &ManifestListModel::contentChanged, this, [this] {
        updateProblems();
        updateActions();
    });
    connect(m_model, &ManifestListModel::rowLoaded, this, [this](quint64 id, bool ok) {
        const int row = m_model->rowOfId(id);
        if (!ok && row >= 0)
            setStatus(m_model->index(row, ManifestListModel::Source).data(ManifestListModel::ProblemRole).toString(),
                      true);
        else if (ok && !m_model->isLoading())
            setStatus(tr("%n image(s) in the list", nullptr, m_model->rowCount()));
    });
    connect(m_undo, &QUndoStack::indexChanged, this, &ManifestEditor::updateActions);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { setWindowModified(!clean); });

    m_saveWatcher = new QFutureWatcher<Result<SaveOutcome>>(this);
    connect(m_saveWatcher, &QFutureWatcherBase::finished, this, &ManifestEditor::onSaved);

    updateContext();
    retranslate();
    updateProblems();
    updateActions();
}

ManifestEditor::~ManifestEditor()
{
    m_saveWatcher->disconnect(this);
    // The undo stack goes first, while the model its commands refer to is still there; clearing it emits
    // indexChanged/cleanChanged, which must not reach this half-destroyed editor.
    m_undo->disconnect(this);
    delete m_undo;
    m_undo = nullptr;
    m_model->setEditHandler({});
}

void ManifestEditor::retranslate()
{
    m_new->setText(tr("&New"));
    m_new->setToolTip(tr("Start an empty list"));
    m_open->setText(tr("&Open List…"));
    m_open->setToolTip(tr("Open a list saved in the local store, or a list in a registry"));
    m_save->setText(tr("&Save"));
    m_save->setToolTip(tr("Save the list in the local store under the name given"));
    m_push->setText(tr("&Push…"));
    m_push->setToolTip(tr("Save the list, then push it and its images (every platform) through the push queue"));
    m_remove->setText(tr("&Remove"));
    m_remove->setToolTip(tr("Remove the selected rows"));
    m_moveUp->setText(tr("Move &Up"));
    m_moveDown->setText(tr("Move &Down"));
    m_nameLabel->setText(tr("List &name:"));
    m_name->setPlaceholderText(tr("registry.example:5000/team/app:v1"));
    m_tlsVerify->setText(tr("&Verify TLS certificates"));
    m_tlsVerify->setToolTip(tr("Unchecked: images in registries are read over http or with unverified certificates"));
    m_referenceLabel->setText(tr("&Image:"));
    m_reference->setPlaceholderText(tr("myapp:v1, oci:/path/to/layout:tag or docker://host/repo:tag"));
    m_allPlatforms->setText(tr("All &platforms of an index"));
    m_addButton->setText(tr("&Add"));
    m_view->setToolTip(tr("Drop images here from the local images or a registry; drag rows to reorder them"));
    setWindowTitle(tr("Manifest List Editor") + u"[*]"_s); // Qt adds " — Stevedore"
    m_model->retranslate();
    updateActions();
    updateProblems();
}

void ManifestEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_new)
        retranslate();
    QWidget::changeEvent(event);
}

void ManifestEditor::updateContext()
{
    SystemContext ctx;
    ctx.storageRoot = m_root;
    if (!m_tlsVerify->isChecked())
        ctx.tlsVerify = false;
    m_model->setContext(ctx);
}

void ManifestEditor::updateActions()
{
    const bool rows = !selectedIds().isEmpty();
    m_remove->setEnabled(rows);
    m_moveUp->setEnabled(rows);
    m_moveDown->setEnabled(rows);
    m_addButton->setEnabled(!m_reference->text().trimmed().isEmpty());
    m_save->setEnabled(!m_saving && m_model->rowCount() > 0);
    m_push->setEnabled(!m_saving && m_model->rowCount() > 0);
    m_undoAction->setEnabled(m_undo->canUndo());
    m_redoAction->setEnabled(m_undo->canRedo());
    m_undoAction->setText(m_undo->canUndo() ? tr("&Undo %1").arg(m_undo->undoText()) : tr("&Undo"));
    m_redoAction->setText(m_undo->canRedo() ? tr("&Redo %1").arg(m_undo->redoText()) : tr("&Redo"));
}

void ManifestEditor::updateProblems()
{
    QStringList problems = m_model->problems();
    if (m_model->rowCount() == 0)
        problems.clear(); // an empty editor is not a problem to show
    m_problems->setVisible(!problems.isEmpty());
    const int shown = 6;
    QStringList lines = problems.mid(0, shown);
    if (problems.size() > shown)
        lines.append(tr("… and %n more", nullptr, int(problems.size() - shown)));
    m_problems->setText(lines.join(u'\n'));
}

void ManifestEditor::setStatus(const QString &text, bool error)
{
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText, error ? QColor(0xa0, 0x10, 0x10) : palette().color(QPalette::WindowText));
    m_status->setPalette(p);
    m_status->setText(text);
}

QList<quint64> ManifestEditor::selectedIds() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &i : selected)
        rows.append(i.row());
    std::sort(rows.begin(), rows.end());
    QList<quint64> ids;
    for (int r : rows)
        if (const auto *row = m_model->rowAt(r))
            ids.append(row->id);
    return ids;
}

void ManifestEditor::addReferences(const QStringList &references, int position, bool all)
{
    QStringList refs;
    for (const QString &r : references)
        if (!r.trimmed().isEmpty())
            refs.append(r.trimmed());
    if (refs.isEmpty())
        return;
    m_undo->push(new AddRowsCommand(m_model, refs, position, all));
    setStatus(tr("Reading %1…").arg(refs.join(u", "_s)));
}

void ManifestEditor::addTyped()
{
    const QString text = m_reference->text().trimmed();
    if (text.isEmpty())
        return;
    addReferences({text}, -1, m_allPlatforms->isChecked());
    m_reference->clear();
}

bool ManifestEditor::editField(int row, int column, const QVariant &value)
{
    const auto *r = m_model->rowAt(row);
    if (!r)
        return false;
    QString error;
    const auto after = m_model->editedEntry(row, column, value, &error);
    if (!after) {
        if (!error.isEmpty())
            setStatus(error, true);
        return false;
    }
    if (sameEntry(*after, r->entry))
        return true; // nothing changed: no undo step
    m_undo->push(new EditFieldCommand(m_model, r->id, column, r->entry, *after));
    return true;
}

void ManifestEditor::removeSelected()
{
    const QList<quint64> ids = selectedIds();
    if (!ids.isEmpty())
        m_undo->push(new RemoveRowsCommand(m_model, ids));
}

void ManifestEditor::moveSelected(int delta)
{
    const QList<quint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const int first = m_model->rowOfId(ids.first());
    const int last = m_model->rowOfId(ids.last());
    if ((delta < 0 && first == 0) || (delta > 0 && last == m_model->rowCount() - 1))
        return;
    // Up: before the row above the first; down: before the row after the one below the last.
    moveRows(ids, delta < 0 ? first - 1 : last + 2);
    QItemSelection selection;
    for (quint64 id : ids) {
        const int r = m_model->rowOfId(id);
        selection.select(m_model->index(r, 0), m_model->index(r, ManifestListModel::Count - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void ManifestEditor::moveRows(const QList<quint64> &ids, int row)
{
    if (row < 0 || row > m_model->rowCount())
        row = m_model->rowCount();
    // In their current order, each before the target (the target moves on past those that came from above it).
    QList<quint64> ordered = ids;
    std::sort(ordered.begin(), ordered.end(),
              [this](quint64 a, quint64 b) { return m_model->rowOfId(a) < m_model->rowOfId(b); });
    QList<std::tuple<quint64, int, int>> moves;
    QList<quint64> simulated;
    for (const auto &r : m_model->rows())
        simulated.append(r.id);
    for (quint64 id : std::as_const(ordered)) {
        const int from = int(simulated.indexOf(id));
        if (from < 0)
            continue;
        const int to = from < row ? row - 1 : row;
        if (from >= row)
            ++row;
        if (from != to) {
            simulated.move(from, to);
            moves.append({id, from, to});
        }
    }
    if (moves.isEmpty())
        return;
    if (moves.size() == 1) {
        const auto &[id, from, to] = moves.first();
        m_undo->push(new MoveRowCommand(m_model, id, from, to));
        return;
    }
    m_undo->beginMacro(tr("Move %n row(s)", nullptr, int(moves.size())));
    for (const auto &[id, from, to] : std::as_const(moves))
        m_undo->push(new MoveRowCommand(m_model, id, from, to));
    m_undo->endMacro();
}

void ManifestEditor::newList()
{
    m_model->clear();
    m_undo->clear();
    m_savedName.clear();
    m_name->clear();
    setStatus(QString());
}

OpenListDialog *ManifestEditor::openListDialog()
{
    auto *dialog = new OpenListDialog(m_root, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto stored = dialog->localList())
            openStored(*stored);
        else if (!dialog->remoteReference().isEmpty())
            openRemote(dialog->remoteReference());
    });
    dialog->open();
    return dialog;
}

void ManifestEditor::openStored(const StoredList &stored)
{
    m_model->setList(stored.list);
    m_undo->clear();
    m_savedName = stored.name.toString();
    m_name->setText(m_savedName);
    setStatus(tr("Opened %1 (%2)").arg(stored.name.toString(), stored.digest.toString()));
}

void ManifestEditor::openRemote(const QString &reference)
{
    m_model->clear();
    m_undo->clear();
    m_savedName.clear();
    m_name->setText(nameFromReference(reference));
    // Not an undo step: the opened list is where the history starts.
    m_model->insertPlaced({{0, m_model->newLoadingRow(reference, true)}});
    setStatus(tr("Reading %1…").arg(reference));
}

void ManifestEditor::save()
{
    saveAs(m_name->text().trimmed(), ListStore::SaveMode::Create);
}

void ManifestEditor::saveAndPush()
{
    const auto name = parseListName(m_name->text().trimmed());
    if (name && !m_saving && !m_savedName.isEmpty() && name->toString() == m_savedName && m_undo->isClean()
        && m_model->problems().isEmpty()) {
        Q_EMIT pushRequested(m_savedName); // saved as it is
        return;
    }
    m_pushAfterSave = true;
    save();
}

void ManifestEditor::saveAs(const QString &nameText, ListStore::SaveMode mode)
{
    if (m_saving)
        return;
    auto fails = [this](const QString &message) {
        m_pushAfterSave = false;
        setStatus(message, true);
        Q_EMIT saveFinished(false, message);
    };
    if (nameText.isEmpty()) {
        m_name->setFocus();
        return fails(tr("Enter a name for the list, e.g. registry.example:5000/team/app:v1."));
    }
    const auto name = parseListName(nameText);
    if (!name)
        return fails(name.error().message);
    const QStringList problems = m_model->problems();
    if (!problems.isEmpty())
        return fails(tr("The list cannot be saved yet: %1").arg(problems.first()));
    const ManifestList list = m_model->list();
    const QString root = m_root;
    const ImageReference ref = *name;
    m_savingName = ref;
    m_saving = true;
    m_busy->show();
    setStatus(tr("Saving %1…").arg(ref.toString()));
    updateActions();
    m_saveWatcher->setFuture(QtConcurrent::run(pools::io(), [root, ref, list, mode]() -> Result<SaveOutcome> {
        ListStore store(root);
        auto digest = store.save(ref, list, mode);
        if (!digest)
            return fail(digest.error());
        return SaveOutcome{ref, *digest};
    }));
}

void ManifestEditor::onSaved()
{
    m_saving = false;
    m_busy->hide();
    updateActions();
    const auto result = m_saveWatcher->result();
    if (!result && result.error().code == ErrorCode::AlreadyExists) {
        const QString name = m_savingName ? m_savingName->toString() : m_name->text().trimmed();
        auto *box = new QMessageBox(QMessageBox::Question, tr("Replace List"),
                                    tr("A list named %1 is already in the local store. Replace it?").arg(name),
                                    QMessageBox::NoButton, this);
        box->setObjectName(u"replaceQuestion"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *replace = box->addButton(tr("&Replace"), QMessageBox::AcceptRole);
        box->addButton(QMessageBox::Cancel);
        box->setDefaultButton(QMessageBox::Cancel);
        connect(box, &QMessageBox::finished, this, [this, box, replace, name] {
            m_replaceQuestion = nullptr;
            if (box->clickedButton() == replace) {
                saveAs(name, ListStore::SaveMode::Replace);
            } else {
                m_pushAfterSave = false;
                setStatus(tr("Not saved: %1 exists.").arg(name));
                Q_EMIT saveFinished(false, tr("Not saved: %1 exists.").arg(name));
            }
        });
        m_replaceQuestion = box;
        box->open();
        return;
    }
    if (!result) {
        const QString message = tr("Cannot save the list: %1").arg(result.error().message);
        m_pushAfterSave = false;
        setStatus(message, true);
        Q_EMIT saveFinished(false, message);
        return;
    }
    m_undo->setClean();
    m_savedName = result->name.toString();
    m_name->setText(m_savedName);
    const QString message = tr("Saved %1 (%2)").arg(result->name.toString(), result->digest.toString());
    setStatus(message);
    Q_EMIT saveFinished(true, message);
    if (m_pushAfterSave) {
        m_pushAfterSave = false;
        Q_EMIT pushRequested(result->name.toString());
    }
}

} // namespace stevedore::ui
