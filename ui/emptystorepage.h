#pragma once
// What the middle of the window shows while the local store holds no image: what to do next, with buttons for the
// actions that get a first image and a first registry (the sandbox, the push and pull dialogs).

#include <QWidget>

class QAction;
class QLabel;
class QToolButton;

namespace stevedore::ui {

class EmptyStorePage final : public QWidget
{
    Q_OBJECT
public:
    // The buttons follow the actions (text, enabled state) and trigger them.
    EmptyStorePage(QAction *sandboxAction, QAction *pushAction, QAction *pullAction, QWidget *parent = nullptr);
    void retranslate();

private:
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace stevedore::ui
