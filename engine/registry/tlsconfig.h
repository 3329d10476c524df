#pragma once

#include "net/httpservice.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace stevedore {

// The TLS profile of a registry: the system CAs plus the *.crt files of its certificate folder, a client pair
// (NAME.cert + NAME.key) from it, and whether certificates are verified. The folder is `certDir` when given
// (--cert-dir; it must exist), else those of perHostCertDirs() that exist.
struct RegistryTls {
    std::shared_ptr<const TlsProfile> profile;
    QString setupError; // a problem with the certificate folder, reported when the registry is first contacted
};
RegistryTls makeRegistryTls(const QString &host, const QString &certDir, bool insecure);
// Where the certificates of `host` (HOST or HOST:PORT) are looked for when no folder is given, in this order:
// ~/.config/containers/certs.d/HOST, /etc/containers/certs.d/HOST, /etc/docker/certs.d/HOST.
QStringList perHostCertDirs(const QString &host);

} // namespace stevedore
