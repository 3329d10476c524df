#pragma once

#include <QLoggingCategory>
#include <QString>

class QUrl;

Q_DECLARE_LOGGING_CATEGORY(lcCore)      // stevedore.core
Q_DECLARE_LOGGING_CATEGORY(lcNet)       // stevedore.net
Q_DECLARE_LOGGING_CATEGORY(lcRegistry)  // stevedore.registry
Q_DECLARE_LOGGING_CATEGORY(lcAuth)      // stevedore.auth
Q_DECLARE_LOGGING_CATEGORY(lcCopy)      // stevedore.copy
Q_DECLARE_LOGGING_CATEGORY(lcTransport) // stevedore.transport
Q_DECLARE_LOGGING_CATEGORY(lcCompress)  // stevedore.compress

namespace stevedore {

// Strips what must never be logged: Authorization headers, bearer tokens, passwords in URLs and signed
// query strings (X-Amz-Signature, sig, token, ...). Apply to every URL, header or body before logging it.
QString redact(const QString &text);
QString redactUrl(const QUrl &url);

// Installs a Qt message handler (CLI and GUI alike) that scrubs every known secret from each message and strips
// control characters before the previous handler prints it; known Qt noise is dropped.
void installRedactingMessageHandler();

} // namespace stevedore
