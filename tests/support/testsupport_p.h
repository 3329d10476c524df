#pragma once
// Internal to stevedore_testsupport: helpers its source files share (testsupport.cpp, registryfixture.cpp,
// testlayout.cpp). Not for tests.

#include <QByteArray>
#include <QString>

class QProcess;

namespace stevedore::test::detail {

// The child gets SIGKILL when the test process dies (PR_SET_PDEATHSIG).
void dieWithParent(QProcess &p);

// Writes (replaces) a file; false and *error (when given) on failure.
bool writeFile(const QString &path, const QByteArray &data, QString *error);

// A blocking GET of http(s)://hostPort/path (httpGetStatus), optionally with a client certificate, and the
// response's headers in *headersOut.
int httpGet(const QString &hostPort, const QString &path, const QString &caFile, const QString &user,
            const QString &password, QString *error, QByteArray *body, int timeoutMs, const QString &clientCert,
            const QString &clientKey, QByteArray *headersOut = nullptr);

} // namespace stevedore::test::detail
