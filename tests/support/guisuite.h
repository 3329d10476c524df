#pragma once
// What the GUI suites that push (tst_pushqueue, tst_localimages, tst_preferences) set up alike (header-only: the
// support library itself has no QtWidgets).

#include "pushdialog.h"
#include "transferqueuefile.h"

#include "support/e2e.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace stevedore::test {

// The suite's own world under `home`: HOME and the XDG folders (useIsolatedEnvironment), the settings file in
// home/settings, the organisation and `appName`.
inline void useGuiSuiteEnvironment(const QString &home, const QString &appName)
{
    useIsolatedEnvironment(home);
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, home + QStringLiteral("/settings"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, home + QStringLiteral("/settings"));
    QCoreApplication::setOrganizationName(QStringLiteral("StevedoreTest"));
    QCoreApplication::setApplicationName(appName);
}

// Each test starts with no settings and an empty push queue.
inline void resetGuiState()
{
    QSettings().clear();
    QFile::remove(models::TransferQueueFile::defaultPath());
}

// The push dialog's request for `source` → `destination` in the store `root`, for the fixture's plain-http
// registry (no TLS verification) and with no retries.
inline CopyRequest plainHttpRequest(const QString &source, const QString &destination, const QString &root)
{
    auto r = ui::makePushRequest(source, destination, root);
    if (!r)
        qFatal("%s", qPrintable(r.error().message));
    r->context.tlsVerify = false;
    r->context.retry.maxRetries = 0;
    return *r;
}

} // namespace stevedore::test
