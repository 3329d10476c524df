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

} // namespace stevedore::models
