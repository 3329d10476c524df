#include "error.h"

namespace stevedore {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BlobUnknown: return QStringLiteral("BLOB_UNKNOWN");
    case ErrorCode::BlobUploadInvalid: return QStringLiteral("BLOB_UPLOAD_INVALID");
    case ErrorCode::BlobUploadUnknown: return QStringLiteral("BLOB_UPLOAD_UNKNOWN");
    case ErrorCode::DigestInvalid: return QStringLiteral("DIGEST_INVALID");
    case ErrorCode::ManifestBlobUnknown: return QStringLiteral("MANIFEST_BLOB_UNKNOWN");
    case ErrorCode::ManifestInvalid: return QStringLiteral("MANIFEST_INVALID");
    case ErrorCode::ManifestUnknown: return QStringLiteral("MANIFEST_UNKNOWN");
    case ErrorCode::NameInvalid: return QStringLiteral("NAME_INVALID");
    case ErrorCode::NameUnknown: return QStringLiteral("NAME_UNKNOWN");
    case ErrorCode::SizeInvalid: return QStringLiteral("SIZE_INVALID");
    case ErrorCode::Unauthorized: return QStringLiteral("UNAUTHORIZED");
    case ErrorCode::Denied: return QStringLiteral("DENIED");
    case ErrorCode::Unsupported: return QStringLiteral("UNSUPPORTED");
    case ErrorCode::TooManyRequests: return QStringLiteral("TOOMANYREQUESTS");
    case ErrorCode::InvalidReference: return QStringLiteral("INVALID_REFERENCE");
    case ErrorCode::InvalidDigest: return QStringLiteral("INVALID_DIGEST");
    case ErrorCode::InvalidArgument: return QStringLiteral("INVALID_ARGUMENT");
    case ErrorCode::UnsupportedTransport: return QStringLiteral("UNSUPPORTED_TRANSPORT");
    case ErrorCode::NotSupportedYet: return QStringLiteral("NOT_SUPPORTED_YET");
    case ErrorCode::NotFound: return QStringLiteral("NOT_FOUND");
    case ErrorCode::AlreadyExists: return QStringLiteral("ALREADY_EXISTS");
    case ErrorCode::DigestMismatch: return QStringLiteral("DIGEST_MISMATCH");
    case ErrorCode::SizeMismatch: return QStringLiteral("SIZE_MISMATCH");
    case ErrorCode::TooLarge: return QStringLiteral("TOO_LARGE");
    case ErrorCode::MalformedContent: return QStringLiteral("MALFORMED_CONTENT");
    case ErrorCode::AuthFileInvalid: return QStringLiteral("AUTH_FILE_INVALID");
    case ErrorCode::CredentialsMissing: return QStringLiteral("CREDENTIALS_MISSING");
    case ErrorCode::NetworkError: return QStringLiteral("NETWORK_ERROR");
    case ErrorCode::TlsError: return QStringLiteral("TLS_ERROR");
    case ErrorCode::Timeout: return QStringLiteral("TIMEOUT");
    case ErrorCode::ServerError: return QStringLiteral("SERVER_ERROR");
    case ErrorCode::ProtocolError: return QStringLiteral("PROTOCOL_ERROR");
    case ErrorCode::IoError: return QStringLiteral("IO_ERROR");
    case ErrorCode::Cancelled: return QStringLiteral("CANCELLED");
    case ErrorCode::Internal: return QStringLiteral("INTERNAL");
    }
    return QStringLiteral("INTERNAL");
}

Error Error::withContext(const QString &context) const
{
    Error e = *this;
    e.message = context + QStringLiteral(": ") + message;
    return e;
}

} // namespace stevedore
