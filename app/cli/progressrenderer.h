#pragma once

#include "core/error.h"
#include "core/progress.h"

#include <QString>

#include <cstdio>
#include <memory>
#include <optional>

namespace stevedore::cli {

enum class ProgressMode { Auto, Tty, Plain, Json, Quiet };

Result<ProgressMode> parseProgressMode(const QString &text);

// Draws a job's throttled progress signal (ProgressSnapshot = the changes since the previous tick).
class ProgressRenderer
{
public:
    virtual ~ProgressRenderer() = default;
    virtual void begin(const QString &source, const QString &destination) = 0;
    virtual void update(const ProgressSnapshot &changes) = 0;
    // ok: digest is the written top-level manifest; else error says why.
    virtual void finish(const QString &digest, const std::optional<Error> &error) = 0;
};

// Auto resolves to Tty when `out` is a terminal, else Plain. Quiet draws nothing.
std::unique_ptr<ProgressRenderer> makeProgressRenderer(ProgressMode mode, std::FILE *out);

QString formatBytes(qint64 bytes);

} // namespace stevedore::cli
