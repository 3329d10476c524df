#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace stevedore {

// One challenge of a WWW-Authenticate header: `Bearer realm="...",service="...",scope="..."`.
struct AuthChallenge {
    QString scheme;                 // lower case: "basic", "bearer"
    QMap<QString, QString> params;  // keys lower case
};
// Parses every challenge of a header value (several may be joined by commas; quoted values may hold commas).
QList<AuthChallenge> parseAuthChallenges(const QByteArray &header);
// The challenge a client answers: Bearer when offered, else Basic; nullopt for neither.
std::optional<AuthChallenge> preferredChallenge(const QList<AuthChallenge> &challenges);

} // namespace stevedore
