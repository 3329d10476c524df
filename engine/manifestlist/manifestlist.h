#pragma once

#include "content/descriptor.h"
#include "content/mediatypes.h"
#include "core/error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace stevedore {

// One image of a local manifest list.
struct ListEntry {
    Descriptor descriptor; // as written in the list: mediaType, digest, size, platform, annotations
    // Where the image is read from when the list is pushed, as a transport reference: "docker://host/repo@sha256:…",
    // "oci:/abs/layout:v1", "myapp:v1" (the local store). The manifest with descriptor.digest is that reference's
    // top-level manifest or one of its children.
    QString source;
};

// A local manifest list (OCI image index or Docker manifest list) being assembled. Its bytes (toBytes()) are what
// the list store keeps, what `stevedore manifest inspect` prints and what a push sends (unless converted by
// --format); the sources are kept next to it, never in it.
struct ManifestList {
    QString mediaType = QString(mediatype::OciIndex);
    QList<ListEntry> entries;
    QMap<QString, QString> annotations; // the index's own

    // {"schemaVersion": 2, "mediaType": ..., "manifests": [...], "annotations": {...}}, indented; the same list
    // always gives the same bytes.
    QByteArray toBytes() const;
    // Parses stored bytes; `sources` maps a digest string to its entry's source. `what` names the list in errors.
    static Result<ManifestList> fromBytes(const QByteArray &bytes, const QHash<QString, QString> &sources,
                                          const QString &what);
    QHash<QString, QString> sources() const;

    // The entry whose digest is `digest`, or -1.
    qsizetype indexOf(const Digest &digest) const;
    // Adds `entry`; an entry with the same digest is replaced in place (as docker manifest create does).
    void add(const ListEntry &entry);
    // Platforms listed more than once, as "linux/arm64/v8 (2 entries)"; empty when every platform is unique.
    QStringList duplicatePlatforms() const;
};

// One `manifest annotate` (or one edit in the editor): a field left nullopt is unchanged; an empty value removes the
// field. Annotations: an empty value removes that key.
struct PlatformEdit {
    std::optional<QString> os;
    std::optional<QString> architecture;
    std::optional<QString> variant;
    std::optional<QString> osVersion;
    std::optional<QStringList> osFeatures;
    QMap<QString, QString> annotations;
    bool isEmpty() const;
};

// Applies `edit` to `entry` and checks the resulting platform (checkPlatform); on error the entry is unchanged.
// A variant that the new architecture does not take is an error too ("--arch amd64" on an arm64/v8 entry without
// "--variant """).
Status applyPlatformEdit(ListEntry &entry, const PlatformEdit &edit);

// The platform key used for duplicate checks and messages: "os/arch[/variant]", plus " os.version V" when set.
QString platformKey(const std::optional<Platform> &p);

} // namespace stevedore
