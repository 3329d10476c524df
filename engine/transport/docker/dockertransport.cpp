#include "dockertransport.h"

#include "auth/credentials.h"
#include "core/logging.h"
#include "registry/registryclient.h"

#include <QMutex>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr qint64 kChunkSize = 4 * 1024 * 1024;
constexpr int kMaxMountAttempts = 3;

Result<std::shared_ptr<RegistryClient>> makeClient(const ImageReference &image, const SystemContext &ctx, bool push)
{
    RegistryConfig config;
    config.host = image.domain();
    config.insecure = ctx.tlsVerify.has_value() && !*ctx.tlsVerify;
    config.certDir = ctx.certDir;
    config.pushAccess = push;
    if (ctx.credentials && !ctx.credentials->isEmpty()) {
        config.credentials = ctx.credentials;
    } else {
        auto found = CredentialStore(ctx.authFile).lookup(image.domain(), image.path());
        if (!found)
            return fail(found.error());
        if (*found) {
            config.credentials = (*found)->credentials;
            qCDebug(lcAuth) << "using credentials for" << image.domain() << "from" << (*found)->source << "key"
                            << (*found)->key;
        }
    }
    return std::make_shared<RegistryClient>(std::move(config));
}

Result<ImageReference> imageOf(const TransportReference &ref)
{
    if (ref.kind != TransportReference::Kind::Docker || !ref.image || !ref.image->isValid())
        return fail(ErrorCode::InvalidReference,
                    EngineText::tr("%1 is not a docker:// image reference").arg(ref.toString()));
    return *ref.image;
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
        auto m = m_client->getManifest(m_image.path(), reference, cancel);
        if (!m)
            return fail(m.error());
        return m;
    }

    Result<std::unique_ptr<BlobReader>> openBlob(const Descriptor &blob, const CancelToken &cancel) override
    {
        return m_client->openBlob(m_image.path(), blob.digest, cancel);
    }

    std::optional<BlobLocationHint> blobLocation() const override
    {
        return BlobLocationHint{m_image.domain(), m_image.path()};
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
        // Upload sessions opened by mount attempts and never used: cancel them.
        for (const QUrl &session : std::as_const(m_spareSessions)) {
            auto writer = m_client->beginUpload(m_image.path(), session, kChunkSize, CancelToken());
            Q_UNUSED(writer); // destroyed uncommitted: DELETE
        }
    }

    QString description() const override { return u"docker://"_s + m_image.toString(); }
    LayerCompressionPolicy desiredLayerCompression() const override { return LayerCompressionPolicy::Compress; }

    Result<std::optional<ReusedBlob>> tryReuseBlob(const Descriptor &blob, const QList<BlobLocationHint> &hints,
                                                   const CancelToken &cancel) override
    {
        auto size = m_client->blobSize(m_image.path(), blob.digest, cancel);
        if (!size)
            return fail(size.error());
        if (*size)
            return std::optional<ReusedBlob>(ReusedBlob{**size >= 0 ? **size : blob.size, false});
        int attempts = 0;
        for (const BlobLocationHint &hint : hints) {
            if (hint.registryHost != m_image.domain() || hint.repository == m_image.path() || hint.repository.isEmpty())
                continue;
            if (++attempts > kMaxMountAttempts)
                break;
            auto mounted = m_client->mountBlob(m_image.path(), blob.digest, hint.repository, cancel);
            if (!mounted) {
                if (mounted.error().code == ErrorCode::Cancelled)
                    return fail(mounted.error());
                qCInfo(lcRegistry) << "mount of" << blob.digest.toString() << "from" << hint.repository
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

    Result<std::unique_ptr<BlobWriter>> beginBlob(const CancelToken &cancel) override
    {
        QUrl session;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_spareSessions.isEmpty())
                session = m_spareSessions.takeLast();
        }
        return m_client->beginUpload(m_image.path(), session, kChunkSize, cancel);
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

    Status commit(const CancelToken &cancel) override
    {
        Q_UNUSED(cancel);
        return {};
    }

    std::optional<BlobLocationHint> blobLocation() const override
    {
        return BlobLocationHint{m_image.domain(), m_image.path()};
    }

private:
    ImageReference m_image;
    std::shared_ptr<RegistryClient> m_client;
    QMutex m_mutex;
    QList<QUrl> m_spareSessions;
};

} // namespace

Result<std::unique_ptr<ImageSource>> openDockerImageSource(const TransportReference &ref, const SystemContext &ctx)
{
    auto image = imageOf(ref);
    if (!image)
        return fail(image.error());
    auto client = makeClient(*image, ctx, false);
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
    auto client = makeClient(*image, ctx, true);
    if (!client)
        return fail(client.error());
    return std::unique_ptr<ImageDestination>(std::make_unique<DockerImageDestination>(*image, *client));
}

} // namespace stevedore
