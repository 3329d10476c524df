#include "registrytreemodel.h"
#include "registrytreenode_p.h"

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

// Appends one page of repository or tag names below `node` and marks the page loaded.
void RegistryTreeModel::appendPage(Node *node, const RegistryClient::ListPage &page, Kind kind)
{
    clearStatus(node);
    if (!page.names.isEmpty()) {
        const int first = int(node->children.size());
        beginInsertRows(indexOf(node), first, first + int(page.names.size()) - 1);
        for (const QString &name : page.names) {
            auto c = std::make_unique<Node>();
            c->kind = kind;
            c->name = name;
            c->repository = kind == Kind::Repository ? name : node->repository;
            if (kind == Kind::Tag)
                c->reference = name;
            c->id = m_nextId++;
            c->parent = node;
            c->rowHint = int(node->children.size());
            m_nodes.insert(c->id, c.get());
            node->children.push_back(std::move(c));
        }
        endInsertRows();
    }
    node->next = page.next;
    node->state = State::Loaded;
    Q_EMIT fetchFinished(indexOf(node), true);
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
            appendPage(n, *page, Kind::Repository);
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
            appendPage(n, *page, Kind::Tag);
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

void RegistryTreeModel::retranslate()
{
    // Nothing moves; the views only ask every row again.
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, Count - 1);
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
}

} // namespace stevedore::models
