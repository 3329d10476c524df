#pragma once

#include "compress/compression.h"
#include "content/conversion.h"
#include "content/descriptor.h"

#include <QString>

#include <optional>

namespace stevedore {

struct CopyOptions {
    bool all = false;                  // --all: every platform of an index; else only `platform`
    std::optional<Platform> platform;  // nullopt: Platform::host()
    QString digestFile;                // --digestfile: the written top-level manifest digest is written here
    // Layer compression: nullopt = the destination's choice (registries gzip uncompressed layers, the others keep
    // layers as they are); None = decompress (-D); Gzip/Zstd = (re)compress every layer that is not in that format.
    std::optional<Compression> compression;
    int compressionLevel = -1;         // -1: the format's default
    std::optional<ManifestFamily> manifestFormat; // --format: oci or v2s2; nullopt: keep (convert only when needed)
    bool removeSignatures = false;     // --remove-signatures: do not copy signatures
};

} // namespace stevedore
