#include "paths.h"

#include <QDir>

namespace stevedore {

QString stevedoreDataHome()
{
    const QByteArray xdg = qgetenv("XDG_DATA_HOME");
    const QString base = !xdg.isEmpty() ? QString::fromLocal8Bit(xdg) : QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/stevedore");
}

} // namespace stevedore
