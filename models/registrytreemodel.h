#pragma once

#include "core/error.h"
#include "ops/registrybrowse.h"
#include "transport/systemcontext.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QMimeData;

namespace stevedore::models {

// A registry as the browser knows it: where, and how to reach it.
struct RegistrySpec {
    QString host;            // "127.0.0.1:5000", "quay.io"
    bool tlsVerify = true;   // false: no certificate checks, http when https fails
    QString certDir;         // a folder of *.crt (and client *.cert/*.key); empty: certs.d
    bool fromCredentials = false; // listed because the auth files hold credentials for it (not remembered)

    // "https://host:port/", "http://host" (tlsVerify false), "host:port"; nullopt when no host is in it.
    static std::optional<RegistrySpec> fromUrl(const QString &url);
};

// Where `source` would go on the registry `host` under its own name: "docker://HOST/PATH:TAG" for an image name
// (its repository path and tag), the folder or file name and the layout's tag for a folder or an archive; empty if
// `source` is not a reference.
QString destinationOnRegistry(const QString &host, const QString &source);

// The registry browser's tree: registry → repository → tag → platform image (for an index) → layers.
// Children load lazily, one page at a time (canFetchMore/fetchMore, through the engine's async registry queries
// of ops/registrybrowse.h); while a fetch runs the node's last child is a status row saying "Loading…", and a failed
// fetch leaves a status row with a message written for the window (retry() asks again). A registry that does not
// list its repositories (no _catalog, or not for this user) gets a hint row instead, and repositories are opened
// by name (openRepository). Registries come from the credential sources and from addRegistry(), remembered in
// QSettings ("registryBrowser/registries").
class RegistryTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Digest, Size, MediaType, Count };
    Q_ENUM(Column)
    enum class Kind { Registry, Repository, Tag, Platform, Layer, Status };
    Q_ENUM(Kind)
    enum class State { NotLoaded, Loading, Loaded, Failed };
    enum class StatusKind { Loading, Error, NoCatalog };
    enum Role {
        KindRole = Qt::UserRole,  // int(Kind)
        HostRole,                 // the registry's host
        RepositoryRole,           // the repository path (repository rows and below)
        ReferenceRole,            // tag or digest the row names (tag, platform rows)
        DigestRole,               // "sha256:…" once known
        SizeRole,                 // qint64, -1 unknown
        MediaTypeRole,
        ImageReferenceRole,       // "docker://HOST/REPO:TAG" or "docker://HOST/REPO@DIGEST"
        StatusKindRole,           // status rows: int(StatusKind)
        ErrorCodeRole,            // status rows of an error: int(ErrorCode)
        ErrorDetailRole,          // status rows of an error: the engine's whole message
        StateRole,                // int(State) of the row's children
    };
    Q_ENUM(Role)

    explicit RegistryTreeModel(QObject *parent = nullptr);
    ~RegistryTreeModel() override;

    // How every registry is reached (authFile, credentials override for tests, idle timeout); the registry's own
    // TLS settings are added to it. Sessions made after the call use it.
    void setBaseContext(const SystemContext &context) { m_baseContext = context; }
    void setPageSize(int n) { m_pageSize = n; }
    // After a language switch: status texts and sizes are formatted again with the new locale.
    void retranslate();
    int pageSize() const { return m_pageSize; }

    // Reads the remembered registries, then adds the hosts of the credential sources (asynchronously).
    void loadRegistries();
    // Adds a registry (or updates the one of the same host); `remember`: saved in QSettings. Returns its index.
    QModelIndex addRegistry(const RegistrySpec &spec, bool remember = true);
    void removeRegistry(const QModelIndex &registry);
    RegistrySpec registrySpec(const QModelIndex &index) const;
    // Changes how a registry is reached (a trusted certificate folder, TLS verification): its children are
    // dropped and load again.
    void updateRegistry(const QModelIndex &index, const RegistrySpec &spec);
    QModelIndex registryIndex(const QString &host) const;
    // Adds (or finds) repository `name` under `registry`; its tags load when it is expanded.
    QModelIndex openRepository(const QModelIndex &registry, const QString &name);
    // The status row under `parent` (its last child), if any.
    QModelIndex statusIndex(const QModelIndex &parent) const;
    // Forgets the children of the node `index` is in (a status row: its parent) and loads them again.
    void retry(const QModelIndex &index);
    // Deletes the manifest a tag or platform row names (by digest); the repository's tags are then read again.
    // Emits deleteFinished.
    void deleteManifest(const QModelIndex &index);

    // What the details pane needs to ask the engine about a row.
    SessionPtr sessionFor(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }
    // Images dropped on a registry, repository or tag row ask for a push there (pushDropped); nothing is inserted.
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    // Where an image dropped on `target` goes: on a registry "docker://HOST/NAME:TAG" (the name and tag of the
    // source: its repository path, or an OCI layout's folder name and tag, else "latest"); on a repository
    // "docker://HOST/REPO:TAG"; on a tag that tag. Empty when `target` takes no drop or the source does not parse.
    QString dropDestination(const QModelIndex &target, const QString &source) const;

    // The message a window shows for an engine error met while talking to `host` (no CLI flags in it).
    static QString windowMessage(const Error &error, const QString &host);

Q_SIGNALS:
    // A fetch of the children of `parent` ended (loaded a page, or failed: then a status row says why).
    void fetchFinished(const QModelIndex &parent, bool ok);
    void deleteFinished(bool ok, const QString &message);
    // Images were dropped on a row: push `references` (the first one, as the queue does) to `destination`, with the
    // registry's TLS settings.
    void pushDropped(const QStringList &references, const QString &destination, bool tlsVerify, const QString &certDir);

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    Node *registryOf(Node *node) const;
    Node *findNode(quint64 id) const;
    Node *addChild(Node *parent, std::unique_ptr<Node> child, int at);
    void removeChildren(Node *parent, int first, int last);
    void setStatus(Node *node, StatusKind kind, const QString &text, const Error &error = {});
    void clearStatus(Node *node);
    void resetChildren(Node *node);
    void startFetch(Node *node);
    void failFetch(Node *node, const Error &error);
    void appendPage(Node *node, const RegistryClient::ListPage &page, Kind kind);
    void saveRegistries() const;
    SessionPtr makeSession(const RegistrySpec &spec) const;
    void forget(Node *node);

    std::unique_ptr<Node> m_root;
    QHash<quint64, Node *> m_nodes;
    quint64 m_nextId = 1;
    SystemContext m_baseContext;
    int m_pageSize = 100;
};

// Filters by name: a row is kept when its name contains the text, when an ancestor below the registry matches, or
// when a descendant does; registries and status rows always stay.
class RegistryFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RegistryFilterModel(QObject *parent = nullptr);
    void setNameFilter(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace stevedore::models
