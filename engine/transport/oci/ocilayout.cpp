#include "ocilayout.h"

#include "core/atomicfile.h"
#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QUuid>

namespace stevedore {

namespace {

constexpr qint64 kMaxIndexSize = 8 * 1024 * 1024; // index.json of a store with about 25,000 names
constexpr int kLockTimeoutMs = 60000;

QByteArray ociLayoutFileContent()
{
    return QByteArrayLiteral("{\"imageLayoutVersion\":\"1.0.0\"}");
}

Error lockError(const QString &path)
{
    return Error(ErrorCode::IoError, EngineText::tr("cannot lock %1: another process holds it").arg(path), true);
}

} // namespace

QString ociRefName(const Descriptor &d)
{
    return d.annotations.value(QString(kOciRefNameAnnotation));
}

OciLayout::OciLayout(QString root) : m_root(std::move(root))
{
    while (m_root.size() > 1 && m_root.endsWith(QLatin1Char('/')))
        m_root.chop(1);
}

QString OciLayout::indexPath() const
{
    return m_root + QStringLiteral("/index.json");
}

QString OciLayout::blobsDir() const
{
    return m_root + QStringLiteral("/blobs");
}

QString OciLayout::blobPath(const Digest &digest) const
{
    return blobsDir() + QLatin1Char('/') + digest.algorithm() + QLatin1Char('/') + digest.hex();
}

bool OciLayout::exists() const
{
    return QFileInfo(indexPath()).exists();
}

Status OciLayout::checkExists() const
{
    const QFileInfo dir(m_root);
    if (!dir.exists())
        return fail(ErrorCode::NotFound, EngineText::tr("%1 does not exist").arg(m_root));
    if (!dir.isDir())
        return fail(ErrorCode::MalformedContent, EngineText::tr("%1 is not a folder").arg(m_root));
    if (!exists())
        return fail(ErrorCode::NotFound,
                    EngineText::tr("%1 is not an OCI image layout (no index.json)").arg(m_root));
    return checkLayoutFile();
}

Status OciLayout::checkLayoutFile() const
{
    const QString path = m_root + QStringLiteral("/oci-layout");
    auto bytes = readFileLimited(path, 64 * 1024);
    if (!bytes) {
        if (bytes.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::MalformedContent,
                        EngineText::tr("%1 is not an OCI image layout: the oci-layout file is missing").arg(m_root));
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("%1 is not an OCI image layout: %2").arg(m_root, bytes.error().message));
    }
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &perr);
    const QString version = doc.object().value(QStringLiteral("imageLayoutVersion")).toString();
    if (perr.error != QJsonParseError::NoError || !doc.isObject() || version.isEmpty())
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("%1 is not an OCI image layout: oci-layout is not {\"imageLayoutVersion\": ...}")
                        .arg(m_root));
    if (!version.startsWith(QLatin1String("1.")))
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("%1 is not a supported OCI image layout: its oci-layout file says "
                                   "imageLayoutVersion %2; only 1.x is supported")
                        .arg(m_root, version.left(40)));
    return {};
}

Status OciLayout::withLock(const std::function<Status()> &fn) const
{
    if (!QDir().mkpath(m_root))
        return fail(ErrorCode::IoError, EngineText::tr("cannot create %1").arg(m_root));
    const QString lockPath = m_root + QStringLiteral("/.index.json.lock");
    QLockFile lock(lockPath);
    lock.setStaleLockTime(5 * 60 * 1000);
    if (!lock.tryLock(kLockTimeoutMs))
        return fail(lockError(lockPath));
    return fn();
}

Status OciLayout::ensureExists(bool refuseForeignContent) const
{
    if (exists() && QFileInfo(m_root + QStringLiteral("/oci-layout")).isFile())
        return {};
    return withLock([this, refuseForeignContent]() -> Status {
        if (refuseForeignContent && !exists()) {
            // Under the lock, so that a layout another writer is creating right now is not taken for foreign content.
            static const QStringList ours = {QStringLiteral(".index.json.lock"), QStringLiteral(".writers"),
                                             QStringLiteral("blobs"), QStringLiteral("oci-layout")};
            const QStringList entries =
                QDir(m_root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
            for (const QString &e : entries)
                if (!ours.contains(e))
                    return fail(ErrorCode::AlreadyExists,
                                EngineText::tr("%1 is not empty and is not an OCI image layout; refusing to write into it")
                                    .arg(m_root));
        }
        if (!QDir().mkpath(blobsDir() + QStringLiteral("/sha256")))
            return fail(ErrorCode::IoError, EngineText::tr("cannot create %1").arg(blobsDir()));
        const QString layoutFile = m_root + QStringLiteral("/oci-layout");
        if (!QFileInfo(layoutFile).isFile()) {
            if (auto w = writeFileAtomically(layoutFile, ociLayoutFileContent()); !w)
                return w;
        }
        if (!exists())
            return writeIndexLocked({});
        return {};
    });
}

Result<QList<Descriptor>> OciLayout::entriesUnlocked() const
{
    auto bytes = readFileLimited(indexPath(), kMaxIndexSize);
    if (!bytes) {
        if (bytes.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::NotFound, EngineText::tr("%1 is not an OCI image layout (no index.json)").arg(m_root));
        return fail(bytes.error());
    }
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &perr);
    if (perr.error != QJsonParseError::NoError)
        return fail(ErrorCode::MalformedContent, formatText(EngineText::tr("%1 is not valid JSON: %2 at offset %3"), indexPath(), perr.errorString(), perr.offset));
    if (!doc.isObject())
        return fail(ErrorCode::MalformedContent, EngineText::tr("%1 is not a JSON object").arg(indexPath()));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("schemaVersion")).toInt(-1) != 2)
        return fail(ErrorCode::MalformedContent, EngineText::tr("%1 does not have schemaVersion 2").arg(indexPath()));
    QList<Descriptor> out;
    const QJsonValue listed = o.value(QStringLiteral("manifests"));
    if (!listed.isUndefined() && !listed.isNull() && !listed.isArray())
        return fail(ErrorCode::MalformedContent, EngineText::tr("%1: \"manifests\" is not an array").arg(indexPath()));
    const QJsonArray manifests = listed.toArray();
    for (qsizetype i = 0; i < manifests.size(); ++i) {
        auto d = Descriptor::fromJson(manifests.at(i).toObject());
        if (!d)
            return fail(d.error().withContext(formatText(EngineText::tr("entry %1 of %2"), i, indexPath())));
        out.append(*d);
    }
    return out;
}

Result<QList<Descriptor>> OciLayout::entries() const
{
    if (auto c = checkExists(); !c)
        return fail(c.error());
    return entriesUnlocked();
}

Result<Descriptor> OciLayout::resolve(const QString &ref) const
{
    auto list = entries();
    if (!list)
        return fail(list.error());
    auto describeRefs = [&]() {
        QStringList refs;
        for (const Descriptor &d : std::as_const(*list)) {
            const QString n = ociRefName(d);
            refs << (n.isEmpty() ? d.digest.toString() : n);
        }
        return refs.isEmpty() ? EngineText::tr("none") : refs.join(QStringLiteral(", "));
    };
    if (ref.isEmpty()) {
        if (list->size() == 1)
            return list->constFirst();
        if (list->isEmpty())
            return fail(ErrorCode::NotFound, EngineText::tr("the OCI image layout %1 holds no image").arg(m_root));
        return fail(ErrorCode::InvalidArgument,
                    formatText(EngineText::tr("the OCI image layout %1 holds %2 images; name one as oci:%1:REF (references: %3)"), m_root, list->size(), describeRefs()));
    }
    if (ref.startsWith(QLatin1Char('@'))) {
        bool ok = false;
        const int n = ref.mid(1).toInt(&ok);
        if (ok && n >= 0) {
            if (n >= list->size())
                return fail(ErrorCode::NotFound, formatText(EngineText::tr("the OCI image layout %1 has no entry @%2 (it has %3)"), m_root, n, list->size()));
            return list->at(n);
        }
    }
    std::optional<Descriptor> found;
    for (const Descriptor &d : std::as_const(*list)) {
        if (ociRefName(d) == ref) {
            if (found)
                return fail(ErrorCode::MalformedContent,
                            EngineText::tr("the OCI image layout %1 has more than one image named %2").arg(m_root, ref));
            found = d;
        }
    }
    if (!found)
        return fail(ErrorCode::NotFound, EngineText::tr("no image named %1 in the OCI image layout %2 (references: %3)")
                                             .arg(ref, m_root, describeRefs()));
    return *found;
}

Result<QByteArray> OciLayout::readSmallBlob(const Digest &digest, qint64 expectedSize, qint64 limit) const
{
    const QString path = blobPath(digest);
    if (!QFileInfo::exists(path))
        return fail(ErrorCode::BlobUnknown,
                    EngineText::tr("blob %1 is missing from %2").arg(digest.toString(), m_root));
    if (expectedSize > limit)
        return fail(ErrorCode::TooLarge, formatText(EngineText::tr("%1 is %2 bytes, more than the limit of %3"), digest.toString(), expectedSize, limit));
    auto bytes = readFileLimited(path, limit);
    if (!bytes)
        return fail(bytes.error());
    if (expectedSize >= 0 && bytes->size() != expectedSize)
        return fail(ErrorCode::SizeMismatch, formatText(EngineText::tr("blob %1 in %2 is %3 bytes, expected %4"), digest.toString(), m_root, bytes->size(), expectedSize));
    Digester h(digest.algorithm());
    h.addData(*bytes);
    const Digest actual = h.result();
    if (actual != digest)
        return fail(ErrorCode::DigestMismatch, EngineText::tr("blob %1 in %2 is corrupt: its content has digest %3")
                                                   .arg(digest.toString(), m_root, actual.toString()));
    return bytes;
}

Status OciLayout::writeSmallBlob(const QByteArray &bytes, Digest *digestOut) const
{
    const Digest d = Digest::sha256Of(bytes);
    if (digestOut)
        *digestOut = d;
    if (hasBlob(d, bytes.size()))
        return {};
    if (!QDir().mkpath(blobsDir() + QStringLiteral("/sha256")))
        return fail(ErrorCode::IoError, EngineText::tr("cannot create %1").arg(blobsDir()));
    return writeFileAtomically(blobPath(d), bytes);
}

bool OciLayout::hasBlob(const Digest &digest, qint64 size) const
{
    const QFileInfo fi(blobPath(digest));
    return fi.isFile() && (size < 0 || fi.size() == size);
}

Status OciLayout::writeIndexLocked(const QList<Descriptor> &list) const
{
    // Keep whatever else the existing index.json has (annotations, mediaType).
    QJsonObject o;
    if (auto bytes = readFileLimited(indexPath(), kMaxIndexSize)) {
        const QJsonDocument doc = QJsonDocument::fromJson(*bytes);
        if (doc.isObject())
            o = doc.object();
    }
    o.insert(QStringLiteral("schemaVersion"), 2);
    if (!o.contains(QStringLiteral("mediaType")))
        o.insert(QStringLiteral("mediaType"), QString(mediatype::OciIndex));
    QJsonArray arr;
    for (const Descriptor &d : list)
        arr.append(d.toJson());
    o.insert(QStringLiteral("manifests"), arr);
    return writeFileAtomically(indexPath(), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Status OciLayout::updateIndex(const std::function<Status(QList<Descriptor> &)> &edit,
                              const std::function<Status(const QList<Descriptor> &)> &afterWrite) const
{
    return withLock([&]() -> Status {
        QList<Descriptor> list;
        if (exists()) {
            auto current = entriesUnlocked();
            if (!current)
                return fail(current.error());
            list = *current;
        }
        if (auto e = edit(list); !e)
            return e;
        if (!QFileInfo(m_root + QStringLiteral("/oci-layout")).isFile()) {
            if (auto w = writeFileAtomically(m_root + QStringLiteral("/oci-layout"), ociLayoutFileContent()); !w)
                return w;
        }
        if (auto w = writeIndexLocked(list); !w)
            return w;
        if (afterWrite)
            return afterWrite(list);
        return {};
    });
}

Result<QSet<QString>> OciLayout::reachableBlobs(const QList<Descriptor> &roots, bool requirePresent) const
{
    QSet<QString> seen;
    QList<Descriptor> todo = roots;
    while (!todo.isEmpty()) {
        const Descriptor d = todo.takeLast();
        const QString key = d.digest.toString();
        if (seen.contains(key))
            continue;
        seen.insert(key);
        const bool present = hasBlob(d.digest, -1);
        if (!present) {
            if (requirePresent)
                return fail(ErrorCode::BlobUnknown,
                            EngineText::tr("blob %1 is missing from %2").arg(key, m_root));
            continue;
        }
        if (!mediatype::isIndex(d.mediaType) && !mediatype::isImageManifest(d.mediaType))
            continue;
        auto bytes = readSmallBlob(d.digest, d.size);
        if (!bytes)
            return fail(bytes.error());
        auto raw = makeRawManifest(*bytes, d.mediaType);
        if (!raw)
            return fail(raw.error().withContext(key));
        if (raw->isIndex()) {
            auto idx = ImageIndex::parse(*raw);
            if (!idx)
                return fail(idx.error().withContext(key));
            todo.append(idx->manifests);
        } else if (mediatype::isImageManifest(raw->mediaType)) {
            auto m = ImageManifest::parse(*raw);
            if (!m)
                return fail(m.error().withContext(key));
            todo.append(m->config);
            for (const Descriptor &l : std::as_const(m->layers))
                if (l.urls.isEmpty() || hasBlob(l.digest, -1))
                    todo.append(l);
        }
    }
    return seen;
}

OciLayout::WriterGuard::WriterGuard(const OciLayout &layout)
{
    const QString dir = layout.root() + QStringLiteral("/.writers");
    if (!QDir().mkpath(dir))
        return;
    m_path = dir + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".lock");
    m_lock = std::make_unique<QLockFile>(m_path);
    m_lock->setStaleLockTime(0); // never stale while the process lives
    if (!m_lock->tryLock(0))
        m_lock.reset();
}

OciLayout::WriterGuard::~WriterGuard()
{
    if (m_lock)
        m_lock->unlock(); // removes the file
}

int OciLayout::activeWriters() const
{
    QDir dir(m_root + QStringLiteral("/.writers"));
    if (!dir.exists())
        return 0;
    int active = 0;
    for (const QString &name : dir.entryList({QStringLiteral("*.lock")}, QDir::Files | QDir::Hidden)) {
        QLockFile probe(dir.filePath(name));
        probe.setStaleLockTime(0);
        if (probe.tryLock(0)) {
            probe.unlock(); // a mark left by a dead process: gone now
            continue;
        }
        if (probe.error() == QLockFile::LockFailedError)
            ++active;
    }
    return active;
}

Result<int> OciLayout::deleteBlobsExcept(const QSet<QString> &keep) const
{
    int deleted = 0;
    if (const int writers = activeWriters(); writers > 0) {
        qCInfo(lcTransport) << "not collecting unreferenced blobs in" << m_root << "while" << writers
                            << "writer(s) are active";
        return 0;
    }
    const QDir blobs(blobsDir());
    for (const QString &algo : blobs.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QDir dir(blobs.filePath(algo));
        for (const QString &name : dir.entryList(QDir::Files)) { // hidden temporary files are not listed
            auto d = Digest::parse(algo + QLatin1Char(':') + name);
            if (!d || keep.contains(d->toString()))
                continue;
            if (!dir.remove(name))
                return fail(ErrorCode::IoError, EngineText::tr("cannot delete %1").arg(dir.filePath(name)));
            ++deleted;
        }
    }
    return deleted;
}

} // namespace stevedore
