#pragma once

#include "reference/transportreference.h"
#include "transport/systemcontext.h"
#include "transport/types.h"

#include <memory>

namespace stevedore {

// docker://host/repo[:tag|@digest] through the registry client (engine/registry). Credentials: --creds
// (SystemContext::credentials) win, else the auth files (CredentialStore). --tls-verify=false marks the
// registry insecure; --cert-dir replaces certs.d.
Result<std::unique_ptr<ImageSource>> openDockerImageSource(const TransportReference &ref, const SystemContext &ctx);
Result<std::unique_ptr<ImageDestination>> openDockerImageDestination(const TransportReference &ref,
                                                                     const SystemContext &ctx);

} // namespace stevedore
