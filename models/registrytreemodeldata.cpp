#include "registrytreemodel.h"
#include "registrytreenode_p.h"

#include "content/mediatypes.h"

#include <QLocale>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace stevedore::models {

QString shortDigest(const QString &digest)
{
    const qsizetype colon = digest.indexOf(u':');
    return colon < 0 ? digest : digest.mid(colon + 1, 12);
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
    if (n->kind == Kind::Registry || n->kind == Kind::Repository || n->kind == Kind::Tag)
        f |= Qt::ItemIsDropEnabled; // a push there (dropMimeData)
    if (n->kind == Kind::Layer || n->kind == Kind::Status)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QStringList RegistryTreeModel::mimeTypes() const
{
    return {u"text/plain"_s, u"text/uri-list"_s};
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

} // namespace stevedore::models
