#pragma once
// The fixture and helpers of the suites that run the real `stevedore` CLI against local layouts and folders
// (tst_datasafety, tst_badfiles): an isolated environment in a temporary folder per test, deterministic OCI layouts,
// damaged blobs, snapshots of folders, and what makes a failure clean (no crash, no hang, one line on stderr).
// Part of stevedore_clitest, which links the engine and stevedore_testsupport.

#include "support/e2e.h"
#include "support/testsupport.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace stevedore::test {

// Everything under a folder, for byte-for-byte comparisons: relative path -> kind, mode and content.
using Tree = QMap<QString, QByteArray>;
Tree snapshot(const QString &root);

// Every entry of a folder (hidden ones included), without . and ..
QStringList allEntries(const QString &folder);
bool writeBytes(const QString &path, const QByteArray &bytes);
QString hexOf(const QString &digest); // "sha256:abc" -> "abc"

// Exit code, timeout or crash, and the start of stdout and stderr, for failure messages.
QString describe(const ProcessResult &r);
// Empty when `r` is a clean failure: not a crash, not a hang, a non-zero exit, exactly one line on stderr.
QString cleanFailureProblem(const ProcessResult &r);

// A platform other than this machine's ("linux/amd64" on arm64, else "linux/arm64/v8").
QString otherPlatform();

// The fixture of the test classes (a second base, after QObject): the CLI (STEVEDORE_CLI overrides the built one),
// skopeo and umoci (found by the suites' initTestCase), a temporary folder and an isolated environment (made by
// their init()).
class LayoutCliTest
{
protected:
    QString m_cli = qEnvironmentVariableIsEmpty("STEVEDORE_CLI") ? QString::fromUtf8(STEVEDORE_CLI_PATH)
                                                                 : qEnvironmentVariable("STEVEDORE_CLI");
    QString m_skopeo;
    QString m_umoci;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QProcessEnvironment m_env;

    QString path(const QString &name) const { return m_tmp->filePath(name); }

    ProcessResult cli(const QStringList &args, int timeoutMs = 30000);
    ProcessResult skopeo(const QStringList &args);
    // A manifest at a registry (plain http), as skopeo reads it: REF is "repo:tag"; empty when skopeo fails.
    QJsonObject remoteManifest(const RegistryFixture &reg, const QString &ref);

    // A single-manifest image for this machine (or an index when `platforms` has more than one entry).
    QString makeLayout(const QString &name, quint32 seed, QString *digest, QStringList platforms = {},
                       qint64 layerSize = 64 * 1024, int layers = 2);

    // The platform manifests of a top-level digest (itself when it is a manifest).
    static QStringList manifestsOf(const QString &layout, const QString &top);
    // config + layers of one manifest
    static QStringList blobsOf(const QString &layout, const QString &manifest);
    static QString firstLayer(const QString &layout, const QString &top);
    // Damages a blob of a layout: "flip" (same size, other bytes), "truncate", "missing", "fifo".
    static bool damage(const QString &blobPath, const QString &how, QByteArray *newBytes = nullptr);
};

} // namespace stevedore::test
