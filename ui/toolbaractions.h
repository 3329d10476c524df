#pragma once

class QAction;
class QKeySequence;
class QObject;
class QString;
class QToolBar;
class QWidget;

namespace stevedore::ui {

// A tool bar named `objectName` whose buttons show their icon with the text beside it (the editors' and managers'
// tool bars).
QToolBar *textToolBar(QWidget *parent, const QString &objectName);
// A new action owned by `owner`, named `objectName`, with the icon `icon` (ui/icons.h; its text is set by the
// owner's retranslate()), added to `toolBar`.
QAction *addToolBarAction(QToolBar *toolBar, QObject *owner, const char *objectName, const char *icon);

// A new action of `owner` (added to it, so its shortcut works while the focus is anywhere inside `owner`),
// named `objectName`, with `keys` and the icon `icon` (ui/icons.h); its text is set by the owner's retranslate().
QAction *addShortcutAction(QWidget *owner, const char *objectName, const QKeySequence &keys, const char *icon);

} // namespace stevedore::ui
