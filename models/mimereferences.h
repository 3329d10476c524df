#pragma once

#include <QString>
#include <QStringList>

class QMimeData;

namespace stevedore::models {

// The image references a drop carries: an OCI layout folder -> "oci:PATH", a docker-archive-like folder with
// manifest.json -> "dir:PATH", any other file -> an archive (archiveTransportOf: "oci-archive:PATH" or
// "docker-archive:PATH"; what the archive holds is read later, off the GUI thread), any other URL as written; or,
// for text, one reference a line (lines with spaces are skipped). Used by the manifest list model and the push queue
// alike.
QStringList referencesFromMime(const QMimeData *mime);

// "oci-archive" or "docker-archive", from the name of the archive's first member (its first header only: a few KiB
// read, even of a compressed archive). A file that is no tar answers "oci-archive".
QString archiveTransportOf(const QString &path);

} // namespace stevedore::models
