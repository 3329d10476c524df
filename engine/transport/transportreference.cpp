#include "transportreference.h"

#include "core/secrets.h"

#include <QDir>
#include <QFileInfo>

namespace stevedore {

namespace {

struct Entry {
    const char *name;
    TransportReference::Kind kind;
    Status (*parse)(TransportReference &);
};

constexpr Entry kTransports[] = {
    {"docker", TransportReference::Kind::Docker, parseDockerReference},
    {"dir", TransportReference::Kind::Dir, parseDirReference},
    {"oci", TransportReference::Kind::Oci, parseOciReference},
    {"oci-archive", TransportReference::Kind::OciArchive, parseOciArchiveReference},
    {"docker-archive", TransportReference::Kind::DockerArchive, parseDockerArchiveReference},
    {"docker-daemon", TransportReference::Kind::DockerDaemon, parseDockerDaemonReference},
    {"containers-storage", TransportReference::Kind::ContainersStorage, parseContainersStorageReference},
    {"ostree", TransportReference::Kind::Ostree, parseOstreeReference},
    {"sif", TransportReference::Kind::Sif, parseSifReference},
};

QString absoluteFile(const QString &path)
{
    const QFileInfo fi(path);
    const QString canonical = fi.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(fi.absoluteFilePath()) : canonical;
}

} // namespace

std::unexpected<Error> invalidLocation(const QString &text, const QString &why)
{
    // A reference typed as docker://user:password@host/... must not be echoed with its password.
    const QString shown = secrets::sanitizeForDisplay(secrets::scrub(text), 300);
    return fail(ErrorCode::InvalidReference, EngineText::tr("invalid image location \"%1\": %2").arg(shown, why));
}

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
        return invalidLocation(text, EngineText::tr("the location is empty"));
    TransportReference r;
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString prefix = colon > 0 ? text.left(colon) : QString();
    const Entry *entry = nullptr;
    for (const Entry &e : kTransports) {
        if (prefix == QLatin1String(e.name))
            entry = &e;
    }
    if (!entry) {
        r.kind = Kind::LocalStore;
        r.details = text;
        if (auto p = parseLocalStoreReference(r); !p)
            return fail(p.error());
        return r;
    }
    r.kind = entry->kind;
    r.transport = QString::fromLatin1(entry->name);
    r.details = text.mid(colon + 1);
    if (r.details.isEmpty())
        return invalidLocation(text, EngineText::tr("nothing follows \"%1:\"").arg(r.transport));
    if (auto p = entry->parse(r); !p)
        return fail(p.error());
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

bool TransportReference::sameLocationAs(const TransportReference &other) const
{
    if (kind != other.kind)
        return false;
    switch (kind) {
    case Kind::Dir:
    case Kind::Sif: // one image in the file
        return absoluteFile(path) == absoluteFile(other.path);
    case Kind::Oci:
    case Kind::OciArchive:
    case Kind::DockerArchive:
        return absoluteFile(path) == absoluteFile(other.path) && pathRef == other.pathRef;
    case Kind::Ostree:
    case Kind::ContainersStorage:
        if (path != other.path)
            return false;
        break;
    default:
        break;
    }
    if (image && other.image)
        return image->toString() == other.image->toString();
    if (digest && other.digest)
        return *digest == *other.digest;
    return details == other.details;
}

} // namespace stevedore
