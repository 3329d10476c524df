#pragma once
// Helpers of the RegistryClient suites (tst_registryclient, tst_registryblobs): docker-registry fixtures, a client
// configuration for them, blob uploads and small image pushes through the client, the loopback recorder's names,
// and the capture of the engine's log lines (checked for secrets by both suites, and by the security suites of
// securitytest.h). Part of stevedore_registrytest, which links the engine and stevedore_testsupport.

#include "registry/registryclient.h"
#include "transport/imagedestination.h"
#include "support/loopbackserver.h"
#include "support/testsupport.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <memory>

// QVERIFY a Result/Status, with its error message on failure.
#define VERIFY_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto &r_ = (expr);                                                                                       \
        QVERIFY2(bool(r_), bool(r_) ? "" : qPrintable(r_.error().message));                                          \
    } while (false)

namespace stevedore::test {

// Every log line of the engine (categories stevedore.*), once captureLog is installed: checked for secrets. Guarded
// by g_logMutex (worker threads log too).
extern QStringList g_logLines;
extern QMutex g_logMutex;
extern QtMessageHandler g_previousHandler;
void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg);

// A CA (ca.crt/ca.key), a server certificate for 127.0.0.1 (server.crt/key) and a client pair (client.cert/key).
bool makePki(const QString &d, QString *error);

std::unique_ptr<RegistryFixture> startRegistry(RegistryOptions o, QString *error);

// A client configuration for the fixture: its host, CA, insecure when plain http, its credentials (withCreds).
stevedore::RegistryConfig configFor(const RegistryFixture &f, bool withCreds = true);

// Uploads `data` as a blob in chunks of `chunk` bytes; returns its digest.
stevedore::Result<stevedore::Digest> upload(stevedore::RegistryClient &client, const QString &repo,
                                            const QByteArray &data, qint64 chunk);

// This process's resident memory (VmRSS), in KiB; -1 when unknown.
qint64 rssKiB();

// Everything a reader gives until its end (or an error).
QByteArray readAll(stevedore::BlobReader &reader);

// An OCI manifest for a config and one layer, with deliberately unusual formatting (bytes must survive as they are).
QByteArray manifestFor(const stevedore::Digest &config, qint64 configSize, const stevedore::Digest &layer,
                       qint64 layerSize);

// A full push of a small image through the client: two blobs and a manifest tagged `tag`.
stevedore::Result<stevedore::RawManifest> pushSmallImage(stevedore::RegistryClient &client, const QString &repo,
                                                         const QString &tag, quint32 seed);

// Where docker-registry cannot misbehave on demand: threaded loopback servers that record what they receive.
using HttpRecorder = LoopbackHttpServer;
using Seen = SeenRequest;

// Blob locations as the blob-info cache would know them.
struct Locations final : stevedore::KnownBlobLocations {
    QList<stevedore::BlobLocation> list;
    QList<stevedore::BlobLocation> locations(const stevedore::Digest &, const QString &transport) const override
    {
        QList<stevedore::BlobLocation> out;
        for (const stevedore::BlobLocation &l : list)
            if (l.transport == transport)
                out << l;
        return out;
    }
};

} // namespace stevedore::test
