#pragma once

#include "core/error.h"
#include "manifestlist/liststore.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;

namespace stevedore::ui {

// "Open List…" of the manifest list editor: a list saved in the local store (ListStore::lists(), read on the I/O
// pool), or a list in a registry (a docker:// reference whose index gives the rows).
class OpenListDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit OpenListDialog(QString storageRoot, QWidget *parent = nullptr);
    ~OpenListDialog() override;

    // The chosen local list, or nullopt when a remote reference was chosen.
    std::optional<StoredList> localList() const;
    // The remote reference typed ("docker://host/repo:tag"), empty when a local list was chosen.
    QString remoteReference() const;

    QListWidget *localLists() const { return m_lists; }
    QLineEdit *remoteEdit() const { return m_remote; }
    QRadioButton *localChoice() const { return m_localChoice; }
    QRadioButton *remoteChoice() const { return m_remoteChoice; }
    bool isReading() const { return m_reading; }

Q_SIGNALS:
    void listsRead();

private:
    void onRead();
    void updateButtons();

    QString m_root;
    QRadioButton *m_localChoice = nullptr;
    QRadioButton *m_remoteChoice = nullptr;
    QListWidget *m_lists = nullptr;
    QLineEdit *m_remote = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QList<StoredList> m_stored;
    QFutureWatcher<Result<QList<StoredList>>> *m_watcher = nullptr;
    bool m_reading = false;
};

} // namespace stevedore::ui
