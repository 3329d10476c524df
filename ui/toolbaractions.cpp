#include "toolbaractions.h"

#include "icons.h"

#include <QAction>
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

QAction *addToolBarAction(QToolBar *toolBar, QObject *owner, const char *objectName, const char *icon)
{
    auto *a = new QAction(actionIcon(icon), QString(), owner);
    a->setObjectName(QString::fromLatin1(objectName));
    toolBar->addAction(a);
    return a;
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

} // namespace stevedore::ui
