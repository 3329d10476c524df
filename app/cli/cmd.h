#pragma once
// The commands, one file per family: cmd_copy.cpp (push, pull, copy), cmd_store.cpp (images, tag, rmi),
// cmd_inspect.cpp (inspect), cmd_auth.cpp (login, logout, auth), cmd_secret.cpp (secret); commands.cpp dispatches and prints the overview.

#include "options.h"

namespace stevedore::cli {

int cmdPush(const CommandSpec &spec, const ParsedArgs &p);
int cmdPull(const CommandSpec &spec, const ParsedArgs &p);
int cmdCopy(const CommandSpec &spec, const ParsedArgs &p);
int cmdImages(const CommandSpec &spec, const ParsedArgs &p);
int cmdTag(const CommandSpec &spec, const ParsedArgs &p);
int cmdRmi(const CommandSpec &spec, const ParsedArgs &p);
int cmdInspect(const CommandSpec &spec, const ParsedArgs &p);
int cmdLogin(const CommandSpec &spec, const ParsedArgs &p);
int cmdLogout(const CommandSpec &spec, const ParsedArgs &p);
int cmdAuth(const CommandSpec &spec, const ParsedArgs &p);
int cmdSecret(const CommandSpec &spec, const ParsedArgs &p);

} // namespace stevedore::cli
