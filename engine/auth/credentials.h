#pragma once

#include "core/cancel.h"
#include "core/error.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace stevedore {

// Credentials for one registry. Never logged: use redact()/describe() for anything user-visible.
struct Credentials {
    QString username;
    QString password;
    QString identityToken; // OAuth2 refresh token ("identitytoken" in auth files); used instead of the password

    bool isEmpty() const { return username.isEmpty() && password.isEmpty() && identityToken.isEmpty(); }
    // Parses --creds "user[:password]"; the password may be empty (then the caller prompts).
    static Result<Credentials> parseCredsOption(const QString &text);
};

// Where credentials were found, for messages ("from /root/.docker/config.json key quay.io").
struct CredentialMatch {
    Credentials credentials;
    QString source;  // the file path or "credential helper docker-credential-X"
    QString key;     // the matched key, e.g. "quay.io/repository-main"
};

// Reads registry credentials (reading only) from auth files:
//   authFile given (--authfile or REGISTRY_AUTH_FILE): only that file;
//   else $XDG_RUNTIME_DIR/containers/auth.json, $XDG_CONFIG_HOME/containers/auth.json
//   (default ~/.config), $DOCKER_CONFIG/config.json (default ~/.docker/config.json), in that order.
// Within a file, keys are matched most specific first: host/ns/repo, then host/ns, then host; legacy keys
// such as "https://index.docker.io/v1/" match their host. credHelpers/credsStore run
// docker-credential-<name> get. The first file with a match wins.
class CredentialStore final
{
public:
    explicit CredentialStore(QString authFile = {});

    // The files consulted, in order (existing or not).
    QStringList searchPaths() const;

    // host: "quay.io", "localhost:5000"; repository: "ns/repo" (may be empty for host-only lookups).
    // nullopt when nothing matches; an error when a file exists but cannot be read or parsed.
    // A credential helper that is still running when `cancel` is cancelled is killed (the lookup fails Cancelled).
    Result<std::optional<CredentialMatch>> lookup(const QString &host, const QString &repository,
                                                  const CancelToken &cancel = {}) const;

private:
    QString m_authFile;
};

} // namespace stevedore
