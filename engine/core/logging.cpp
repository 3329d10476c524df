#include "logging.h"

#include "secrets.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcCore, "stevedore.core", QtWarningMsg)
Q_LOGGING_CATEGORY(lcNet, "stevedore.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRegistry, "stevedore.registry", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAuth, "stevedore.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCopy, "stevedore.copy", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTransport, "stevedore.transport", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCompress, "stevedore.compress", QtWarningMsg)

namespace stevedore {

namespace {
bool isSecretQueryKey(const QString &key)
{
    static const QStringList secrets = {
        QStringLiteral("token"),        QStringLiteral("access_token"), QStringLiteral("refresh_token"),
        QStringLiteral("password"),     QStringLiteral("sig"),          QStringLiteral("signature"),
        QStringLiteral("x-amz-signature"), QStringLiteral("x-amz-credential"), QStringLiteral("x-amz-security-token"),
        QStringLiteral("x-goog-signature"), QStringLiteral("x-goog-credential"), QStringLiteral("_state"),
    };
    return secrets.contains(key.toLower());
}
} // namespace

QString redactUrl(const QUrl &url)
{
    QUrl u = url;
    if (!u.password().isEmpty())
        u.setPassword(QStringLiteral("REDACTED"));
    if (u.hasQuery()) {
        QUrlQuery q(u);
        const auto items = q.queryItems(QUrl::FullyEncoded);
        QUrlQuery out;
        for (const auto &[k, v] : items)
            out.addQueryItem(k, isSecretQueryKey(QUrl::fromPercentEncoding(k.toUtf8())) ? QStringLiteral("REDACTED") : v);
        u.setQuery(out);
    }
    return u.toString(QUrl::FullyEncoded);
}

QString redact(const QString &text)
{
    static const QRegularExpression authHeader(
        QStringLiteral("((?:proxy-)?authorization\\s*[:=]\\s*)(\\S+\\s+)?\\S+"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jsonSecret(
        QStringLiteral("(\"(?:token|access_token|refresh_token|identitytoken|password|auth|secret)\"\\s*:\\s*\")[^\"]*\""),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression querySecret(
        QStringLiteral("([?&](?:token|access_token|refresh_token|password|sig|signature|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|_state)=)[^&\\s]*"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression userInfo(QStringLiteral("(://[^/:@\\s]+:)[^@/\\s]+@"));
    QString out = text;
    out.replace(authHeader, QStringLiteral("\\1REDACTED"));
    out.replace(jsonSecret, QStringLiteral("\\1REDACTED\""));
    out.replace(querySecret, QStringLiteral("\\1REDACTED"));
    out.replace(userInfo, QStringLiteral("\\1REDACTED@"));
    return out;
}

namespace {

QtMessageHandler g_previousHandler = nullptr;

// Qt 6.4's HTTP thread reports some "401, then the connection closes" sequences twice and warns about it; the reply
// still finishes normally. It is noise on a terminal where every failure is promised to be one line.
bool isKnownQtNoise(const QString &message)
{
    return message == QLatin1String("QNetworkReplyImplPrivate::error: Internal problem, this method must only be called once.");
}

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && isKnownQtNoise(message))
        return;
    const QString clean = secrets::sanitizeForDisplay(secrets::scrub(message), 4000);
    if (g_previousHandler)
        g_previousHandler(type, context, clean);
}

} // namespace

void installRedactingMessageHandler()
{
    g_previousHandler = qInstallMessageHandler(redactingHandler);
}

} // namespace stevedore
