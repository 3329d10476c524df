#include "commands.h"
#include "output.h"

#include "core/runtime.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stevedore"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stevedore"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEVEDORE_VERSION));
    stevedore::cli::installMessageHandler();
    // The engine's pools and network service, created after the application object.
    stevedore::EngineRuntime runtime;
    const int rc = stevedore::cli::runCli(QCoreApplication::arguments().mid(1));
    // The command is over: what it wrote is fsynced and renamed, its temporary files are removed. The engine's work
    // is stopped and the clean-up requests still on their way (upload session DELETEs) get their grace, but the
    // network objects are not torn down: the exit takes them. (That teardown, racing the last replies of a failed
    // push, crashed the CLI on its way out twice in the full test suite, tst_secrets refusedAnswerNeverCrashesTheCli;
    // the GUI still tears it down at exit.)
    runtime.finishForExit();
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(rc);
}
