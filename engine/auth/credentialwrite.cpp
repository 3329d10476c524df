// CredentialStore: store, erase, eraseAll — into the helper a file names for the registry, else the file itself.
#include "credentials.h"

#include "authsources.h"
#include "credhelper.h"
#include "core/logging.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using stevedore::authsources::hostOf;

namespace stevedore {

namespace {

bool isPerRegistryHelper(const AuthFile &f, const QString &host)
{
    for (const auto &[key, helper] : f.credHelpers())
        if (normaliseAuthKey(key) == host)
            return true;
    return false;
}

QString helperSource(const AuthFile &f, const QString &host)
{
    return EngineText::tr("docker-credential-%1 (%2 in %3)")
        .arg(f.helperFor(host), isPerRegistryHelper(f, host) ? u"credHelpers"_s : u"credsStore"_s, f.path());
}

Result<QString> checkKey(const QString &key)
{
    const QString k = normaliseAuthKey(key);
    const bool bad = std::any_of(k.begin(), k.end(), [](QChar c) { return c.isSpace() || c == u'@' || c == u'\\'; });
    if (bad || hostOf(k).isEmpty() || k.contains(u"//"_s))
        return fail(ErrorCode::InvalidArgument, EngineText::tr("\"%1\" is not a registry key (REGISTRY[/NAMESPACE[/REPO]])").arg(key));
    return k;
}

} // namespace

Result<QString> CredentialStore::store(const QString &key, const Credentials &credentials, const QString &file,
                                       const CancelToken &cancel) const
{
    auto k = checkKey(key);
    if (!k)
        return fail(k.error());
    const QString host = hostOf(*k);
    QString target = file;
    const bool named = !m_authFile.isEmpty() || !qEnvironmentVariableIsEmpty("REGISTRY_AUTH_FILE");
    if (target.isEmpty() && !named) {
        // A helper the user configured for this registry anywhere in the search path keeps the secret: never a
        // password in a plain file when a keychain was asked for.
        for (const QString &path : searchPaths()) {
            if (authsources::isLegacyFile(path))
                continue;
            auto f = AuthFile::load(path);
            if (!f)
                return fail(f.error());
            if (f->exists() && !f->helperFor(host).isEmpty()) {
                target = path;
                break;
            }
        }
    }
    if (target.isEmpty())
        target = defaultWriteFile();
    auto f = AuthFile::load(target, authsources::isLegacyFile(target));
    if (!f)
        return fail(f.error()); // a file that does not parse is never overwritten
    const QString helper = f->helperFor(host);
    if (!helper.isEmpty()) {
        if (auto s = CredentialHelper(helper).store(CredentialHelper::serverUrlFor(*k), credentials, cancel); !s)
            return fail(s.error());
        // docker's convention: credsStore entries leave an empty marker under "auths"; no secret stays in the file.
        const auto existing = f->entry(*k);
        if (!isPerRegistryHelper(*f, host) && (!existing || !existing->credentials.isEmpty())) {
            f->setMarker(*k);
            if (auto s = f->save(); !s)
                return fail(s.error());
        }
        qCDebug(lcAuth) << "stored credentials for" << *k << "in helper" << helper;
        return helperSource(*f, host);
    }
    f->setEntry(*k, credentials);
    if (auto s = f->save(); !s)
        return fail(s.error());
    qCDebug(lcAuth) << "stored credentials for" << *k << "in" << target;
    return target;
}

namespace {

// The files logout edits: the one named, else every writable file of the search path.
QStringList filesToEdit(const CredentialStore &store, const QString &file)
{
    if (!file.isEmpty())
        return {file};
    return store.searchPaths();
}

} // namespace

Result<QString> CredentialStore::erase(const QString &key, const QString &file, const CancelToken &cancel) const
{
    auto k = checkKey(key);
    if (!k)
        return fail(k.error());
    const QString host = hostOf(*k);
    // Every file is read before anything changes: a broken one stops the logout with nothing removed.
    QList<AuthFile> files;
    for (const QString &path : filesToEdit(*this, file)) {
        auto f = AuthFile::load(path, authsources::isLegacyFile(path));
        if (!f)
            return fail(f.error());
        if (f->exists())
            files.append(*f);
    }
    QStringList removedFrom;
    QStringList legacyLeft;
    for (AuthFile &f : files) {
        if (authsources::isLegacyFile(f.path())) {
            if (f.entry(*k))
                legacyLeft << f.path();
            continue;
        }
        const QString helper = f.helperFor(host);
        if (!helper.isEmpty()) {
            bool existed = false;
            if (auto s = CredentialHelper(helper).erase(CredentialHelper::serverUrlFor(*k), cancel, &existed); !s)
                return fail(s.error());
            if (existed)
                removedFrom << helperSource(f, host);
        }
        if (f.removeEntry(*k)) {
            if (auto s = f.save(); !s)
                return fail(s.error());
            removedFrom << f.path();
        }
    }
    removedFrom.removeDuplicates();
    if (removedFrom.isEmpty()) {
        if (!legacyLeft.isEmpty())
            return fail(ErrorCode::NotFound,
                        EngineText::tr("%1 is only in the legacy file %2, which Stevedore never writes: remove it there")
                            .arg(*k, legacyLeft.join(u", "_s)));
        return fail(ErrorCode::NotFound, EngineText::tr("not logged in to %1 (no entry in %2)")
                                             .arg(*k, filesToEdit(*this, file).join(u", "_s)));
    }
    return removedFrom.join(u", "_s);
}

Result<QStringList> CredentialStore::eraseAll(const QString &file, const CancelToken &cancel) const
{
    QList<AuthFile> files;
    for (const QString &path : filesToEdit(*this, file)) {
        if (authsources::isLegacyFile(path))
            continue;
        auto f = AuthFile::load(path);
        if (!f)
            return fail(f.error());
        if (f->exists())
            files.append(*f);
    }
    QStringList removed;
    for (AuthFile &f : files) {
        for (const AuthFileEntry &e : f.entries()) {
            const QString k = normaliseAuthKey(e.key);
            const QString helper = f.helperFor(hostOf(k));
            if (!helper.isEmpty())
                if (auto s = CredentialHelper(helper).erase(CredentialHelper::serverUrlFor(k), cancel); !s)
                    return fail(s.error());
        }
        const QStringList keys = f.removeAll();
        if (keys.isEmpty())
            continue;
        if (auto s = f.save(); !s)
            return fail(s.error());
        for (const QString &k : keys)
            removed << EngineText::tr("%1 (%2)").arg(k, f.path());
    }
    return removed;
}

} // namespace stevedore
