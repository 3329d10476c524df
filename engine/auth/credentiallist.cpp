// CredentialStore::list: every credential of the search path and its helpers, with what shadows what; and the
// reasons a resolution gives for the entries it did not use.
#include "credentials.h"

#include "authsources.h"
#include "credhelper.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;
using stevedore::authsources::hostOf;

namespace stevedore {

namespace {

// Order of the sources within one file: credHelpers, auths, credsStore.
int phase(const CredentialEntry &e)
{
    if (e.kind == CredentialEntry::Kind::File)
        return 1;
    return e.perRegistryHelper ? 0 : 2;
}

// `outer` serves every image `inner` could serve: the same key, or a less specific one.
bool keyCovers(const QString &outer, const QString &inner)
{
    return inner == outer || inner.startsWith(outer + u'/');
}

bool sameEntry(const CredentialEntry &a, const CredentialEntry &b)
{
    return a.kind == b.kind && a.file == b.file && a.helper == b.helper && a.key == b.key;
}

QString describe(const CredentialEntry &e)
{
    return EngineText::tr("%1 in %2").arg(e.writtenKey, e.source());
}

} // namespace

Result<CredentialListing> CredentialStore::list(const CancelToken &cancel) const
{
    CredentialListing out;
    out.searchPaths = searchPaths();
    QHash<QString, Result<QMap<QString, QString>>> helperLists; // one `list` per helper per call
    auto listOf = [&](const QString &helper) -> const Result<QMap<QString, QString>> & {
        auto it = helperLists.find(helper);
        if (it == helperLists.end())
            it = helperLists.insert(helper, CredentialHelper(helper).list(cancel));
        return *it;
    };
    QSet<QString> reported; // helpers whose failure is already in `problems`
    QList<QSet<QString>> helperHosts; // per file: the hosts its credHelpers name
    for (int i = 0; i < out.searchPaths.size(); ++i) {
        const QString &path = out.searchPaths[i];
        helperHosts.append(QSet<QString>());
        auto file = AuthFile::load(path, authsources::isLegacyFile(path));
        if (!file) {
            out.problems.append(file.error());
            continue;
        }
        if (!file->exists())
            continue;
        for (const auto &[key, helper] : file->credHelpers()) {
            const QString host = normaliseAuthKey(key);
            helperHosts[i].insert(host);
            const auto &listed = listOf(helper);
            if (!listed) {
                if (!reported.contains(helper))
                    out.problems.append(listed.error());
                reported.insert(helper);
                continue;
            }
            for (auto it = listed->begin(); it != listed->end(); ++it)
                if (hostOf(normaliseAuthKey(it.key())) == host)
                    out.entries.append(authsources::helperEntry(path, i, helper, true, it.key(), it.value()));
        }
        for (const AuthFileEntry &e : file->entries())
            if (!e.credentials.isEmpty())
                out.entries.append(authsources::fileEntry(path, i, e.key, e.credentials));
        const QString store = file->credsStore();
        if (!store.isEmpty()) {
            const auto &listed = listOf(store);
            if (!listed) {
                if (!reported.contains(store))
                    out.problems.append(listed.error());
                reported.insert(store);
                continue;
            }
            for (auto it = listed->begin(); it != listed->end(); ++it)
                if (!helperHosts[i].contains(hostOf(normaliseAuthKey(it.key()))))
                    out.entries.append(authsources::helperEntry(path, i, store, false, it.key(), it.value()));
        }
    }
    // Shadowing: an entry none of whose images can reach it.
    for (int n = 0; n < out.entries.size(); ++n) {
        CredentialEntry &e = out.entries[n];
        const QString host = hostOf(e.key);
        if (e.kind == CredentialEntry::Kind::File || !e.perRegistryHelper) {
            if (helperHosts.value(e.fileIndex).contains(host)) {
                e.shadowedBy = EngineText::tr("credHelpers in %1 (names a helper for %2)").arg(e.file, host);
                continue;
            }
        }
        for (int m = 0; m < n; ++m) {
            const CredentialEntry &o = out.entries[m];
            if (hostOf(o.key) != host)
                continue;
            const bool earlier = o.fileIndex < e.fileIndex || (o.fileIndex == e.fileIndex && phase(o) < phase(e));
            const bool duplicate = o.fileIndex == e.fileIndex && phase(o) == phase(e) && o.key == e.key;
            if ((earlier && keyCovers(o.key, e.key)) || duplicate) {
                e.shadowedBy = describe(o);
                break;
            }
        }
    }
    return out;
}

namespace authsources {

QList<CredentialResolution::Other> explainOthers(const CredentialResolution &r, const CredentialListing &listing)
{
    QList<CredentialResolution::Other> out;
    for (const CredentialEntry &e : listing.entries) {
        if (hostOf(e.key) != r.host)
            continue;
        if (r.winner && sameEntry(e, *r.winner))
            continue;
        QString why;
        if (!r.candidateKeys.contains(e.key)) {
            why = EngineText::tr("its key does not cover %1 (it serves %2 and what is under it)")
                      .arg(r.repository.isEmpty() ? r.host : r.host + u'/' + r.repository, e.key);
        } else if (!r.winner) {
            why = EngineText::tr("the source gave no credentials for it when asked");
        } else {
            const CredentialEntry &w = *r.winner;
            if (e.fileIndex > w.fileIndex)
                why = EngineText::tr("%1 comes earlier in the search order").arg(w.file);
            else if (e.fileIndex < w.fileIndex)
                why = EngineText::tr("the source gave no credentials for it when asked");
            else if (w.perRegistryHelper && !e.perRegistryHelper)
                why = EngineText::tr("%1 names a credential helper for %2 (credHelpers), used instead").arg(w.file, r.host);
            else if (w.key == e.key)
                why = EngineText::tr("another spelling of the same key, %1, comes first").arg(w.writtenKey);
            else if (phase(w) < phase(e) && !keyCovers(e.key, w.key))
                why = EngineText::tr("the entries under \"auths\" are tried before the credsStore helper");
            else
                why = EngineText::tr("less specific than %1").arg(w.key);
        }
        out.append({e, why});
    }
    return out;
}

} // namespace authsources

QString CredentialResolution::explanation() const
{
    const QString image = repository.isEmpty() ? host : host + u'/' + repository;
    QString t = EngineText::tr("Image: %1").arg(image) + u'\n';
    t += EngineText::tr("Keys tried, most specific first: %1").arg(candidateKeys.join(u", "_s)) + u'\n';
    auto user = [](const CredentialEntry &e) {
        return e.identityToken ? EngineText::tr("an identity token") : EngineText::tr("user %1").arg(e.username);
    };
    if (winner)
        t += EngineText::tr("Uses: %1 (%2) from %3").arg(winner->writtenKey, user(*winner), winner->source()) + u'\n';
    else
        t += EngineText::tr("Uses: no credentials (anonymous access): no entry matches") + u'\n';
    if (!others.isEmpty()) {
        t += EngineText::tr("Not used:") + u'\n';
        for (const Other &o : others)
            t += u"  "_s + EngineText::tr("%1 (%2) from %3: %4").arg(o.entry.writtenKey, user(o.entry), o.entry.source(), o.reason)
                 + u'\n';
    }
    return t;
}

} // namespace stevedore
