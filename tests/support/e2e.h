#pragma once
// Small helpers for the end-to-end tests (stevedore binary + skopeo as the oracle). Part of stevedore_testsupport.

#include "support/testsupport.h"

#include <QJsonObject>

namespace stevedore::test {

QString sha256Digest(const QByteArray &data);            // "sha256:<hex>"
QByteArray readFileBytes(const QString &path);           // empty when unreadable
QJsonObject readJsonObject(const QString &path);         // empty when unreadable or not an object
QString layoutBlobPath(const QString &layoutDir, const QString &digest);
QString registryBlobPath(const RegistryFixture &registry, const QString &digest); // in the registry's storage
QByteArray gunzipBytes(const QByteArray &data);          // empty on error
// zlib's own gzip of `data` in one member (our compressor cuts members per block), as other tools make it; empty on error.
QByteArray zlibGzipBytes(const QByteArray &data, int level = 6);
QString hostPlatformArchitecture();                      // GOARCH-style: amd64, arm64, ...
bool portAnswers(quint16 port);                           // whether 127.0.0.1:port takes a connection within 500 ms
int fileMode(const QString &path);                       // st_mode & 07777 (symlinks followed), -1 when missing
// isolatedEnvironment(homeDir) applied to this process (qputenv), for tests that call the engine in process.
void useIsolatedEnvironment(const QString &homeDir);
// What an end-to-end suite lacks: the stevedore binary at `cli` and each of `tools` on the PATH; empty when all there.
QString missingE2ePeers(const QString &cli, const QStringList &tools);
// Runs `program args` in `env`, waits until its --progress=json output says "uploading", sends SIGINT and checks that
// it exits 130 within 20 s. Empty when so, else what went wrong.
QString interruptWhileUploading(const QString &program, const QStringList &args, const QProcessEnvironment &env);

} // namespace stevedore::test
