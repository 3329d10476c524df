#include "commands.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stevedore"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stevedore"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEVEDORE_VERSION));
    return stevedore::cli::runCli(QCoreApplication::arguments().mid(1));
}
