#pragma once
// The manifest.json of a `docker save` archive: one entry per image, each naming its config file, its tags and its
// layer files (in the archive). What docker, podman and skopeo write and read.

#include "core/error.h"
#include "reference/imagereference.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace stevedore {

struct DockerArchiveEntry {
    QString config;      // "<hex>.json"
    QStringList repoTags; // "busybox:latest", as written
    QStringList layers;  // "<hex>.tar" or "<id>/layer.tar", base first
};

// Parses manifest.json (`archive` names it in errors): an array of entries, each with a Config and its Layers, the
// member names relative and inside the archive.
Result<QList<DockerArchiveEntry>> parseDockerArchiveManifest(const QByteArray &bytes, const QString &archive);

// The entry `pathRef` names: empty = the only one; "@N" = the N-th (from 0); else a NAME:TAG `image` matched against
// every RepoTags entry with both normalised (busybox:latest = docker.io/library/busybox:latest). A clear error
// listing what the archive holds otherwise.
Result<DockerArchiveEntry> chooseDockerArchiveEntry(const QList<DockerArchiveEntry> &entries, const QString &pathRef,
                                                    const std::optional<ImageReference> &image, const QString &archive);

// manifest.json for one entry, as docker save writes it.
QByteArray serializeDockerArchiveManifest(const QList<DockerArchiveEntry> &entries);

} // namespace stevedore
