#pragma once

#include "reference/imagereference.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace stevedore {

// "transport:details", as skopeo and sealos spell image locations. A string without a known transport prefix is a
// name in Stevedore's local store (e.g. "myapp:v1"). The syntax of each transport's details lives in that
// transport's folder (engine/transport/<name>/<name>reference.cpp); this file only dispatches on the prefix.
struct TransportReference {
    enum class Kind {
        Docker,            // docker://host/repo[:tag][@digest]
        Dir,               // dir:PATH
        Oci,               // oci:PATH[:REF]
        OciArchive,        // oci-archive:PATH[:REF]
        DockerArchive,     // docker-archive:PATH[:REF|@INDEX]
        DockerDaemon,      // docker-daemon:NAME:TAG | docker-daemon:sha256:...
        ContainersStorage, // containers-storage:[[driver@root+run]]NAME
        Ostree,            // ostree:NAME[@/abs/repo]
        Sif,               // sif:PATH
        LocalStore,        // a bare name: Stevedore's own store
    };

    Kind kind = Kind::LocalStore;
    QString transport;                   // "docker", "oci", ... ; empty for the local store
    QString details;                     // everything after "transport:"
    QString path;                        // for path-based transports
    QString pathRef;                     // oci:PATH:REF, oci-archive:PATH:REF, docker-archive:PATH:REF
    std::optional<ImageReference> image; // docker://, local store, docker-daemon, containers-storage, ostree
    std::optional<Digest> digest;        // docker-daemon:sha256:...

    static Result<TransportReference> parse(const QString &text);
    static QStringList transportNames(); // the nine names, in the order of the docs

    QString toString() const; // canonical "transport:details"
    // The same place: same transport and, for paths, the same absolute file (symbolic links resolved); for
    // names, the same normalised reference.
    bool sameLocationAs(const TransportReference &other) const;
};

// Per-transport parsers of the details (defined in each transport's folder). `r.details` is set and non-empty;
// each fills the rest or fails with ErrorCode::InvalidReference through invalidLocation().
Status parseDockerReference(TransportReference &r);
Status parseDirReference(TransportReference &r);
Status parseOciReference(TransportReference &r);
Status parseOciArchiveReference(TransportReference &r);
Status parseDockerArchiveReference(TransportReference &r);
Status parseDockerDaemonReference(TransportReference &r);
Status parseContainersStorageReference(TransportReference &r);
Status parseOstreeReference(TransportReference &r);
Status parseSifReference(TransportReference &r);
Status parseLocalStoreReference(TransportReference &r);

// The error every parser gives: "invalid image location "TEXT": WHY" (the text scrubbed of user:password@).
std::unexpected<Error> invalidLocation(const QString &text, const QString &why);
// PATH[:REF], split at the first ':' as containers/image does on Unix.
void splitPathAndRef(const QString &details, QString &path, QString &ref);

} // namespace stevedore
