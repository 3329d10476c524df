#pragma once
// The commands, one file per family: cmd_copy.cpp (push, pull, copy), cmd_store.cpp (images, tag, rmi),
// cmd_inspect.cpp (inspect), cmd_auth.cpp (login, logout, auth), cmd_secret.cpp (secret),
// cmd_manifest.cpp (manifest create/add/remove/annotate/inspect/push/rm/ls), cmd_import.cpp (import-image),
// cmd_sandbox.cpp (sandbox); commands.cpp dispatches and prints the overview.

#include "options.h"

#include "copy/copyoptions.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <functional>

namespace stevedore::cli {

// The copy options and system context of push, pull, copy and manifest push come from the same flags; `adjust`
// changes them before the copy (cmd_copy.cpp). Returns the exit code.
int runCopyWithOptions(const QString &command, const ParsedArgs &p, const TransportReference &src,
                       const TransportReference &dst,
                       const std::function<void(SystemContext &, CopyOptions &)> &adjust = {});

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
int cmdManifest(const CommandSpec &spec, const ParsedArgs &p); // spec.name "manifest create", ... (cmd_manifest.cpp)
int cmdImportImage(const CommandSpec &spec, const ParsedArgs &p);   // cmd_import.cpp
int cmdSandbox(const CommandSpec &spec, const ParsedArgs &p);       // cmd_sandbox.cpp

} // namespace stevedore::cli
