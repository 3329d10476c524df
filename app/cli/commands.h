#pragma once

#include <QStringList>

namespace stevedore::cli {

enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,     // the operation failed
    ExitUsage = 2,       // unknown option, missing argument, not-supported option, malformed input
    ExitInterrupted = 130, // SIGINT (128 + 2); SIGTERM gives 143
};

// Runs the CLI on args (without the program name). Needs a QCoreApplication.
int runCli(const QStringList &args);

} // namespace stevedore::cli
