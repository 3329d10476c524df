#pragma once
// A fake plain-http registry on 127.0.0.1 that answers a push as docker-distribution does and hangs at exactly one
// phase (or answers everything), with a log of what it received; and small OCI layouts to push to it. Used by
// tst_cancel (signals and engine cancellation in every phase) and tst_retry (--retry, timeouts). Part of
// stevedore_testsupport.

#include "support/loopbackserver.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace stevedore::test {

using namespace Qt::StringLiterals;

inline const QByteArray kRepo = "team/app";

// Where the fake registry stops answering.
enum class Phase {
    None,          // answers everything: a push succeeds
    Ping,          // GET /v2/
    Token,         // the registry wants a Bearer token; the token server never answers
    ManifestRead,  // GET /v2/REPO/manifests/REF
    BlobCheck,     // HEAD /v2/REPO/blobs/DIGEST
    UploadStart,   // POST /v2/REPO/blobs/uploads/
    Chunk,         // PATCH of an upload session
    Completion,    // PUT of an upload session ?digest=
    ManifestWrite, // PUT /v2/REPO/manifests/REF (any)
    IndexWrite,    // PUT /v2/REPO/manifests/TAG (instances by digest are answered)
    Cleanup,       // PATCH, and the DELETE of the abandoned session
};

} // namespace stevedore::test
Q_DECLARE_METATYPE(stevedore::test::Phase)

namespace stevedore::test {

enum class Kind { Ping, BlobHead, UploadStart, Patch, UploadPut, Delete, ManifestGet, ManifestPut, Other };

QByteArray pathOnly(const QByteArray &path); // without the query
Kind kindOf(const SeenRequest &r);
QByteArray sha256Of(const QByteArray &data); // "sha256:<hex>"

struct Logged {
    SeenRequest request;
    qint64 atMs = 0; // arrival, on the fake's clock
};

// A plain-http registry that answers a push as docker-distribution does and hangs at one phase. Its handler runs in
// the loopback server's thread; everything it shares is guarded by `mutex`.
class FakeRegistry
{
public:
    using Override = std::function<std::optional<Answer>(const SeenRequest &, const QList<Logged> &before)>;

    explicit FakeRegistry(Phase hangAt = Phase::None) : m_phase(hangAt) { m_clock.start(); }

    bool listen();

    QString hostPort() const { return u"127.0.0.1:%1"_s.arg(m_registry.port()); }
    QString reference(const QString &tag = u"v1"_s) const
    {
        return u"docker://"_s + hostPort() + u'/' + QString::fromLatin1(kRepo) + u':' + tag;
    }
    LoopbackHttpServer &tokenServer() { return m_token; }

    // Consulted first for every request (with the requests received before it); an Answer replaces the fake's own.
    void setOverride(Override o);

    QList<Logged> log() const;
    QList<Logged> log(Kind kind) const;
    // Whether a manifest PUT by tag was answered with success.
    bool tagged() const;
    // The request the phase hangs on arrived (for Token: the token request).
    bool phaseReached() const;
    // PATCH requests whose body is the blob `digest` (chunks are 4 MiB: a test blob goes in one PATCH).
    int patchesOf(const QString &digest) const;
    QString describeLog() const;

private:
    Answer answer(const SeenRequest &r);
    static Answer ok(QByteArray bytes) { return Answer{std::move(bytes), false, false}; }

    const Phase m_phase;
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    Override m_override;
    QList<Logged> m_log;
    int m_sessions = 0;
    bool m_tagged = false;
    // Last, so destroyed first: their threads are stopped before anything the handler uses goes (a clean-up DELETE
    // may still arrive while the test ends).
    LoopbackHttpServer m_token;
    LoopbackHttpServer m_registry;
};

// The blobs of an image manifest in a layout written by writeTestLayout.
struct LayoutImage {
    QString dir;
    QString digest; // top level (index or manifest)
    QString config;
    QStringList layers;
};

// A layout at dir tagged v1 with one gzip layer per platform (linux/amd64, and linux/arm64 when index); config and
// layers are filled in for a single manifest.
LayoutImage writeLayout(const QString &dir, bool index);

} // namespace stevedore::test
