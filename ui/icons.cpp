#include "icons.h"

#include <QString>

namespace stevedore::ui {

QIcon actionIcon(const char *name)
{
    // An SVG: drawn sharp at any size and device pixel ratio by Qt's SVG icon engine.
    return QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(QString::fromLatin1(name)));
}

} // namespace stevedore::ui
