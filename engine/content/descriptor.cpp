#include "descriptor.h"

#include <QJsonArray>
#include <QSysInfo>

namespace stevedore {

QString Platform::toString() const
{
    QString s = os + QLatin1Char('/') + architecture;
    if (!variant.isEmpty())
        s += QLatin1Char('/') + variant;
    return s;
}

Result<Platform> Platform::parse(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() < 2 || parts.size() > 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return fail(ErrorCode::InvalidArgument, EngineText::tr("invalid platform \"%1\": expected os/arch[/variant]").arg(text.left(100)));
    Platform p;
    p.os = parts[0];
    p.architecture = parts[1];
    if (parts.size() == 3)
        p.variant = parts[2];
    return p;
}

Platform Platform::host()
{
    Platform p;
    p.os = QStringLiteral("linux");
    const QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == QLatin1String("x86_64"))
        p.architecture = QStringLiteral("amd64");
    else if (cpu == QLatin1String("i386"))
        p.architecture = QStringLiteral("386");
    else if (cpu == QLatin1String("arm64")) {
        p.architecture = QStringLiteral("arm64");
        p.variant = QStringLiteral("v8");
    } else if (cpu == QLatin1String("arm")) {
        p.architecture = QStringLiteral("arm");
        p.variant = QStringLiteral("v7");
    } else if (cpu == QLatin1String("power64"))
        p.architecture = QStringLiteral("ppc64le");
    else
        p.architecture = cpu;
    return p;
}

bool Platform::satisfies(const Platform &wanted) const
{
    if (os != wanted.os || architecture != wanted.architecture)
        return false;
    if (!variant.isEmpty() && !wanted.variant.isEmpty() && variant != wanted.variant) {
        // arm64 entries without a variant or with v8 are the same thing
        return false;
    }
    return true;
}

std::optional<Platform> Platform::fromJson(const QJsonObject &o)
{
    if (o.isEmpty())
        return std::nullopt;
    Platform p;
    p.os = o.value(QLatin1String("os")).toString();
    p.architecture = o.value(QLatin1String("architecture")).toString();
    p.variant = o.value(QLatin1String("variant")).toString();
    p.osVersion = o.value(QLatin1String("os.version")).toString();
    for (const QJsonValue &f : o.value(QLatin1String("os.features")).toArray())
        p.osFeatures << f.toString();
    return p;
}

QJsonObject Platform::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("architecture"), architecture);
    o.insert(QLatin1String("os"), os);
    if (!osVersion.isEmpty())
        o.insert(QLatin1String("os.version"), osVersion);
    if (!osFeatures.isEmpty())
        o.insert(QLatin1String("os.features"), QJsonArray::fromStringList(osFeatures));
    if (!variant.isEmpty())
        o.insert(QLatin1String("variant"), variant);
    return o;
}

Result<Descriptor> Descriptor::fromJson(const QJsonObject &o)
{
    Descriptor d;
    d.mediaType = o.value(QLatin1String("mediaType")).toString();
    if (d.mediaType.isEmpty())
        return fail(ErrorCode::MalformedContent, EngineText::tr("descriptor without mediaType"));
    auto digest = Digest::parse(o.value(QLatin1String("digest")).toString());
    if (!digest)
        return fail(ErrorCode::MalformedContent, EngineText::tr("descriptor with %1").arg(digest.error().message));
    d.digest = *digest;
    const QJsonValue size = o.value(QLatin1String("size"));
    if (!size.isDouble() || size.toDouble() < 0 || size.toDouble() != double(qint64(size.toDouble())))
        return fail(ErrorCode::MalformedContent, EngineText::tr("descriptor %1 without a valid size").arg(d.digest.toString()));
    d.size = qint64(size.toDouble());
    for (const QJsonValue &u : o.value(QLatin1String("urls")).toArray())
        d.urls << u.toString();
    const QJsonObject ann = o.value(QLatin1String("annotations")).toObject();
    for (auto it = ann.begin(); it != ann.end(); ++it)
        d.annotations.insert(it.key(), it.value().toString());
    d.platform = Platform::fromJson(o.value(QLatin1String("platform")).toObject());
    d.artifactType = o.value(QLatin1String("artifactType")).toString();
    return d;
}

QJsonObject Descriptor::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("mediaType"), mediaType);
    o.insert(QLatin1String("digest"), digest.toString());
    o.insert(QLatin1String("size"), size);
    if (!urls.isEmpty())
        o.insert(QLatin1String("urls"), QJsonArray::fromStringList(urls));
    if (!annotations.isEmpty()) {
        QJsonObject a;
        for (auto it = annotations.begin(); it != annotations.end(); ++it)
            a.insert(it.key(), it.value());
        o.insert(QLatin1String("annotations"), a);
    }
    if (platform)
        o.insert(QLatin1String("platform"), platform->toJson());
    if (!artifactType.isEmpty())
        o.insert(QLatin1String("artifactType"), artifactType);
    return o;
}

} // namespace stevedore
