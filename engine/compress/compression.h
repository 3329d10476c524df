#pragma once

#include <QByteArray>
#include <QString>

namespace stevedore {

// The compression of a blob, as found by its first bytes.
enum class Compression { None, Gzip, Zstd, Bzip2, Xz };

// Bytes needed by detectCompression() to recognise every format.
inline constexpr int kCompressionMagicSize = 6;

// Detects the compression from a blob's first bytes by magic number: gzip 1f 8b, zstd 28 b5 2f fd,
// bzip2 "BZh", xz fd "7zXZ" 00. Anything else (or too few bytes) is Compression::None.
Compression detectCompression(const char *data, qint64 size);
inline Compression detectCompression(const QByteArray &head) { return detectCompression(head.constData(), head.size()); }

// "none", "gzip", "zstd", "bzip2", "xz".
QString compressionName(Compression c);

// The compression a layer media type declares (None for uncompressed and non-layer types).
Compression compressionOfMediaType(const QString &mediaType);

} // namespace stevedore
