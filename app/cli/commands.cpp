#include "commands.h"

#include "cmd.h"
#include "commandspecs.h"
#include "context.h"
#include "output.h"

#include "auth/credentials.h"
#include "transport/store/localstore.h"

#include <QFileInfo>

#ifndef STEVEDORE_VERSION
#define STEVEDORE_VERSION "0.0.0"
#endif

using namespace Qt::StringLiterals;

namespace stevedore::cli {

namespace {

int overview(const ParsedArgs &p)
{
    QString text = u"Stevedore %1: push, pull and copy container images\n\n"_s.arg(QLatin1StringView(STEVEDORE_VERSION));
    const QString root = storeRoot(p);
    QString storeLine;
    if (!QFileInfo::exists(root)) {
        storeLine = u"not created yet, 0 images"_s;
    } else {
        LocalStore store(root);
        auto images = store.images();
        if (images)
            storeLine = images->size() == 1 ? u"1 image"_s : u"%1 images"_s.arg(images->size());
        else
            storeLine = u"unreadable: %1"_s.arg(images.error().message);
    }
    text += u"Store root: %1 (%2)\n"_s.arg(root, storeLine);

    QString authFile = p.value(u"authfile"_s);
    if (authFile.isEmpty())
        authFile = qEnvironmentVariable("REGISTRY_AUTH_FILE");
    const CredentialStore creds(authFile);
    text += u"Auth files, in search order:\n"_s;
    for (const QString &f : creds.searchPaths())
        text += u"  %1 %2\n"_s.arg(QFileInfo::exists(f) ? u"[found]  "_s : u"[missing]"_s, f);
    text += u"\nCommands:\n"_s;
    for (const CommandSpec &c : allCommands())
        text += u"  %1  %2\n"_s.arg(c.name.leftJustified(12), c.summary);
    text += u"\nRun 'stevedore COMMAND --help' for a command's options, 'stevedore --help' for the global ones.\n"_s;
    printOut(text);
    return ExitOk;
}

bool wantsHelp(const QStringList &args)
{
    for (const QString &a : args) {
        if (a == "--"_L1)
            return false;
        if (a == "--help"_L1 || a == "-h"_L1 || a == "--help=true"_L1)
            return true;
    }
    return false;
}

} // namespace

int runCli(const QStringList &args)
{
    const CommandSpec top = topSpec();
    // Global options before the command.
    auto head = parseArguments(top, args, /*stopAtFirstPositional=*/true);
    if (!head) {
        printError({}, head.error().message);
        return ExitUsage;
    }
    if (head->positionals.isEmpty()) {
        if (head->flag(u"help"_s)) {
            printOut(helpText(top));
            return ExitOk;
        }
        if (head->flag(u"version"_s)) {
            printOut(u"stevedore version %1\n"_s.arg(QLatin1StringView(STEVEDORE_VERSION)));
            return ExitOk;
        }
    }
    if (head->has(u"log-level"_s) || head->flag(u"debug"_s)) {
        const QString level = head->flag(u"debug"_s) ? u"debug"_s : head->value(u"log-level"_s);
        static const QStringList levels{u"error"_s, u"warn"_s, u"info"_s, u"debug"_s};
        if (!levels.contains(level)) {
            printError({}, u"invalid --log-level value \"%1\" (use error, warn, info or debug)"_s.arg(level));
            return ExitUsage;
        }
    }
    if (head->positionals.isEmpty()) {
        if (head->flag(u"debug"_s) || head->has(u"log-level"_s))
            setupLogging(head->flag(u"debug"_s) ? u"debug"_s : head->value(u"log-level"_s));
        return overview(*head);
    }

    const QString name = head->positionals.first();
    const QStringList restAll = head->positionals.mid(1);
    const QList<CommandSpec> commands = allCommands();
    const auto it = std::find_if(commands.begin(), commands.end(), [&](const CommandSpec &c) { return c.name == name; });
    if (it == commands.end()) {
        printError({}, u"unknown command \"%1\" (see 'stevedore --help')"_s.arg(name));
        return ExitUsage;
    }
    CommandSpec spec = *it;
    QStringList rest = restAll;
    // Commands with subcommands of their own options ("manifest create ..."): the subcommand's spec takes over.
    if (name == "manifest"_L1 && !rest.isEmpty()) {
        const QList<CommandSpec> subs = manifestSubcommands();
        const QString sub = u"manifest "_s + rest.first();
        const auto s = std::find_if(subs.begin(), subs.end(), [&](const CommandSpec &c) { return c.name == sub; });
        if (s == subs.end() && !rest.first().startsWith(u'-')) {
            printError(spec.name, u"unknown subcommand \"%1\" (see 'stevedore manifest --help')"_s.arg(rest.first()));
            return ExitUsage;
        }
        if (s != subs.end()) {
            spec = *s;
            rest = rest.mid(1);
        }
    }
    if (head->flag(u"help"_s) || wantsHelp(rest)) {
        printOut(helpText(spec));
        return ExitOk;
    }
    auto parsed = parseArguments(spec, rest);
    if (!parsed) {
        printError(spec.name, parsed.error().message);
        return ExitUsage;
    }
    // Global options given before the command apply unless repeated after it.
    for (auto g = head->values.cbegin(); g != head->values.cend(); ++g)
        if (!parsed->values.contains(g.key()))
            parsed->values.insert(g.key(), g.value());
    if (parsed->flag(u"version"_s)) {
        printOut(u"stevedore version %1\n"_s.arg(QLatin1StringView(STEVEDORE_VERSION)));
        return ExitOk;
    }
    if (parsed->flag(u"debug"_s) || parsed->has(u"log-level"_s)) {
        const QString level = parsed->flag(u"debug"_s) ? u"debug"_s : parsed->value(u"log-level"_s);
        static const QStringList levels{u"error"_s, u"warn"_s, u"info"_s, u"debug"_s};
        if (!levels.contains(level)) {
            printError(spec.name, u"invalid --log-level value \"%1\" (use error, warn, info or debug)"_s.arg(level));
            return ExitUsage;
        }
        setupLogging(level);
    }
    if (auto stop = checkCommon(spec, *parsed))
        return *stop;

    if (name == "help"_L1) {
        if (parsed->positionals.isEmpty()) {
            printOut(helpText(top));
            return ExitOk;
        }
        const QString which = parsed->positionals.first();
        for (const CommandSpec &c : commands) {
            if (c.name == which) {
                printOut(helpText(c));
                return ExitOk;
            }
        }
        printError(spec.name, u"unknown command \"%1\""_s.arg(which));
        return ExitUsage;
    }
    if (name == "push"_L1)
        return cmdPush(spec, *parsed);
    if (name == "pull"_L1)
        return cmdPull(spec, *parsed);
    if (name == "copy"_L1)
        return cmdCopy(spec, *parsed);
    if (name == "images"_L1)
        return cmdImages(spec, *parsed);
    if (name == "tag"_L1)
        return cmdTag(spec, *parsed);
    if (name == "rmi"_L1)
        return cmdRmi(spec, *parsed);
    if (name == "inspect"_L1)
        return cmdInspect(spec, *parsed);
    if (name == "login"_L1)
        return cmdLogin(spec, *parsed);
    if (name == "logout"_L1)
        return cmdLogout(spec, *parsed);
    if (name == "auth"_L1)
        return cmdAuth(spec, *parsed);
    if (name == "secret"_L1)
        return cmdSecret(spec, *parsed);
    if (spec.name.startsWith(u"manifest "_s))
        return cmdManifest(spec, *parsed);
    if (name == "manifest"_L1) {
        printOut(helpText(spec));
        return ExitUsage;
    }
    if (name == "import-image"_L1)
        return cmdImportImage(spec, *parsed);
    if (name == "sandbox"_L1)
        return cmdSandbox(spec, *parsed);
    printError({}, u"unknown command \"%1\""_s.arg(name));
    return ExitUsage;
}

} // namespace stevedore::cli
