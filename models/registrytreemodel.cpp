#include "registrytreemodel.h"

#include "auth/credentials.h"
#include "content/mediatypes.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QMimeData>
#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace stevedore::models {

namespace {

const QString kSettingsKey = u"registryBrowser/registries"_s;

// Calls `done(result)` on the GUI thread when `future` finishes, unless `context` is gone first.
template <typename T, typename F>
void whenDone(QObject *context, QFuture<T> future, F done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() mutable {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

QString shortDigest(const QString &digest)
{
    const qsizetype colon = digest.indexOf(u':');
    return colon < 0 ? digest : digest.mid(colon + 1, 12);
}

} // namespace

std::optional<RegistrySpec> RegistrySpec::fromUrl(const QString &text)
{
    QString t = text.trimmed();
    RegistrySpec spec;
    if (t.startsWith(u"http://"_s, Qt::CaseInsensitive)) {
        spec.tlsVerify = false;
        t = t.mid(7);
    } else if (t.startsWith(u"https://"_s, Qt::CaseInsensitive)) {
        t = t.mid(8);
    } else if (t.startsWith(u"docker://"_s, Qt::CaseInsensitive)) {
        t = t.mid(9);
    }
    t = t.section(u'/', 0, 0).trimmed();
    if (t.isEmpty() || t.contains(u' ') || t.contains(u'@'))
        return std::nullopt;
    spec.host = t.toLower();
    return spec;
}

struct RegistryTreeModel::Node {
    Kind kind = Kind::Status;
    quint64 id = 0;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    QString name;
    State state = State::NotLoaded;
    QUrl next;              // the next page of the children, empty when none
    quint64 generation = 0; // bumped when the children are forgotten: a late answer for them is dropped
    // registry rows
    RegistrySpec spec;
    SessionPtr session;
    // rows below a registry
    QString repository;
    QString reference; // tag rows: the tag; platform rows: the digest
    QString digest;
    QString mediaType;
    qint64 size = -1;
    // status rows
    StatusKind status = StatusKind::Loading;
    Error error;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return -1;
    }
    Node *statusChild() const
    {
        return !children.empty() && children.back()->kind == Kind::Status ? children.back().get() : nullptr;
    }
};

RegistryTreeModel::RegistryTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    m_root->state = State::Loaded;
}

RegistryTreeModel::~RegistryTreeModel()
{
    for (const auto &r : m_root->children)
        if (r->session)
            r->session->cancel();
}

RegistryTreeModel::Node *RegistryTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex RegistryTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

RegistryTreeModel::Node *RegistryTreeModel::registryOf(Node *node) const
{
    while (node && node->kind != Kind::Registry)
        node = node->parent;
    return node == m_root.get() ? nullptr : node;
}

RegistryTreeModel::Node *RegistryTreeModel::findNode(quint64 id) const
{
    return m_nodes.value(id, nullptr);
}

RegistryTreeModel::Node *RegistryTreeModel::addChild(Node *parent, std::unique_ptr<Node> child, int at)
{
    child->id = m_nextId++;
    child->parent = parent;
    Node *raw = child.get();
    beginInsertRows(indexOf(parent), at, at);
    parent->children.insert(parent->children.begin() + at, std::move(child));
    m_nodes.insert(raw->id, raw);
    endInsertRows();
    return raw;
}

void RegistryTreeModel::forget(Node *node)
{
    for (const auto &c : node->children)
        forget(c.get());
    m_nodes.remove(node->id);
}

void RegistryTreeModel::removeChildren(Node *parent, int first, int last)
{
    if (first > last)
        return;
    beginRemoveRows(indexOf(parent), first, last);
    for (int i = first; i <= last; ++i)
        forget(parent->children[size_t(i)].get());
    parent->children.erase(parent->children.begin() + first, parent->children.begin() + last + 1);
    endRemoveRows();
}

void RegistryTreeModel::setStatus(Node *node, StatusKind kind, const QString &text, const Error &error)
{
    if (Node *s = node->statusChild()) {
        s->status = kind;
        s->name = text;
        s->error = error;
        const QModelIndex i = indexOf(s);
        Q_EMIT dataChanged(i, i.siblingAtColumn(Count - 1));
        return;
    }
    auto s = std::make_unique<Node>();
    s->kind = Kind::Status;
    s->status = kind;
    s->name = text;
    s->error = error;
    addChild(node, std::move(s), int(node->children.size()));
}

void RegistryTreeModel::clearStatus(Node *node)
{
    if (node->statusChild())
        removeChildren(node, int(node->children.size()) - 1, int(node->children.size()) - 1);
}

void RegistryTreeModel::resetChildren(Node *node)
{
    ++node->generation;
    removeChildren(node, 0, int(node->children.size()) - 1);
    node->state = State::NotLoaded;
    node->next.clear();
}

SessionPtr RegistryTreeModel::makeSession(const RegistrySpec &spec) const
{
    SystemContext ctx = m_baseContext;
    if (!spec.tlsVerify)
        ctx.tlsVerify = false;
    if (!spec.certDir.isEmpty())
        ctx.certDir = spec.certDir;
    return std::make_shared<RegistrySession>(spec.host, ctx);
}

// --- registries ---

void RegistryTreeModel::loadRegistries()
{
    QSettings settings;
    const int n = settings.beginReadArray(kSettingsKey);
    QList<RegistrySpec> remembered;
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        RegistrySpec spec;
        spec.host = settings.value(u"host"_s).toString();
        spec.tlsVerify = settings.value(u"tlsVerify"_s, true).toBool();
        spec.certDir = settings.value(u"certDir"_s).toString();
        if (!spec.host.isEmpty())
            remembered << spec;
    }
    settings.endArray();
    for (const RegistrySpec &spec : std::as_const(remembered))
        if (!registryIndex(spec.host).isValid())
            addRegistry(spec, false);
    whenDone(this, CredentialStore(m_baseContext.authFile).listAsync(), [this](const Result<CredentialListing> &listing) {
        if (!listing)
            return;
        for (const CredentialEntry &e : listing->entries) {
            const QString host = e.key.section(u'/', 0, 0);
            if (host.isEmpty() || registryIndex(host).isValid())
                continue;
            RegistrySpec spec;
            spec.host = host;
            spec.fromCredentials = true;
            addRegistry(spec, false);
        }
    });
}

void RegistryTreeModel::saveRegistries() const
{
    QSettings settings;
    settings.beginWriteArray(kSettingsKey);
    int i = 0;
    for (const auto &r : m_root->children) {
        if (r->spec.fromCredentials)
            continue;
        settings.setArrayIndex(i++);
        settings.setValue(u"host"_s, r->spec.host);
        settings.setValue(u"tlsVerify"_s, r->spec.tlsVerify);
        settings.setValue(u"certDir"_s, r->spec.certDir);
    }
    settings.endArray();
}

QModelIndex RegistryTreeModel::registryIndex(const QString &host) const
{
    for (const auto &r : m_root->children)
        if (r->spec.host.compare(host, Qt::CaseInsensitive) == 0)
            return indexOf(r.get());
    return {};
}

QModelIndex RegistryTreeModel::addRegistry(const RegistrySpec &spec, bool remember)
{
    if (const QModelIndex existing = registryIndex(spec.host); existing.isValid()) {
        RegistrySpec updated = spec;
        updated.fromCredentials = spec.fromCredentials && nodeOf(existing)->spec.fromCredentials;
        updateRegistry(existing, updated);
        if (remember)
            saveRegistries();
        return existing;
    }
    auto node = std::make_unique<Node>();
    node->kind = Kind::Registry;
    node->name = spec.host;
    node->spec = spec;
    if (remember)
        node->spec.fromCredentials = false;
    node->session = makeSession(spec);
    Node *added = addChild(m_root.get(), std::move(node), int(m_root->children.size()));
    if (remember)
        saveRegistries();
    return indexOf(added);
}

void RegistryTreeModel::removeRegistry(const QModelIndex &registry)
{
    Node *node = nodeOf(registry);
    if (!node || node->kind != Kind::Registry)
        return;
    if (node->session)
        node->session->cancel();
    removeChildren(m_root.get(), node->row(), node->row());
    saveRegistries();
}

RegistrySpec RegistryTreeModel::registrySpec(const QModelIndex &index) const
{
    Node *r = registryOf(nodeOf(index));
    return r ? r->spec : RegistrySpec{};
}

void RegistryTreeModel::updateRegistry(const QModelIndex &index, const RegistrySpec &spec)
{
    Node *r = registryOf(nodeOf(index));
    if (!r)
        return;
    if (r->session)
        r->session->cancel();
    const bool fromCredentials = r->spec.fromCredentials && spec.fromCredentials;
    r->spec = spec;
    r->spec.host = r->name;
    r->spec.fromCredentials = fromCredentials;
    r->session = makeSession(r->spec);
    resetChildren(r);
    saveRegistries();
    const QModelIndex i = indexOf(r);
    Q_EMIT dataChanged(i, i.siblingAtColumn(Count - 1));
}

QModelIndex RegistryTreeModel::openRepository(const QModelIndex &registry, const QString &name)
{
    Node *r = registryOf(nodeOf(registry));
    QString repo = name.trimmed().toLower();
    if (!r || repo.isEmpty())
        return {};
    if (r->spec.host == u"docker.io"_s && !repo.contains(u'/'))
        repo.prepend(u"library/"_s); // Docker Hub's official images, as `docker pull alpine`
    for (const auto &c : r->children)
        if (c->kind == Kind::Repository && c->name == repo)
            return indexOf(c.get());
    auto node = std::make_unique<Node>();
    node->kind = Kind::Repository;
    node->name = repo;
    node->repository = repo;
    const int at = int(r->children.size()) - (r->statusChild() ? 1 : 0);
    return indexOf(addChild(r, std::move(node), at));
}

QModelIndex RegistryTreeModel::statusIndex(const QModelIndex &parent) const
{
    Node *n = nodeOf(parent);
    return n ? indexOf(n->statusChild()) : QModelIndex();
}

SessionPtr RegistryTreeModel::sessionFor(const QModelIndex &index) const
{
    Node *r = registryOf(nodeOf(index));
    return r ? r->session : nullptr;
}

// --- loading ---

void RegistryTreeModel::retry(const QModelIndex &index)
{
    Node *n = nodeOf(index);
    if (!n || n == m_root.get())
        return;
    if (n->kind == Kind::Status)
        n = n->parent;
    if (n->kind == Kind::Registry) {
        // A new session: the registry may have come up, or credentials changed since.
        if (n->session)
            n->session->cancel();
        n->session = makeSession(n->spec);
    }
    if (n->state == State::Failed && !n->children.empty() && n->kind != Kind::Tag && n->kind != Kind::Platform) {
        // A later page failed: keep what was loaded, ask for that page again.
        clearStatus(n);
        n->state = State::Loaded;
        if (n->children.empty() && n->next.isEmpty())
            n->state = State::NotLoaded;
    } else {
        resetChildren(n);
    }
    if (canFetchMore(indexOf(n)))
        fetchMore(indexOf(n));
}

bool RegistryTreeModel::hasChildren(const QModelIndex &parent) const
{
    Node *n = nodeOf(parent);
    if (!n)
        return false;
    if (n == m_root.get())
        return !n->children.empty();
    if (n->kind == Kind::Status || n->kind == Kind::Layer)
        return false;
    return n->state == State::NotLoaded || !n->children.empty();
}

bool RegistryTreeModel::canFetchMore(const QModelIndex &parent) const
{
    Node *n = nodeOf(parent);
    if (!n || n == m_root.get() || n->kind == Kind::Status || n->kind == Kind::Layer)
        return false;
    return n->state == State::NotLoaded || (n->state == State::Loaded && !n->next.isEmpty());
}

void RegistryTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // Marked at once (no second fetch is offered), started from the event loop: fetchMore may be called from a
    // view's or a proxy's handler of another change, where inserting the "Loading…" row would nest two changes.
    Node *n = nodeOf(parent);
    n->state = State::Loading;
    const quint64 id = n->id;
    const quint64 generation = n->generation;
    QMetaObject::invokeMethod(this, [this, id, generation] {
        Node *node = findNode(id);
        if (node && node->generation == generation && node->state == State::Loading)
            startFetch(node);
    }, Qt::QueuedConnection);
}

void RegistryTreeModel::failFetch(Node *node, const Error &error)
{
    Node *r = registryOf(node);
    node->state = State::Failed;
    setStatus(node, StatusKind::Error, windowMessage(error, r ? r->spec.host : QString()), error);
}

void RegistryTreeModel::startFetch(Node *node)
{
    Node *r = registryOf(node);
    if (!r || !r->session)
        return;
    node->state = State::Loading;
    setStatus(node, StatusKind::Loading, tr("Loading…"));
    const quint64 id = node->id;
    const quint64 generation = node->generation;
    const SessionPtr session = r->session;
    // The node the answer is for, if it still waits for it.
    auto target = [this, id, generation]() -> Node * {
        Node *n = findNode(id);
        return n && n->generation == generation && n->state == State::Loading ? n : nullptr;
    };
    switch (node->kind) {
    case Kind::Registry:
        whenDone(this, catalogPageAsync(session, m_pageSize, node->next),
                 [this, target](const Result<RegistryClient::ListPage> &page) {
            Node *n = target();
            if (!n)
                return;
            if (!page) {
                const bool firstPage = n->children.size() <= 1;
                if (firstPage && page.error().code == ErrorCode::Unsupported) {
                    n->state = State::Loaded;
                    n->next.clear();
                    setStatus(n, StatusKind::NoCatalog,
                              tr("This registry does not list its repositories here: type a repository name to open it."),
                              page.error());
                    Q_EMIT fetchFinished(indexOf(n), true);
                    return;
                }
                failFetch(n, page.error());
                Q_EMIT fetchFinished(indexOf(n), false);
                return;
            }
            clearStatus(n);
            if (!page->names.isEmpty()) {
                const int first = int(n->children.size());
                beginInsertRows(indexOf(n), first, first + int(page->names.size()) - 1);
                for (const QString &name : page->names) {
                    auto c = std::make_unique<Node>();
                    c->kind = Kind::Repository;
                    c->name = name;
                    c->repository = name;
                    c->id = m_nextId++;
                    c->parent = n;
                    m_nodes.insert(c->id, c.get());
                    n->children.push_back(std::move(c));
                }
                endInsertRows();
            }
            n->next = page->next;
            n->state = State::Loaded;
            Q_EMIT fetchFinished(indexOf(n), true);
        });
        break;
    case Kind::Repository:
        whenDone(this, tagsPageAsync(session, node->repository, m_pageSize, node->next),
                 [this, target](const Result<RegistryClient::ListPage> &page) {
            Node *n = target();
            if (!n)
                return;
            if (!page) {
                failFetch(n, page.error());
                Q_EMIT fetchFinished(indexOf(n), false);
                return;
            }
            clearStatus(n);
            if (!page->names.isEmpty()) {
                const int first = int(n->children.size());
                beginInsertRows(indexOf(n), first, first + int(page->names.size()) - 1);
                for (const QString &name : page->names) {
                    auto c = std::make_unique<Node>();
                    c->kind = Kind::Tag;
                    c->name = name;
                    c->repository = n->repository;
                    c->reference = name;
                    c->id = m_nextId++;
                    c->parent = n;
                    m_nodes.insert(c->id, c.get());
                    n->children.push_back(std::move(c));
                }
                endInsertRows();
            }
            n->next = page->next;
            n->state = State::Loaded;
            Q_EMIT fetchFinished(indexOf(n), true);
        });
        break;
    case Kind::Tag:
    case Kind::Platform:
        whenDone(this, manifestAsync(session, node->repository, node->reference),
                 [this, target](const Result<RemoteManifest> &manifest) {
            Node *n = target();
            if (!n)
                return;
            if (!manifest) {
                failFetch(n, manifest.error());
                Q_EMIT fetchFinished(indexOf(n), false);
                return;
            }
            clearStatus(n);
            n->digest = manifest->digest.toString();
            n->mediaType = manifest->raw.mediaType;
            n->size = manifest->totalSize();
            const QModelIndex self = indexOf(n);
            Q_EMIT dataChanged(self, self.siblingAtColumn(Count - 1));
            const QList<Descriptor> &entries = manifest->isIndex ? manifest->platforms : manifest->layers;
            if (!entries.isEmpty()) {
                beginInsertRows(self, 0, int(entries.size()) - 1);
                for (const Descriptor &d : entries) {
                    auto c = std::make_unique<Node>();
                    if (manifest->isIndex) {
                        c->kind = Kind::Platform;
                        c->name = d.platform ? d.platform->toString() : tr("(no platform)");
                        c->reference = d.digest.toString();
                    } else {
                        c->kind = Kind::Layer;
                        c->name = shortDigest(d.digest.toString());
                        c->state = State::Loaded;
                    }
                    c->repository = n->repository;
                    c->digest = d.digest.toString();
                    c->mediaType = d.mediaType;
                    c->size = d.size;
                    c->id = m_nextId++;
                    c->parent = n;
                    m_nodes.insert(c->id, c.get());
                    n->children.push_back(std::move(c));
                }
                endInsertRows();
            }
            n->next.clear();
            n->state = State::Loaded;
            Q_EMIT fetchFinished(self, true);
        });
        break;
    case Kind::Layer:
    case Kind::Status:
        break;
    }
}

void RegistryTreeModel::deleteManifest(const QModelIndex &index)
{
    Node *n = nodeOf(index);
    Node *r = registryOf(n);
    if (!n || !r || (n->kind != Kind::Tag && n->kind != Kind::Platform)) {
        Q_EMIT deleteFinished(false, tr("Choose a tag or a platform image to delete."));
        return;
    }
    Node *repo = n;
    while (repo && repo->kind != Kind::Repository)
        repo = repo->parent;
    const quint64 repoId = repo ? repo->id : 0;
    const QString host = r->spec.host;
    whenDone(this, deleteManifestAsync(r->session, n->repository, n->reference),
             [this, repoId, host](const Result<stevedore::Digest> &deleted) {
        if (!deleted) {
            Q_EMIT deleteFinished(false, windowMessage(deleted.error(), host));
            return;
        }
        if (Node *repoNode = findNode(repoId)) {
            resetChildren(repoNode);
            startFetch(repoNode);
        }
        Q_EMIT deleteFinished(true, tr("Deleted %1.").arg(deleted->toString()));
    });
}

QString RegistryTreeModel::windowMessage(const Error &error, const QString &host)
{
    switch (error.code) {
    case ErrorCode::Unauthorized:
        return tr("%1 did not accept the login: log in again, or check the user and password in Credentials.").arg(host);
    case ErrorCode::Denied:
        return tr("%1 does not allow this user to see this.").arg(host);
    case ErrorCode::CredentialsMissing:
        return tr("%1 needs a login.").arg(host);
    case ErrorCode::AuthFileInvalid:
        return tr("The credentials for %1 cannot be read: an auth file is damaged (see Credentials).").arg(host);
    case ErrorCode::TlsError:
        return tr("The certificate of %1 is not trusted: trust the folder holding its CA certificate, or add the "
                  "registry again without certificate checks.").arg(host);
    case ErrorCode::NetworkError:
    case ErrorCode::Timeout:
        return tr("Cannot reach %1: check the address and that the registry is running.").arg(host);
    case ErrorCode::NameUnknown:
    case ErrorCode::ManifestUnknown:
    case ErrorCode::NotFound:
        return tr("%1 does not have this (it may have been deleted).").arg(host);
    case ErrorCode::TooManyRequests:
        return tr("%1 asks to slow down: try again in a moment.").arg(host);
    case ErrorCode::ServerError:
        return tr("%1 had an internal error: try again later.").arg(host);
    case ErrorCode::Unsupported:
        return tr("%1 does not allow this (deleting may not be enabled on it).").arg(host);
    case ErrorCode::Cancelled:
        return tr("Stopped.");
    default:
        return tr("%1 answered something unexpected: %2").arg(host, error.message);
    }
}

// --- the model interface ---

QModelIndex RegistryTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    Node *p = nodeOf(parent);
    if (!p || row < 0 || column < 0 || column >= Count || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex RegistryTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *n = nodeOf(child);
    return indexOf(n->parent);
}

int RegistryTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    Node *n = nodeOf(parent);
    return n ? int(n->children.size()) : 0;
}

int RegistryTreeModel::columnCount(const QModelIndex &) const
{
    return Count;
}

QVariant RegistryTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeOf(index);
    Node *r = registryOf(const_cast<Node *>(n));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return n->name;
        case Digest:
            return shortDigest(n->digest);
        case Size:
            return n->size >= 0 ? QLocale().formattedDataSize(n->size) : QString();
        case MediaType:
            return n->mediaType;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (n->kind == Kind::Status && n->status != StatusKind::Loading)
            return n->error.message.isEmpty() ? n->name : n->name + u"\n\n"_s + n->error.message;
        if (index.column() == Digest)
            return n->digest;
        if (n->kind == Kind::Registry)
            return n->spec.tlsVerify ? n->spec.host : tr("%1 (no certificate checks)").arg(n->spec.host);
        return {};
    case KindRole:
        return int(n->kind);
    case HostRole:
        return r ? r->spec.host : QString();
    case RepositoryRole:
        return n->repository;
    case ReferenceRole:
        return n->reference;
    case DigestRole:
        return n->digest;
    case SizeRole:
        return n->size;
    case MediaTypeRole:
        return n->mediaType;
    case ImageReferenceRole:
        if (!r)
            return {};
        if (n->kind == Kind::Tag)
            return QString(u"docker://"_s + r->spec.host + u'/' + n->repository + u':' + n->reference);
        if (n->kind == Kind::Platform)
            return QString(u"docker://"_s + r->spec.host + u'/' + n->repository + u'@' + n->reference);
        return {};
    case StatusKindRole:
        return n->kind == Kind::Status ? QVariant(int(n->status)) : QVariant();
    case ErrorCodeRole:
        return n->kind == Kind::Status && n->status != StatusKind::Loading ? QVariant(int(n->error.code)) : QVariant();
    case ErrorDetailRole:
        return n->kind == Kind::Status ? n->error.message : QString();
    case StateRole:
        return int(n->state);
    default:
        return {};
    }
}

QVariant RegistryTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Digest:
        return tr("Digest");
    case Size:
        return tr("Size");
    case MediaType:
        return tr("Media type");
    default:
        return {};
    }
}

Qt::ItemFlags RegistryTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Node *n = nodeOf(index);
    if (n->kind == Kind::Tag || n->kind == Kind::Platform)
        f |= Qt::ItemIsDragEnabled;
    if (n->kind == Kind::Layer || n->kind == Kind::Status)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QStringList RegistryTreeModel::mimeTypes() const
{
    return {u"text/plain"_s};
}

QMimeData *RegistryTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList refs;
    for (const QModelIndex &i : indexes) {
        const QString ref = data(i.siblingAtColumn(0), ImageReferenceRole).toString();
        if (!ref.isEmpty() && !refs.contains(ref))
            refs << ref;
    }
    if (refs.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setText(refs.join(u'\n'));
    return mime;
}

// --- the filter ---

RegistryFilterModel::RegistryFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void RegistryFilterModel::setNameFilter(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool RegistryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = RegistryTreeModel::Kind(i.data(RegistryTreeModel::KindRole).toInt());
    if (kind == RegistryTreeModel::Kind::Registry)
        return true;
    // A status row stays with its parent: shown when the parent matches (or is a registry).
    const QModelIndex start = kind == RegistryTreeModel::Kind::Status ? sourceParent : i;
    if (RegistryTreeModel::Kind(start.data(RegistryTreeModel::KindRole).toInt()) == RegistryTreeModel::Kind::Registry)
        return true;
    for (QModelIndex p = start; p.isValid(); p = p.parent()) {
        if (RegistryTreeModel::Kind(p.data(RegistryTreeModel::KindRole).toInt()) == RegistryTreeModel::Kind::Registry)
            break;
        if (p.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace stevedore::models
