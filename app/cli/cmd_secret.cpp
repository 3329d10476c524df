// secret create / secret import: Kubernetes image pull secrets from and into auth files (engine/auth/pullsecret.h).
#include "cmd.h"

#include "commands.h"
#include "context.h"
#include "output.h"
#include "terminal.h"

#include "auth/authfile.h"
#include "auth/credentials.h"
#include "auth/credhelper.h"
#include "auth/pullsecret.h"
#include "core/atomicfile.h"
#include "core/secrets.h"
#include "ops/login.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

namespace {

constexpr qint64 kMaxSecretFileSize = 16 * 1024 * 1024;
constexpr qint64 kMaxPasswordSize = 64 * 1024;

const QStringList kCreateOptions{u"from-authfile"_s, u"registry"_s, u"username"_s, u"password-stdin"_s,
                                 u"namespace"_s, u"output"_s};
const QStringList kImportOptions{u"authfile"_s};



void registerSecret(const Credentials &c)
{
    secrets::addCredentials(c.username, c.password);
    if (!c.identityToken.isEmpty())
        secrets::add(c.identityToken);
}

void warn(const CommandSpec &spec, const QString &message)
{
    printError(spec.name, u"warning: "_s + message);
}

// The entries of `file` that hold credentials, markers resolved through their helper; keys in the form kubelet and
// docker know ("https://index.docker.io/v1/" for Docker Hub, else host[/path]). Runs helpers: call off the main thread.
struct Collected {
    QList<AuthFileEntry> entries;
    QStringList warnings;
};

Result<Collected> collectEntries(const AuthFile &file, const CancelToken &cancel)
{
    Collected out;
    QSet<QString> seen; // normalised keys
    auto fromHelper = [&](const QString &key, const QString &norm, const QString &helperName,
                          const QString &why) -> Status {
        const CredentialHelper helper(helperName);
        auto got = helper.get(CredentialHelper::serverUrlFor(norm), cancel);
        if (!got)
            return fail(got.error());
        if (!*got) {
            out.warnings << u"%1 in %2 (%3) holds nothing in %4: skipped"_s.arg(key, file.path(), why, helper.program());
            return {};
        }
        registerSecret(**got);
        out.entries.append({CredentialHelper::serverUrlFor(norm), **got});
        return {};
    };
    for (const AuthFileEntry &e : file.entries()) {
        const QString norm = normaliseAuthKey(e.key);
        if (seen.contains(norm)) {
            out.warnings << u"%1 in %2 is another spelling of a key already taken: skipped"_s.arg(e.key, file.path());
            continue;
        }
        seen.insert(norm);
        if (!e.credentials.isEmpty()) {
            registerSecret(e.credentials);
            out.entries.append({CredentialHelper::serverUrlFor(norm), e.credentials});
            continue;
        }
        const QString helper = file.helperFor(norm.section(u'/', 0, 0));
        if (helper.isEmpty()) {
            out.warnings << u"%1 in %2 is an empty entry and no credential helper is configured for it: skipped"_s.arg(
                e.key, file.path());
            continue;
        }
        if (auto ok = fromHelper(e.key, norm, helper, u"an entry of its credential helper"_s); !ok)
            return fail(ok.error());
    }
    for (const auto &[key, helper] : file.credHelpers()) {
        const QString norm = normaliseAuthKey(key);
        if (seen.contains(norm))
            continue;
        seen.insert(norm);
        if (auto ok = fromHelper(key, norm, helper, u"credHelpers"_s); !ok)
            return fail(ok.error());
    }
    return out;
}

int secretCreate(const CommandSpec &spec, const ParsedArgs &p)
{
    for (const QString &o : kImportOptions) {
        if (p.has(o)) {
            printError(spec.name, u"--%1 is an option of secret import (create reads --from-authfile)"_s.arg(o));
            return ExitUsage;
        }
    }
    const QString name = p.positionals.at(1);
    const QString ns = p.value(u"namespace"_s);
    if (p.has(u"namespace"_s) && ns.isEmpty()) {
        printError(spec.name, u"--namespace needs a value"_s);
        return ExitUsage;
    }
    if (auto ok = checkPullSecretName(name, ns); !ok) {
        printError(spec.name, ok.error().message);
        return ExitUsage;
    }
    const QString output = p.value(u"output"_s, u"yaml"_s);
    if (output != "yaml"_L1 && output != "json"_L1) {
        printError(spec.name, u"invalid --output value \"%1\" (use yaml or json)"_s.arg(output));
        return ExitUsage;
    }
    const PullSecretFormat format = output == "json"_L1 ? PullSecretFormat::Json : PullSecretFormat::Yaml;
    const bool fromFile = p.has(u"from-authfile"_s);
    const bool fromRegistry = p.has(u"registry"_s);
    if (fromFile == fromRegistry) {
        printError(spec.name, fromFile ? u"--from-authfile and --registry cannot be used together"_s
                                       : u"give --from-authfile FILE, or --registry REGISTRY -u USER --password-stdin"_s);
        return ExitUsage;
    }

    QList<AuthFileEntry> entries;
    if (fromRegistry) {
        auto key = parseLoginKey(p.value(u"registry"_s));
        if (!key) {
            printError(spec.name, key.error().message);
            return ExitUsage;
        }
        const QString user = p.value(u"username"_s);
        if (user.isEmpty()) {
            printError(spec.name, u"--registry needs --username USER"_s);
            return ExitUsage;
        }
        if (!p.flag(u"password-stdin"_s)) {
            printError(spec.name, u"--registry needs --password-stdin (the password is read from standard input only)"_s);
            return ExitUsage;
        }
        auto in = readStdin(kMaxPasswordSize, u"the password"_s);
        if (!in) {
            printError(spec.name, in.error().message);
            return ExitFailure;
        }
        QByteArray pw = *in;
        if (pw.endsWith('\n'))
            pw.chop(1);
        if (pw.endsWith('\r'))
            pw.chop(1);
        Credentials c{user, QString::fromUtf8(pw), {}};
        pw.fill('\0');
        in->fill('\0');
        addSecret(c.password);
        registerSecret(c);
        if (c.password.isEmpty()) {
            printError(spec.name, u"the password read from standard input is empty"_s);
            return ExitUsage;
        }
        entries.append({CredentialHelper::serverUrlFor(*key), c});
    } else {
        for (const QString &o : {u"username"_s, u"password-stdin"_s}) {
            if (p.has(o)) {
                printError(spec.name, u"--%1 goes with --registry, not --from-authfile"_s.arg(o));
                return ExitUsage;
            }
        }
        const QString path = p.value(u"from-authfile"_s);
        if (path.isEmpty()) {
            printError(spec.name, u"--from-authfile needs a file"_s);
            return ExitUsage;
        }
        if (auto ok = checkRegularFile(path); !ok) {
            printError(spec.name, ok.error().message);
            return ExitFailure;
        }
        auto file = AuthFile::load(QFileInfo(path).absoluteFilePath());
        if (!file) {
            printError(spec.name, file.error().message);
            return ExitFailure;
        }
        int sig = 0;
        const AuthFile f = *file;
        auto collected = cancellableOffMainThread([f](const CancelToken &c) { return collectEntries(f, c); }, &sig);
        if (sig) {
            printError(spec.name, u"interrupted"_s);
            return exitCodeFor(sig);
        }
        if (!collected) {
            printError(spec.name, collected.error().message);
            return ExitFailure;
        }
        for (const QString &w : std::as_const(collected->warnings))
            warn(spec, w);
        if (collected->entries.isEmpty()) {
            printError(spec.name, u"%1 holds no credentials to put in a Secret"_s.arg(f.path()));
            return ExitFailure;
        }
        entries = collected->entries;
    }
    auto rendered = renderPullSecret(name, ns, entries, format);
    for (AuthFileEntry &e : entries)
        e.credentials.password.fill(QChar(0));
    if (!rendered) {
        printError(spec.name, rendered.error().message);
        return ExitFailure;
    }
    printRaw(*rendered); // the Secret's data is the point of it: not scrubbed
    rendered->fill('\0');
    return ExitOk;
}

int secretImport(const CommandSpec &spec, const ParsedArgs &p)
{
    for (const QString &o : kCreateOptions) {
        if (p.has(o)) {
            printError(spec.name, u"--%1 is an option of secret create"_s.arg(o));
            return ExitUsage;
        }
    }
    QString target;
    if (p.has(u"authfile"_s)) {
        target = p.value(u"authfile"_s);
        if (target.isEmpty()) {
            printError(spec.name, u"--authfile needs a file"_s);
            return ExitUsage;
        }
        const QFileInfo info(target);
        if (info.exists() && !info.isFile()) {
            printError(spec.name, u"--authfile %1: not a regular file"_s.arg(target));
            return ExitUsage;
        }
        target = info.absoluteFilePath();
    } else {
        target = CredentialStore(QString()).defaultWriteFile();
    }

    // Everything is read and checked before the auth file is opened: a bad Secret leaves it as it was.
    const QString input = p.positionals.at(1);
    const bool fromStdin = input == "-"_L1;
    const QString shownName = fromStdin ? u"standard input"_s : input;
    auto text = fromStdin ? readStdin(kMaxSecretFileSize, u"the Secret"_s) : readFileLimited(input, kMaxSecretFileSize);
    if (!text) {
        printError(spec.name, text.error().message);
        return ExitFailure;
    }
    auto parsed = parsePullSecrets(*text, shownName);
    text->fill('\0');
    if (!parsed) {
        printError(spec.name, parsed.error().message);
        return ExitFailure;
    }
    for (const PullSecret &s : std::as_const(*parsed))
        for (const AuthFileEntry &e : s.entries)
            registerSecret(e.credentials);

    auto file = AuthFile::load(target);
    if (!file) {
        printError(spec.name, file.error().message);
        return ExitFailure;
    }
    struct Change {
        QString key;  // as written in the Secret (the last one for a key given twice)
        bool replaced = false;
    };
    QList<Change> changes;
    QHash<QString, qsizetype> byKey; // normalised key -> index in changes
    for (const PullSecret &s : std::as_const(*parsed)) {
        for (const AuthFileEntry &e : s.entries) {
            const QString norm = normaliseAuthKey(e.key);
            if (auto it = byKey.constFind(norm); it != byKey.constEnd()) {
                changes[*it].key = e.key;
            } else {
                byKey.insert(norm, changes.size());
                changes.append({e.key, file->entry(e.key).has_value()});
            }
            file->setEntry(e.key, e.credentials);
        }
    }
    if (auto saved = file->save(); !saved) {
        printError(spec.name, saved.error().message);
        return ExitFailure;
    }
    int added = 0;
    QString report;
    for (const Change &c : std::as_const(changes)) {
        report += (c.replaced ? u"replaced "_s : u"added "_s) + c.key + u'\n';
        added += c.replaced ? 0 : 1;
    }
    report += formatText(u"Imported %1 from %2 into %3 (%4 added, %5 replaced)\n"_s,
                         changes.size() == 1 ? u"1 credential"_s : formatText(u"%1 credentials"_s, changes.size()),
                         shownName, target, added, changes.size() - added);
    printOut(report);
    // A credHelpers entry is asked before "auths": say so when one hides what was just imported.
    const auto helpers = file->credHelpers();
    for (const Change &c : std::as_const(changes)) {
        const QString host = normaliseAuthKey(c.key).section(u'/', 0, 0);
        for (const auto &[hkey, helper] : helpers) {
            if (normaliseAuthKey(hkey) == host) {
                warn(spec, u"%1 names credential helper docker-credential-%2 for %3 in credHelpers, which is asked "
                           "before the imported entry"_s.arg(target, helper, host));
                break;
            }
        }
    }
    return ExitOk;
}

} // namespace

int cmdSecret(const CommandSpec &spec, const ParsedArgs &p)
{
    const QString sub = p.positionals.at(0);
    if (sub == "create"_L1)
        return secretCreate(spec, p);
    if (sub == "import"_L1)
        return secretImport(spec, p);
    printError(spec.name, u"unknown subcommand \"%1\" (use create or import)"_s.arg(sub));
    return ExitUsage;
}

} // namespace stevedore::cli
