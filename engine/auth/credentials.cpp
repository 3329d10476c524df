// CredentialStore: the search path and the one resolution every caller uses (lookup, resolve).
#include "credentials.h"

#include "authsources.h"
#include "credhelper.h"
#include "core/logging.h"
#include "core/threadpools.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

QString envPath(const char *name)
{
    const QByteArray v = qgetenv(name);
    return v.isEmpty() ? QString() : QString::fromLocal8Bit(v);
}

struct Found {
    CredentialMatch match;
    CredentialEntry entry;
};

// The resolution itself: files in order; in a file credHelpers[host], else "auths" most specific first, then
// credsStore. The first file with a match wins.
Result<std::optional<Found>> findCredentials(const QStringList &paths, const QString &host, const QString &repository,
                                             const CancelToken &cancel)
{
    const QStringList candidates = candidateAuthKeys(host, repository);
    for (int i = 0; i < paths.size(); ++i) {
        const QString &path = paths[i];
        auto file = AuthFile::load(path, authsources::isLegacyFile(path));
        if (!file)
            return fail(file.error());
        if (!file->exists()) {
            qCDebug(lcAuth) << "auth file" << path << "does not exist";
            continue;
        }
        bool perRegistry = false;
        for (const auto &[key, helper] : file->credHelpers()) {
            if (normaliseAuthKey(key) != candidates.last())
                continue;
            perRegistry = true;
            auto hit = authsources::askHelper(helper, candidates, cancel);
            if (!hit)
                return fail(hit.error());
            if (*hit) {
                CredentialEntry e = authsources::helperEntry(path, i, helper, true, (*hit)->key, (*hit)->credentials.username);
                return Found{{(*hit)->credentials, e.source(), e.key}, e};
            }
            break;
        }
        if (perRegistry)
            continue; // the helper named for this registry is the only source in this file
        for (const QString &candidate : candidates) {
            const auto entry = file->entry(candidate);
            if (!entry || entry->credentials.isEmpty())
                continue; // none, or an empty marker (credsStore keeps the secret)
            qCDebug(lcAuth) << "credentials for" << host << "from" << path << "key" << entry->key;
            CredentialEntry e = authsources::fileEntry(path, i, entry->key, entry->credentials);
            return Found{{entry->credentials, path, entry->key}, e};
        }
        const QString store = file->credsStore();
        if (!store.isEmpty()) {
            auto hit = authsources::askHelper(store, candidates, cancel);
            if (!hit)
                return fail(hit.error());
            if (*hit) {
                CredentialEntry e = authsources::helperEntry(path, i, store, false, (*hit)->key, (*hit)->credentials.username);
                return Found{{(*hit)->credentials, e.source(), e.key}, e};
            }
        }
    }
    return std::optional<Found>();
}

} // namespace

namespace authsources {

QString hostOf(const QString &normalisedKey)
{
    return normalisedKey.section(u'/', 0, 0);
}

bool isLegacyFile(const QString &path)
{
    return QFileInfo(path).fileName() == ".dockercfg"_L1;
}

Result<std::optional<HelperHit>> askHelper(const QString &helper, const QStringList &candidates, const CancelToken &cancel)
{
    const CredentialHelper h(helper);
    for (const QString &candidate : candidates) {
        auto c = h.get(CredentialHelper::serverUrlFor(candidate), cancel);
        if (!c)
            return fail(c.error());
        if (*c)
            return std::optional<HelperHit>(HelperHit{**c, candidate});
    }
    return std::optional<HelperHit>();
}

CredentialEntry fileEntry(const QString &file, int fileIndex, const QString &writtenKey, const Credentials &c)
{
    CredentialEntry e;
    e.key = normaliseAuthKey(writtenKey);
    e.writtenKey = writtenKey;
    e.username = c.username;
    e.identityToken = !c.identityToken.isEmpty();
    e.kind = CredentialEntry::Kind::File;
    e.file = file;
    e.fileIndex = fileIndex;
    return e;
}

CredentialEntry helperEntry(const QString &file, int fileIndex, const QString &helper, bool perRegistry,
                            const QString &writtenKey, const QString &username)
{
    CredentialEntry e;
    e.key = normaliseAuthKey(writtenKey);
    e.writtenKey = writtenKey;
    e.identityToken = username == "<token>"_L1;
    e.username = e.identityToken ? QString() : username;
    e.kind = CredentialEntry::Kind::Helper;
    e.file = file;
    e.helper = helper;
    e.perRegistryHelper = perRegistry;
    e.fileIndex = fileIndex;
    return e;
}

} // namespace authsources

QString CredentialEntry::source() const
{
    if (kind == Kind::File)
        return file;
    return EngineText::tr("docker-credential-%1 (%2 in %3)")
        .arg(helper, perRegistryHelper ? u"credHelpers"_s : u"credsStore"_s, file);
}

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
    paths << QDir::homePath() + u"/.dockercfg"_s;
    return paths;
}

QString CredentialStore::defaultWriteFile() const
{
    // The named file; else $XDG_RUNTIME_DIR/containers/auth.json when set, else $XDG_CONFIG_HOME/containers/auth.json.
    return searchPaths().first();
}

Result<std::optional<CredentialMatch>> CredentialStore::lookup(const QString &host, const QString &repository,
                                                               const CancelToken &cancel) const
{
    QString repo = repository;
    while (repo.startsWith(u'/'))
        repo.remove(0, 1);
    auto found = findCredentials(searchPaths(), normaliseRegistryHost(host), repo, cancel);
    if (!found)
        return fail(found.error());
    if (!*found)
        return std::optional<CredentialMatch>();
    return std::optional<CredentialMatch>((*found)->match);
}

Result<CredentialResolution> CredentialStore::resolve(const QString &host, const QString &repository,
                                                      const CancelToken &cancel) const
{
    CredentialResolution r;
    r.host = normaliseRegistryHost(host);
    r.repository = repository;
    while (r.repository.startsWith(u'/'))
        r.repository.remove(0, 1);
    r.candidateKeys = candidateAuthKeys(r.host, r.repository);
    auto found = findCredentials(searchPaths(), r.host, r.repository, cancel);
    if (!found)
        return fail(found.error());
    if (*found) {
        r.match = (*found)->match;
        r.winner = (*found)->entry;
    }
    auto listing = list(cancel);
    if (!listing)
        return fail(listing.error());
    r.others = authsources::explainOthers(r, *listing);
    return r;
}

QFuture<Result<CredentialListing>> CredentialStore::listAsync() const
{
    const CredentialStore self = *this;
    return QtConcurrent::run(pools::io(), [self]() { return self.list(); });
}

QFuture<Result<CredentialResolution>> CredentialStore::resolveAsync(const QString &host, const QString &repository) const
{
    const CredentialStore self = *this;
    return QtConcurrent::run(pools::io(), [self, host, repository]() { return self.resolve(host, repository); });
}

} // namespace stevedore
