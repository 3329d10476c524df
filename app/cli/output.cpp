#include "output.h"

#include "core/logging.h"
#include "core/secrets.h"

#include <QtGlobal>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

void printOut(const QString &text)
{
    const QByteArray b = secrets::scrub(text).toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void printRaw(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString &command, const QString &message)
{
    const QString m = secrets::sanitizeForDisplay(secrets::scrub(message), 2000);
    const QString prefix = command.isEmpty() ? u"stevedore: "_s : u"stevedore %1: "_s.arg(command);
    const QByteArray b = (prefix + m + u'\n').toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

void installMessageHandler()
{
    installRedactingMessageHandler();
}

} // namespace stevedore::cli
