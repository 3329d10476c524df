#pragma once

#include "content/descriptor.h"

#include <QString>

#include <optional>

namespace stevedore {

struct CopyOptions {
    bool all = false;                  // --all: every platform of an index; else only `platform`
    std::optional<Platform> platform;  // nullopt: Platform::host()
    QString digestFile;                // --digestfile: the pushed top-level manifest digest is written here
    int compressionLevel = -1;         // -1: the compressor's default
};

} // namespace stevedore
