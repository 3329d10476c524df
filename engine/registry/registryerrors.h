#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>

#include <chrono>

namespace stevedore {

// Maps a registry answer (status, JSON error body) to an Error: distribution codes, temporary for 408/429/5xx,
// Retry-After into Error::retryAfter. Text from the server is sanitised (no control characters or escape sequences)
// and scrubbed of secrets before it becomes part of the message.
Error registryHttpError(int status, const QByteArray &body, const QByteArray &retryAfter, const QString &context);

// Retry-After as seconds or an HTTP date; -1 when absent or invalid; at most an hour.
std::chrono::milliseconds parseRetryAfter(const QByteArray &value);

} // namespace stevedore
