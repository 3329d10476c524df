#pragma once

class QLabel;
class QString;
class QWidget;

namespace stevedore::ui {

// A hidden, selectable, word-wrapped plain-text label on a pale amber background, for the problems an editor or a
// manager reports above its view; `margin` is the space around its text.
QLabel *warningBanner(QWidget *parent, const QString &objectName, int margin);
// A hidden, selectable, word-wrapped plain-text label in red, named "problem", for what a dialog refuses to accept
// (its caller shows it with the reason, and hides it again when the input changes).
QLabel *problemLabel(QWidget *parent);

} // namespace stevedore::ui
