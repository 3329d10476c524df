#include "warningbanner.h"

#include <QColor>
#include <QLabel>
#include <QPalette>
#include <QString>

namespace stevedore::ui {

QLabel *warningBanner(QWidget *parent, const QString &objectName, int margin)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMargin(margin);
    label->setAutoFillBackground(true);
    QPalette warn = label->palette();
    warn.setColor(QPalette::Window, QColor(0xff, 0xf0, 0xc8));
    warn.setColor(QPalette::WindowText, QColor(0x5a, 0x3c, 0x00));
    label->setPalette(warn);
    label->hide();
    return label;
}

QLabel *problemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("problem"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette red = label->palette();
    red.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    label->setPalette(red);
    label->hide();
    return label;
}

} // namespace stevedore::ui
