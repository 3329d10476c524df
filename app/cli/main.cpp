#include "commands.h"
#include "output.h"

#include "core/runtime.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stevedore"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stevedore"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEVEDORE_VERSION));
    stevedore::cli::installMessageHandler();
    // The engine's pools and network service: stopped (jobs cancelled, pools drained, network objects closed in
    // their thread) before the application object goes.
    stevedore::EngineRuntime runtime;
    const int rc = stevedore::cli::runCli(QCoreApplication::arguments().mid(1));
    runtime.shutdown();
    return rc;
}
