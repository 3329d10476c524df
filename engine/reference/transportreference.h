#pragma once

#include "imagereference.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace stevedore {

// "transport:details", as skopeo and sealos spell image locations. A string without a known transport
// prefix is a name in Stevedore's local store (e.g. "myapp:v1").
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
    QString transport;                 // "docker", "oci", ... ; empty for the local store
    QString details;                   // everything after "transport:"
    QString path;                      // for path-based transports
    QString pathRef;                   // oci:PATH:REF, oci-archive:PATH:REF, docker-archive:PATH:REF
    std::optional<ImageReference> image; // docker://, local store, docker-daemon, containers-storage, ostree

    static Result<TransportReference> parse(const QString &text);
    static QStringList transportNames(); // the nine names, in the order of the docs

    QString toString() const; // canonical "transport:details"
};

} // namespace stevedore
