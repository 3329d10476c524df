#pragma once
// Everything the CLI prints goes through here: secrets scrubbed (engine/core/secrets.h), server text sanitised.

#include <QByteArray>
#include <QString>

namespace stevedore::cli {

void printOut(const QString &text);
void printRaw(const QByteArray &bytes); // data (manifests), exactly as they are
// The one line every failure prints: "stevedore push: <message>" (one line, no control characters, no secret).
void printError(const QString &command, const QString &message);
// Every Qt log message is scrubbed and sanitised before it reaches stderr.
void installMessageHandler();

} // namespace stevedore::cli
