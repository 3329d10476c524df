#pragma once

#include "descriptor.h"
#include "mediatypes.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>

namespace stevedore {

// Manifests and configs larger than this are refused, wherever they come from.
inline constexpr qint64 kMaxManifestSize = 4 * 1024 * 1024;

// Manifest bytes exactly as read or to be written, with their media type. The digest is always computed
// from the bytes, so it never changes unless the manifest is really converted.
struct RawManifest {
    QByteArray bytes;
    QString mediaType;
    Digest digest() const { return Digest::sha256Of(bytes); }
    bool isIndex() const { return mediatype::isIndex(mediaType); }
};

// Works out the media type of manifest bytes: the JSON "mediaType" field when present, else the
// `hint` (e.g. a Content-Type header), else guesses from the shape (manifests[] = OCI index,
// config+layers = OCI manifest, schemaVersion 1 = Docker v2s1). Refuses over kMaxManifestSize.
Result<QString> detectManifestMediaType(const QByteArray &bytes, const QString &hint = {});

// Parses manifest-sized JSON (at most kMaxManifestSize bytes) that must be an object; `what` names it in errors.
Result<QJsonObject> parseJsonObject(const QByteArray &bytes, const QString &what);

// Builds a RawManifest from bytes, validating size, JSON and media type.
Result<RawManifest> makeRawManifest(const QByteArray &bytes, const QString &hint = {});

// An image manifest: OCI image manifest or Docker v2 schema 2.
struct ImageManifest {
    QString mediaType;
    Descriptor config;
    QList<Descriptor> layers;
    QMap<QString, QString> annotations;
    QString artifactType;
    std::optional<Descriptor> subject;

    static Result<ImageManifest> parse(const RawManifest &raw);
};

// An OCI image index or a Docker manifest list.
struct ImageIndex {
    QString mediaType;
    QList<Descriptor> manifests;
    QMap<QString, QString> annotations;

    static Result<ImageIndex> parse(const RawManifest &raw);
};

// The parts of an image config Stevedore needs; `raw` keeps the bytes.
struct ImageConfig {
    QByteArray raw;
    QString os;
    QString architecture;
    QString variant;
    QString created;
    QList<Digest> diffIds;
    QJsonObject json;

    static Result<ImageConfig> parse(const QByteArray &bytes);
    // os, architecture, variant, os.version and os.features, as an index entry names them.
    Platform platform() const;
};

} // namespace stevedore
