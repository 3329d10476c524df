#include "busyindicator.h"

#include <QProgressBar>

using namespace Qt::StringLiterals;

namespace stevedore::ui {

QProgressBar *busyIndicator(QWidget *parent)
{
    auto *bar = new QProgressBar(parent);
    bar->setObjectName(u"busyIndicator"_s);
    bar->setRange(0, 0); // busy: an animated bar
    bar->setTextVisible(false);
    bar->setMaximumWidth(120);
    bar->setMaximumHeight(bar->fontMetrics().height());
    bar->hide();
    return bar;
}

} // namespace stevedore::ui
