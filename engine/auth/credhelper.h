#pragma once

#include "auth/credentials.h"
#include "core/cancel.h"
#include "core/error.h"

#include <QMap>
#include <QString>

#include <chrono>
#include <optional>

namespace stevedore {

// The docker-credential-<name> protocol: one process per call, found in PATH, run without a shell; the request on
// stdin, the answer on stdout (stderr is never read: it may hold a secret). Each call is bounded in time (30 s by
// default, $STEVEDORE_CREDENTIAL_HELPER_TIMEOUT in seconds overrides) and in output, and is killed on cancel.
// Blocking: call it from a worker thread. Errors name the helper, never a secret.
class CredentialHelper final
{
public:
    explicit CredentialHelper(QString name);

    const QString &name() const { return m_name; }
    QString program() const; // "docker-credential-<name>"

    // The server name helpers know Docker Hub by ("https://index.docker.io/v1/"); other keys unchanged.
    static QString serverUrlFor(const QString &normalisedKey);

    // nullopt: the helper holds nothing for `serverUrl`. A "<token>" user name is returned as an identity token.
    Result<std::optional<Credentials>> get(const QString &serverUrl, const CancelToken &cancel = {}) const;
    Status store(const QString &serverUrl, const Credentials &credentials, const CancelToken &cancel = {}) const;
    // Succeeds when there was nothing to erase, too (`existed` tells which, when given).
    Status erase(const QString &serverUrl, const CancelToken &cancel = {}, bool *existed = nullptr) const;
    // Server URL -> user name, for every entry the helper holds. Never secrets.
    Result<QMap<QString, QString>> list(const CancelToken &cancel = {}) const;

private:
    QString m_name;
};

} // namespace stevedore
