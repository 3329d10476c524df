#include "registryerrors.h"

#include "core/secrets.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <optional>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

std::optional<ErrorCode> codeFromName(const QString &name)
{
    static const QHash<QString, ErrorCode> map = {
        {u"BLOB_UNKNOWN"_s, ErrorCode::BlobUnknown},
        {u"BLOB_UPLOAD_INVALID"_s, ErrorCode::BlobUploadInvalid},
        {u"BLOB_UPLOAD_UNKNOWN"_s, ErrorCode::BlobUploadUnknown},
        {u"DIGEST_INVALID"_s, ErrorCode::DigestInvalid},
        {u"MANIFEST_BLOB_UNKNOWN"_s, ErrorCode::ManifestBlobUnknown},
        {u"MANIFEST_INVALID"_s, ErrorCode::ManifestInvalid},
        {u"MANIFEST_UNVERIFIED"_s, ErrorCode::ManifestInvalid},
        {u"TAG_INVALID"_s, ErrorCode::ManifestInvalid},
        {u"MANIFEST_UNKNOWN"_s, ErrorCode::ManifestUnknown},
        {u"NAME_INVALID"_s, ErrorCode::NameInvalid},
        {u"NAME_UNKNOWN"_s, ErrorCode::NameUnknown},
        {u"SIZE_INVALID"_s, ErrorCode::SizeInvalid},
        {u"UNAUTHORIZED"_s, ErrorCode::Unauthorized},
        {u"DENIED"_s, ErrorCode::Denied},
        {u"UNSUPPORTED"_s, ErrorCode::Unsupported},
        {u"TOOMANYREQUESTS"_s, ErrorCode::TooManyRequests},
    };
    const auto it = map.constFind(name.toUpper());
    if (it == map.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace

std::chrono::milliseconds parseRetryAfter(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::chrono::milliseconds(-1);
    bool ok = false;
    const qint64 secs = v.toLongLong(&ok);
    if (ok && secs >= 0)
        return std::chrono::milliseconds(qMin<qint64>(secs, 3600) * 1000);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (when.isValid()) {
        const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(when);
        return std::chrono::milliseconds(qBound<qint64>(qint64(0), ms, qint64(3600 * 1000)));
    }
    return std::chrono::milliseconds(-1);
}

Error registryHttpError(int status, const QByteArray &body, const QByteArray &retryAfter, const QString &context)
{
    std::optional<ErrorCode> code;
    QStringList details;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonArray errors = doc.object().value("errors"_L1).toArray();
        for (const QJsonValue &v : errors) {
            const QJsonObject o = v.toObject();
            const QString name = o.value("code"_L1).toString();
            if (!code)
                code = codeFromName(name);
            QString text = o.value("message"_L1).toString();
            if (text.isEmpty())
                text = name.toLower().replace(u'_', u' ');
            details << text;
        }
    }
    if (!code) {
        switch (status) {
        case 401: code = ErrorCode::Unauthorized; break;
        case 403: code = ErrorCode::Denied; break;
        case 404: code = ErrorCode::NotFound; break;
        case 408: code = ErrorCode::Timeout; break;
        case 413: code = ErrorCode::TooLarge; break;
        case 429: code = ErrorCode::TooManyRequests; break;
        default: code = status >= 500 ? ErrorCode::ServerError : ErrorCode::ProtocolError; break;
        }
    }
    const bool temporary = (status == 408 || status == 429 || status >= 500);
    QString detail = details.join(u"; "_s);
    if (detail.isEmpty()) {
        switch (status) {
        case 401: detail = EngineText::tr("authentication required"); break;
        case 403: detail = EngineText::tr("access denied"); break;
        case 404: detail = EngineText::tr("not found"); break;
        case 429: detail = EngineText::tr("too many requests"); break;
        default: detail = EngineText::tr("unexpected answer"); break;
        }
    }
    // What the server said: never raw to a terminal, never with a secret it echoed.
    detail = secrets::sanitizeForDisplay(secrets::scrub(detail), 400);
    // One arg() call: a chained .arg(status) would replace the lowest "%N" left, which may be inside the server's text.
    Error e(*code, EngineText::tr("%1: %2 (HTTP %3)").arg(context, detail, QString::number(status)), temporary);
    e.httpStatus = status;
    e.retryAfter = parseRetryAfter(retryAfter);
    return e;
}

} // namespace stevedore
