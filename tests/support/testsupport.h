#pragma once
// Shared test support for Stevedore's tests against real peers (docker-registry, skopeo, openssl, htpasswd).
// Owned by the e2e tests; the API below is fixed (see notes/common.md) so other test files can code against it.

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace stevedore::test {

using namespace Qt::StringLiterals;

struct ProcessResult {
    int exitCode = -1;
    QByteArray out, err;
    bool timedOut = false;
    bool crashed = false;   // killed by a signal (or failed to start)
    bool ok() const { return !timedOut && !crashed && exitCode == 0; }
};

// Runs a program to completion. The process is killed when it runs longer than timeoutMs (timedOut is set).
// When the program cannot be started, exitCode is -1 and err holds the reason.
ProcessResult runProcess(const QString &program, const QStringList &args, int timeoutMs = 60000,
                         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                         const QByteArray &stdinData = {});

// The system environment with HOME, XDG_{RUNTIME_DIR,CONFIG_HOME,DATA_HOME,CACHE_HOME} and DOCKER_CONFIG pointing
// into homeDir (created), and REGISTRY_AUTH_FILE / STEVEDORE_ROOT removed: stevedore and skopeo see no user's
// credentials, certificates or local store.
QProcessEnvironment isolatedEnvironment(const QString &homeDir);

// Resident-size bounds say nothing under AddressSanitizer (its quarantine keeps freed memory and its shadow grows
// with every mapping): tests check memory bounds in the normal build only, and everything else in both.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kMemoryBoundsApply = false;
#else
inline constexpr bool kMemoryBoundsApply = true;
#endif

// Absolute path of a tool found in PATH, /usr/sbin or /usr/bin; empty when missing.
QString findTool(const QString &name);

enum class RegistryAuth { None, Basic, Token };

struct RegistryOptions {
    bool tls = false;
    RegistryAuth auth = RegistryAuth::None;
    QString user = u"alice"_s;
    QString password = u"secret"_s;
    QList<std::pair<QString, QString>> moreUsers; // Basic: further htpasswd users (user, password)
    bool clientCerts = false;   // with tls: the registry requires a client certificate issued by the fixture's CA;
                                // certDir() then also holds client.cert / client.key (containers' certs.d layout)
    bool httpTokenRealm = false; // Token: a plain-http realm even when tls (clients must refuse it unless insecure)
    bool deletes = true;        // storage.delete.enabled: false makes DELETE of a manifest answer 405 UNSUPPORTED
};

// Debian's docker-registry on a free 127.0.0.1 port; stopped and wiped in the destructor.
//  - tls: a self-signed CA and a server certificate for 127.0.0.1/localhost made with openssl; certDir() holds ca.crt.
//  - Basic: htpasswd (bcrypt) with options().user / options().password.
//  - Token: the test token server (stevedore-test-tokenserver) on another free port; the registry trusts tokens
//    signed by a key whose certificate is issued by the fixture's CA. The token realm uses the same scheme as the
//    registry: https (same CA, so --cert-dir trusts both) when tls, plain http otherwise (or with httpTokenRealm).
// Every child process gets PR_SET_PDEATHSIG, so nothing is left behind even when the test process dies.
class RegistryFixture
{
public:
    explicit RegistryFixture(RegistryOptions o = {});
    ~RegistryFixture();
    RegistryFixture(const RegistryFixture &) = delete;
    RegistryFixture &operator=(const RegistryFixture &) = delete;

    bool start(QString *error);     // generates config/CA/htpasswd/token server as needed, waits until /v2/ answers (<=15 s)
    void stop();                    // kills the processes (also done by the destructor)
    // Stops the registry (graceful: SIGTERM, the requests in flight are finished within http.draintimeout; else
    // SIGKILL), leaves it down for downMs, and starts it again on the same port, storage and http.secret; waits until
    // /v2/ answers (<=15 s).
    bool restart(bool graceful, QString *error, int downMs = 0);
    QString hostPort() const;       // "127.0.0.1:41234"
    QString certDir() const;        // folder for --cert-dir (ca.crt inside; client.cert/.key with clientCerts) when tls, else empty
    QString caFile() const;         // the CA certificate (tls or token flavours), else empty
    QString storageDir() const;     // the registry's filesystem storage root
    QString tokenRealm() const;     // token flavour: the realm URL, else empty
    QString service() const;        // token flavour: the service name the registry expects
    QString logs() const;           // what the registry and token server printed so far
    // Makes `count` empty repositories "<prefix>NNNNN" (five digits) straight in the filesystem storage, as the
    // registry lays them out (a _layers folder is what its catalog lists): a catalog of thousands in a second,
    // where pushing each would take minutes. They have no tags. False and *error when a folder cannot be made.
    bool addBareRepositories(const QString &prefix, int count, QString *error);
    const RegistryOptions &options() const;

private:
    bool makeCertificates(QString *error);
    bool startTokenServer(QString *error);
    RegistryOptions m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_registry;
    std::unique_ptr<QProcess> m_tokenServer;
    quint16 m_port = 0;
    quint16 m_tokenPort = 0;
};

// Status code of a GET on http(s)://hostPort/path, over a blocking socket (no event loop needed). With caFile the
// connection is TLS and verified against that CA; with user, Basic auth is sent. Returns -1 and *error on failure.
int httpGetStatus(const QString &hostPort, const QString &path, const QString &caFile = {},
                  const QString &user = {}, const QString &password = {}, QString *error = nullptr,
                  QByteArray *body = nullptr, int timeoutMs = 5000);

struct TestImageSpec {
    QStringList platforms{u"linux/amd64"_s};
    int layersPerPlatform = 2;
    qint64 layerSize = 64 * 1024;
    bool gzipLayers = false;
    bool asIndex = true;
    quint32 seed = 1;
};

// Writes an OCI image layout at dir with tag `tag` (index when asIndex, else one manifest for the first platform);
// returns the top-level manifest digest ("sha256:...") or an empty string + *error on failure. Deterministic for a
// seed. Each layer is a valid tar (gzip-compressed when gzipLayers) holding one file of pseudo-random bytes; configs
// carry rootfs.diff_ids of the uncompressed layers. An existing layout at dir is extended (the tag is replaced).
QString writeTestLayout(const QString &dir, const QString &tag, const TestImageSpec &spec, QString *error);

// n deterministic pseudo-random bytes for a seed (incompressible).
QByteArray randomBytes(qsizetype n, quint32 seed);
// Text made of words drawn from a small vocabulary, deterministic for a seed: compressible, but not trivially.
QByteArray wordyText(qsizetype size, quint32 seed);

// One layer of writeLayersLayout, as it is stored: its bytes, media type and the diff_id its config claims (which
// a test may make wrong on purpose).
struct TestLayer {
    QByteArray blob;
    QString mediaType;
    QString diffId;
};

// A tar archive holding one regular file.
QByteArray makeTestTar(const QByteArray &fileName, const QByteArray &content);

// Writes (or extends) an OCI layout with one image manifest for `platform` ("linux/amd64") made of `layers`, tagged
// `tag`; returns the manifest digest, or an empty string + *error.
QString writeLayersLayout(const QString &dir, const QString &tag, const QString &platform,
                          const QList<TestLayer> &layers, QString *error);

} // namespace stevedore::test
