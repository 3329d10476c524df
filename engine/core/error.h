#pragma once

#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <expected>
#include <type_traits>

namespace stevedore {

// Error codes. The first group mirrors the OCI distribution spec's error codes, the rest are ours.
enum class ErrorCode {
    // Registry (distribution spec) codes
    BlobUnknown,
    BlobUploadInvalid,
    BlobUploadUnknown,
    DigestInvalid,
    ManifestBlobUnknown,
    ManifestInvalid,
    ManifestUnknown,
    NameInvalid,
    NameUnknown,
    SizeInvalid,
    Unauthorized,
    Denied,
    Unsupported,
    TooManyRequests,
    // Ours
    InvalidReference,
    InvalidDigest,
    InvalidArgument,
    UnsupportedTransport,
    NotSupportedYet,
    NotFound,
    AlreadyExists,
    DigestMismatch,
    SizeMismatch,
    TooLarge,
    MalformedContent,   // a manifest, index, config, layout or archive that does not parse
    AuthFileInvalid,
    CredentialsMissing,
    NetworkError,       // connection refused, reset, DNS...
    TlsError,
    Timeout,
    ServerError,        // 5xx
    ProtocolError,      // a registry that answers outside the protocol
    IoError,
    Cancelled,
    Internal,
};

// Stable machine-readable name of a code, e.g. "MANIFEST_UNKNOWN", "DIGEST_MISMATCH".
QString errorCodeName(ErrorCode code);

// An error is a value: a code, a user-facing (translated) message, and whether retrying may help.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    bool temporary = false;            // drives --retry: connection errors, 408, 429, 5xx
    int httpStatus = 0;                // 0 when not from an HTTP answer
    std::chrono::milliseconds retryAfter{-1}; // from Retry-After, -1 when absent

    Error() = default;
    Error(ErrorCode c, QString msg, bool temp = false) : code(c), message(std::move(msg)), temporary(temp) {}

    // The same error with context put in front: "pushing blob sha256:...: <message>".
    Error withContext(const QString &context) const;
    QString toString() const { return message; }
};

template<typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString message, bool temporary = false)
{
    return std::unexpected<Error>(Error(code, std::move(message), temporary));
}
inline std::unexpected<Error> fail(Error e)
{
    return std::unexpected<Error>(std::move(e));
}

// Fills %1, %2, ... of `pattern` in one pass. Chained arg() calls rescan what an earlier one inserted, so a value holding
// "%2F" (a percent-encoded URL, a path, a server's text) would be taken for a place marker; this never does.
// Numbers are written as QString::number writes them.
inline QString argText(const QString &s) { return s; }
inline QString argText(QStringView s) { return s.toString(); }
inline QString argText(QLatin1StringView s) { return QString(s); }
template<typename T>
    requires std::is_arithmetic_v<T>
inline QString argText(T v)
{
    return QString::number(v);
}
template<typename... Args>
QString formatText(const QString &pattern, const Args &...args)
{
    return pattern.arg(argText(args)...);
}

// Translation context for engine messages that are not inside a QObject.
class EngineText
{
    Q_DECLARE_TR_FUNCTIONS(stevedore::EngineText)
};

} // namespace stevedore
