#pragma once

#include <QWidget>

class QAction;
class QLineEdit;
class QMessageBox;
class QSortFilterProxyModel;
class QTableView;

namespace stevedore::models {
class LocalImagesModel;
}

namespace stevedore::ui {

// The local images: a filter box and the table (repository, tag, digest, platforms, size as stored, created),
// with Push… (Enter or double-click), Tag… (Ctrl+T), Remove (Delete, after a confirmation), Inspect (Ctrl+I: the
// details pane of the registry browser, read from the store), Export as OCI Archive… (Ctrl+E, every platform) and
// Export as Docker Archive… (Ctrl+Shift+E, this machine's platform of an index) on the selected image, in the context
// menu too. The store is
// changed on the engine's I/O pool; the outcome goes to message().
class LocalImagesPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit LocalImagesPanel(models::LocalImagesModel *images, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QAction *tagAction() const { return m_tag; }
    QAction *removeAction() const { return m_remove; }
    QAction *inspectAction() const { return m_inspect; }
    // The question Remove asks (nullptr when none is open).
    QMessageBox *removeQuestion() const { return m_question; }
    // The full reference of the selected image, empty when none.
    QString selectedReference() const;
    // Opens the Tag… prompt for the selected image (returns it, for tests).
    QWidget *tagSelected();
    QWidget *inspectSelected();
    enum class ArchiveFormat { Oci, Docker };
    // Export as OCI Archive… (Ctrl+E) / as Docker Archive… (Ctrl+Shift+E): a file dialog, then exportRequested with
    // oci-archive:FILE[:TAG] or docker-archive:FILE[:NAME:TAG] (returns the dialog, for tests).
    QWidget *exportSelected(ArchiveFormat format = ArchiveFormat::Oci);
    // The file name proposed for `reference`: app-v1.tar.
    static QString archiveNameFor(const QString &reference);
    void removeSelected();

    // The window's File > Pull Image… action, offered in the context menu too.
    void setPullAction(QAction *pull) { m_pull = pull; }

Q_SIGNALS:
    void pushRequested(const QString &reference);
    // Copy `reference` to `destination` through the queue (every platform where the destination holds an index).
    void exportRequested(const QString &reference, const QString &destination);
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    int selectedRow() const;
    void updateActions();
    void retranslate();

    models::LocalImagesModel *m_images;
    QLineEdit *m_filter;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QAction *m_push = nullptr;
    QAction *m_pull = nullptr; // not owned
    QAction *m_tag = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_inspect = nullptr;
    QAction *m_find = nullptr;
    QAction *m_export = nullptr;
    QAction *m_exportDocker = nullptr;
    QMessageBox *m_question = nullptr;
};

} // namespace stevedore::ui
