// dir:PATH — a folder holding one image.
#include "transport/transportreference.h"

namespace stevedore {

Status parseDirReference(TransportReference &r)
{
    r.path = r.details;
    return {};
}

} // namespace stevedore
