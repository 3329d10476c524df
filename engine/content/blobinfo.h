#pragma once

#include "compress/compression.h"
#include "content/descriptor.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace stevedore {

enum class BlobRole { Config, Layer };

// What a destination is told about a blob it is asked to reuse or about to receive (containers/image's BlobInfo).
// For a layer converted on the way (compressed, decompressed, recompressed) `digest` and `size` are unknown in
// advance (invalid / -1) and `compression` and `mediaType` describe the bytes that will arrive, not the source's.
struct BlobInfo {
    BlobRole role = BlobRole::Layer;
    int layerIndex = -1;                      // position in its manifest; -1 for a config
    QString mediaType;
    Digest digest;
    qint64 size = -1;
    Compression compression = Compression::None;
    std::optional<Digest> uncompressedDigest; // a layer's diff_id, when known
    QMap<QString, QString> annotations;
    QStringList urls;                         // non-distributable layers: where the bytes live

    bool isConfig() const { return role == BlobRole::Config; }
    static BlobInfo fromDescriptor(const Descriptor &d, BlobRole role, int layerIndex);
    // mediaType, digest, size, annotations, urls.
    Descriptor toDescriptor() const;
};

} // namespace stevedore
