#include "registrytreemodel.h"

namespace stevedore::models {

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
