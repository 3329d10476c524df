#include "commands.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stevedore"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stevedore"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEVEDORE_VERSION));
    const int rc = stevedore::cli::runCli(QCoreApplication::arguments().mid(1));
    // Everything the command writes (files, digest file, output) is complete and closed by now. Leave without
    // running static and Qt destructors: a pool thread that is still closing a cancelled upload session would
    // otherwise race the application object's destruction and print Qt warnings after our one error line.
    std::fflush(nullptr);
    std::_Exit(rc);
}
