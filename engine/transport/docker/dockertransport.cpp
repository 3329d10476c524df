#include "dockertransport.h"

#include "auth/credentials.h"
#include "core/logging.h"
#include "registry/registryclient.h"

#include <QMutex>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr qint64 kChunkSize = 4 * 1024 * 1024;
// A blob that goes as it is stored (its size known) streams each PATCH: bigger chunks, for the same memory.
constexpr qint64 kStreamedChunkSize = 32 * 1024 * 1024;
constexpr int kMaxMountAttempts = 3;

Result<ImageReference> imageOf(const TransportReference &ref)
{
    if (ref.kind != TransportReference::Kind::Docker || !ref.image || !ref.image->isValid())
        return fail(ErrorCode::InvalidReference, EngineText::tr("%1 is not a docker:// image reference").arg(ref.toString()));
    return *ref.image;
}

BlobLocation locationOf(const ImageReference &image)
{
    return BlobLocation{QString(kDockerTransportName), image.domain() + u'/' + image.path()};
}

class DockerImageSource final : public ImageSource
{
public:
    DockerImageSource(ImageReference image, std::shared_ptr<RegistryClient> client)
        : m_image(std::move(image)), m_client(std::move(client))
    {
    }

    QString description() const override { return u"docker://"_s + m_image.toString(); }

    Result<RawManifest> manifest(const std::optional<Digest> &instance, const CancelToken &cancel) override
    {
        const QString reference = instance ? instance->toString() : m_image.manifestReference();
        return m_client->getManifest(m_image.path(), reference, cancel);
    }

    Result<std::unique_ptr<BlobReader>> openBlob(const BlobInfo &blob, const CancelToken &cancel) override
    {
        auto reader = m_client->openBlob(m_image.path(), blob.digest, cancel);
        if (reader || reader.error().code != ErrorCode::BlobUnknown || blob.urls.isEmpty())
            return reader;
        // A non-distributable layer: the bytes live at its URLs (contacted without the registry's credentials).
        Error last = reader.error();
        for (const QString &u : blob.urls) {
            auto fromUrl = m_client->openLayerUrl(QUrl(u, QUrl::StrictMode), cancel);
            if (fromUrl)
                return fromUrl;
            last = fromUrl.error();
        }
        return fail(last);
    }

    std::optional<BlobLocation> blobLocation() const override { return locationOf(m_image); }

    Result<QStringList> repositoryTags(const CancelToken &cancel) override
    {
        return m_client->listTags(m_image.path(), 0, cancel);
    }

private:
    ImageReference m_image;
    std::shared_ptr<RegistryClient> m_client;
};

class DockerImageDestination final : public ImageDestination
{
public:
    DockerImageDestination(ImageReference image, std::shared_ptr<RegistryClient> client)
        : m_image(std::move(image)), m_client(std::move(client))
    {
    }

    ~DockerImageDestination() override
    {
        // Upload sessions opened by mount attempts and never used: cancel them (detached, bounded).
        for (const QUrl &session : std::as_const(m_spareSessions))
            m_client->cancelUpload(m_image.path(), session);
    }

    QString description() const override { return u"docker://"_s + m_image.toString(); }

    DestinationCapabilities capabilities() const override
    {
        DestinationCapabilities c;
        c.manifestTypes = {QString(mediatype::OciManifest), QString(mediatype::OciIndex),
                           QString(mediatype::DockerManifest), QString(mediatype::DockerManifestList)};
        c.compressUncompressedLayers = Compression::Gzip;
        c.acceptsForeignLayerUrls = true;
        c.writeChunkSize = kChunkSize;
        return c;
    }

    Result<std::optional<ReusedBlob>> tryReuseBlob(const BlobInfo &blob, const KnownBlobLocations &known,
                                                   const CancelToken &cancel) override
    {
        if (!blob.digest.isValid())
            return std::optional<ReusedBlob>();
        auto size = m_client->blobSize(m_image.path(), blob.digest, cancel);
        if (!size)
            return fail(size.error());
        if (*size)
            return std::optional<ReusedBlob>(ReusedBlob{**size >= 0 ? **size : blob.size, false});
        int attempts = 0;
        const QString prefix = m_image.domain() + u'/';
        for (const BlobLocation &where : known.locations(blob.digest, QString(kDockerTransportName))) {
            if (!where.scope.startsWith(prefix))
                continue; // mounts work within one registry only
            const QString repository = where.scope.mid(prefix.size());
            if (repository.isEmpty() || repository == m_image.path())
                continue;
            if (++attempts > kMaxMountAttempts)
                break;
            auto mounted = m_client->mountBlob(m_image.path(), blob.digest, repository, cancel);
            if (!mounted) {
                if (mounted.error().code == ErrorCode::Cancelled)
                    return fail(mounted.error());
                qCInfo(lcRegistry) << "mount of" << blob.digest.toString() << "from" << repository
                                   << "failed:" << mounted.error().message;
                continue;
            }
            if (mounted->mounted)
                return std::optional<ReusedBlob>(ReusedBlob{blob.size, true});
            if (mounted->uploadUrl.isValid()) {
                QMutexLocker lock(&m_mutex);
                m_spareSessions.append(mounted->uploadUrl);
            }
        }
        return std::optional<ReusedBlob>();
    }

    Result<std::unique_ptr<BlobWriter>> beginBlob(const BlobInfo &blob, const CancelToken &cancel) override
    {
        QUrl session;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_spareSessions.isEmpty())
                session = m_spareSessions.takeLast();
        }
        if (blob.size >= 0)
            return m_client->beginUpload(m_image.path(), session, kStreamedChunkSize, cancel, blob.size);
        return m_client->beginUpload(m_image.path(), session, kChunkSize, cancel);
    }

    Result<std::unique_ptr<BlobWriter>> resumeBlob(const BlobInfo &blob, const BlobResumePoint &from,
                                                   const CancelToken &cancel) override
    {
        const QUrl session(from.handle, QUrl::StrictMode);
        if (blob.size >= 0)
            return m_client->resumeUpload(m_image.path(), session, kStreamedChunkSize, cancel, blob.size);
        return m_client->resumeUpload(m_image.path(), session, kChunkSize, cancel);
    }

    void abandonBlob(const BlobResumePoint &from) override
    {
        m_client->cancelUpload(m_image.path(), QUrl(from.handle, QUrl::StrictMode));
    }

    Status putManifest(const RawManifest &manifest, bool isInstance, const CancelToken &cancel) override
    {
        QString reference;
        if (isInstance || !m_image.hasTag()) {
            const Digest digest = manifest.digest();
            if (!isInstance && m_image.hasDigest() && *m_image.digest() != digest)
                return fail(ErrorCode::DigestMismatch,
                            EngineText::tr("the manifest has digest %1, not the %2 named by the destination %3")
                                .arg(digest.toString(), m_image.digest()->toString(), description()));
            reference = digest.toString();
        } else {
            reference = m_image.tag();
        }
        auto put = m_client->putManifest(m_image.path(), reference, manifest, cancel);
        if (!put)
            return fail(put.error());
        return {};
    }

    Status commit(const CancelToken &) override { return {}; } // the top-level manifest PUT is the commit

    std::optional<BlobLocation> blobLocation() const override { return locationOf(m_image); }

private:
    ImageReference m_image;
    std::shared_ptr<RegistryClient> m_client;
    QMutex m_mutex;
    QList<QUrl> m_spareSessions;
};

} // namespace

Result<std::shared_ptr<RegistryClient>> makeRegistryClient(const QString &host, const QString &repository,
                                                           const SystemContext &ctx, bool push)
{
    RegistryConfig config;
    config.host = host;
    config.insecure = ctx.tlsVerify.has_value() && !*ctx.tlsVerify;
    config.certDir = ctx.certDir;
    config.pushAccess = push;
    config.idleTimeout = ctx.idleTimeout;
    if (ctx.credentials && !ctx.credentials->isEmpty()) {
        config.credentials = ctx.credentials;
    } else {
        auto found = CredentialStore(ctx.authFile).lookup(host, repository, ctx.cancel);
        if (!found)
            return fail(found.error());
        if (*found) {
            config.credentials = (*found)->credentials;
            qCDebug(lcAuth) << "using credentials for" << host << "from" << (*found)->source << "key"
                            << (*found)->key;
        }
    }
    return std::make_shared<RegistryClient>(std::move(config));
}

Result<std::shared_ptr<RegistryClient>> makeRegistryClient(const ImageReference &image, const SystemContext &ctx, bool push)
{
    return makeRegistryClient(image.domain(), image.path(), ctx, push);
}

Result<std::unique_ptr<ImageSource>> openDockerImageSource(const TransportReference &ref, const SystemContext &ctx)
{
    auto image = imageOf(ref);
    if (!image)
        return fail(image.error());
    auto client = makeRegistryClient(*image, ctx, false);
    if (!client)
        return fail(client.error());
    return std::unique_ptr<ImageSource>(std::make_unique<DockerImageSource>(*image, *client));
}

Result<std::unique_ptr<ImageDestination>> openDockerImageDestination(const TransportReference &ref,
                                                                     const SystemContext &ctx)
{
    auto image = imageOf(ref);
    if (!image)
        return fail(image.error());
    auto client = makeRegistryClient(*image, ctx, true);
    if (!client)
        return fail(client.error());
    return std::unique_ptr<ImageDestination>(std::make_unique<DockerImageDestination>(*image, *client));
}

} // namespace stevedore
