#pragma once

class QProgressBar;
class QWidget;

namespace stevedore::ui {

// A small hidden animated bar ("busyIndicator", no text, a line high) shown next to a status label while work runs.
QProgressBar *busyIndicator(QWidget *parent);

} // namespace stevedore::ui
