// oci-archive:PATH[:REF] — a tar of an OCI image layout; REF as in oci:.
#include "transport/oci/ocireference.h"
#include "transport/transportreference.h"

namespace stevedore {

Status parseOciArchiveReference(TransportReference &r)
{
    splitPathAndRef(r.details, r.path, r.pathRef);
    if (r.path.isEmpty())
        return invalidLocation(r.toString(), EngineText::tr("the path is empty"));
    if (!r.pathRef.isEmpty() && !isValidOciRefName(r.pathRef))
        return invalidLocation(r.toString(),
                               EngineText::tr("\"%1\" is not a valid image layout reference name").arg(r.pathRef.left(140)));
    return {};
}

} // namespace stevedore
