#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QUrl>

namespace stevedore {

// Decides, for every URL a registry client is about to contact, whether it may be contacted and with which
// credentials. It is consulted for redirect targets, upload Locations (POST, PATCH and status answers), mount
// answers, pagination Links, token realms and their redirects, and layer URLs — every URL a server hands back.
//
//  - Only http and https URLs are followed (file:, ftp:, data:, ... are refused).
//  - An https registry never continues over http, whatever the URL is for, unless the registry was explicitly
//    marked insecure (--tls-verify=false).
//  - The registry's credentials and tokens go only to the registry's exact origin (scheme, host and port): any
//    other host or port is contacted without them.
//  - The token realm gets the registry's credentials (as docker does) only over https, unless insecure; the
//    realm's own redirects keep them only on the realm's exact origin.
//  - A relative URL resolves against the URL of the request that returned it.
class UrlPolicy final
{
public:
    enum class Purpose { Redirect, UploadLocation, NextPage, TokenRealm, LayerUrl };

    UrlPolicy() = default;
    // `registry`: the registry's base URL once its scheme is known ("https://host:port").
    UrlPolicy(QUrl registry, bool insecure);

    const QUrl &registry() const { return m_registry; }
    bool insecure() const { return m_insecure; }

    // Resolves `target` (a header value, possibly relative) against `base`, the URL of the answer that carried it,
    // then check()s it.
    Result<QUrl> resolve(const QUrl &base, const QByteArray &target, Purpose purpose) const;
    // Whether `url`, handed back by the server while talking to `from`, may be contacted at all.
    Status check(const QUrl &from, const QUrl &url, Purpose purpose) const;

    // The registry's own credentials (Basic, Bearer token) may be sent to `url`.
    bool mayCarryRegistryCredentials(const QUrl &url) const;
    // The user's credentials may be sent to a token endpoint at `url` (the realm `realm`, or a redirect of it).
    bool mayCarryRealmCredentials(const QUrl &url, const QUrl &realm) const;

    // Same scheme, host (case-insensitive) and port (80/443 when none is given).
    static bool sameOrigin(const QUrl &a, const QUrl &b);

private:
    QUrl m_registry;
    bool m_insecure = false;
};

} // namespace stevedore
