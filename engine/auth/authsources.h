#pragma once
// Internal to engine/auth: the auth files of a search path, loaded, shared by lookup, list and the writers.

#include "auth/authfile.h"
#include "auth/credentials.h"

#include <QList>
#include <QString>

namespace stevedore::authsources {

// The registry of a normalised key: "quay.io" for "quay.io/team/app".
QString hostOf(const QString &normalisedKey);

// ~/.dockercfg: its top level is the "auths" object itself; read, never written.
bool isLegacyFile(const QString &path);

// The credentials a helper holds for an image, asked for its candidate keys most specific first.
struct HelperHit {
    Credentials credentials;
    QString key; // the candidate key the helper answered for
};
Result<std::optional<HelperHit>> askHelper(const QString &helper, const QStringList &candidates,
                                           const CancelToken &cancel);

// The entry a helper hit or an auths entry becomes in listings and resolutions.
CredentialEntry fileEntry(const QString &file, int fileIndex, const QString &writtenKey, const Credentials &c);
CredentialEntry helperEntry(const QString &file, int fileIndex, const QString &helper, bool perRegistry,
                            const QString &writtenKey, const QString &username);

// Why each entry of `listing` other than r.winner does not serve r.host/r.repository.
QList<CredentialResolution::Other> explainOthers(const CredentialResolution &r, const CredentialListing &listing);

} // namespace stevedore::authsources
