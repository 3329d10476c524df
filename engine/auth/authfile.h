#pragma once

#include "auth/credentials.h"
#include "core/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace stevedore {

// docker.io, index.docker.io and registry-1.docker.io are one registry: "docker.io". Other hosts unchanged.
QString normaliseRegistryHost(const QString &host);
// An auth-file key in matching form "host[/namespace[/repo]]": no scheme, no trailing "/", "/v1/" or "/v2/", the
// docker.io spellings folded ("https://index.docker.io/v1/" -> "docker.io").
QString normaliseAuthKey(const QString &key);
// The keys an image HOST/REPO may use, most specific first: host/a/b, host/a, host.
QStringList candidateAuthKeys(const QString &host, const QString &repository);

// "line 3, column 7" for a byte offset into `data` (JSON parse errors of auth files and pull secrets).
QString textPosition(const QByteArray &data, qsizetype offset);

struct AuthFileEntry {
    QString key;             // as written in the file
    Credentials credentials; // decoded "auth" or "username"/"password", plus "identitytoken"; empty for a marker
};

// One containers-auth.json / docker config.json file as a document: read, edited, written back.
// Reading is strict (a file that does not parse is an AuthFileInvalid error naming the path and line:column) and
// writing keeps every key it does not own: other entries, "credHelpers", "credsStore", unknown top-level keys and
// unknown fields of an entry. (Qt's JSON writes keys sorted: the original order is not kept.)
class AuthFile final
{
public:
    // A missing file loads as an empty document (exists() is false). `legacy`: the ~/.dockercfg format, whose
    // top level is the "auths" object itself.
    static Result<AuthFile> load(const QString &path, bool legacy = false);

    const QString &path() const { return m_path; }
    bool exists() const { return m_exists; }

    QList<AuthFileEntry> entries() const; // the "auths" entries in the file's order, keys as written
    std::optional<AuthFileEntry> entry(const QString &key) const; // by normalised key
    QString credsStore() const;
    QList<std::pair<QString, QString>> credHelpers() const; // registry key as written -> helper name
    // The helper that holds credentials for `host` per this file: credHelpers[host], else credsStore, else empty.
    QString helperFor(const QString &host) const;

    // Adds or replaces the entry for `key` (every spelling normalising to the same key is replaced, the new one
    // written under `key`). Writes "auth" (base64 user:password) and "identitytoken" when set.
    void setEntry(const QString &key, const Credentials &credentials);
    // Records `key` as held by a helper: an empty entry, as docker does with credsStore.
    void setMarker(const QString &key);
    bool removeEntry(const QString &key); // every spelling; false when there was none
    QStringList removeAll();              // every "auths" entry; returns the keys removed

    // Atomic: a temporary file in the same folder, fsync, rename; mode 0600, a created folder 0700; a symlinked
    // file is written through to its target. Refuses to write a legacy file.
    Status save() const;

private:
    QString m_path;
    bool m_exists = false;
    bool m_legacy = false;
    QJsonObject m_root;
};

} // namespace stevedore
