#include "mainwindow.h"

#include <QStatusBar>

namespace stevedore::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Stevedore"));
    statusBar()->showMessage(tr("Ready"));
}

} // namespace stevedore::ui
