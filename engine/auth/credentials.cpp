#include "credentials.h"

#include "core/atomicfile.h"
#include "core/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QDeadlineTimer>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr qint64 kMaxAuthFileSize = 16 * 1024 * 1024;
constexpr int kHelperTimeoutMs = 30000;
constexpr qint64 kMaxHelperOutput = 64 * 1024; // a helper answers with one small JSON object

QString envPath(const char *name)
{
    const QByteArray v = qgetenv(name);
    return v.isEmpty() ? QString() : QString::fromLocal8Bit(v);
}

// docker.io has several spellings in auth files.
QString normaliseHost(const QString &host)
{
    const QString h = host.toLower();
    if (h == "index.docker.io"_L1 || h == "registry-1.docker.io"_L1 || h == "docker.io"_L1)
        return u"docker.io"_s;
    return host;
}

// An auth-file key in the form used for matching: "host[/path]". Legacy keys with a scheme
// ("https://index.docker.io/v1/", "http://host:5000/v1/") are reduced to their host.
QString normaliseKey(const QString &key)
{
    QString k = key.trimmed();
    bool hadScheme = false;
    for (const auto prefix : {"https://"_L1, "http://"_L1}) {
        if (k.startsWith(prefix, Qt::CaseInsensitive)) {
            k = k.mid(prefix.size());
            hadScheme = true;
            break;
        }
    }
    if (hadScheme)
        k = k.section(u'/', 0, 0);
    while (k.endsWith(u'/'))
        k.chop(1);
    const qsizetype slash = k.indexOf(u'/');
    const QString host = slash < 0 ? k : k.left(slash);
    const QString rest = slash < 0 ? QString() : k.mid(slash);
    return normaliseHost(host) + rest;
}

Error invalidFile(const QString &path, const QString &what)
{
    return Error(ErrorCode::AuthFileInvalid, EngineText::tr("invalid auth file %1: %2").arg(path, what));
}

// Decodes an "auth" value (base64 of user:password) without ever echoing it.
Result<Credentials> decodeAuth(const QString &path, const QString &key, const QString &auth)
{
    const QByteArray raw = auth.toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || auth.trimmed().isEmpty())
        return fail(invalidFile(path, EngineText::tr("the \"auth\" value of key %1 is not valid base64").arg(key)));
    const QString text = QString::fromUtf8(*decoded);
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return fail(invalidFile(path, EngineText::tr("the \"auth\" value of key %1 does not decode to user:password").arg(key)));
    Credentials c;
    c.username = text.left(colon);
    c.password = text.mid(colon + 1);
    return c;
}

// The server name a credential helper is asked about; docker's helpers know Docker Hub by its legacy URL.
QString helperServerFor(const QString &host)
{
    if (host == "docker.io"_L1)
        return u"https://index.docker.io/v1/"_s;
    return host;
}

Result<std::optional<CredentialMatch>> runHelper(const QString &name, const QString &host, const QString &key,
                                                const CancelToken &cancel)
{
    const QString program = u"docker-credential-"_s + name;
    const QString exe = QStandardPaths::findExecutable(program);
    if (exe.isEmpty())
        return fail(ErrorCode::CredentialsMissing,
                    EngineText::tr("credential helper %1 (configured for %2) was not found in PATH").arg(program, host));
    QProcess p;
    p.setProgram(exe);
    p.setArguments({u"get"_s});
    p.setStandardErrorFile(QProcess::nullDevice()); // never read: it may hold a secret
    p.start();
    if (!p.waitForStarted(kHelperTimeoutMs))
        return fail(ErrorCode::CredentialsMissing,
                    EngineText::tr("credential helper %1 could not be started: %2").arg(program, p.errorString()));
    p.write(helperServerFor(host).toUtf8());
    p.closeWriteChannel();
    // Read as it comes, bounded before it is buffered: a helper that floods its output is stopped.
    QByteArray out;
    QDeadlineTimer deadline(kHelperTimeoutMs);
    while (p.state() != QProcess::NotRunning || p.bytesAvailable() > 0) {
        if (cancel.isCancelled()) {
            p.kill();
            p.waitForFinished(2000);
            return fail(ErrorCode::Cancelled, EngineText::tr("the operation was cancelled"));
        }
        if (p.bytesAvailable() == 0 && !p.waitForReadyRead(int(qBound<qint64>(qint64(1), deadline.remainingTime(), qint64(100))))
            && p.state() != QProcess::NotRunning && deadline.hasExpired()) {
            p.kill();
            p.waitForFinished(2000);
            return fail(ErrorCode::Timeout, formatText(EngineText::tr("credential helper %1 did not answer within %2 s"), program, kHelperTimeoutMs / 1000));
        }
        out += p.read(kMaxHelperOutput + 1 - out.size());
        if (out.size() > kMaxHelperOutput) {
            p.kill();
            p.waitForFinished(2000);
            return fail(ErrorCode::CredentialsMissing,
                        formatText(EngineText::tr("credential helper %1 wrote more than %2 bytes; refused"), program, kMaxHelperOutput));
        }
        if (p.state() == QProcess::NotRunning && p.bytesAvailable() == 0)
            break;
    }
    p.waitForFinished(int(qMax<qint64>(0, deadline.remainingTime())));
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        // The helpers' protocol: "credentials not found in native keychain" means no entry.
        if (out.contains("credentials not found"))
            return std::optional<CredentialMatch>();
        // Never echo the output: it may hold a secret.
        return fail(ErrorCode::CredentialsMissing,
                    formatText(EngineText::tr("credential helper %1 failed for %2 (exit code %3)"), program, host, p.exitCode()));
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::CredentialsMissing,
                    EngineText::tr("credential helper %1 returned something that is not a JSON object").arg(program));
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
        return std::optional<CredentialMatch>();
    qCDebug(lcAuth) << "credentials for" << host << "from" << program;
    return CredentialMatch{c, EngineText::tr("credential helper %1").arg(program), key};
}

// Candidate keys, most specific first: host/a/b/c, host/a/b, host/a, host.
QStringList candidateKeys(const QString &host, const QString &repository)
{
    QStringList keys;
    QStringList parts = repository.split(u'/', Qt::SkipEmptyParts);
    while (!parts.isEmpty()) {
        keys << host + u'/' + parts.join(u'/');
        parts.removeLast();
    }
    keys << host;
    return keys;
}

Result<std::optional<CredentialMatch>> lookupInFile(const QString &path, const QString &host, const QString &repository,
                                                   const CancelToken &cancel)
{
    auto data = readFileLimited(path, kMaxAuthFileSize);
    if (!data)
        return fail(invalidFile(path, data.error().message));
    if (data->trimmed().isEmpty())
        return std::optional<CredentialMatch>();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(*data, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(invalidFile(path, formatText(EngineText::tr("not valid JSON (%1 at offset %2)"), pe.errorString(), pe.offset)));
    if (!doc.isObject())
        return fail(invalidFile(path, EngineText::tr("the top level is not a JSON object")));
    const QJsonObject root = doc.object();

    // credHelpers: per-registry helper, keyed by host.
    const QJsonObject helpers = root.value("credHelpers"_L1).toObject();
    for (auto it = helpers.begin(); it != helpers.end(); ++it) {
        if (normaliseKey(it.key()) == host && it.value().isString() && !it.value().toString().isEmpty())
            return runHelper(it.value().toString(), host, it.key(), cancel);
    }

    const QJsonValue authsValue = root.value("auths"_L1);
    if (!authsValue.isUndefined() && !authsValue.isNull() && !authsValue.isObject())
        return fail(invalidFile(path, EngineText::tr("\"auths\" is not an object")));
    const QJsonObject auths = authsValue.toObject();
    QHash<QString, QString> byKey; // normalised -> original (first one wins)
    for (auto it = auths.begin(); it != auths.end(); ++it) {
        const QString n = normaliseKey(it.key());
        if (!byKey.contains(n))
            byKey.insert(n, it.key());
    }
    for (const QString &candidate : candidateKeys(host, repository)) {
        const auto found = byKey.constFind(candidate);
        if (found == byKey.constEnd())
            continue;
        const QJsonValue entryValue = auths.value(*found);
        if (!entryValue.isObject())
            return fail(invalidFile(path, EngineText::tr("the entry for key %1 is not an object").arg(*found)));
        const QJsonObject entry = entryValue.toObject();
        Credentials c;
        const QString auth = entry.value("auth"_L1).toString();
        if (!auth.isEmpty()) {
            auto decoded = decodeAuth(path, *found, auth);
            if (!decoded)
                return fail(decoded.error());
            c = *decoded;
        }
        c.identityToken = entry.value("identitytoken"_L1).toString();
        if (c.isEmpty())
            continue; // an empty marker entry (credsStore keeps the secret)
        qCDebug(lcAuth) << "credentials for" << host << "from" << path << "key" << *found;
        return CredentialMatch{c, path, *found};
    }

    const QString store = root.value("credsStore"_L1).toString();
    if (!store.isEmpty())
        return runHelper(store, host, host, cancel);
    return std::optional<CredentialMatch>();
}

} // namespace

Result<Credentials> Credentials::parseCredsOption(const QString &text)
{
    if (text.isEmpty())
        return fail(ErrorCode::InvalidArgument, EngineText::tr("--creds: the credentials are empty"));
    const qsizetype colon = text.indexOf(u':');
    Credentials c;
    c.username = colon < 0 ? text : text.left(colon);
    c.password = colon < 0 ? QString() : text.mid(colon + 1);
    if (c.username.isEmpty())
        return fail(ErrorCode::InvalidArgument, EngineText::tr("--creds: the user name is empty (expected user[:password])"));
    return c;
}

CredentialStore::CredentialStore(QString authFile)
    : m_authFile(std::move(authFile))
{
}

QStringList CredentialStore::searchPaths() const
{
    if (!m_authFile.isEmpty())
        return {m_authFile};
    const QString fromEnv = envPath("REGISTRY_AUTH_FILE");
    if (!fromEnv.isEmpty())
        return {fromEnv};
    QStringList paths;
    const QString runtime = envPath("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty())
        paths << runtime + u"/containers/auth.json"_s;
    QString config = envPath("XDG_CONFIG_HOME");
    if (config.isEmpty())
        config = QDir::homePath() + u"/.config"_s;
    paths << config + u"/containers/auth.json"_s;
    QString docker = envPath("DOCKER_CONFIG");
    if (docker.isEmpty())
        docker = QDir::homePath() + u"/.docker"_s;
    paths << docker + u"/config.json"_s;
    return paths;
}

Result<std::optional<CredentialMatch>> CredentialStore::lookup(const QString &host, const QString &repository,
                                                               const CancelToken &cancel) const
{
    const QString h = normaliseHost(host);
    QString repo = repository;
    while (repo.startsWith(u'/'))
        repo.remove(0, 1);
    const QStringList paths = searchPaths();
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path)) {
            qCDebug(lcAuth) << "auth file" << path << "does not exist";
            continue;
        }
        auto found = lookupInFile(path, h, repo, cancel);
        if (!found)
            return found;
        if (*found)
            return found;
    }
    return std::optional<CredentialMatch>();
}

} // namespace stevedore
