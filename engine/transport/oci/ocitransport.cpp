#include "ocitransport.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cstdio>

namespace stevedore {

namespace {

Error cancelled()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("cancelled"));
}

class FileBlobReader final : public BlobReader
{
public:
    explicit FileBlobReader(std::unique_ptr<QFile> f) : m_file(std::move(f)) {}
    Result<qint64> read(char *data, qint64 maxSize) override
    {
        const qint64 n = m_file->read(data, maxSize);
        if (n < 0)
            return fail(ErrorCode::IoError,
                        EngineText::tr("cannot read %1: %2").arg(m_file->fileName(), m_file->errorString()));
        return n;
    }

private:
    std::unique_ptr<QFile> m_file;
};

class FileBlobWriter final : public BlobWriter
{
public:
    FileBlobWriter(std::unique_ptr<QTemporaryFile> tmp, std::function<QString(const Digest &)> finalPathFor)
        : m_tmp(std::move(tmp)), m_finalPathFor(std::move(finalPathFor))
    {
    }
    ~FileBlobWriter() override
    {
        if (!m_committed && m_tmp) {
            m_tmp->close();
            m_tmp->remove();
        }
    }

    Status write(const QByteArray &data, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        if (m_tmp->write(data) != data.size())
            return fail(ErrorCode::IoError,
                        EngineText::tr("cannot write %1: %2").arg(m_tmp->fileName(), m_tmp->errorString()));
        m_hash.addData(data);
        m_size += data.size();
        return {};
    }

    Status commit(const Digest &digest, qint64 size, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        if (!m_tmp->flush())
            return fail(ErrorCode::IoError,
                        EngineText::tr("cannot write %1: %2").arg(m_tmp->fileName(), m_tmp->errorString()));
        if (size >= 0 && size != m_size)
            return fail(ErrorCode::SizeMismatch, EngineText::tr("blob %1: %2 bytes were written, expected %3")
                                                     .arg(digest.toString())
                                                     .arg(m_size)
                                                     .arg(size));
        Digest actual;
        if (digest.algorithm() == QLatin1String("sha256")) {
            actual = m_hash.result();
        } else {
            Digester other(digest.algorithm());
            if (!m_tmp->seek(0))
                return fail(ErrorCode::IoError, EngineText::tr("cannot read back %1").arg(m_tmp->fileName()));
            QByteArray buf;
            while (!(buf = m_tmp->read(1024 * 1024)).isEmpty())
                other.addData(buf);
            actual = other.result();
        }
        if (actual != digest)
            return fail(ErrorCode::DigestMismatch,
                        EngineText::tr("blob %1 does not match its digest: its content has digest %2")
                            .arg(digest.toString(), actual.toString()));
        const QString finalPath = m_finalPathFor(digest);
        if (!QDir().mkpath(QFileInfo(finalPath).absolutePath()))
            return fail(ErrorCode::IoError, EngineText::tr("cannot create the folder of %1").arg(finalPath));
        m_tmp->close();
        // rename(2) replaces an existing file atomically: content-addressed, so same bytes.
        if (std::rename(QFile::encodeName(m_tmp->fileName()).constData(), QFile::encodeName(finalPath).constData()) != 0)
            return fail(ErrorCode::IoError, EngineText::tr("cannot move %1 into place as %2")
                                                .arg(m_tmp->fileName(), finalPath));
        m_tmp->setAutoRemove(false);
        m_committed = true;
        return {};
    }

private:
    std::unique_ptr<QTemporaryFile> m_tmp;
    std::function<QString(const Digest &)> m_finalPathFor;
    Digester m_hash;
    qint64 m_size = 0;
    bool m_committed = false;
};

} // namespace

std::unique_ptr<BlobReader> makeFileBlobReader(std::unique_ptr<QFile> file)
{
    return std::make_unique<FileBlobReader>(std::move(file));
}

Result<std::unique_ptr<BlobWriter>> makeFileBlobWriter(const QString &tempDir,
                                                      std::function<QString(const Digest &)> finalPathFor)
{
    if (!QDir().mkpath(tempDir))
        return fail(ErrorCode::IoError, EngineText::tr("cannot create %1").arg(tempDir));
    auto tmp = std::make_unique<QTemporaryFile>(tempDir + QStringLiteral("/.stevedore-tmp-XXXXXX"));
    if (!tmp->open())
        return fail(ErrorCode::IoError,
                    EngineText::tr("cannot create a temporary file in %1: %2").arg(tempDir, tmp->errorString()));
    return std::unique_ptr<BlobWriter>(std::make_unique<FileBlobWriter>(std::move(tmp), std::move(finalPathFor)));
}

// ---- source ----

OciImageSource::OciImageSource(OciLayout layout, OciSelector selector, QString description)
    : m_layout(std::move(layout)), m_selector(std::move(selector)), m_description(std::move(description))
{
}

Result<Descriptor> OciImageSource::top() const
{
    if (m_selector.refName.isEmpty() && m_selector.digest) {
        auto list = m_layout.entries();
        if (!list)
            return fail(list.error());
        for (const Descriptor &d : std::as_const(*list))
            if (d.digest == *m_selector.digest)
                return d;
        return fail(ErrorCode::ManifestUnknown,
                    EngineText::tr("no image with digest %1 in %2").arg(m_selector.digest->toString(), m_description));
    }
    auto d = m_layout.resolve(m_selector.refName);
    if (d && m_selector.digest && d->digest != *m_selector.digest)
        return fail(ErrorCode::DigestMismatch, EngineText::tr("%1 has digest %2, not %3")
                                                   .arg(m_description, d->digest.toString(),
                                                        m_selector.digest->toString()));
    return d;
}

Result<RawManifest> OciImageSource::manifest(const std::optional<Digest> &instance, const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return fail(cancelled());
    if (!instance) {
        auto d = top();
        if (!d)
            return fail(d.error());
        auto bytes = m_layout.readSmallBlob(d->digest, d->size);
        if (!bytes)
            return fail(bytes.error());
        return makeRawManifest(*bytes, d->mediaType);
    }
    if (auto c = m_layout.checkExists(); !c)
        return fail(c.error());
    auto bytes = m_layout.readSmallBlob(*instance);
    if (!bytes)
        return fail(bytes.error());
    return makeRawManifest(*bytes);
}

Result<std::unique_ptr<BlobReader>> OciImageSource::openBlob(const Descriptor &blob, const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return fail(cancelled());
    auto file = std::make_unique<QFile>(m_layout.blobPath(blob.digest));
    if (!file->exists())
        return fail(ErrorCode::BlobUnknown,
                    EngineText::tr("blob %1 is missing from %2").arg(blob.digest.toString(), m_description));
    if (!file->open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoError,
                    EngineText::tr("cannot read %1: %2").arg(file->fileName(), file->errorString()));
    if (blob.size >= 0 && file->size() != blob.size)
        return fail(ErrorCode::SizeMismatch, EngineText::tr("blob %1 in %2 is %3 bytes, expected %4")
                                                 .arg(blob.digest.toString(), m_description)
                                                 .arg(file->size())
                                                 .arg(blob.size));
    return makeFileBlobReader(std::move(file));
}

// ---- destination ----

OciImageDestination::OciImageDestination(OciLayout layout, QString refName, QString description, bool guardWriters)
    : m_layout(std::move(layout)), m_refName(std::move(refName)), m_description(std::move(description))
{
    if (guardWriters)
        m_guard = std::make_unique<OciLayout::WriterGuard>(m_layout);
}

Result<std::optional<ReusedBlob>> OciImageDestination::tryReuseBlob(const Descriptor &blob,
                                                                    const QList<BlobLocationHint> &,
                                                                    const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return fail(cancelled());
    if (blob.size >= 0 && m_layout.hasBlob(blob.digest, blob.size))
        return std::optional<ReusedBlob>(ReusedBlob{blob.size, false});
    if (blob.size < 0 && m_layout.hasBlob(blob.digest, -1))
        return std::optional<ReusedBlob>(ReusedBlob{QFileInfo(m_layout.blobPath(blob.digest)).size(), false});
    return std::optional<ReusedBlob>();
}

Result<std::unique_ptr<BlobWriter>> OciImageDestination::beginBlob(const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return fail(cancelled());
    if (auto e = m_layout.ensureExists(); !e)
        return fail(e.error());
    const OciLayout layout = m_layout;
    return makeFileBlobWriter(m_layout.blobsDir(), [layout](const Digest &d) { return layout.blobPath(d); });
}

Status OciImageDestination::putManifest(const RawManifest &manifest, bool isInstance, const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return fail(cancelled());
    if (manifest.bytes.size() > kMaxManifestSize)
        return fail(ErrorCode::TooLarge, EngineText::tr("the manifest is larger than %1 bytes").arg(kMaxManifestSize));
    if (auto e = m_layout.ensureExists(); !e)
        return e;
    Digest d;
    if (auto w = m_layout.writeSmallBlob(manifest.bytes, &d); !w)
        return w;
    if (!isInstance) {
        Descriptor desc;
        desc.mediaType = manifest.mediaType;
        desc.digest = d;
        desc.size = manifest.bytes.size();
        if (!m_refName.isEmpty())
            desc.annotations.insert(QString(kOciRefNameAnnotation), m_refName);
        QMutexLocker lock(&m_mutex);
        m_top = desc;
    }
    return {};
}

Status OciImageDestination::commit(const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return fail(cancelled());
    std::optional<Descriptor> top;
    {
        QMutexLocker lock(&m_mutex);
        top = m_top;
    }
    if (!top)
        return fail(ErrorCode::Internal, EngineText::tr("nothing to commit to %1: no manifest was written").arg(m_description));
    return m_layout.updateIndex([&](QList<Descriptor> &list) -> Status {
        // Everything the new entry refers to must be there (a concurrent garbage collection could have
        // removed blobs that were not referenced yet).
        auto reachable = m_layout.reachableBlobs({*top}, true);
        if (!reachable)
            return fail(reachable.error());
        list.removeIf([&](const Descriptor &d) {
            const QString name = ociRefName(d);
            if (!m_refName.isEmpty())
                return name == m_refName;
            return name.isEmpty() && d.digest == top->digest;
        });
        list.append(*top);
        return {};
    });
}

// ---- factory ----

Result<std::unique_ptr<ImageSource>> openOciImageSource(const TransportReference &ref, const SystemContext &)
{
    OciLayout layout(ref.path);
    if (auto c = layout.checkExists(); !c)
        return fail(c.error());
    return std::unique_ptr<ImageSource>(
        std::make_unique<OciImageSource>(std::move(layout), OciSelector{ref.pathRef, std::nullopt}, ref.toString()));
}

Result<std::unique_ptr<ImageDestination>> openOciImageDestination(const TransportReference &ref, const SystemContext &)
{
    if (ref.pathRef.startsWith(QLatin1Char('@')))
        return fail(ErrorCode::InvalidReference,
                    EngineText::tr("%1: an index (@N) cannot name a destination image").arg(ref.toString()));
    const QFileInfo fi(ref.path);
    if (fi.exists() && !fi.isDir())
        return fail(ErrorCode::InvalidArgument, EngineText::tr("%1 exists and is not a folder").arg(ref.path));
    if (fi.isDir() && !QFileInfo(ref.path + QStringLiteral("/index.json")).exists()
        && !QDir(ref.path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        qCInfo(lcTransport) << "creating an OCI image layout in the non-empty folder" << ref.path;
    OciLayout layout(ref.path);
    if (auto e = layout.ensureExists(); !e)
        return fail(e.error());
    return std::unique_ptr<ImageDestination>(
        std::make_unique<OciImageDestination>(std::move(layout), ref.pathRef, ref.toString()));
}

} // namespace stevedore
