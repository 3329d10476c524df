// sif:PATH — a Singularity image file.
#include "transport/transportreference.h"

namespace stevedore {

Status parseSifReference(TransportReference &r)
{
    r.path = r.details;
    return {};
}

} // namespace stevedore
