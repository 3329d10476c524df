#include "transportreference.h"

namespace stevedore {

namespace {

struct Entry {
    const char *name;
    TransportReference::Kind kind;
};

constexpr Entry kTransports[] = {
    {"docker", TransportReference::Kind::Docker},
    {"dir", TransportReference::Kind::Dir},
    {"oci", TransportReference::Kind::Oci},
    {"oci-archive", TransportReference::Kind::OciArchive},
    {"docker-archive", TransportReference::Kind::DockerArchive},
    {"docker-daemon", TransportReference::Kind::DockerDaemon},
    {"containers-storage", TransportReference::Kind::ContainersStorage},
    {"ostree", TransportReference::Kind::Ostree},
    {"sif", TransportReference::Kind::Sif},
};

Result<TransportReference> invalid(const QString &text, const QString &why)
{
    return fail(ErrorCode::InvalidReference, EngineText::tr("invalid image location \"%1\": %2").arg(text.left(300), why));
}

// PATH[:REF], split at the first ':' as containers/image does on Unix.
void splitPathAndRef(const QString &details, QString &path, QString &ref)
{
    const qsizetype colon = details.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        path = details;
        ref.clear();
    } else {
        path = details.left(colon);
        ref = details.mid(colon + 1);
    }
}

bool isValidOciRefName(const QString &ref)
{
    // OCI image layout: ref.name follows the tag grammar extended with '/' and '+' components.
    if (ref.isEmpty() || ref.size() > 255)
        return false;
    for (QChar c : ref) {
        const bool ok = c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('_')
            || c == QLatin1Char(':') || c == QLatin1Char('@') || c == QLatin1Char('/') || c == QLatin1Char('+');
        if (!ok || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

} // namespace

QStringList TransportReference::transportNames()
{
    QStringList names;
    for (const Entry &e : kTransports)
        names << QString::fromLatin1(e.name);
    return names;
}

Result<TransportReference> TransportReference::parse(const QString &text)
{
    if (text.isEmpty())
        return invalid(text, EngineText::tr("the location is empty"));
    TransportReference r;
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString prefix = colon > 0 ? text.left(colon) : QString();
    const Entry *entry = nullptr;
    for (const Entry &e : kTransports) {
        if (prefix == QLatin1String(e.name))
            entry = &e;
    }
    if (!entry) {
        // Not a transport prefix: a name in the local store ("myapp:v1", "localhost:5000/app").
        auto image = ImageReference::parse(text);
        if (!image) {
            if (colon > 0 && !prefix.contains(QLatin1Char('/')) && !prefix.contains(QLatin1Char('.'))
                && text.mid(colon + 1).startsWith(QLatin1Char('/')))
                return invalid(text, EngineText::tr("unknown transport \"%1\"; known transports: %2")
                                         .arg(prefix.left(64), transportNames().join(QStringLiteral(", "))));
            return fail(image.error());
        }
        r.kind = Kind::LocalStore;
        r.details = text;
        r.image = *image;
        return r;
    }

    r.kind = entry->kind;
    r.transport = QString::fromLatin1(entry->name);
    r.details = text.mid(colon + 1);
    if (r.details.isEmpty())
        return invalid(text, EngineText::tr("nothing follows \"%1:\"").arg(r.transport));

    switch (r.kind) {
    case Kind::Docker: {
        if (!r.details.startsWith(QLatin1String("//")))
            return invalid(text, EngineText::tr("docker references start with \"docker://\""));
        auto image = ImageReference::parse(r.details.mid(2));
        if (!image)
            return fail(image.error());
        r.image = *image;
        break;
    }
    case Kind::Dir:
    case Kind::Sif:
        r.path = r.details;
        break;
    case Kind::Oci:
    case Kind::OciArchive:
        splitPathAndRef(r.details, r.path, r.pathRef);
        if (r.path.isEmpty())
            return invalid(text, EngineText::tr("the path is empty"));
        if (!r.pathRef.isEmpty() && !isValidOciRefName(r.pathRef))
            return invalid(text, EngineText::tr("\"%1\" is not a valid image layout reference name").arg(r.pathRef.left(140)));
        break;
    case Kind::DockerArchive:
        splitPathAndRef(r.details, r.path, r.pathRef);
        if (r.path.isEmpty())
            return invalid(text, EngineText::tr("the path is empty"));
        break;
    case Kind::DockerDaemon:
    case Kind::ContainersStorage:
    case Kind::Ostree: {
        QString name = r.details;
        if (r.kind == Kind::ContainersStorage && name.startsWith(QLatin1Char('['))) {
            const qsizetype close = name.indexOf(QLatin1Char(']'));
            if (close < 0)
                return invalid(text, EngineText::tr("unterminated storage specifier"));
            name = name.mid(close + 1);
        }
        if (r.kind == Kind::Ostree) {
            const qsizetype atSlash = name.indexOf(QStringLiteral("@/"));
            if (atSlash >= 0) {
                r.path = name.mid(atSlash + 1);
                name = name.left(atSlash);
            }
        }
        if (r.kind == Kind::DockerDaemon && name.startsWith(QLatin1String("sha256:"))) {
            auto d = Digest::parse(name);
            if (!d)
                return fail(d.error());
            break;
        }
        auto image = ImageReference::parse(name);
        if (!image)
            return fail(image.error());
        r.image = *image;
        break;
    }
    case Kind::LocalStore:
        break;
    }
    return r;
}

QString TransportReference::toString() const
{
    if (kind == Kind::LocalStore)
        return image ? image->toString() : details;
    if (kind == Kind::Docker && image)
        return QStringLiteral("docker://") + image->toString();
    return transport + QLatin1Char(':') + details;
}

} // namespace stevedore
