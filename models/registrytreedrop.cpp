// RegistryTreeModel as a drop target: an image dropped on a registry, repository or tag row is pushed there.
#include "registrytreenode_p.h"

#include "mimereferences.h"

#include "transport/transportreference.h"

#include <QFileInfo>
#include <QMimeData>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace stevedore::models {

namespace {

// A repository path and a tag for `source` as it would be named at a registry.
std::pair<QString, QString> nameAndTag(const TransportReference &source)
{
    if (source.image) {
        const QString tag = source.image->tag();
        return {source.image->path(), tag.isEmpty() ? u"latest"_s : tag};
    }
    // Folders and archives: the folder or file name, made a valid repository component; the layout's tag.
    QString name = QFileInfo(source.path).completeBaseName().toLower();
    if (name.isEmpty())
        name = QFileInfo(QFileInfo(source.path).absolutePath()).fileName().toLower();
    name.replace(QRegularExpression(u"[^a-z0-9._-]+"_s), u"-"_s);
    static const QRegularExpression edges(u"^[._-]+|[._-]+$"_s);
    name.remove(edges);
    const QString ref = source.pathRef;
    const bool tagLike = !ref.isEmpty() && QRegularExpression(u"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$"_s).match(ref).hasMatch();
    return {name.isEmpty() ? u"image"_s : name, tagLike ? ref : u"latest"_s};
}

} // namespace

QString destinationOnRegistry(const QString &host, const QString &sourceText)
{
    const auto source = TransportReference::parse(sourceText);
    if (!source || host.isEmpty())
        return {};
    const auto [name, tag] = nameAndTag(*source);
    return u"docker://%1/%2:%3"_s.arg(host, name, tag);
}

QString RegistryTreeModel::dropDestination(const QModelIndex &target, const QString &sourceText) const
{
    const Node *n = nodeOf(target);
    if (!target.isValid() || !n)
        return {};
    const auto source = TransportReference::parse(sourceText);
    if (!source)
        return {};
    Node *reg = registryOf(const_cast<Node *>(n));
    if (!reg)
        return {};
    const auto [name, tag] = nameAndTag(*source);
    const QString host = reg->spec.host;
    switch (n->kind) {
    case Kind::Registry:
        return destinationOnRegistry(host, sourceText);
    case Kind::Repository:
        return u"docker://%1/%2:%3"_s.arg(host, n->repository, tag);
    case Kind::Tag:
        return u"docker://%1/%2:%3"_s.arg(host, n->repository, n->reference);
    default:
        return {};
    }
}

bool RegistryTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                        const QModelIndex &parent) const
{
    Q_UNUSED(row);
    Q_UNUSED(column);
    if (action != Qt::CopyAction)
        return false; // a copy: the drag source keeps what it has
    const QStringList refs = referencesFromMime(data);
    return !refs.isEmpty() && !dropDestination(parent, refs.first()).isEmpty();
}

bool RegistryTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                     const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QStringList refs = referencesFromMime(data);
    const Node *reg = registryOf(nodeOf(parent));
    Q_EMIT pushDropped(refs, dropDestination(parent, refs.first()), reg->spec.tlsVerify, reg->spec.certDir);
    return true; // taken (as a copy): no row is inserted, the push dialog follows
}

} // namespace stevedore::models
