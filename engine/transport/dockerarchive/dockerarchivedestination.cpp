// docker-archive: as a destination (see dockerarchivetransport.h).
#include "dockerarchivemanifest.h"
#include "dockerarchivetransport.h"

#include "content/fileblob.h"
#include "content/mediatypes.h"
#include "transport/tar/imagetar.h"

#include <QFileInfo>
#include <QMutex>
#include <QSet>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

Error cancelled()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("cancelled"));
}

class DockerArchiveImageDestination final : public ImageDestination
{
public:
    DockerArchiveImageDestination(std::unique_ptr<QTemporaryDir> folder, QString archivePath, QStringList tags,
                                  QString description)
        : m_folder(std::move(folder))
        , m_archivePath(std::move(archivePath))
        , m_tags(std::move(tags))
        , m_description(std::move(description))
    {
    }
    QString description() const override { return m_description; }
    DestinationCapabilities capabilities() const override
    {
        DestinationCapabilities c;
        c.manifestTypes = {mediatype::DockerManifest};
        c.layerCompressions = {Compression::None}; // docker load reads plain layer tars
        c.storesIndexes = false;
        return c;
    }
    Result<std::optional<ReusedBlob>> tryReuseBlob(const BlobInfo &blob, const KnownBlobLocations &,
                                                   const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        const QFileInfo fi(blobPath(blob.digest));
        if (blob.digest.isValid() && fi.isFile() && (blob.size < 0 || fi.size() == blob.size))
            return std::optional<ReusedBlob>(ReusedBlob{fi.size(), false});
        return std::optional<ReusedBlob>();
    }
    Result<std::unique_ptr<BlobWriter>> beginBlob(const BlobInfo &, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        return makeFileBlobWriter(m_folder->path(), [this](const Digest &d) { return blobPath(d); });
    }
    Status putManifest(const RawManifest &manifest, bool isInstance, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        if (isInstance || manifest.mediaType != mediatype::DockerManifest)
            return fail(ErrorCode::Unsupported,
                        EngineText::tr("%1 holds one image with a Docker v2s2 manifest, not a %2")
                            .arg(m_description, manifest.mediaType.left(120)));
        auto parsed = ImageManifest::parse(manifest);
        if (!parsed)
            return fail(parsed.error());
        QMutexLocker lock(&m_mutex);
        m_manifest = *parsed;
        return {};
    }
    Status commit(const CancelToken &cancel) override
    {
        std::optional<ImageManifest> manifest;
        {
            QMutexLocker lock(&m_mutex);
            manifest = m_manifest;
        }
        if (!manifest)
            return fail(ErrorCode::Internal, EngineText::tr("%1: no manifest was written").arg(m_description));
        DockerArchiveEntry entry;
        entry.config = manifest->config.digest.hex() + u".json"_s;
        entry.repoTags = m_tags;
        QList<TarMember> members;
        QSet<QString> written;
        for (const Descriptor &layer : std::as_const(manifest->layers)) {
            const QString name = layer.digest.hex() + u".tar"_s;
            entry.layers.append(name);
            if (!written.contains(name))
                members.append(TarMember{name, blobPath(layer.digest), {}, false});
            written.insert(name);
        }
        members.append(TarMember{entry.config, blobPath(manifest->config.digest), {}, false});
        members.append(TarMember{u"manifest.json"_s, {}, serializeDockerArchiveManifest({entry}), false});
        for (const TarMember &m : std::as_const(members))
            if (!m.file.isEmpty() && !QFileInfo(m.file).isFile())
                return fail(ErrorCode::Internal, EngineText::tr("%1: the blob %2 was not written").arg(m_description, m.name));
        if (auto p = packTar(members, m_archivePath, cancel); !p)
            return fail(p.error().withContext(EngineText::tr("writing the archive %1").arg(m_archivePath)));
        return {};
    }

private:
    QString blobPath(const Digest &d) const { return m_folder->path() + u'/' + d.hex(); }

    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_archivePath;
    QStringList m_tags;
    QString m_description;
    QMutex m_mutex;
    std::optional<ImageManifest> m_manifest;
};

} // namespace

Result<std::unique_ptr<ImageDestination>> openDockerArchiveImageDestination(const TransportReference &ref,
                                                                            const SystemContext &)
{
    if (ref.pathRef.startsWith(u'@'))
        return fail(ErrorCode::InvalidReference,
                    EngineText::tr("%1: an image number (@N) cannot name a destination image; give NAME:TAG").arg(ref.toString()));
    QStringList tags;
    if (ref.image) {
        if (ref.image->hasDigest())
            return fail(ErrorCode::InvalidReference,
                        EngineText::tr("%1: a docker save archive tags its image; a digest cannot name it").arg(ref.toString()));
        tags.append(ref.image->familiarString());
    }
    auto target = checkArchiveTarget(ref.path);
    if (!target)
        return fail(target.error());
    auto folder = archiveWorkFolder(u"docker-archive"_s);
    if (!folder)
        return fail(folder.error());
    return std::unique_ptr<ImageDestination>(std::make_unique<DockerArchiveImageDestination>(
        std::move(*folder), *target, tags, ref.toString()));
}

} // namespace stevedore
