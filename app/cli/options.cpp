#include "options.h"

#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

QList<OptionSpec> globalOptions()
{
    using K = OptionSpec::Kind;
    return {
        {u"root"_s, {}, K::Value, u"DIR"_s,
         u"Local image store (an OCI layout). Default: $STEVEDORE_ROOT, else $XDG_DATA_HOME/stevedore/storage"_s},
        {u"log-level"_s, {}, K::Value, u"LEVEL"_s,
         u"Logging of the stevedore.* categories on stderr: error, warn, info or debug (default: warn)"_s},
        {u"debug"_s, {}, K::Flag, {}, u"Same as --log-level=debug"_s},
        {u"help"_s, u'h', K::Flag, {}, u"Show this help"_s},
        {u"version"_s, {}, K::Flag, {}, u"Show the version"_s},
    };
}

namespace {

const OptionSpec *findLong(const QList<OptionSpec> &opts, QStringView name)
{
    for (const OptionSpec &o : opts)
        if (o.longName == name)
            return &o;
    return nullptr;
}

const OptionSpec *findShort(const QList<OptionSpec> &opts, QChar c)
{
    for (const OptionSpec &o : opts)
        if (!o.shortName.isNull() && o.shortName == c)
            return &o;
    return nullptr;
}

Error usage(const QString &message)
{
    return Error(ErrorCode::InvalidArgument, message);
}

} // namespace

Result<bool> parseBool(const QString &text)
{
    const QString t = text.toLower();
    if (t == "true"_L1 || t == "1"_L1 || t == "t"_L1 || t == "yes"_L1)
        return true;
    if (t == "false"_L1 || t == "0"_L1 || t == "f"_L1 || t == "no"_L1)
        return false;
    return fail(ErrorCode::InvalidArgument, u"invalid boolean value \"%1\" (use true or false)"_s.arg(text));
}

Result<ParsedArgs> parseArguments(const CommandSpec &spec, const QStringList &args, bool stopAtFirstPositional)
{
    QList<OptionSpec> opts = spec.options;
    opts += globalOptions();
    ParsedArgs out;
    const QString hint = spec.name.isEmpty() ? u"see 'stevedore --help'"_s
                                             : u"see 'stevedore %1 --help'"_s.arg(spec.name);

    auto store = [&](const OptionSpec &o, const QString &shown, std::optional<QString> value) -> Status {
        if (o.kind == OptionSpec::Kind::Flag) {
            if (value) {
                auto b = parseBool(*value);
                if (!b)
                    return fail(usage(u"%1: %2"_s.arg(shown, b.error().message)));
                out.values.insert(o.longName, *b ? u"true"_s : u"false"_s);
            } else {
                out.values.insert(o.longName, u"true"_s);
            }
        } else {
            out.values.insert(o.longName, value.value_or(QString()));
            out.repeated[o.longName].append(value.value_or(QString()));
        }
        return {};
    };

    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == "--"_L1) {
            for (++i; i < args.size(); ++i)
                out.positionals << args.at(i);
            break;
        }
        if (a.startsWith("--"_L1)) {
            const qsizetype eq = a.indexOf(u'=');
            const QString name = a.mid(2, eq < 0 ? -1 : eq - 2);
            const OptionSpec *o = findLong(opts, name);
            if (!o)
                return fail(usage(u"unknown option --%1 (%2)"_s.arg(name, hint)));
            std::optional<QString> value;
            if (eq >= 0) {
                value = a.mid(eq + 1);
            } else if (o->kind == OptionSpec::Kind::Value) {
                if (i + 1 >= args.size())
                    return fail(usage(u"option --%1 needs a value (%2)"_s.arg(name, hint)));
                value = args.at(++i);
            }
            if (auto s = store(*o, u"--"_s + name, value); !s)
                return fail(s.error());
            continue;
        }
        if (a.startsWith(u'-') && a.size() > 1) {
            // -q, -D, -f VALUE, -fVALUE, -qD (flags grouped)
            for (qsizetype k = 1; k < a.size(); ++k) {
                const QChar c = a.at(k);
                const OptionSpec *o = findShort(opts, c);
                if (!o)
                    return fail(usage(u"unknown option -%1 (%2)"_s.arg(c, hint)));
                if (o->kind == OptionSpec::Kind::Value) {
                    QString value = a.mid(k + 1);
                    if (value.startsWith(u'='))
                        value = value.mid(1);
                    if (value.isEmpty()) {
                        if (i + 1 >= args.size())
                            return fail(usage(u"option -%1 needs a value (%2)"_s.arg(c, hint)));
                        value = args.at(++i);
                    }
                    (void)store(*o, u"-"_s + c, value);
                    break;
                }
                if (k + 1 < a.size() && a.at(k + 1) == u'=') {
                    if (auto s = store(*o, u"-"_s + c, a.mid(k + 2)); !s)
                        return fail(s.error());
                    break;
                }
                (void)store(*o, u"-"_s + c, std::nullopt);
            }
            continue;
        }
        out.positionals << a;
        if (stopAtFirstPositional) {
            for (++i; i < args.size(); ++i)
                out.positionals << args.at(i);
            break;
        }
    }
    return out;
}

QString firstNotSupported(const CommandSpec &spec, const ParsedArgs &parsed)
{
    for (const OptionSpec &o : spec.options) {
        if (!o.notSupported || !parsed.has(o.longName))
            continue;
        if (o.kind == OptionSpec::Kind::Flag && !parsed.flag(o.longName))
            continue; // "--rm=false" asks for the default behaviour
        return u"--"_s + o.longName;
    }
    return {};
}

namespace {

QString optionLabel(const OptionSpec &o)
{
    QString s = o.shortName.isNull() ? u"    "_s : u"-%1, "_s.arg(o.shortName);
    s += u"--"_s + o.longName;
    if (o.kind == OptionSpec::Kind::Value)
        s += u' ' + o.valueName;
    else if (o.longName == "tls-verify"_L1)
        s += u"[=BOOL]"_s;
    return s;
}

void appendOptions(QString &text, const QList<OptionSpec> &opts)
{
    int width = 0;
    for (const OptionSpec &o : opts)
        width = std::max(width, int(optionLabel(o).size()));
    for (const OptionSpec &o : opts) {
        QString help = o.help;
        if (o.notSupported)
            help += u" (not supported yet)"_s;
        text += u"  "_s + optionLabel(o).leftJustified(width) + u"  "_s + help + u'\n';
    }
}

} // namespace

QString helpText(const CommandSpec &spec, const QString &program)
{
    QString text = u"Usage: %1 %2\n"_s.arg(program, spec.usage);
    if (!spec.description.isEmpty())
        text += u'\n' + spec.description + u'\n';
    if (!spec.options.isEmpty()) {
        text += u"\nOptions:\n"_s;
        appendOptions(text, spec.options);
    }
    text += spec.name.isEmpty() ? u"\nOptions:\n"_s : u"\nGlobal options:\n"_s;
    appendOptions(text, globalOptions());
    if (!spec.examples.isEmpty())
        text += u"\nExamples:\n"_s + spec.examples + u'\n';
    return text;
}

Result<std::chrono::milliseconds> parseDuration(const QString &text)
{
    const QString t = text.trimmed();
    if (t == "0"_L1)
        return std::chrono::milliseconds(0);
    static const QRegularExpression part(u"(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)"_s);
    double ms = 0;
    qsizetype pos = 0;
    if (t.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"invalid duration \"\" (use e.g. 2s, 500ms, 1m)"_s);
    while (pos < t.size()) {
        const auto m = part.match(t, pos, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return fail(ErrorCode::InvalidArgument, u"invalid duration \"%1\" (use e.g. 2s, 500ms, 1m)"_s.arg(text));
        const double v = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        double factor = 1;
        if (unit == "ns"_L1)
            factor = 1e-6;
        else if (unit == "us"_L1 || unit == u"µs"_s)
            factor = 1e-3;
        else if (unit == "ms"_L1)
            factor = 1;
        else if (unit == "s"_L1)
            factor = 1000;
        else if (unit == "m"_L1)
            factor = 60000;
        else if (unit == "h"_L1)
            factor = 3600000;
        ms += v * factor;
        pos += m.capturedLength(0);
    }
    if (ms > 24.0 * 3600000)
        return fail(ErrorCode::InvalidArgument, u"duration \"%1\" is too long (at most 24h)"_s.arg(text));
    return std::chrono::milliseconds(qint64(std::llround(ms)));
}

} // namespace stevedore::cli
