#include "helpdialogs.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

class HelpDialogs
{
    Q_DECLARE_TR_FUNCTIONS(stevedore::ui::HelpDialogs)
};

namespace {

// The dock or window an action belongs to, for the "Where" column.
QString placeOf(const QAction *action, QWidget *window)
{
    // An action of the window's menus (the View menu's dock toggles too, owned by their docks).
    const QList<QObject *> users = action->associatedObjects();
    for (QObject *user : users) {
        for (QObject *o = user; o; o = o->parent()) {
            if (auto *bar = qobject_cast<QMenuBar *>(o); bar && bar->window() == window)
                return HelpDialogs::tr("Main window");
        }
    }
    for (QObject *o = action->parent(); o; o = o->parent()) {
        if (auto *dock = qobject_cast<QDockWidget *>(o))
            return dock->windowTitle();
        if (auto *w = qobject_cast<QWidget *>(o); w && w->isWindow() && w != window)
            return w->windowTitle().remove(u"[*]"_s);
    }
    return HelpDialogs::tr("Main window");
}

} // namespace

QWidget *openShortcutsDialog(QWidget *window)
{
    auto *dialog = new QDialog(window);
    dialog->setObjectName(u"shortcutsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(HelpDialogs::tr("Keyboard Shortcuts"));
    auto *list = new QTreeWidget(dialog);
    list->setObjectName(u"shortcutsList"_s);
    list->setRootIsDecorated(false);
    list->setHeaderLabels({HelpDialogs::tr("Action"),
                           HelpDialogs::tr("Where"),
                           HelpDialogs::tr("Keys")});
    QSet<QString> seen;
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (const QAction *a : actions) {
        if (a->shortcut().isEmpty() || a->text().isEmpty())
            continue;
        // "&Retry" → "Retry", "重试(&R)" → "重试"
        QString text = a->text();
        text.remove(QRegularExpression(u"\\s*\\(&[^)]\\)"_s));
        text.remove(u'&');
        const QString place = placeOf(a, window);
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        // Once per action: the credential manager is both a dock and a window, with the same actions.
        const QString key = (a->objectName().isEmpty() ? text : a->objectName()) + u'\n' + keys;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        new QTreeWidgetItem(list, {text, place, keys});
    }
    list->sortItems(1, Qt::AscendingOrder);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog->resize(640, 600);
    dialog->open();
    return dialog;
}

QWidget *openAboutBox(QWidget *window, const QString &storageRoot)
{
    auto *box = new QMessageBox(QMessageBox::Information, HelpDialogs::tr("About Stevedore"),
                                HelpDialogs::tr("<h3>Stevedore %1</h3>"
                                   "<p>Push, copy and browse container images: between registries, OCI layouts, "
                                   "<code>dir:</code> folders and Stevedore's local store, with live progress per "
                                   "layer; assemble, annotate and push multi-platform manifest lists; manage "
                                   "registry credentials across Docker and Podman auth files and credential "
                                   "helpers, and export them as Kubernetes pull secrets; a sandbox registry of "
                                   "your own for a first push. The <code>stevedore</code> command does the same "
                                   "from a terminal.</p>"
                                   "<p>Local store: %2</p>"
                                   "<p>Licensed under the Apache License, Version 2.0. Built with Qt %3.</p>")
                                    .arg(QCoreApplication::applicationVersion(), storageRoot.toHtmlEscaped(),
                                         QString::fromLatin1(qVersion())),
                                QMessageBox::Ok, window);
    box->setObjectName(u"aboutBox"_s);
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

} // namespace stevedore::ui
