#include "compression.h"

#include "content/mediatypes.h"

namespace stevedore {

Compression detectCompression(const char *data, qint64 size)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    if (size >= 2 && p[0] == 0x1f && p[1] == 0x8b)
        return Compression::Gzip;
    if (size >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd)
        return Compression::Zstd;
    if (size >= 3 && p[0] == 'B' && p[1] == 'Z' && p[2] == 'h')
        return Compression::Bzip2;
    if (size >= 6 && p[0] == 0xfd && p[1] == '7' && p[2] == 'z' && p[3] == 'X' && p[4] == 'Z' && p[5] == 0x00)
        return Compression::Xz;
    return Compression::None;
}

QString compressionName(Compression c)
{
    switch (c) {
    case Compression::None: return QStringLiteral("none");
    case Compression::Gzip: return QStringLiteral("gzip");
    case Compression::Zstd: return QStringLiteral("zstd");
    case Compression::Bzip2: return QStringLiteral("bzip2");
    case Compression::Xz: return QStringLiteral("xz");
    }
    return {};
}

Compression compressionOfMediaType(const QString &mediaType)
{
    if (mediatype::isGzipLayer(mediaType))
        return Compression::Gzip;
    if (mediatype::isZstdLayer(mediaType))
        return Compression::Zstd;
    return Compression::None;
}

} // namespace stevedore
