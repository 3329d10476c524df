#include "ociarchivetransport.h"

#include "transport/tar/imagetar.h"
#include "content/manifest.h"
#include "transport/oci/ocitransport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

namespace stevedore {

namespace {

class OciArchiveImageSource final : public ImageSource
{
public:
    OciArchiveImageSource(std::unique_ptr<QTemporaryDir> folder, const TransportReference &ref)
        : m_folder(std::move(folder))
        , m_layout(OciLayout(m_folder->path()), OciSelector{ref.pathRef, std::nullopt}, ref.toString())
    {
    }
    QString description() const override { return m_layout.description(); }
    Result<RawManifest> manifest(const std::optional<Digest> &instance, const CancelToken &cancel) override
    {
        return m_layout.manifest(instance, cancel);
    }
    Result<std::unique_ptr<BlobReader>> openBlob(const BlobInfo &blob, const CancelToken &cancel) override
    {
        return m_layout.openBlob(blob, cancel);
    }

private:
    std::unique_ptr<QTemporaryDir> m_folder; // first: removed after the layout that reads it
    OciImageSource m_layout;
};

class OciArchiveImageDestination final : public ImageDestination
{
public:
    OciArchiveImageDestination(std::unique_ptr<QTemporaryDir> folder, std::unique_ptr<OciImageDestination> layout,
                               QString archivePath, QString description)
        : m_folder(std::move(folder))
        , m_layout(std::move(layout))
        , m_archivePath(std::move(archivePath))
        , m_description(std::move(description))
    {
    }
    QString description() const override { return m_description; }
    DestinationCapabilities capabilities() const override { return m_layout->capabilities(); }
    Result<std::optional<ReusedBlob>> tryReuseBlob(const BlobInfo &blob, const KnownBlobLocations &known,
                                                   const CancelToken &cancel) override
    {
        return m_layout->tryReuseBlob(blob, known, cancel);
    }
    Result<std::unique_ptr<BlobWriter>> beginBlob(const BlobInfo &blob, const CancelToken &cancel) override
    {
        return m_layout->beginBlob(blob, cancel);
    }
    Status putManifest(const RawManifest &manifest, bool isInstance, const CancelToken &cancel) override
    {
        return m_layout->putManifest(manifest, isInstance, cancel);
    }
    Status commit(const CancelToken &cancel) override
    {
        if (auto c = m_layout->commit(cancel); !c)
            return c;
        if (auto p = packFolderTar(m_folder->path(), m_archivePath, cancel); !p)
            return fail(p.error().withContext(EngineText::tr("writing the archive %1").arg(m_archivePath)));
        return {};
    }

private:
    std::unique_ptr<QTemporaryDir> m_folder; // first: removed after the layout written into it
    std::unique_ptr<OciImageDestination> m_layout;
    QString m_archivePath;
    QString m_description;
};

} // namespace

Result<std::unique_ptr<ImageSource>> openOciArchiveImageSource(const TransportReference &ref, const SystemContext &ctx)
{
    auto folder = archiveWorkFolder(QStringLiteral("oci-archive"));
    if (!folder)
        return fail(folder.error());
    UnpackOptions options;
    if (ctx.metadataOnly)
        options.largestMember = kMaxManifestSize; // manifests and configs, not layers
    if (auto u = unpackTar(ref.path, (*folder)->path(), ctx.cancel, options); !u)
        return fail(u.error());
    if (auto c = OciLayout((*folder)->path()).checkExists(); !c) {
        if (QFileInfo::exists((*folder)->path() + QStringLiteral("/manifest.json")))
            return fail(ErrorCode::MalformedContent,
                        EngineText::tr("%1 is a docker save archive, not an OCI image layout: open it as docker-archive:%1")
                            .arg(ref.path));
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("%1 does not hold an OCI image layout: %2").arg(ref.path, c.error().message));
    }
    return std::unique_ptr<ImageSource>(std::make_unique<OciArchiveImageSource>(std::move(*folder), ref));
}

Result<std::unique_ptr<ImageDestination>> openOciArchiveImageDestination(const TransportReference &ref,
                                                                         const SystemContext &)
{
    if (ref.pathRef.startsWith(QLatin1Char('@')))
        return fail(ErrorCode::InvalidReference,
                    EngineText::tr("%1: an index (@N) cannot name a destination image").arg(ref.toString()));
    auto target = checkArchiveTarget(ref.path);
    if (!target)
        return fail(target.error());
    auto folder = archiveWorkFolder(QStringLiteral("oci-archive"));
    if (!folder)
        return fail(folder.error());
    OciImageDestination::Options options;
    options.stageNewLayout = false; // the temporary folder is the staging
    auto layout = OciImageDestination::open(OciLayout((*folder)->path()), ref.pathRef, ref.toString(), options);
    if (!layout)
        return fail(layout.error());
    return std::unique_ptr<ImageDestination>(std::make_unique<OciArchiveImageDestination>(
        std::move(*folder), std::move(*layout), *target, ref.toString()));
}

} // namespace stevedore
