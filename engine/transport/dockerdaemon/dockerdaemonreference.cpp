// docker-daemon:NAME[:TAG] | docker-daemon:sha256:ID — an image of a Docker (or podman) Engine API service.
#include "transport/transportreference.h"

namespace stevedore {

Status parseDockerDaemonReference(TransportReference &r)
{
    if (r.details.startsWith(QLatin1String("sha256:"))) {
        auto d = Digest::parse(r.details);
        if (!d)
            return invalidLocation(r.toString(), d.error().message);
        r.digest = *d;
        return {};
    }
    auto image = ImageReference::parse(r.details);
    if (!image)
        return fail(image.error());
    r.image = *image;
    return {};
}

} // namespace stevedore
