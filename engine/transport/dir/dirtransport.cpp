#include "dirtransport.h"

#include "core/atomicfile.h"
#include "transport/oci/ocitransport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace stevedore {

namespace {

const QByteArray kVersion = QByteArrayLiteral("Directory Transport Version: 1.1\n");

Error cancelled()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("cancelled"));
}

QString blobPathIn(const QString &root, const Digest &d)
{
    return root + QLatin1Char('/') + d.hex();
}

QString instancePathIn(const QString &root, const Digest &d)
{
    return root + QLatin1Char('/') + d.hex() + QStringLiteral(".manifest.json");
}

QString cleanRoot(QString p)
{
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return p;
}

class DirImageSource final : public ImageSource
{
public:
    explicit DirImageSource(QString root) : m_root(std::move(root)) {}
    QString description() const override { return QStringLiteral("dir:") + m_root; }

    Result<RawManifest> manifest(const std::optional<Digest> &instance, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        if (!instance) {
            auto bytes = readFileLimited(m_root + QStringLiteral("/manifest.json"), kMaxManifestSize);
            if (!bytes)
                return fail(bytes.error());
            return makeRawManifest(*bytes);
        }
        QString path = instancePathIn(m_root, *instance);
        if (!QFileInfo::exists(path)) {
            // A lone manifest: manifest.json itself may be the instance asked for.
            path = m_root + QStringLiteral("/manifest.json");
        }
        auto bytes = readFileLimited(path, kMaxManifestSize);
        if (!bytes) {
            if (bytes.error().code == ErrorCode::NotFound)
                return fail(ErrorCode::ManifestUnknown, EngineText::tr("manifest %1 is missing from %2")
                                                            .arg(instance->toString(), description()));
            return fail(bytes.error());
        }
        Digester h(instance->algorithm());
        h.addData(*bytes);
        const Digest actual = h.result();
        if (actual != *instance)
            return fail(ErrorCode::DigestMismatch, EngineText::tr("manifest %1 in %2 is corrupt: its content has digest %3")
                                                       .arg(instance->toString(), description(), actual.toString()));
        return makeRawManifest(*bytes);
    }

    Result<std::unique_ptr<BlobReader>> openBlob(const Descriptor &blob, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        auto file = std::make_unique<QFile>(blobPathIn(m_root, blob.digest));
        if (!file->exists())
            return fail(ErrorCode::BlobUnknown,
                        EngineText::tr("blob %1 is missing from %2").arg(blob.digest.toString(), description()));
        if (!file->open(QIODevice::ReadOnly))
            return fail(ErrorCode::IoError,
                        EngineText::tr("cannot read %1: %2").arg(file->fileName(), file->errorString()));
        if (blob.size >= 0 && file->size() != blob.size)
            return fail(ErrorCode::SizeMismatch, EngineText::tr("blob %1 in %2 is %3 bytes, expected %4")
                                                     .arg(blob.digest.toString(), description())
                                                     .arg(file->size())
                                                     .arg(blob.size));
        return makeFileBlobReader(std::move(file));
    }

private:
    QString m_root;
};

class DirImageDestination final : public ImageDestination
{
public:
    explicit DirImageDestination(QString root) : m_root(std::move(root)) {}
    QString description() const override { return QStringLiteral("dir:") + m_root; }
    LayerCompressionPolicy desiredLayerCompression() const override { return LayerCompressionPolicy::Preserve; }

    Result<std::optional<ReusedBlob>> tryReuseBlob(const Descriptor &blob, const QList<BlobLocationHint> &,
                                                   const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        const QFileInfo fi(blobPathIn(m_root, blob.digest));
        if (fi.isFile() && (blob.size < 0 || fi.size() == blob.size))
            return std::optional<ReusedBlob>(ReusedBlob{fi.size(), false});
        return std::optional<ReusedBlob>();
    }

    Result<std::unique_ptr<BlobWriter>> beginBlob(const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        const QString root = m_root;
        return makeFileBlobWriter(m_root, [root](const Digest &d) { return blobPathIn(root, d); });
    }

    Status putManifest(const RawManifest &manifest, bool isInstance, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        if (manifest.bytes.size() > kMaxManifestSize)
            return fail(ErrorCode::TooLarge,
                        EngineText::tr("the manifest is larger than %1 bytes").arg(kMaxManifestSize));
        const QString path = isInstance ? instancePathIn(m_root, manifest.digest()) : m_root + QStringLiteral("/manifest.json");
        return writeFileAtomically(path, manifest.bytes);
    }

    Status commit(const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        return {};
    }

private:
    QString m_root;
};

} // namespace

Result<std::unique_ptr<ImageSource>> openDirImageSource(const TransportReference &ref, const SystemContext &)
{
    const QString root = cleanRoot(ref.path);
    const QFileInfo fi(root);
    if (!fi.exists())
        return fail(ErrorCode::NotFound, EngineText::tr("%1 does not exist").arg(root));
    if (!fi.isDir())
        return fail(ErrorCode::InvalidArgument, EngineText::tr("%1 is not a folder").arg(root));
    if (!QFileInfo(root + QStringLiteral("/manifest.json")).isFile())
        return fail(ErrorCode::NotFound, EngineText::tr("%1 holds no image (no manifest.json)").arg(root));
    return std::unique_ptr<ImageSource>(std::make_unique<DirImageSource>(root));
}

Result<std::unique_ptr<ImageDestination>> openDirImageDestination(const TransportReference &ref, const SystemContext &)
{
    const QString root = cleanRoot(ref.path);
    const QFileInfo fi(root);
    if (fi.exists() && !fi.isDir())
        return fail(ErrorCode::InvalidArgument, EngineText::tr("%1 exists and is not a folder").arg(root));
    QDir dir(root);
    if (fi.exists()) {
        const QStringList entries = dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        if (!entries.isEmpty()) {
            // Like skopeo: a folder written by the dir transport before is overwritten; anything else is refused.
            if (!entries.contains(QStringLiteral("version")))
                return fail(ErrorCode::AlreadyExists,
                            EngineText::tr("%1 is not empty and was not written by the dir transport; refusing to "
                                           "overwrite it")
                                .arg(root));
            for (const QString &e : entries) {
                const QFileInfo child(dir.filePath(e));
                const bool ok = child.isDir() && !child.isSymLink() ? QDir(child.filePath()).removeRecursively()
                                                                    : dir.remove(e);
                if (!ok)
                    return fail(ErrorCode::IoError, EngineText::tr("cannot delete %1").arg(child.filePath()));
            }
        }
    } else if (!QDir().mkpath(root)) {
        return fail(ErrorCode::IoError, EngineText::tr("cannot create %1").arg(root));
    }
    if (auto w = writeFileAtomically(root + QStringLiteral("/version"), kVersion); !w)
        return fail(w.error());
    return std::unique_ptr<ImageDestination>(std::make_unique<DirImageDestination>(root));
}

} // namespace stevedore
