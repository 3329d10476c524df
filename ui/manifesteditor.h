#pragma once

#include "core/error.h"
#include "manifestlist/liststore.h"

#include <QFutureWatcher>
#include <QMessageBox>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolBar;
class QUndoStack;

namespace stevedore::models {
class ManifestListModel;
}

namespace stevedore::ui {

class OpenListDialog;
class PlatformDelegate;

// The manifest list editor (Tools > Manifest List Editor…): one row per platform image — image, digest, size, media
// type and the editable os, architecture, variant, os.version, os.features and annotations. Rows come from a typed
// reference (Add), from drops (local images, registry references, OCI layout folders) or from a list opened from
// the local store or a registry; each image is read on the engine's I/O pool while its row shows "Reading…".
// Every change is one step of the undo stack. Save writes ManifestList::toBytes() to the local list store (what
// `stevedore manifest inspect NAME` prints); Push… saves, then asks the main window to push NAME with every
// platform (pushRequested), through the push queue.
class ManifestEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit ManifestEditor(QString storageRoot, QWidget *parent = nullptr);
    ~ManifestEditor() override;

    models::ManifestListModel *model() const { return m_model; }
    QUndoStack *undoStack() const { return m_undo; }
    QTableView *view() const { return m_view; }
    QToolBar *toolBar() const { return m_toolBar; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *referenceEdit() const { return m_reference; }
    QCheckBox *allPlatformsCheck() const { return m_allPlatforms; }
    QCheckBox *tlsVerifyCheck() const { return m_tlsVerify; }
    QPushButton *addButton() const { return m_addButton; }
    QLabel *problemsLabel() const { return m_problems; }
    QLabel *statusLabel() const { return m_status; }
    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *pushAction() const { return m_push; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *removeAction() const { return m_remove; }
    QAction *moveUpAction() const { return m_moveUp; }
    QAction *moveDownAction() const { return m_moveDown; }
    const QString &storageRoot() const { return m_root; }
    bool isSaving() const { return m_saving; }
    // The question asked when the name is taken (nullptr when none is open).
    QMessageBox *replaceQuestion() const { return m_replaceQuestion; }

public Q_SLOTS:
    // Adds images before `position` (-1: at the end): one undo step.
    void addReferences(const QStringList &references, int position = -1, bool all = false);
    // The reference typed in the Add field.
    void addTyped();
    // Sets one field through the undo stack (what the delegate's edits do). False when the value is not taken.
    bool editField(int row, int column, const QVariant &value);
    void removeSelected();
    void moveSelected(int delta);
    // Moves rows (by id) to before `row` (-1: the end), one undo step.
    void moveRows(const QList<quint64> &ids, int row);
    void newList();
    OpenListDialog *openListDialog();
    // Loads a stored list (the undo history starts again).
    void openStored(const StoredList &stored);
    // Reads a list's children from a reference (e.g. docker://host/repo:tag), as a list to edit.
    void openRemote(const QString &reference);
    // Saves under the name typed; when the name exists, asks before replacing (replaceQuestion()).
    void save();
    void saveAs(const QString &name, ListStore::SaveMode mode);
    // Saves, then emits pushRequested with the list's name (without saving again when nothing changed since the
    // list was saved or opened under that name).
    void saveAndPush();

Q_SIGNALS:
    void saveFinished(bool ok, const QString &message);
    // A saved list to push: `source` is its name, a bare reference the local store resolves to the list.
    void pushRequested(const QString &source);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateActions();
    void updateProblems();
    void updateContext();
    void setStatus(const QString &text, bool error = false);
    void onSaved();
    QList<quint64> selectedIds() const;

    QString m_root;
    models::ManifestListModel *m_model = nullptr;
    QUndoStack *m_undo = nullptr;
    PlatformDelegate *m_delegate = nullptr;

    QToolBar *m_toolBar = nullptr;
    QAction *m_new = nullptr;
    QAction *m_open = nullptr;
    QAction *m_save = nullptr;
    QAction *m_push = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_moveUp = nullptr;
    QAction *m_moveDown = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_tlsVerify = nullptr;
    QLabel *m_referenceLabel = nullptr;
    QLineEdit *m_reference = nullptr;
    QCheckBox *m_allPlatforms = nullptr;
    QPushButton *m_addButton = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_problems = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QPointer<QMessageBox> m_replaceQuestion;

    struct SaveOutcome {
        ImageReference name;
        Digest digest;
    };
    QFutureWatcher<Result<SaveOutcome>> *m_saveWatcher = nullptr;
    bool m_saving = false;
    bool m_pushAfterSave = false;
    std::optional<ImageReference> m_savingName; // the name of the save in flight (and of its Replace question)
    QString m_savedName; // the name the rows were last saved (or opened) under; empty when they are not saved
};

} // namespace stevedore::ui
