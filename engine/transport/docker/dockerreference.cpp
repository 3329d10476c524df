// docker://HOST/REPOSITORY[:TAG][@DIGEST] — the Docker reference grammar (reference/imagereference.h).
#include "transport/transportreference.h"

namespace stevedore {

Status parseDockerReference(TransportReference &r)
{
    if (!r.details.startsWith(QLatin1String("//")))
        return invalidLocation(r.transport + QLatin1Char(':') + r.details,
                               EngineText::tr("docker references start with \"docker://\""));
    auto image = ImageReference::parse(r.details.mid(2));
    if (!image)
        return fail(image.error());
    r.image = *image;
    return {};
}

} // namespace stevedore
