#include "context.h"

#include "output.h"

#include "compress/compressingreader.h"
#include "core/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

void setupLogging(const QString &level)
{
    qSetMessagePattern(u"stevedore [%{category}] %{type}: %{message}"_s);
    if (level == "error"_L1)
        QLoggingCategory::setFilterRules(u"stevedore.*.warning=false\nstevedore.*.info=false\nstevedore.*.debug=false"_s);
    else if (level == "info"_L1)
        QLoggingCategory::setFilterRules(u"stevedore.*.info=true\nstevedore.*.debug=false"_s);
    else if (level == "debug"_L1)
        QLoggingCategory::setFilterRules(u"stevedore.*.info=true\nstevedore.*.debug=true"_s);
}

// Builds the SystemContext from the options; usage errors (bad values) are reported by the caller with exit 2.
Result<SystemContext> makeContext(const ParsedArgs &p)
{
    SystemContext ctx;
    if (p.has(u"root"_s)) {
        if (p.value(u"root"_s).isEmpty())
            return fail(ErrorCode::InvalidArgument, u"--root needs a folder"_s);
        ctx.storageRoot = QDir(p.value(u"root"_s)).absolutePath();
    }
    if (p.has(u"authfile"_s)) {
        const QString f = p.value(u"authfile"_s);
        if (auto regular = checkRegularFile(f); !regular)
            return fail(ErrorCode::InvalidArgument, u"--authfile: "_s + regular.error().message);
        ctx.authFile = QFileInfo(f).absoluteFilePath();
    }
    if (p.has(u"cert-dir"_s)) {
        const QString d = p.value(u"cert-dir"_s);
        if (!QFileInfo(d).isDir())
            return fail(ErrorCode::InvalidArgument, u"--cert-dir %1: not a folder"_s.arg(d));
        ctx.certDir = QFileInfo(d).absoluteFilePath();
    }
    if (p.has(u"tls-verify"_s))
        ctx.tlsVerify = p.flag(u"tls-verify"_s);
    if (p.has(u"retry"_s)) {
        bool ok = false;
        const int n = p.value(u"retry"_s).toInt(&ok);
        if (!ok || n < 0 || n > 100)
            return fail(ErrorCode::InvalidArgument,
                        u"invalid --retry value \"%1\" (a number from 0 to 100)"_s.arg(p.value(u"retry"_s)));
        ctx.retry.maxRetries = n;
    }
    if (p.has(u"idle-timeout"_s)) {
        auto d = parseDuration(p.value(u"idle-timeout"_s));
        if (!d || d->count() < 100)
            return fail(ErrorCode::InvalidArgument,
                        u"invalid --idle-timeout value \"%1\" (a duration of at least 100ms, e.g. 30s)"_s.arg(p.value(u"idle-timeout"_s)));
        ctx.idleTimeout = *d;
    }
    if (p.has(u"retry-delay"_s)) {
        auto d = parseDuration(p.value(u"retry-delay"_s));
        if (!d)
            return fail(ErrorCode::InvalidArgument, u"--retry-delay: "_s + d.error().message);
        ctx.retry.delay = *d;
    }
    if (p.has(u"creds"_s)) {
        const QString text = p.value(u"creds"_s);
        const qsizetype colon = text.indexOf(u':');
        if (colon >= 0 && colon + 1 < text.size())
            addSecret(text.mid(colon + 1));
        auto creds = Credentials::parseCredsOption(text);
        if (!creds)
            return fail(ErrorCode::InvalidArgument, u"--creds: "_s + creds.error().message);
        if (creds->password.isEmpty() && creds->identityToken.isEmpty()) {
            if (!isTerminal(STDIN_FILENO))
                return fail(ErrorCode::CredentialsMissing,
                            u"--creds %1 has no password and stdin is not a terminal to ask for one; "
                            "use --creds %1:PASSWORD or --authfile"_s.arg(creds->username));
            auto pw = readPassword(u"Password for %1: "_s.arg(creds->username));
            if (!pw)
                return fail(pw.error());
            if (pw->isEmpty())
                return fail(ErrorCode::CredentialsMissing, u"no password given for %1"_s.arg(creds->username));
            addSecret(*pw);
            creds->password = *pw;
        }
        ctx.credentials = *creds;
    }
    return ctx;
}

Result<CopyOptions> makeCopyOptions(const ParsedArgs &p)
{
    CopyOptions o;
    o.all = p.flag(u"all"_s);
    if (p.has(u"platform"_s)) {
        auto pl = Platform::parse(p.value(u"platform"_s));
        if (!pl)
            return fail(ErrorCode::InvalidArgument, u"--platform: "_s + pl.error().message);
        o.platform = *pl;
    }
    if (p.has(u"digestfile"_s)) {
        if (p.value(u"digestfile"_s).isEmpty())
            return fail(ErrorCode::InvalidArgument, u"--digestfile needs a file name"_s);
        o.digestFile = QFileInfo(p.value(u"digestfile"_s)).absoluteFilePath();
        const QFileInfo dir(QFileInfo(o.digestFile).absolutePath());
        if (!dir.isDir())
            return fail(ErrorCode::InvalidArgument,
                        u"--digestfile %1: the folder %2 does not exist"_s.arg(p.value(u"digestfile"_s), dir.filePath()));
        if (QFileInfo(o.digestFile).isDir())
            return fail(ErrorCode::InvalidArgument,
                        u"--digestfile %1 is a folder; give the name of a file"_s.arg(p.value(u"digestfile"_s)));
    }
    o.removeSignatures = p.flag(u"remove-signatures"_s);
    if (p.has(u"format"_s)) {
        const QString f = p.value(u"format"_s).toLower();
        if (f == "oci"_L1)
            o.manifestFormat = ManifestFamily::Oci;
        else if (f == "v2s2"_L1)
            o.manifestFormat = ManifestFamily::Docker;
        else if (f == "v2s1"_L1)
            return fail(ErrorCode::NotSupportedYet, u"--format v2s1 is not supported (use oci or v2s2)"_s);
        else
            return fail(ErrorCode::InvalidArgument, u"invalid --format value \"%1\" (use oci or v2s2)"_s.arg(p.value(u"format"_s)));
    }
    const bool disable = p.flag(u"disable-compression"_s);
    if (p.has(u"compression-format"_s)) {
        const QString f = p.value(u"compression-format"_s).toLower();
        if (disable)
            return fail(ErrorCode::InvalidArgument, u"--disable-compression cannot be combined with --compression-format"_s);
        if (f == "gzip"_L1)
            o.compression = Compression::Gzip;
        else if (f == "zstd"_L1)
            o.compression = Compression::Zstd;
        else if (f == "zstd:chunked"_L1)
            return fail(ErrorCode::NotSupportedYet, u"--compression-format zstd:chunked is not supported yet"_s);
        else
            return fail(ErrorCode::InvalidArgument,
                        u"invalid --compression-format value \"%1\" (use gzip or zstd)"_s.arg(p.value(u"compression-format"_s)));
    } else if (disable) {
        o.compression = Compression::None;
    }
    if (p.has(u"compression-level"_s)) {
        bool ok = false;
        const int level = p.value(u"compression-level"_s).toInt(&ok);
        const Compression c = o.compression.value_or(Compression::Gzip);
        if (c == Compression::None)
            return fail(ErrorCode::InvalidArgument, u"--compression-level cannot be combined with --disable-compression"_s);
        if (!ok || !CompressingReader::validLevel(c, level))
            return fail(ErrorCode::InvalidArgument,
                        u"invalid --compression-level \"%1\" for %2 (gzip takes 1-9, zstd 1-%3)"_s
                            .arg(p.value(u"compression-level"_s), compressionName(c))
                            .arg(CompressingReader::maxLevel(Compression::Zstd)));
        o.compressionLevel = level;
    }
    return o;
}

int exitCodeFor(int signalNumber)
{
    return signalNumber == 0 ? int(ExitInterrupted) : 128 + signalNumber;
}

std::optional<int> checkCommon(const CommandSpec &spec, const ParsedArgs &p)
{
    const QString ns = firstNotSupported(spec, p);
    if (!ns.isEmpty()) {
        printError(spec.name, u"%1 is not supported yet"_s.arg(ns));
        return ExitUsage;
    }
    const int n = int(p.positionals.size());
    if (n < spec.minArgs) {
        printError(spec.name, u"missing argument (usage: stevedore %1)"_s.arg(spec.usage));
        return ExitUsage;
    }
    if (spec.maxArgs >= 0 && n > spec.maxArgs) {
        printError(spec.name, u"too many arguments: \"%1\" (usage: stevedore %2)"_s.arg(p.positionals.at(spec.maxArgs), spec.usage));
        return ExitUsage;
    }
    return std::nullopt;
}

Result<QByteArray> readStdin(qint64 maxSize, const QString &what)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(ErrorCode::IoError, u"cannot read %1 from standard input"_s.arg(what));
    QByteArray all = in.read(maxSize + 1);
    if (all.size() > maxSize)
        return fail(ErrorCode::TooLarge, formatText(u"%1 on standard input is larger than %2 bytes"_s, what, maxSize));
    return all;
}

QString storeRoot(const ParsedArgs &p)
{
    return p.has(u"root"_s) ? QDir(p.value(u"root"_s)).absolutePath() : SystemContext::defaultStorageRoot();
}

} // namespace stevedore::cli
