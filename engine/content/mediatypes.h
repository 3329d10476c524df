#pragma once

#include <QLatin1StringView>
#include <QString>

namespace stevedore::mediatype {

inline constexpr QLatin1StringView OciManifest{"application/vnd.oci.image.manifest.v1+json"};
inline constexpr QLatin1StringView OciIndex{"application/vnd.oci.image.index.v1+json"};
inline constexpr QLatin1StringView OciConfig{"application/vnd.oci.image.config.v1+json"};
inline constexpr QLatin1StringView OciLayer{"application/vnd.oci.image.layer.v1.tar"};
inline constexpr QLatin1StringView OciLayerGzip{"application/vnd.oci.image.layer.v1.tar+gzip"};
inline constexpr QLatin1StringView OciLayerZstd{"application/vnd.oci.image.layer.v1.tar+zstd"};
inline constexpr QLatin1StringView OciLayerNondistributable{"application/vnd.oci.image.layer.nondistributable.v1.tar"};
inline constexpr QLatin1StringView OciLayerNondistributableGzip{"application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"};
inline constexpr QLatin1StringView OciLayerNondistributableZstd{"application/vnd.oci.image.layer.nondistributable.v1.tar+zstd"};
inline constexpr QLatin1StringView OciEmpty{"application/vnd.oci.empty.v1+json"};

inline constexpr QLatin1StringView DockerManifest{"application/vnd.docker.distribution.manifest.v2+json"};
inline constexpr QLatin1StringView DockerManifestList{"application/vnd.docker.distribution.manifest.list.v2+json"};
inline constexpr QLatin1StringView DockerV2S1{"application/vnd.docker.distribution.manifest.v1+json"};
inline constexpr QLatin1StringView DockerV2S1Signed{"application/vnd.docker.distribution.manifest.v1+prettyjws"};
inline constexpr QLatin1StringView DockerConfig{"application/vnd.docker.container.image.v1+json"};
inline constexpr QLatin1StringView DockerLayer{"application/vnd.docker.image.rootfs.diff.tar"};
inline constexpr QLatin1StringView DockerLayerGzip{"application/vnd.docker.image.rootfs.diff.tar.gzip"};
inline constexpr QLatin1StringView DockerLayerZstd{"application/vnd.docker.image.rootfs.diff.tar.zstd"};
inline constexpr QLatin1StringView DockerForeignLayer{"application/vnd.docker.image.rootfs.foreign.diff.tar"};
inline constexpr QLatin1StringView DockerForeignLayerGzip{"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"};

bool isIndex(const QString &mt);        // OCI index or Docker manifest list
bool isImageManifest(const QString &mt); // OCI manifest or Docker v2s2
bool isLayer(const QString &mt);
bool isUncompressedLayer(const QString &mt);
bool isGzipLayer(const QString &mt);
bool isZstdLayer(const QString &mt);
bool isDockerFamily(const QString &mt);
bool isNonDistributableLayer(const QString &mt); // OCI non-distributable or Docker foreign
// The gzip-compressed twin of an uncompressed layer type (OCI or Docker family kept).
QString gzipLayerFor(const QString &uncompressedLayerType);

} // namespace stevedore::mediatype
