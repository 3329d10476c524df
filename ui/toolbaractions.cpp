#include "toolbaractions.h"

#include "icons.h"

#include <QAbstractButton>
#include <QAction>
#include <QLineEdit>
#include <QVariant>
#include <QKeySequence>
#include <QString>
#include <QToolBar>

namespace stevedore::ui {

QToolBar *textToolBar(QWidget *parent, const QString &objectName)
{
    auto *toolBar = new QToolBar(parent);
    toolBar->setObjectName(objectName);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return toolBar;
}

QAction *addShortcutAction(QWidget *owner, const char *objectName, const QKeySequence &keys, const char *icon)
{
    auto *a = new QAction(actionIcon(icon), QString(), owner);
    a->setObjectName(QString::fromLatin1(objectName));
    a->setShortcut(keys);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(a);
    return a;
}

QAction *addFocusAction(QWidget *owner, const char *objectName, const QKeySequence &keys, QLineEdit *field)
{
    QAction *a = addShortcutAction(owner, objectName, keys, "filter");
    QObject::connect(a, &QAction::triggered, field, [field] {
        field->setFocus(Qt::ShortcutFocusReason);
        field->selectAll();
    });
    return a;
}

QAction *addToolBarAction(QToolBar *toolBar, QWidget *owner, const char *objectName, const char *icon,
                          const QKeySequence &keys)
{
    QAction *a = addShortcutAction(owner, objectName, keys, icon);
    toolBar->addAction(a);
    return a;
}

namespace {
constexpr const char *kShortcutProperty = "stevedoreShortcutAction";
}

QAction *addButtonShortcut(QWidget *owner, QAbstractButton *button, const char *objectName, const QKeySequence &keys,
                           bool onlyWhenShown)
{
    auto *a = new QAction(button->icon(), button->text(), owner);
    a->setObjectName(QString::fromLatin1(objectName));
    a->setShortcut(keys);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(a);
    QObject::connect(a, &QAction::triggered, button, [owner, button, onlyWhenShown] {
        if (button->isEnabled() && (!onlyWhenShown || button->isVisibleTo(owner)))
            button->click();
    });
    button->setProperty(kShortcutProperty, QVariant::fromValue<QObject *>(a));
    button->setToolTip(keys.toString(QKeySequence::NativeText));
    return a;
}

QKeySequence standardKeysOr(int key, const QKeySequence &fallback)
{
    const QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::StandardKey(key));
    return keys.isEmpty() ? fallback : keys.first();
}

void setButtonText(QAbstractButton *button, const QString &text)
{
    button->setText(text);
    if (auto *a = qobject_cast<QAction *>(button->property(kShortcutProperty).value<QObject *>()))
        a->setText(text);
}

} // namespace stevedore::ui
