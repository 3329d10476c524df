#pragma once

#include "descriptor.h"
#include "core/error.h"

#include <QStringList>

namespace stevedore {

// The platform values a manifest list may carry, as Go and the OCI image spec name them: GOOS for `os`, GOARCH for
// `architecture`, and the variants of arm (v5-v8), arm64 (v8, v8.0-v8.9, v9, v9.0-v9.5) and amd64 (the
// microarchitecture levels v1-v4). Other architectures take no variant.
const QStringList &knownOperatingSystems();
const QStringList &knownArchitectures();
// The variants `architecture` accepts (empty: none).
QStringList knownVariants(const QString &architecture);

// Checks each set field of `p` against the lists above; the error names the field, the value and the valid values
// ("unknown architecture "amd46": valid values are 386, amd64, ..."). An empty field is always valid.
Status checkPlatform(const Platform &p);

} // namespace stevedore
