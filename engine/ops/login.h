#pragma once

#include "auth/credentials.h"
#include "core/cancel.h"
#include "core/error.h"
#include "transport/systemcontext.h"

#include <QFuture>
#include <QString>

namespace stevedore {

// What `stevedore login`, the credential manager's "Test login" and its "Add" use.
struct LoginRequest {
    QString key;             // REGISTRY[/NAMESPACE[/REPO]] as the user typed it (a scheme and /v1/, /v2/ allowed)
    Credentials credentials; // user + password, or an identity token
    SystemContext context;   // tlsVerify, certDir, idleTimeout; authFile is where the credentials are written
    QString file;            // where to store; empty: CredentialStore(context.authFile).defaultWriteFile()
    bool store = true;       // false: verify only ("Test login")
};

struct LoginOutcome {
    QString key;                    // normalised key stored
    QString registry;               // the host verified against
    QString storedIn;               // where the credentials went (empty when not stored)
    bool identityTokenKept = false; // the token server returned a refresh token: stored instead of the password
};

// Checks the credentials against the registry first (GET /v2/ with Basic, or a Bearer token round trip asking
// for an offline token), then stores them. A wrong password is an Unauthorized error naming the registry; nothing
// is written then. Blocking: call it from a worker thread, or use loginAsync.
Result<LoginOutcome> login(const LoginRequest &request, const CancelToken &cancel = {});
QFuture<Result<LoginOutcome>> loginAsync(const LoginRequest &request, const CancelToken &cancel = {});

// "host[/ns[/repo]]" from what the user typed; InvalidArgument for something that is not a registry key.
Result<QString> parseLoginKey(const QString &text);

} // namespace stevedore
