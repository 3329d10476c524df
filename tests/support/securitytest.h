#pragma once
// What the security suites share (tst_urlpolicy, tst_urlpolicy_tokens, tst_secrets): the trap credentials and tokens,
// a CA with a server certificate for 127.0.0.1, the loopback trap registry (`security::FakeRegistry`, not the one of
// support/fakeregistry.h), answers in the registry's error format, checks of what a trap received, CLI runs measured
// for their peak memory, and the fixture (a second base of their test classes: the CLI, the TLS configuration, a
// layout to push, the failure and no-secret checks). The capture of the engine's log lines is registrytest.h's.
// Part of stevedore_securitytest, which links stevedore_registrytest (and so the engine and stevedore_testsupport).

#include "registry/registryclient.h"
#include "support/loopbackserver.h"
#include "support/registrytest.h"
#include "support/testsupport.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QProcessEnvironment>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace stevedore::test::security {

using namespace Qt::StringLiterals;

inline const QString kUser = u"alice"_s;
inline const QString kPassword = u"S3cret-Pw"_s;
inline const QByteArray kBasic = "Basic " + QByteArray("alice:S3cret-Pw").toBase64();
inline const QByteArray kBasicBlob = QByteArray("alice:S3cret-Pw").toBase64();
inline const QByteArray kToken1 = "T0ken-Value-0001";
inline const QByteArray kToken2 = "T0ken-Value-0002";

inline const QByteArray kEmptyIndex =
    "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}";
inline const QByteArray kIndexType = "Content-Type: application/vnd.oci.image.index.v1+json\r\n";

// The value after `field` ("VmRSS:", "VmHWM:") in a /proc/PID/status file, in KiB; -1 when absent.
qint64 statusField(const QString &path, const QByteArray &field);
qint64 rssKiB(); // this process's resident size, in KiB

// A CA (ca.crt/ca.key) and a server certificate for IP 127.0.0.1 (server.crt/key) signed by it. (No client pair,
// unlike registrytest.h's makePki; says so when openssl is missing.)
bool makePki(const QString &d, QString *error);

QByteArray sha256(const QByteArray &data); // "sha256:<hex>"
QByteArray unauthorized(); // a 401 with a Basic challenge
QByteArray jsonError(int status, const QByteArray &code, const QString &message); // {"errors":[...]}

// Whether any request `server` received carried an Authorization header.
int authorizedRequests(const LoopbackHttpServer &server);

// Nothing of the password (plain or as a Basic blob) arrived at `server`.
bool sawNoSecret(const LoopbackHttpServer &server);

// A registry speaking just enough of the distribution protocol for `stevedore push`, on a loopback server:
// GET /v2/, HEAD blobs (404: everything is uploaded), POST upload sessions, PATCH chunks, PUT ?digest= (checked
// against the bytes of the session), PUT manifests (answered with their Docker-Content-Digest). Upload sessions are
// created on demand, so one FakeRegistry can be the target of another one's upload Locations. Hooks are set before
// start().
class FakeRegistry
{
public:
    explicit FakeRegistry(const std::optional<QSslConfiguration> &tls, QByteArray requiredAuthorization = {})
        : m_server(tls), m_required(std::move(requiredAuthorization))
    {
    }

    // Answers first when it returns a value (after the credentials check).
    std::function<std::optional<QByteArray>(const Seen &)> before;
    // The Location of upload session `n` (POST answer); default: relative "/upload/n".
    std::function<QByteArray(int n)> uploadLocation;
    // The Docker-Content-Digest of a manifest PUT; default: the digest of the bytes received.
    std::function<QByteArray(const QByteArray &manifest)> manifestDigest;

    bool start()
    {
        m_server.setHandler([this](const Seen &r) { return Answer{handle(r), false, false}; });
        return m_server.listen();
    }
    LoopbackHttpServer &server() { return m_server; }
    quint16 port() const { return m_server.port(); }
    QString hostPort() const { return u"127.0.0.1:%1"_s.arg(m_server.port()); }

    QList<QByteArray> manifests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_manifests;
    }
    QList<QByteArray> blobs() const // committed blob digests
    {
        QMutexLocker lock(&m_mutex);
        return m_blobs;
    }
    int count(const QByteArray &method, const QByteArray &pathPart) const
    {
        int n = 0;
        for (const Seen &r : m_server.seen())
            n += r.method == method && r.path.contains(pathPart);
        return n;
    }

private:
    static int sessionOf(const QByteArray &path);
    QByteArray handle(const Seen &r);

    LoopbackHttpServer m_server;
    QByteArray m_required;
    mutable QMutex m_mutex;
    int m_nextSession = 0;
    QHash<int, QByteArray> m_sessions;
    QHash<int, int> m_parts;
    QList<QByteArray> m_manifests;
    QList<QByteArray> m_blobs;
};

// A CLI run with its peak resident size, sampled from /proc while it runs (VmHWM is monotonic: the last sample
// before the exit is the peak of everything before it).
struct MeasuredRun {
    ProcessResult result;
    qint64 peakKiB = -1;
    qint64 elapsedMs = 0;
};

MeasuredRun runMeasured(const QString &program, const QStringList &args, const QProcessEnvironment &env, int timeoutMs);

// The fixture of the security suites (a second base of their test classes, after QObject): the built CLI, the PKI of
// initTestCase (m_pki, m_caDir, m_tls), a work folder, environment and pushed layout per test (made by init()), and
// the helpers their tests share. The slots (initTestCase, cleanupTestCase, init, cleanup) are each suite's own.
class SecurityFixture
{
protected:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    QTemporaryDir m_pki;
    QString m_caDir; // --cert-dir / RegistryConfig::certDir: ca.crt only
    QSslConfiguration m_tls;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;
    QString m_layout;
    QString m_digest; // the layout's manifest digest

    QString path(const QString &name) const { return m_tmp->filePath(name); }

    // The suites' shared steps, called from their slots: initTestCase (the CLI is there, the PKI, the TLS
    // configuration of the trap servers, the log capture), cleanupTestCase (no secret in any log line of this
    // process) and init (work folder, isolated environment, a pushed layout). They report through QVERIFY; the
    // caller's slot ends with them.
    void initSuite();
    void cleanupSuite();
    void initEachTest();

    ProcessResult stevedore(const QStringList &args, int timeoutMs = 30000)
    {
        return stevedore::test::runProcess(m_cli, args, timeoutMs, m_env);
    }

    static QString describe(const ProcessResult &r)
    {
        return u"exit %1%2\nstdout: %3\nstderr: %4"_s.arg(r.exitCode).arg(r.timedOut ? u" (timed out)"_s : QString())
            .arg(QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
    }

    QStringList pushArgs(const QString &hostPort, const QStringList &options, const QString &repoTag = u"team/app:v1"_s)
    {
        return QStringList{u"push"_s} + options
               + QStringList{u"oci:"_s + m_layout + u":v1"_s, u"docker://"_s + hostPort + u'/' + repoTag};
    }
    QStringList tlsCreds() const { return {u"--cert-dir"_s, m_caDir, u"--creds"_s, kUser + u':' + kPassword}; }

    // Exit 1 (a failed operation, not a usage error), no crash, no hang, exactly one line on stderr, and the
    // password nowhere in the output.
    void verifyFailure(const ProcessResult &r, int exitCode = 1)
    {
        qInfo("exit %d, stderr: %s", r.exitCode, r.err.trimmed().constData());
        QVERIFY2(!r.timedOut && !r.crashed, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, exitCode);
        const QByteArray err = r.err.trimmed();
        QVERIFY2(!err.isEmpty(), "a failure must say why on stderr");
        QVERIFY2(!err.contains('\n'), qPrintable(u"one line expected on stderr:\n"_s + QString::fromUtf8(err)));
        verifyNoSecretInOutput(r);
    }

    void verifyNoSecretInOutput(const ProcessResult &r)
    {
        for (const QByteArray &s : {kPassword.toUtf8(), kBasicBlob}) {
            QVERIFY2(!r.err.contains(s), qPrintable(u"stderr carries a secret: "_s + QString::fromUtf8(r.err)));
            QVERIFY2(!r.out.contains(s), qPrintable(u"stdout carries a secret: "_s + QString::fromUtf8(r.out)));
        }
    }

    std::optional<QSslConfiguration> tls() const { return m_tls; }

    RegistryConfig tlsConfig(quint16 port, bool withCreds = true) const
    {
        RegistryConfig c;
        c.host = u"127.0.0.1:%1"_s.arg(port);
        c.certDir = m_caDir;
        c.idleTimeout = std::chrono::milliseconds(10000);
        if (withCreds)
            c.credentials = Credentials{kUser, kPassword, {}};
        return c;
    }
};

} // namespace stevedore::test::security
