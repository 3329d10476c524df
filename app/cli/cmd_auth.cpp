// login, logout, auth list / auth resolve: the credential commands, all through engine/auth and ops/login.
#include "cmd.h"

#include "commands.h"
#include "context.h"
#include "output.h"
#include "terminal.h"

#include "auth/credentials.h"
#include "ops/login.h"
#include "reference/imagereference.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

namespace {


// --authfile FILE: may not exist yet (login creates it), but must not be a folder or a device.
Result<QString> authFileOption(const ParsedArgs &p)
{
    if (!p.has(u"authfile"_s))
        return QString();
    const QString f = p.value(u"authfile"_s);
    if (f.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"--authfile needs a file"_s);
    const QFileInfo info(f);
    if (info.exists() && !info.isFile())
        return fail(ErrorCode::InvalidArgument, u"--authfile %1: not a regular file"_s.arg(f));
    return info.absoluteFilePath();
}


Result<QString> promptLine(const QString &prompt)
{
    if (!isTerminal(STDIN_FILENO))
        return fail(ErrorCode::CredentialsMissing, u"stdin is not a terminal"_s);
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    QTextStream in(stdin);
    return in.readLine().trimmed();
}

QString describeUser(const CredentialEntry &e)
{
    return e.identityToken ? u"<identity token>"_s : e.username;
}

} // namespace

int cmdLogin(const CommandSpec &spec, const ParsedArgs &p)
{
    auto authFile = authFileOption(p);
    if (!authFile) {
        printError(spec.name, authFile.error().message);
        return ExitUsage;
    }
    auto key = parseLoginKey(p.positionals.at(0));
    if (!key) {
        printError(spec.name, key.error().message);
        return ExitUsage;
    }
    const CredentialStore store(*authFile);
    if (p.flag(u"get-login"_s)) {
        int sig = 0;
        const QString host = key->section(u'/', 0, 0);
        const QString repo = key->section(u'/', 1);
        auto found = cancellableOffMainThread([store, host, repo](const CancelToken &c) { return store.lookup(host, repo, c); }, &sig);
        if (sig)
            return exitCodeFor(sig);
        if (!found) {
            printError(spec.name, found.error().message);
            return ExitFailure;
        }
        if (!*found) {
            printError(spec.name, u"not logged in to %1"_s.arg(*key));
            return ExitFailure;
        }
        printOut(((*found)->credentials.username.isEmpty() ? u"<token>"_s : (*found)->credentials.username) + u'\n');
        return ExitOk;
    }
    if (p.has(u"password"_s) && p.flag(u"password-stdin"_s)) {
        printError(spec.name, u"--password and --password-stdin cannot be used together"_s);
        return ExitUsage;
    }
    LoginRequest req;
    req.key = *key;
    req.context.authFile = *authFile;
    if (p.has(u"tls-verify"_s))
        req.context.tlsVerify = p.flag(u"tls-verify"_s);
    if (p.has(u"cert-dir"_s)) {
        const QString d = p.value(u"cert-dir"_s);
        if (!QFileInfo(d).isDir()) {
            printError(spec.name, u"--cert-dir %1: not a folder"_s.arg(d));
            return ExitUsage;
        }
        req.context.certDir = QFileInfo(d).absoluteFilePath();
    }
    req.credentials.username = p.value(u"username"_s);
    if (req.credentials.username.isEmpty()) {
        if (p.flag(u"password-stdin"_s)) {
            printError(spec.name, u"--password-stdin needs --username"_s);
            return ExitUsage;
        }
        auto user = promptLine(u"Username: "_s);
        if (!user || user->isEmpty()) {
            printError(spec.name, u"no user name given for %1 (use --username, or run on a terminal)"_s.arg(*key));
            return ExitUsage;
        }
        req.credentials.username = *user;
    }
    if (p.has(u"password"_s)) {
        req.credentials.password = p.value(u"password"_s);
    } else if (p.flag(u"password-stdin"_s)) {
        auto in = readStdin(64 * 1024, u"the password"_s);
        if (!in) {
            printError(spec.name, in.error().message);
            return ExitFailure;
        }
        QByteArray pw = *in;
        while (pw.endsWith('\n') || pw.endsWith('\r'))
            pw.chop(1);
        req.credentials.password = QString::fromUtf8(pw);
        pw.fill('\0');
    } else {
        if (!isTerminal(STDIN_FILENO)) {
            printError(spec.name, u"no password given for %1 and stdin is not a terminal to ask for one "
                                  "(use --password-stdin)"_s.arg(*key));
            return ExitUsage;
        }
        auto pw = readPassword(u"Password: "_s);
        if (!pw) {
            printError(spec.name, pw.error().message);
            return ExitFailure;
        }
        req.credentials.password = *pw;
    }
    addSecret(req.credentials.password);
    if (req.credentials.password.isEmpty()) {
        printError(spec.name, u"the password for %1 is empty"_s.arg(*key));
        return ExitUsage;
    }
    int sig = 0;
    auto outcome = cancellableOffMainThread([req](const CancelToken &c) { return login(req, c); }, &sig);
    req.credentials.password.fill(QChar(0));
    if (sig) {
        printError(spec.name, u"interrupted"_s);
        return exitCodeFor(sig);
    }
    if (!outcome) {
        printError(spec.name, outcome.error().message);
        return ExitFailure;
    }
    QString text = u"Login Succeeded! Credentials for %1 stored in %2"_s.arg(outcome->key, outcome->storedIn);
    if (outcome->identityTokenKept)
        text += u" (an identity token from the token server, not the password)"_s;
    printOut(text + u'\n');
    return ExitOk;
}

int cmdLogout(const CommandSpec &spec, const ParsedArgs &p)
{
    auto authFile = authFileOption(p);
    if (!authFile) {
        printError(spec.name, authFile.error().message);
        return ExitUsage;
    }
    const bool all = p.flag(u"all"_s);
    if (all == !p.positionals.isEmpty()) {
        printError(spec.name, all ? u"--all and a registry cannot be used together"_s
                                  : u"give a registry (REGISTRY[/NAMESPACE[/REPO]]) or --all"_s);
        return ExitUsage;
    }
    const CredentialStore store(*authFile);
    int sig = 0;
    if (all) {
        const QString file = *authFile;
        auto removed = cancellableOffMainThread([store, file](const CancelToken &c) { return store.eraseAll(file, c); }, &sig);
        if (sig)
            return exitCodeFor(sig);
        if (!removed) {
            printError(spec.name, removed.error().message);
            return ExitFailure;
        }
        if (removed->isEmpty())
            printOut(u"No credentials to remove\n"_s);
        for (const QString &r : std::as_const(*removed))
            printOut(u"Removed login credentials for %1\n"_s.arg(r));
        return ExitOk;
    }
    auto key = parseLoginKey(p.positionals.at(0));
    if (!key) {
        printError(spec.name, key.error().message);
        return ExitUsage;
    }
    const QString k = *key;
    const QString file = *authFile;
    auto where = cancellableOffMainThread([store, k, file](const CancelToken &c) { return store.erase(k, file, c); }, &sig);
    if (sig)
        return exitCodeFor(sig);
    if (!where) {
        printError(spec.name, where.error().message);
        return ExitFailure;
    }
    printOut(u"Removed login credentials for %1 from %2\n"_s.arg(k, *where));
    return ExitOk;
}

int cmdAuth(const CommandSpec &spec, const ParsedArgs &p)
{
    auto authFile = authFileOption(p);
    if (!authFile) {
        printError(spec.name, authFile.error().message);
        return ExitUsage;
    }
    const CredentialStore store(*authFile);
    const QString sub = p.positionals.at(0);
    int sig = 0;
    if (sub == "list"_L1) {
        if (p.positionals.size() != 1) {
            printError(spec.name, u"auth list takes no argument"_s);
            return ExitUsage;
        }
        const QString format = p.value(u"format"_s, u"table"_s);
        if (format != "table"_L1 && format != "json"_L1) {
            printError(spec.name, u"invalid --format value \"%1\" (use table or json)"_s.arg(format));
            return ExitUsage;
        }
        auto listing = cancellableOffMainThread([store](const CancelToken &c) { return store.list(c); }, &sig);
        if (sig)
            return exitCodeFor(sig);
        if (!listing) {
            printError(spec.name, listing.error().message);
            return ExitFailure;
        }
        if (format == "json"_L1) {
            QJsonArray arr;
            for (const CredentialEntry &e : std::as_const(listing->entries))
                arr.append(QJsonObject{{u"key"_s, e.key},
                                       {u"writtenKey"_s, e.writtenKey},
                                       {u"user"_s, e.username},
                                       {u"identityToken"_s, e.identityToken},
                                       {u"source"_s, e.source()},
                                       {u"file"_s, e.file},
                                       {u"helper"_s, e.helper},
                                       {u"shadowedBy"_s, e.shadowedBy}});
            printRaw(QJsonDocument(arr).toJson(QJsonDocument::Indented));
        } else {
            int wk = 3, wu = 4, ws = 6;
            for (const CredentialEntry &e : std::as_const(listing->entries)) {
                wk = std::max<int>(wk, e.writtenKey.size());
                wu = std::max<int>(wu, describeUser(e).size());
                ws = std::max<int>(ws, e.source().size());
            }
            QString t = u"KEY"_s.leftJustified(wk) + u"  "_s + u"USER"_s.leftJustified(wu) + u"  "_s
                        + u"SOURCE"_s.leftJustified(ws) + u"  SHADOWED BY\n"_s;
            for (const CredentialEntry &e : std::as_const(listing->entries))
                t += e.writtenKey.leftJustified(wk) + u"  "_s + describeUser(e).leftJustified(wu) + u"  "_s
                     + e.source().leftJustified(ws) + u"  "_s + (e.shadowedBy.isEmpty() ? u"-"_s : e.shadowedBy) + u'\n';
            if (listing->entries.isEmpty())
                t = u"No credentials in %1\n"_s.arg(listing->searchPaths.join(u", "_s));
            printOut(t);
        }
        for (const Error &e : std::as_const(listing->problems))
            printError(spec.name, e.message);
        return listing->problems.isEmpty() ? ExitOk : ExitFailure;
    }
    if (sub == "resolve"_L1) {
        if (p.positionals.size() != 2) {
            printError(spec.name, u"auth resolve needs an IMAGE"_s);
            return ExitUsage;
        }
        QString text = p.positionals.at(1);
        if (text.startsWith("docker://"_L1))
            text = text.mid(9);
        auto image = ImageReference::parse(text, false);
        if (!image) {
            printError(spec.name, image.error().message);
            return ExitUsage;
        }
        const QString host = image->domain();
        const QString repo = image->path();
        auto r = cancellableOffMainThread([store, host, repo](const CancelToken &c) { return store.resolve(host, repo, c); }, &sig);
        if (sig)
            return exitCodeFor(sig);
        if (!r) {
            printError(spec.name, r.error().message);
            return ExitFailure;
        }
        printOut(r->explanation());
        return ExitOk;
    }
    printError(spec.name, u"unknown subcommand \"%1\" (use list or resolve)"_s.arg(sub));
    return ExitUsage;
}

} // namespace stevedore::cli
