#pragma once

#include "core/cancel.h"
#include "core/error.h"

#include <QFuture>
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

// One credential as found in a source, never with its secret.
struct CredentialEntry {
    enum class Kind { File, Helper };
    QString key;             // normalised: "host[/namespace[/repo]]"
    QString writtenKey;      // as written in the file, or as the helper lists it
    QString username;        // empty for an identity token
    bool identityToken = false;
    Kind kind = Kind::File;
    QString file;            // the auth file holding the entry, or naming the helper
    QString helper;          // Kind::Helper: the helper's name ("pass")
    bool perRegistryHelper = false; // Kind::Helper: named by "credHelpers" (else by "credsStore")
    int fileIndex = 0;       // position of `file` in searchPaths()
    QString shadowedBy;      // empty, or what wins over this entry for every image it could serve (source() + key)
    QString source() const;  // "/home/u/.docker/config.json" or "docker-credential-pass (credsStore in /home/...)"
};

// Everything the auth files and their helpers hold. A source that fails (a file that does not parse, a helper
// that is missing or fails) is reported in `problems` and the others are still listed.
struct CredentialListing {
    QStringList searchPaths;
    QList<CredentialEntry> entries; // in resolution order: file order, then credHelpers, auths, credsStore
    QList<Error> problems;
};

// Which entry a push or pull of HOST/REPO uses, and why the others lost.
struct CredentialResolution {
    struct Other {
        CredentialEntry entry;
        QString reason;       // "less specific than quay.io/team", "a later file", "does not match this image"
    };
    QString host;             // normalised
    QString repository;
    QStringList candidateKeys;             // most specific first
    std::optional<CredentialMatch> match;  // the credentials used (with secret); nullopt: anonymous
    std::optional<CredentialEntry> winner; // the entry `match` came from
    QList<Other> others;                   // every other entry for this registry
    QString explanation() const;           // several lines of text, for `auth resolve` and the GUI; no secret
};

// Reads and writes registry credentials: auth files and credential helpers.
// Files, in order: authFile given (--authfile or REGISTRY_AUTH_FILE): only that file; else
// $XDG_RUNTIME_DIR/containers/auth.json, $XDG_CONFIG_HOME/containers/auth.json (default ~/.config),
// $DOCKER_CONFIG/config.json (default ~/.docker/config.json), then the legacy ~/.dockercfg.
// The first file with a match wins. Within a file: credHelpers[host] first; then "auths" keys most specific first
// (host/ns/repo, host/ns, host; legacy spellings such as "https://index.docker.io/v1/" normalised); then the
// credsStore helper, asked for the most specific key it lists (or the host).
// Every call is blocking (it may run helpers): call it from a worker thread, or use the *Async forms.
class CredentialStore final
{
public:
    explicit CredentialStore(QString authFile = {});

    // The files consulted, in order (existing or not).
    QStringList searchPaths() const;
    // Where login and import write when no file is named: the --authfile / REGISTRY_AUTH_FILE file, else
    // $XDG_RUNTIME_DIR/containers/auth.json (as podman login), else $XDG_CONFIG_HOME/containers/auth.json.
    QString defaultWriteFile() const;

    // host: "quay.io", "localhost:5000"; repository: "ns/repo" (may be empty for host-only lookups).
    // nullopt when nothing matches; an error when a file exists but cannot be read or parsed, or a helper fails.
    // A credential helper that is still running when `cancel` is cancelled is killed (the lookup fails Cancelled).
    Result<std::optional<CredentialMatch>> lookup(const QString &host, const QString &repository,
                                                  const CancelToken &cancel = {}) const;
    // The same resolution as lookup(), with the reasons.
    Result<CredentialResolution> resolve(const QString &host, const QString &repository,
                                         const CancelToken &cancel = {}) const;
    Result<CredentialListing> list(const CancelToken &cancel = {}) const;

    // Stores credentials for `key` ("host[/ns[/repo]]", normalised here): in the helper that `file` (default:
    // defaultWriteFile()) configures for the host, else in `file` itself. Returns a description of where.
    Result<QString> store(const QString &key, const Credentials &credentials, const QString &file = {},
                          const CancelToken &cancel = {}) const;
    // Removes `key` from `file` (default: defaultWriteFile()) and from the helper it configures for the host.
    // NotFound when neither held it. Returns where it was removed from.
    Result<QString> erase(const QString &key, const QString &file = {}, const CancelToken &cancel = {}) const;
    // Removes every entry of `file` (and the helpers' copies of them). Returns the keys removed.
    Result<QStringList> eraseAll(const QString &file = {}, const CancelToken &cancel = {}) const;

    QFuture<Result<CredentialListing>> listAsync() const;
    QFuture<Result<CredentialResolution>> resolveAsync(const QString &host, const QString &repository) const;

private:
    QString m_authFile;
};

} // namespace stevedore
