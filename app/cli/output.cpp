#include "output.h"

#include "core/secrets.h"

#include <QtGlobal>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace stevedore::cli {

namespace {

QtMessageHandler g_previous = nullptr;

// Qt 6.4's HTTP thread reports some "401, then the connection closes" sequences twice and warns about it; the reply
// still finishes normally. It is noise on a terminal where every failure is promised to be one line.
bool isKnownQtNoise(const QString &message)
{
    return message == QLatin1String("QNetworkReplyImplPrivate::error: Internal problem, this method must only be called once.");
}

void scrubbingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && isKnownQtNoise(message))
        return;
    const QString clean = secrets::sanitizeForDisplay(secrets::scrub(message), 4000);
    if (g_previous)
        g_previous(type, context, clean);
}

} // namespace

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
    g_previous = qInstallMessageHandler(scrubbingHandler);
}

} // namespace stevedore::cli
