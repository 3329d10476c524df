#pragma once

#include "core/error.h"

#include <QChar>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <chrono>

namespace stevedore::cli {

// A small pflag-like option parser: sealos/podman spell their options the Go way (`--tls-verify=false`,
// `-D`, `-f oci`), which QCommandLineParser cannot express (optional boolean values), so the CLI parses
// by hand. Options and positional arguments may be interleaved; "--" ends the options.
struct OptionSpec {
    enum class Kind {
        Flag,      // --all, -q ; also accepts --all=true|false
        Value,     // --authfile FILE, --authfile=FILE, -f oci, -foci
    };
    QString longName;        // "tls-verify"
    QChar shortName;         // 'q', or null
    Kind kind = Kind::Flag;
    QString valueName;       // "FILE" for help
    QString help;
    bool notSupported = false; // parsed and documented; answers "--X is not supported yet" (exit 2)
};

struct CommandSpec {
    QString name;            // "push"; empty for the top level
    QString usage;           // "push [OPTIONS] IMAGE [DESTINATION]"
    QString summary;         // one line for the command list
    QString description;     // paragraphs for --help
    QList<OptionSpec> options;
    int minArgs = 0;
    int maxArgs = 0;         // -1: unlimited
    QString examples;
};

struct ParsedArgs {
    QMap<QString, QString> values; // long name -> last value ("true"/"false" for flags)
    QMap<QString, QStringList> repeated; // long name -> every value given, in order (options given more than once)
    QStringList positionals;

    bool has(const QString &name) const { return values.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const { return values.value(name, fallback); }
    QStringList all(const QString &name) const { return repeated.value(name); }
    bool flag(const QString &name) const { return values.value(name) == QLatin1String("true"); }
};

// The options every command accepts (--root, --log-level, --debug, --help, --version).
QList<OptionSpec> globalOptions();

// Parses args (without the program and command names) against spec.options + globalOptions().
// Errors are usage errors (exit 2) with a one-line message.
Result<ParsedArgs> parseArguments(const CommandSpec &spec, const QStringList &args, bool stopAtFirstPositional = false);

// The first option given that is marked notSupported (and not explicitly "=false"), or empty.
QString firstNotSupported(const CommandSpec &spec, const ParsedArgs &parsed);

// --help text of a command.
QString helpText(const CommandSpec &spec, const QString &program = QStringLiteral("stevedore"));

// Go-style durations: "2s", "500ms", "1m30s", "1.5h", "0".
Result<std::chrono::milliseconds> parseDuration(const QString &text);

// "true"/"false"/"1"/"0"...
Result<bool> parseBool(const QString &text);

} // namespace stevedore::cli
