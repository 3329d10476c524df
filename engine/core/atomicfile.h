#pragma once

#include "error.h"

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace stevedore {

// Writes `data` to `path` through a temporary file in the same folder (QSaveFile) and renames it into place.
// `permissions`, when given, are set on the temporary file before the rename (e.g. 0600 for auth files).
Status writeFileAtomically(const QString &path, const QByteArray &data,
                           std::optional<QFileDevice::Permissions> permissions = std::nullopt);

// Reads a whole file, refusing anything larger than `maxSize` bytes.
Result<QByteArray> readFileLimited(const QString &path, qint64 maxSize);

} // namespace stevedore
