#pragma once

#include <QIcon>

namespace stevedore::ui {

// One of Stevedore's own icons (resources/icons/actions/NAME.svg, under :/icons/actions): a single style, 24 px,
// 2 px round strokes in slate with the moving part in blue, so tool bars, menus and buttons look alike whatever
// the desktop's icon theme has or lacks. Used by every action of the window, in its tool bars and menus alike.
QIcon actionIcon(const char *name);

} // namespace stevedore::ui
