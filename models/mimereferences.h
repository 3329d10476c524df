#pragma once

#include <QStringList>

class QMimeData;

namespace stevedore::models {

// The image references a drop carries: an OCI layout folder -> "oci:PATH", a docker-archive-like folder with
// manifest.json -> "dir:PATH", any other file -> "oci-archive:PATH" (the archive transport; what the file holds is
// read later, off the GUI thread), any other URL as written; or, for text, one reference a line (lines with spaces are
// skipped). Used by the manifest list model and the push queue alike.
QStringList referencesFromMime(const QMimeData *mime);

} // namespace stevedore::models
