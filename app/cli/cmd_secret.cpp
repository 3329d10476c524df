#include "cmd.h"
#include "commands.h"
#include "output.h"

using namespace Qt::StringLiterals;

namespace stevedore::cli {

int cmdSecret(const CommandSpec &spec, const ParsedArgs &)
{
    printError(spec.name, u"not built yet"_s);
    return ExitFailure;
}

} // namespace stevedore::cli
