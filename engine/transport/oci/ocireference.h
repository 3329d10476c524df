#pragma once

#include <QString>

namespace stevedore {

// The OCI image layout's org.opencontainers.image.ref.name grammar: the tag characters plus '/', ':', '@', '+'.
bool isValidOciRefName(const QString &ref);

} // namespace stevedore
