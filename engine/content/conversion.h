#pragma once

#include "compress/compression.h"
#include "manifest.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace stevedore {

// Manifest and config conversion, used by the copy pipeline when a destination does not store the source's format
// or when layers changed on the way (compressed, recompressed).

enum class ManifestFamily { Oci, Docker };

std::optional<ManifestFamily> familyOf(const QString &manifestOrIndexType);
QString imageManifestType(ManifestFamily family); // OCI image manifest / Docker v2s2
QString indexType(ManifestFamily family);         // OCI image index / Docker manifest list

// The media type of a layer with `compression` in `family`, keeping it non-distributable (foreign) when it was.
// Fails when the family has no such type (Docker v2s2 has no zstd layers).
Result<QString> layerMediaTypeFor(const QString &layerType, Compression compression, ManifestFamily family);

// Which family a copy writes: `forced` when given (--format), else the source's when the destination stores it
// (`destinationTypes` empty: any), else the first family the destination stores. `zstdLayers`: some layer will be
// zstd-compressed, which only OCI can express.
Result<ManifestFamily> chooseManifestFamily(const QString &sourceType, const QStringList &destinationTypes,
                                            std::optional<ManifestFamily> forced, bool zstdLayers);

// An image manifest with its layers replaced (media type, digest, size; other fields kept) and converted to
// `family` (config and layer media types mapped; Docker v2s2 has no annotations, so they are dropped; artifacts and
// manifests with a subject cannot become Docker manifests). Returns the bytes unchanged when nothing changes.
Result<RawManifest> updateImageManifest(const RawManifest &manifest, const QList<Descriptor> &layers, ManifestFamily family);

// An index with the entries whose digest is a key of `replacements` given that entry's media type, digest and size
// (platforms and annotations kept), converted to `family`. Returns the bytes unchanged when nothing changes.
Result<RawManifest> updateIndex(const RawManifest &index, const QHash<Digest, Descriptor> &replacements,
                                ManifestFamily family);

// The older byte-level helpers, kept for their callers: layer i replaced by `layers[i]`; index entries replaced.
Result<QByteArray> rewriteManifestLayers(const RawManifest &manifest, const QList<Descriptor> &layers);
Result<QByteArray> rewriteIndexEntries(const RawManifest &index, const QHash<Digest, Descriptor> &replacements);

} // namespace stevedore
