#pragma once

#include <QMainWindow>

namespace stevedore::ui {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace stevedore::ui
