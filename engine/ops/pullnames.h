#pragma once

#include "core/error.h"
#include "transport/transportreference.h"

namespace stevedore {

// A registry location for a name given without a transport (`stevedore pull SOURCE`, `push IMAGE DESTINATION`, the
// window's Pull…): "quay.io/team/app:v1" is docker://quay.io/team/app:v1; a reference with a transport is kept as it is.
Result<TransportReference> registryLocation(const QString &text);

// The local store name an image is pulled to when none is given: its own name (without the digest when it has a
// tag); for a folder or an archive, its full name when the layout's ref is one, else localhost/FOLDER:REF.
Result<QString> defaultPullName(const TransportReference &source);

} // namespace stevedore
