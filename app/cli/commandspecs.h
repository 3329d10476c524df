#pragma once
// The CLI's command specs: options, usage, help texts. Declarative; the commands themselves are in cmd_*.cpp.

#include "options.h"

namespace stevedore::cli {

QList<OptionSpec> registryOptions();
QList<OptionSpec> copyOptions(bool forPush);
CommandSpec pushSpec();
CommandSpec pullSpec();
CommandSpec copySpec();
CommandSpec imagesSpec();
CommandSpec tagSpec();
CommandSpec rmiSpec();
CommandSpec inspectSpec();
CommandSpec loginSpec();
CommandSpec logoutSpec();
CommandSpec authSpec();
CommandSpec secretSpec();
CommandSpec manifestSpec();              // "manifest": --help lists the subcommands
QList<CommandSpec> manifestSubcommands(); // "manifest create", "manifest add", ... (commandspecs_manifest.cpp)
CommandSpec importImageSpec(); // cmd_import.cpp
CommandSpec sandboxSpec();     // cmd_sandbox.cpp
CommandSpec helpSpec();
QList<CommandSpec> allCommands();
CommandSpec topSpec();

} // namespace stevedore::cli
