// CredentialHelper: the docker-credential-<name> protocol (get, store, erase, list), one bounded process per call.
#include "credhelper.h"

#include "core/logging.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr int kDefaultTimeoutMs = 30000;
constexpr qint64 kMaxHelperOutput = 1024 * 1024; // `list` of a large keychain; `get` is one small object

int helperTimeoutMs()
{
    bool ok = false;
    const int s = qEnvironmentVariableIntValue("STEVEDORE_CREDENTIAL_HELPER_TIMEOUT", &ok);
    return ok && s > 0 ? s * 1000 : kDefaultTimeoutMs;
}

struct HelperRun {
    int exitCode = 0;
    QByteArray out;
};

// Runs `program verb` with `input` on stdin. The output is read as it comes and bounded before it is buffered;
// stderr goes nowhere (it may hold a secret). Cancel and the deadline kill the process.
Result<HelperRun> run(const QString &program, const QString &verb, const QByteArray &input, const CancelToken &cancel)
{
    const QString exe = QStandardPaths::findExecutable(program);
    if (exe.isEmpty())
        return fail(ErrorCode::CredentialsMissing,
                    EngineText::tr("credential helper %1 was not found in PATH").arg(program));
    const int timeoutMs = helperTimeoutMs();
    QProcess p;
    p.setProgram(exe);
    p.setArguments({verb});
    p.setStandardErrorFile(QProcess::nullDevice());
    p.start();
    auto killed = [&p]() {
        p.kill();
        p.waitForFinished(2000);
    };
    if (!p.waitForStarted(timeoutMs))
        return fail(ErrorCode::CredentialsMissing,
                    EngineText::tr("credential helper %1 could not be started: %2").arg(program, p.errorString()));
    p.write(input);
    p.closeWriteChannel();
    HelperRun r;
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (cancel.isCancelled()) {
            killed();
            return fail(ErrorCode::Cancelled, EngineText::tr("the operation was cancelled"));
        }
        if (p.bytesAvailable() == 0 && p.state() != QProcess::NotRunning) {
            if (deadline.hasExpired()) {
                killed();
                return fail(ErrorCode::Timeout,
                            formatText(EngineText::tr("credential helper %1 (%2) did not answer within %3 s"), program,
                                       verb, timeoutMs / 1000));
            }
            p.waitForReadyRead(int(qBound(qint64(1), qint64(deadline.remainingTime()), qint64(CancelToken::kPollInterval.count()))));
        }
        r.out += p.read(kMaxHelperOutput + 1 - r.out.size());
        if (r.out.size() > kMaxHelperOutput) {
            killed();
            return fail(ErrorCode::CredentialsMissing,
                        formatText(EngineText::tr("credential helper %1 wrote more than %2 bytes; refused"), program,
                                   kMaxHelperOutput));
        }
        if (p.state() == QProcess::NotRunning && p.bytesAvailable() == 0)
            break;
    }
    p.waitForFinished(int(qMax<qint64>(0, deadline.remainingTime())));
    if (p.exitStatus() != QProcess::NormalExit)
        return fail(ErrorCode::CredentialsMissing,
                    EngineText::tr("credential helper %1 (%2) crashed").arg(program, verb));
    r.exitCode = p.exitCode();
    return r;
}

// The helpers' protocol: this message on stdout (exit 1) means "no entry".
bool notFound(const HelperRun &r)
{
    return r.out.contains("credentials not found");
}

Error failed(const QString &program, const QString &verb, const QString &server, int exitCode)
{
    // Never echo the helper's output: it may hold a secret.
    return Error(ErrorCode::CredentialsMissing,
                 formatText(EngineText::tr("credential helper %1 failed to %2 the credentials for %3 (exit code %4)"),
                            program, verb, server, exitCode));
}

} // namespace

CredentialHelper::CredentialHelper(QString name)
    : m_name(std::move(name))
{
}

QString CredentialHelper::program() const
{
    return u"docker-credential-"_s + m_name;
}

QString CredentialHelper::serverUrlFor(const QString &normalisedKey)
{
    if (normalisedKey == "docker.io"_L1)
        return u"https://index.docker.io/v1/"_s;
    return normalisedKey;
}

Result<std::optional<Credentials>> CredentialHelper::get(const QString &serverUrl, const CancelToken &cancel) const
{
    auto r = run(program(), u"get"_s, serverUrl.toUtf8(), cancel);
    if (!r)
        return fail(r.error());
    if (r->exitCode != 0) {
        if (notFound(*r))
            return std::optional<Credentials>();
        return fail(failed(program(), u"get"_s, serverUrl, r->exitCode));
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r->out, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::CredentialsMissing,
                    EngineText::tr("credential helper %1 returned something that is not a JSON object for %2")
                        .arg(program(), serverUrl));
    const QJsonObject o = doc.object();
    Credentials c;
    const QString user = o.value("Username"_L1).toString();
    const QString secret = o.value("Secret"_L1).toString();
    if (user == "<token>"_L1)
        c.identityToken = secret;
    else {
        c.username = user;
        c.password = secret;
    }
    if (c.isEmpty())
        return std::optional<Credentials>();
    qCDebug(lcAuth) << "credentials for" << serverUrl << "from" << program();
    return std::optional<Credentials>(c);
}

Status CredentialHelper::store(const QString &serverUrl, const Credentials &credentials, const CancelToken &cancel) const
{
    QJsonObject o{{u"ServerURL"_s, serverUrl}};
    if (!credentials.identityToken.isEmpty()) {
        o.insert(u"Username"_s, u"<token>"_s);
        o.insert(u"Secret"_s, credentials.identityToken);
    } else {
        o.insert(u"Username"_s, credentials.username);
        o.insert(u"Secret"_s, credentials.password);
    }
    auto r = run(program(), u"store"_s, QJsonDocument(o).toJson(QJsonDocument::Compact), cancel);
    if (!r)
        return fail(r.error());
    if (r->exitCode != 0)
        return fail(failed(program(), u"store"_s, serverUrl, r->exitCode));
    return {};
}

Status CredentialHelper::erase(const QString &serverUrl, const CancelToken &cancel, bool *existed) const
{
    auto r = run(program(), u"erase"_s, serverUrl.toUtf8(), cancel);
    if (!r)
        return fail(r.error());
    if (existed)
        *existed = r->exitCode == 0;
    if (r->exitCode != 0 && !notFound(*r))
        return fail(failed(program(), u"erase"_s, serverUrl, r->exitCode));
    return {};
}

Result<QMap<QString, QString>> CredentialHelper::list(const CancelToken &cancel) const
{
    auto r = run(program(), u"list"_s, QByteArray(), cancel);
    if (!r)
        return fail(r.error());
    if (r->exitCode != 0)
        return fail(ErrorCode::CredentialsMissing,
                    formatText(EngineText::tr("credential helper %1 failed to list its credentials (exit code %2)"),
                               program(), r->exitCode));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r->out, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::CredentialsMissing,
                    EngineText::tr("credential helper %1 listed something that is not a JSON object").arg(program()));
    QMap<QString, QString> out;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

} // namespace stevedore
