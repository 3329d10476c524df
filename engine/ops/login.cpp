// login: verify credentials against the registry, then store them where the auth files say.
#include "login.h"

#include "auth/authfile.h"
#include "core/logging.h"
#include "core/threadpools.h"
#include "registry/registryclient.h"

#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace stevedore {

Result<QString> parseLoginKey(const QString &text)
{
    const QString key = normaliseAuthKey(text);
    auto bad = [&](const QString &why) {
        return fail(ErrorCode::InvalidArgument,
                    EngineText::tr("\"%1\" is not a registry key (REGISTRY[/NAMESPACE[/REPO]]): %2").arg(text, why));
    };
    if (key.isEmpty())
        return bad(EngineText::tr("it is empty"));
    if (key.contains(u'@'))
        return bad(EngineText::tr("a key has no digest"));
    const QString host = key.section(u'/', 0, 0);
    static const QRegularExpression hostRe(
        uR"(^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)(:[0-9]{1,5})?$)"_s);
    if (!hostRe.match(host).hasMatch())
        return bad(EngineText::tr("\"%1\" is not a host name").arg(host));
    static const QRegularExpression componentRe(uR"(^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*$)"_s);
    const QStringList parts = key.section(u'/', 1).split(u'/', Qt::KeepEmptyParts);
    if (key.contains(u'/')) {
        for (const QString &part : parts) {
            if (!componentRe.match(part).hasMatch())
                return bad(part.contains(u':') ? EngineText::tr("a key has no tag")
                                               : EngineText::tr("\"%1\" is not a repository name component").arg(part));
        }
    }
    return key;
}

Result<LoginOutcome> login(const LoginRequest &request, const CancelToken &cancel)
{
    auto key = parseLoginKey(request.key);
    if (!key)
        return fail(key.error());
    const Credentials &given = request.credentials;
    if (given.identityToken.isEmpty() && (given.username.isEmpty() || given.password.isEmpty()))
        return fail(ErrorCode::CredentialsMissing, EngineText::tr("a user name and a password are needed to log in to %1").arg(*key));
    LoginOutcome out;
    out.key = *key;
    out.registry = key->section(u'/', 0, 0);

    RegistryConfig config;
    config.host = out.registry;
    config.insecure = request.context.tlsVerify.has_value() && !*request.context.tlsVerify;
    config.certDir = request.context.certDir;
    config.idleTimeout = request.context.idleTimeout;
    config.credentials = given;
    auto client = std::make_shared<RegistryClient>(config);
    auto refresh = client->verifyLogin(cancel);
    if (!refresh)
        return fail(refresh.error());
    qCDebug(lcAuth) << "credentials accepted by" << out.registry;

    Credentials toStore = given;
    if (!refresh->isEmpty()) {
        // The token server gave a refresh token: keep it, not the password.
        toStore.identityToken = *refresh;
        toStore.password.clear();
        out.identityTokenKept = true;
    }
    if (request.store) {
        auto where = CredentialStore(request.context.authFile).store(out.key, toStore, request.file, cancel);
        if (!where)
            return fail(where.error());
        out.storedIn = *where;
    }
    return out;
}

QFuture<Result<LoginOutcome>> loginAsync(const LoginRequest &request, const CancelToken &cancel)
{
    return QtConcurrent::run(pools::io(), [request, cancel]() { return login(request, cancel); });
}

} // namespace stevedore
