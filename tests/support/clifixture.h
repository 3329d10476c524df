#pragma once
// The fixture of tst_cli and tst_cli_progress (a second base of their test classes, after QObject): the built
// `stevedore` (m_cli, set by initTestCase), a fresh HOME, XDG_* folders and STEVEDORE_ROOT per test (m_home and
// m_env, made by init()), OCI layouts in its work folder, and quoting for sh -c. Header-only, part of no library.

#include "support/testsupport.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace stevedore::test {

class CliFixture
{
protected:
    ProcessResult cli(const QStringList &args, int timeoutMs = 60000, const QByteArray &stdinData = {});
    QString makeLayout(const QString &name, const QString &tag, TestImageSpec spec = {}, QString *digest = nullptr);
    static int stderrLines(const ProcessResult &r) { return int(r.err.trimmed().split('\n').size()); }

    QString m_cli;
    std::unique_ptr<QTemporaryDir> m_home;
    QProcessEnvironment m_env;
};

inline ProcessResult CliFixture::cli(const QStringList &args, int timeoutMs, const QByteArray &stdinData)
{
    return runProcess(m_cli, args, timeoutMs, m_env, stdinData);
}

inline QString CliFixture::makeLayout(const QString &name, const QString &tag, TestImageSpec spec, QString *digest)
{
    const QString dir = m_home->path() + u"/work/"_s + name;
    QString error;
    const QString d = writeTestLayout(dir, tag, spec, &error);
    if (d.isEmpty())
        qWarning("writeTestLayout failed: %s", qPrintable(error));
    if (digest)
        *digest = d;
    return d.isEmpty() ? QString() : dir;
}

// s in single quotes for sh -c.
inline QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + q + u"'"_s;
}

} // namespace stevedore::test
