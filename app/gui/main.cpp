#include "mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    stevedore::ui::MainWindow w;
    w.show();
    return app.exec();
}
