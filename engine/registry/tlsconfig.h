#pragma once

#include "net/httpservice.h"

#include <QString>

#include <memory>

namespace stevedore {

// The TLS profile of a registry: the system CAs plus the *.crt files of its certificate folder, a client pair
// (NAME.cert + NAME.key) from it, and whether certificates are verified. The folder is `certDir` when given
// (--cert-dir; it must exist), else /etc/containers/certs.d/HOST and /etc/docker/certs.d/HOST where they exist.
struct RegistryTls {
    std::shared_ptr<const TlsProfile> profile;
    QString setupError; // a problem with the certificate folder, reported when the registry is first contacted
};
RegistryTls makeRegistryTls(const QString &host, const QString &certDir, bool insecure);

} // namespace stevedore
