#pragma once

// The node behind every row of RegistryTreeModel, shared by its source files (not installed, not for other users).

#include "registrytreemodel.h"

#include <QUrl>

namespace stevedore::models {

// "sha256:0123456789abcdef…" -> "0123456789ab".
QString shortDigest(const QString &digest);

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

    // The row among the parent's children. Every parent() and index lookup asks, so it must not scan each time: the
    // row found last (or given when appended) is checked first; only when a sibling before it was inserted or
    // removed is the row searched again. Without it a catalog of 10,000 repositories cost O(n²) per page.
    int row() const
    {
        if (!parent)
            return 0;
        const auto &siblings = parent->children;
        const size_t n = siblings.size();
        if (rowHint >= 0 && size_t(rowHint) < n && siblings[size_t(rowHint)].get() == this)
            return rowHint;
        for (size_t i = 0; i < n; ++i)
            if (siblings[i].get() == this)
                return rowHint = int(i);
        return -1;
    }
    mutable int rowHint = -1;
    Node *statusChild() const
    {
        return !children.empty() && children.back()->kind == Kind::Status ? children.back().get() : nullptr;
    }
};

} // namespace stevedore::models
