#pragma once
// Browsing a registry: one-shot queries for the GUI's registry browser, each a QFuture<Result<T>> run on the io pool.

#include "content/descriptor.h"
#include "content/manifest.h"
#include "core/cancel.h"
#include "core/error.h"
#include "registry/registryclient.h"
#include "transport/systemcontext.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QUrl>

#include <memory>

namespace stevedore {

// A manifest as a registry stores it: its bytes, media type and digest, and what it refers to.
struct RemoteManifest {
    RawManifest raw;
    Digest digest;                  // of raw.bytes (what `skopeo inspect` prints as Digest)
    bool isIndex = false;
    QList<Descriptor> platforms;    // an index: its entries (platform, digest, size, media type)
    std::optional<Descriptor> config; // an image manifest: its config and layers
    QList<Descriptor> layers;
    // An image: config + layers as stored (compressed); an index: -1 (the sum of its images needs each manifest).
    qint64 totalSize() const;
};

// The parts of an image config the browser shows.
struct RemoteConfig {
    QByteArray raw;
    QString os, architecture, variant, created;
    QStringList env, entrypoint, cmd;
    QString workingDir, user;
    QMap<QString, QString> labels;
    struct History {
        QString created, createdBy, comment;
        bool emptyLayer = false;
    };
    QList<History> history;
};

// One registry as the browser reaches it: the host, how (TLS, certificates: `context`), and the registry clients it
// made, one per repository (credentials resolved through makeRegistryClient, as push and pull do: --creds in
// `context.credentials` win, else the auth files and helpers by the most specific key). Thread-safe; shared by the
// queries in flight, which keep it alive. cancel() stops every query of this session.
class RegistrySession final
{
public:
    RegistrySession(QString host, SystemContext context);
    ~RegistrySession();
    RegistrySession(const RegistrySession &) = delete;
    RegistrySession &operator=(const RegistrySession &) = delete;

    const QString &host() const { return m_host; }
    const SystemContext &context() const { return m_context; }
    void cancel() const { m_cancel.cancel(); }
    const CancelToken &cancelToken() const { return m_cancel; }

    // The client for `repository` (empty: the registry itself, for the catalog). Blocking (a credential helper may
    // run): worker threads only.
    Result<std::shared_ptr<RegistryClient>> client(const QString &repository);

private:
    QString m_host;
    SystemContext m_context;
    CancelToken m_cancel;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<RegistryClient>> m_clients;
};

// Blocking forms (worker threads).
Result<RegistryClient::ListPage> browseCatalogPage(RegistrySession &session, int pageSize, const QUrl &next);
Result<RegistryClient::ListPage> browseTagsPage(RegistrySession &session, const QString &repository, int pageSize,
                                                const QUrl &next);
// `reference`: a tag or a digest.
Result<RemoteManifest> browseManifest(RegistrySession &session, const QString &repository, const QString &reference);
Result<RemoteConfig> browseConfig(RegistrySession &session, const QString &repository, const Descriptor &config);
// Deletes the manifest `reference` names (a tag is first resolved to its digest: the spec deletes by digest, and
// every tag of that manifest goes with it). Returns the digest deleted.
Result<Digest> browseDelete(RegistrySession &session, const QString &repository, const QString &reference);
// What a manifest's bytes say: its digest, and the platforms of an index or the config and layers of an image.
Result<RemoteManifest> describeManifest(const RawManifest &raw);
// Parses a config's bytes into what the browser shows.
Result<RemoteConfig> parseRemoteConfig(const QByteArray &bytes);

// The same on the engine's io pool.
using SessionPtr = std::shared_ptr<RegistrySession>;
QFuture<Result<RegistryClient::ListPage>> catalogPageAsync(SessionPtr session, int pageSize, QUrl next = {});
QFuture<Result<RegistryClient::ListPage>> tagsPageAsync(SessionPtr session, QString repository, int pageSize,
                                                        QUrl next = {});
// `priority`: the io pool takes queued work highest first. What a person has just chosen to look at (the details
// pane) goes with kInteractivePriority, ahead of the listing the tree fetches in the background: a catalog of a
// hundred repositories queued a hundred tag lists, and the details of a chosen tag waited behind them (30 s and more
// under AddressSanitizer, tst_registrybrowser_ui).
inline constexpr int kInteractivePriority = 1;
QFuture<Result<RemoteManifest>> manifestAsync(SessionPtr session, QString repository, QString reference,
                                              int priority = 0);
QFuture<Result<RemoteConfig>> configAsync(SessionPtr session, QString repository, Descriptor config,
                                          int priority = 0);
QFuture<Result<Digest>> deleteManifestAsync(SessionPtr session, QString repository, QString reference);

} // namespace stevedore
