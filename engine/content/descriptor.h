#pragma once

#include "reference/digest.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace stevedore {

// An image's platform, as in an index entry or a config.
struct Platform {
    QString os;
    QString architecture;
    QString variant;
    QString osVersion;
    QStringList osFeatures;

    // "linux/arm64/v8"
    QString toString() const;
    // Parses "os/arch[/variant]".
    static Result<Platform> parse(const QString &text);
    // The platform of the machine running this code (like skopeo: GOOS/GOARCH names, arm variants).
    static Platform host();
    // Whether this entry can run on `wanted` (os and architecture equal; variant equal when both set).
    bool satisfies(const Platform &wanted) const;

    static std::optional<Platform> fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
    friend bool operator==(const Platform &, const Platform &) = default;
};

// An OCI content descriptor.
struct Descriptor {
    QString mediaType;
    Digest digest;
    qint64 size = -1;
    QStringList urls;
    QMap<QString, QString> annotations;
    std::optional<Platform> platform;
    QString artifactType;

    // Validates mediaType (non-empty), digest (Digest::parse) and size (>= 0).
    static Result<Descriptor> fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
};

} // namespace stevedore
