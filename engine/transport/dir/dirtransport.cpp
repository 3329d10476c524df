#include "dirtransport.h"

#include "content/fileblob.h"
#include "core/atomicfile.h"
#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QTemporaryDir>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>

namespace stevedore {

namespace {

const QByteArray kVersion = QByteArrayLiteral("Directory Transport Version: 1.1\n");
constexpr qint64 kMaxSignatureSize = 4 * 1024 * 1024;
constexpr int kMaxSignatures = 64;

Error cancelled()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("the operation was cancelled"));
}

QString blobPathIn(const QString &root, const Digest &d)
{
    return root + QLatin1Char('/') + d.hex();
}

QString instancePathIn(const QString &root, const Digest &d)
{
    return root + QLatin1Char('/') + d.hex() + QStringLiteral(".manifest.json");
}

QString signaturePathIn(const QString &root, const std::optional<Digest> &instance, int index)
{
    const QString name = QStringLiteral("signature-%1").arg(index + 1);
    return root + QLatin1Char('/') + (instance ? instance->hex() + QLatin1Char('.') + name : name);
}

QString cleanRoot(QString p)
{
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return p;
}

// Whether `root` is a folder the dir transport may replace: empty, or with a version file of version 1.x.
Status checkReplaceable(const QString &root)
{
    QDir dir(root);
    const QStringList entries = dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    if (entries.isEmpty())
        return {};
    auto version = readFileLimited(root + QStringLiteral("/version"), 4096);
    if (!version || !version->startsWith("Directory Transport Version: 1."))
        return fail(ErrorCode::AlreadyExists,
                    EngineText::tr("%1 is not empty and was not written by the dir transport (no version file saying "
                                   "\"Directory Transport Version: 1.x\"); refusing to replace it")
                        .arg(root));
    return {};
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
        if (!QFileInfo::exists(path))
            path = m_root + QStringLiteral("/manifest.json"); // a lone manifest may be the instance asked for
        auto bytes = readFileLimited(path, kMaxManifestSize);
        if (!bytes) {
            if (bytes.error().code == ErrorCode::NotFound)
                return fail(ErrorCode::ManifestUnknown,
                            EngineText::tr("manifest %1 is missing from %2").arg(instance->toString(), description()));
            return fail(bytes.error());
        }
        Digester h(instance->algorithm());
        h.addData(*bytes);
        const Digest actual = h.result();
        if (actual != *instance)
            return fail(ErrorCode::DigestMismatch,
                        EngineText::tr("manifest %1 in %2 is corrupt: its content has digest %3")
                            .arg(instance->toString(), description(), actual.toString()));
        return makeRawManifest(*bytes);
    }

    Result<std::unique_ptr<BlobReader>> openBlob(const BlobInfo &blob, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        return openFileBlob(blobPathIn(m_root, blob.digest), blob.size,
                            EngineText::tr("blob %1 of %2").arg(blob.digest.toString(), description()));
    }

    Result<QList<QByteArray>> signatures(const std::optional<Digest> &instance, const CancelToken &cancel) override
    {
        QList<QByteArray> out;
        for (int i = 0; i < kMaxSignatures; ++i) {
            if (cancel.isCancelled())
                return fail(cancelled());
            auto bytes = readFileLimited(signaturePathIn(m_root, instance, i), kMaxSignatureSize);
            if (!bytes) {
                if (bytes.error().code == ErrorCode::NotFound)
                    break;
                return fail(bytes.error());
            }
            out.append(*bytes);
        }
        return out;
    }

private:
    QString m_root;
};

class DirImageDestination final : public ImageDestination
{
public:
    DirImageDestination(QString root, std::unique_ptr<QTemporaryDir> staging)
        : m_root(std::move(root)), m_staging(std::move(staging))
    {
    }
    QString description() const override { return QStringLiteral("dir:") + m_root; }

    DestinationCapabilities capabilities() const override
    {
        DestinationCapabilities c;
        c.supportsSignatures = true;
        return c;
    }

    Result<std::optional<ReusedBlob>> tryReuseBlob(const BlobInfo &blob, const KnownBlobLocations &,
                                                   const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        if (!blob.digest.isValid())
            return std::optional<ReusedBlob>();
        const QFileInfo fi(blobPathIn(stage(), blob.digest));
        if (fi.isFile() && (blob.size < 0 || fi.size() == blob.size))
            return std::optional<ReusedBlob>(ReusedBlob{fi.size(), false});
        return std::optional<ReusedBlob>();
    }

    Result<std::unique_ptr<BlobWriter>> beginBlob(const BlobInfo &, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        const QString root = stage();
        return makeFileBlobWriter(root, [root](const Digest &d) { return blobPathIn(root, d); });
    }

    Status putManifest(const RawManifest &manifest, bool isInstance, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        if (manifest.bytes.size() > kMaxManifestSize)
            return fail(ErrorCode::TooLarge, EngineText::tr("the manifest is larger than %1 bytes").arg(kMaxManifestSize));
        const QString path = isInstance ? instancePathIn(stage(), manifest.digest()) : stage() + QStringLiteral("/manifest.json");
        return writeFileAtomically(path, manifest.bytes);
    }

    Status putSignatures(const QList<QByteArray> &signatures, const std::optional<Digest> &instance,
                         const CancelToken &cancel) override
    {
        for (qsizetype i = 0; i < signatures.size(); ++i) {
            if (cancel.isCancelled())
                return fail(cancelled());
            if (auto w = writeFileAtomically(signaturePathIn(stage(), instance, int(i)), signatures.at(i)); !w)
                return w;
        }
        return {};
    }

    Status commit(const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        QMutexLocker lock(&m_mutex);
        if (auto w = writeFileAtomically(stage() + QStringLiteral("/version"), kVersion); !w)
            return w;
        (void)::chmod(QFile::encodeName(stage()).constData(), defaultFolderMode());
        const QByteArray from = QFile::encodeName(stage());
        const QByteArray to = QFile::encodeName(m_root);
        if (!QDir().mkpath(QFileInfo(m_root).absolutePath()))
            return fail(ErrorCode::IoError, EngineText::tr("cannot create the folder of %1").arg(m_root));
        const QFileInfo target(m_root);
        if (target.exists()) {
            // Checked again: it may have changed since the destination was opened.
            if (!target.isDir() || target.isSymLink())
                return fail(ErrorCode::AlreadyExists, EngineText::tr("%1 exists and is not a folder").arg(m_root));
            if (auto ok = checkReplaceable(m_root); !ok)
                return ok;
            // Swap the complete new folder with the old one in one step; the old content is removed afterwards.
            if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_EXCHANGE) == 0) {
                syncFolder(target.absolutePath());
                QDir(stage()).removeRecursively(); // now the old content
                return {};
            }
            if (errno != EINVAL && errno != ENOSYS)
                return fail(ErrorCode::IoError, EngineText::tr("cannot replace %1: %2")
                                                    .arg(m_root, QString::fromLocal8Bit(std::strerror(errno))));
            // A file system without RENAME_EXCHANGE: move the old folder aside first, then remove it.
            const QString aside = stage() + QStringLiteral(".old");
            if (std::rename(to.constData(), QFile::encodeName(aside).constData()) != 0)
                return fail(ErrorCode::IoError, EngineText::tr("cannot move %1 aside").arg(m_root));
            if (std::rename(from.constData(), to.constData()) != 0) {
                std::rename(QFile::encodeName(aside).constData(), to.constData());
                return fail(ErrorCode::IoError, EngineText::tr("cannot move the new %1 into place").arg(m_root));
            }
            m_staging->setAutoRemove(false);
            QDir(aside).removeRecursively();
            syncFolder(target.absolutePath());
            return {};
        }
        if (std::rename(from.constData(), to.constData()) != 0)
            return fail(ErrorCode::IoError, EngineText::tr("cannot move the new %1 into place: %2")
                                                .arg(m_root, QString::fromLocal8Bit(std::strerror(errno))));
        m_staging->setAutoRemove(false);
        syncFolder(target.absolutePath());
        return {};
    }

private:
    QString stage() const { return m_staging->path(); }

    QString m_root;
    std::unique_ptr<QTemporaryDir> m_staging; // removed (with whatever it holds) unless moved into place
    QMutex m_mutex;
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
    if (!QFileInfo::exists(root + QStringLiteral("/manifest.json")))
        return fail(ErrorCode::NotFound, EngineText::tr("%1 holds no image (no manifest.json)").arg(root));
    return std::unique_ptr<ImageSource>(std::make_unique<DirImageSource>(root));
}

Result<std::unique_ptr<ImageDestination>> openDirImageDestination(const TransportReference &ref, const SystemContext &)
{
    const QString root = QFileInfo(cleanRoot(ref.path)).absoluteFilePath();
    const QFileInfo fi(root);
    if (fi.exists() && (!fi.isDir() || fi.isSymLink()))
        return fail(ErrorCode::InvalidArgument, EngineText::tr("%1 exists and is not a folder").arg(root));
    if (fi.exists()) {
        if (auto ok = checkReplaceable(root); !ok)
            return fail(ok.error());
    }
    QString parent = fi.absolutePath();
    while (!QFileInfo(parent).isDir() && parent != QLatin1String("/"))
        parent = QFileInfo(parent).absolutePath();
    auto staging = std::make_unique<QTemporaryDir>(parent + QStringLiteral("/.") + fi.fileName()
                                                   + QStringLiteral(".stevedore-new-XXXXXX"));
    if (!staging->isValid())
        return fail(ErrorCode::IoError,
                    EngineText::tr("cannot create a temporary folder in %1: %2").arg(parent, staging->errorString()));
    return std::unique_ptr<ImageDestination>(std::make_unique<DirImageDestination>(root, std::move(staging)));
}

} // namespace stevedore
