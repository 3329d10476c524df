#include "mediatypes.h"

namespace stevedore::mediatype {

bool isIndex(const QString &mt)
{
    return mt == OciIndex || mt == DockerManifestList;
}

bool isImageManifest(const QString &mt)
{
    return mt == OciManifest || mt == DockerManifest;
}

bool isUncompressedLayer(const QString &mt)
{
    return mt == OciLayer || mt == DockerLayer || mt == OciLayerNondistributable || mt == DockerForeignLayer;
}

bool isNonDistributableLayer(const QString &mt)
{
    return mt == OciLayerNondistributable || mt == OciLayerNondistributableGzip || mt == OciLayerNondistributableZstd
        || mt == DockerForeignLayer || mt == DockerForeignLayerGzip;
}

bool isGzipLayer(const QString &mt)
{
    return mt == OciLayerGzip || mt == DockerLayerGzip || mt == OciLayerNondistributableGzip || mt == DockerForeignLayerGzip;
}

bool isZstdLayer(const QString &mt)
{
    return mt == OciLayerZstd || mt == DockerLayerZstd || mt == OciLayerNondistributableZstd;
}

bool isLayer(const QString &mt)
{
    return isUncompressedLayer(mt) || isGzipLayer(mt) || isZstdLayer(mt);
}

bool isDockerFamily(const QString &mt)
{
    return mt.startsWith(QLatin1String("application/vnd.docker."));
}

QString gzipLayerFor(const QString &mt)
{
    if (mt == DockerLayer)
        return DockerLayerGzip;
    if (mt == OciLayerNondistributable)
        return OciLayerNondistributableGzip;
    return OciLayerGzip;
}

} // namespace stevedore::mediatype
