#pragma once

#include <QString>

class QWidget;

namespace stevedore::ui {

// Help > Keyboard Shortcuts…: every action of `window` and its docks and panels that has a shortcut — where it
// is, what it does, the keys — gathered from the actions themselves, so the list is never behind the code.
QWidget *openShortcutsDialog(QWidget *window);

// Help > About Stevedore: what the app does today, its version, the local store it uses and its licence.
QWidget *openAboutBox(QWidget *window, const QString &storageRoot);

} // namespace stevedore::ui
