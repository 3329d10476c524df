#pragma once

#include "transport/imagedestination.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <memory>

namespace stevedore {

class RegistryClient;

// docker://host/repo[:tag|@digest] through the registry client (engine/registry). Credentials: --creds
// (SystemContext::credentials) win, else the auth files (CredentialStore). --tls-verify=false marks the registry
// insecure; --cert-dir replaces certs.d.
Result<std::unique_ptr<ImageSource>> openDockerImageSource(const TransportReference &ref, const SystemContext &ctx);
Result<std::unique_ptr<ImageDestination>> openDockerImageDestination(const TransportReference &ref,
                                                                     const SystemContext &ctx);

// The client a docker:// reference is reached with (credentials resolved as above). `push`: ask for push scopes.
Result<std::shared_ptr<RegistryClient>> makeRegistryClient(const ImageReference &image, const SystemContext &ctx, bool push);
// The same for a registry `host` ("localhost:5000", normalised as ImageReference::domain()) and a repository path
// ("team/app"; empty: the credentials of the host itself, as for the catalog).
Result<std::shared_ptr<RegistryClient>> makeRegistryClient(const QString &host, const QString &repository,
                                                           const SystemContext &ctx, bool push);

inline constexpr QLatin1StringView kDockerTransportName{"docker"};

} // namespace stevedore
