#pragma once

class QAction;
class QKeySequence;
class QLineEdit;
class QAbstractButton;
class QObject;
class QString;
class QToolBar;
class QWidget;

namespace stevedore::ui {

// A tool bar named `objectName` whose buttons show their icon with the text beside it (the editors' and managers'
// tool bars).
QToolBar *textToolBar(QWidget *parent, const QString &objectName);
// A new action owned by `owner`, named `objectName`, with the icon `icon` (ui/icons.h; its text is set by the
// owner's retranslate()), added to `toolBar`; with `keys`, also added to `owner` as addShortcutAction does.
QAction *addToolBarAction(QToolBar *toolBar, QWidget *owner, const char *objectName, const char *icon,
                          const QKeySequence &keys);

// A new action of `owner` (added to it, so its shortcut works while the focus is anywhere inside `owner`),
// named `objectName`, with `keys` and the icon `icon` (ui/icons.h); its text is set by the owner's retranslate().
QAction *addShortcutAction(QWidget *owner, const char *objectName, const QKeySequence &keys, const char *icon);

// Filter (`keys`, usually Ctrl+F) of `owner`: puts the focus in `field` and selects its text; the filter icon.
QAction *addFocusAction(QWidget *owner, const char *objectName, const QKeySequence &keys, QLineEdit *field);

// The keys of a button on a page (addShortcutAction on `owner`): the action clicks `button` when it is enabled
// and, with `onlyWhenShown`, shown (the buttons of a panel that comes and goes). Its text is the button's: set both
// with setButtonText. The button's tool tip names the keys.
QAction *addButtonShortcut(QWidget *owner, QAbstractButton *button, const char *objectName, const QKeySequence &keys,
                           bool onlyWhenShown);
// The platform's keys for `key`, or `fallback` where it has none (Quit and Preferences, on several desktops).
QKeySequence standardKeysOr(int key, const QKeySequence &fallback);
// Sets the text of `button` and of the action addButtonShortcut made for it.
void setButtonText(QAbstractButton *button, const QString &text);

} // namespace stevedore::ui
