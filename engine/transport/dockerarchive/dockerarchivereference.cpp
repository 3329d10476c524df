// docker-archive:PATH[:NAME:TAG|:@INDEX] — a `docker save` tar.
#include "transport/transportreference.h"

namespace stevedore {

Status parseDockerArchiveReference(TransportReference &r)
{
    splitPathAndRef(r.details, r.path, r.pathRef);
    if (r.path.isEmpty())
        return invalidLocation(r.toString(), EngineText::tr("the path is empty"));
    if (!r.pathRef.isEmpty() && !r.pathRef.startsWith(QLatin1Char('@'))) {
        auto image = ImageReference::parse(r.pathRef);
        if (!image)
            return fail(image.error());
        r.image = *image;
    }
    return {};
}

} // namespace stevedore
