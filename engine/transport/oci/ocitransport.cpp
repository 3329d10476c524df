#include "ocitransport.h"

#include "content/fileblob.h"
#include "core/atomicfile.h"
#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <sys/stat.h>

namespace stevedore {

namespace {

Error cancelled()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("the operation was cancelled"));
}

// The deepest folder of `path` that exists (where a new layout is staged, so that the final rename stays within
// one file system).
QString nearestExistingFolder(const QString &path)
{
    QFileInfo fi(QFileInfo(path).absoluteFilePath());
    QString dir = fi.absolutePath();
    while (!QFileInfo(dir).isDir() && dir != QLatin1String("/"))
        dir = QFileInfo(dir).absolutePath();
    return dir;
}

} // namespace

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
                                                   .arg(m_description, d->digest.toString(), m_selector.digest->toString()));
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

Result<std::unique_ptr<BlobReader>> OciImageSource::openBlob(const BlobInfo &blob, const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return fail(cancelled());
    return openFileBlob(m_layout.blobPath(blob.digest), blob.size,
                        EngineText::tr("blob %1 of %2").arg(blob.digest.toString(), m_description));
}

// ---- destination ----

OciImageDestination::OciImageDestination(OciLayout layout, QString refName, QString description, Options options)
    : m_layout(std::move(layout)), m_refName(std::move(refName)), m_description(std::move(description)),
      m_options(options)
{
}

OciImageDestination::~OciImageDestination() = default; // an uncommitted staging folder is removed with m_stagingDir

Result<std::unique_ptr<OciImageDestination>> OciImageDestination::open(OciLayout layout, QString refName,
                                                                      QString description, Options options)
{
    std::unique_ptr<OciImageDestination> d(
        new OciImageDestination(std::move(layout), std::move(refName), std::move(description), options));
    const QFileInfo root(d->m_layout.root());
    const bool emptyFolder = root.isDir()
                             && QDir(root.filePath()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    if (root.exists() && !root.isDir())
        return fail(ErrorCode::AlreadyExists, EngineText::tr("%1 exists and is not a folder").arg(d->m_layout.root()));
    const bool fresh = !d->m_layout.exists();
    if (fresh && options.stageNewLayout && root.exists() && !emptyFolder)
        return fail(ErrorCode::AlreadyExists,
                    EngineText::tr("%1 is not empty and is not an OCI image layout; refusing to write into it")
                        .arg(d->m_layout.root()));
    if (fresh && options.stageNewLayout) {
        const QString parent = nearestExistingFolder(d->m_layout.root());
        d->m_stagingDir = std::make_unique<QTemporaryDir>(parent + QStringLiteral("/.") + root.fileName()
                                                          + QStringLiteral(".stevedore-new-XXXXXX"));
        if (!d->m_stagingDir->isValid())
            return fail(ErrorCode::IoError, EngineText::tr("cannot create a temporary folder in %1: %2")
                                                .arg(parent, d->m_stagingDir->errorString()));
        d->m_staging = OciLayout(d->m_stagingDir->path());
    } else if (!d->m_layout.exists()) {
        if (auto e = d->m_layout.ensureExists(/*refuseForeignContent=*/true); !e)
            return fail(e.error());
    } else if (auto c = d->m_layout.checkLayoutFile(); !c) {
        return fail(c.error());
    }
    if (options.guardWriters)
        d->m_guard = std::make_unique<OciLayout::WriterGuard>(d->m_layout);
    return d;
}

DestinationCapabilities OciImageDestination::capabilities() const
{
    DestinationCapabilities c;
    if (!m_options.anyManifestType)
        c.manifestTypes = {QString(mediatype::OciManifest), QString(mediatype::OciIndex)};
    return c;
}

Result<std::optional<ReusedBlob>> OciImageDestination::tryReuseBlob(const BlobInfo &blob, const KnownBlobLocations &,
                                                                    const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return fail(cancelled());
    const OciLayout &layout = writeLayout();
    if (!blob.digest.isValid() || !layout.hasBlob(blob.digest, blob.size))
        return std::optional<ReusedBlob>();
    const qint64 size = blob.size >= 0 ? blob.size : QFileInfo(layout.blobPath(blob.digest)).size();
    return std::optional<ReusedBlob>(ReusedBlob{size, false});
}

Result<std::unique_ptr<BlobWriter>> OciImageDestination::beginBlob(const BlobInfo &, const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return fail(cancelled());
    const OciLayout layout = writeLayout();
    return makeFileBlobWriter(layout.blobsDir(), [layout](const Digest &d) { return layout.blobPath(d); });
}

Status OciImageDestination::putManifest(const RawManifest &manifest, bool isInstance, const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return fail(cancelled());
    if (manifest.bytes.size() > kMaxManifestSize)
        return fail(ErrorCode::TooLarge, EngineText::tr("the manifest is larger than %1 bytes").arg(kMaxManifestSize));
    Digest d;
    if (auto w = writeLayout().writeSmallBlob(manifest.bytes, &d); !w)
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

Status OciImageDestination::moveStagingIntoPlace(const Descriptor &top)
{
    const OciLayout &staging = *m_staging;
    if (auto w = staging.updateIndex([&](QList<Descriptor> &list) -> Status {
            list = {top};
            return {};
        });
        !w)
        return w;
    (void)::chmod(QFile::encodeName(staging.root()).constData(), defaultFolderMode());
    QFile::remove(staging.root() + QStringLiteral("/.index.json.lock"));
    const QString target = QFileInfo(m_layout.root()).absoluteFilePath();
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return fail(ErrorCode::IoError, EngineText::tr("cannot create the folder of %1").arg(target));
    // rename(2) also replaces an empty folder, atomically.
    if (std::rename(QFile::encodeName(staging.root()).constData(), QFile::encodeName(target).constData()) == 0) {
        m_stagingDir->setAutoRemove(false);
        m_stagingDir.reset();
        syncFolder(QFileInfo(target).absolutePath());
        return {};
    }
    if (errno != ENOTEMPTY && errno != EEXIST)
        return fail(ErrorCode::IoError, EngineText::tr("cannot move the new layout into place as %1").arg(target));
    // Someone created the layout meanwhile: add to it instead (blobs first, then its index).
    if (auto c = m_layout.checkExists(); !c)
        return c;
    auto reachable = staging.reachableBlobs({top}, true);
    if (!reachable)
        return fail(reachable.error());
    for (const QString &key : std::as_const(*reachable)) {
        auto digest = Digest::parse(key);
        if (!digest || m_layout.hasBlob(*digest, -1))
            continue;
        if (!QDir().mkpath(QFileInfo(m_layout.blobPath(*digest)).absolutePath())
            || std::rename(QFile::encodeName(staging.blobPath(*digest)).constData(),
                           QFile::encodeName(m_layout.blobPath(*digest)).constData()) != 0)
            return fail(ErrorCode::IoError, EngineText::tr("cannot move blob %1 into %2").arg(key, target));
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
    if (m_staging) {
        if (auto moved = moveStagingIntoPlace(*top); !moved)
            return moved;
        if (!m_stagingDir) // renamed into place whole
            return {};
    }
    return m_layout.updateIndex([&](QList<Descriptor> &list) -> Status {
        // Everything the new entry refers to must be there (a concurrent garbage collection could have removed blobs
        // that were not referenced yet).
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
    if (fi.isDir() && !QFileInfo::exists(ref.path + QStringLiteral("/index.json"))
        && !QDir(ref.path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return fail(ErrorCode::AlreadyExists,
                    EngineText::tr("%1 is a folder that is not empty and not an OCI image layout; refusing to write "
                                   "into it")
                        .arg(ref.path));
    auto d = OciImageDestination::open(OciLayout(ref.path), ref.pathRef, ref.toString(), {});
    if (!d)
        return fail(d.error());
    return std::unique_ptr<ImageDestination>(std::move(*d));
}

} // namespace stevedore
