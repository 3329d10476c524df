#include "liststore.h"

#include "core/logging.h"
#include "transport/oci/ocilayout.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace stevedore {

namespace {

constexpr QLatin1StringView kSourcesAnnotation{"io.stevedore.list.sources"};

QString nameOf(const ImageReference &ref)
{
    return ref.repository() + QLatin1Char(':') + ref.tag();
}

Error noSuchList(const ImageReference &name)
{
    return Error(ErrorCode::NotFound, EngineText::tr("no manifest list named %1").arg(name.toString()));
}

QString encodeSources(const QHash<QString, QString> &sources)
{
    QJsonObject o;
    for (auto it = sources.cbegin(); it != sources.cend(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<QHash<QString, QString>> decodeSources(const QString &text, const QString &what)
{
    QHash<QString, QString> out;
    if (text.isEmpty())
        return out;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("%1: the record of where its images come from is damaged").arg(what));
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

Result<StoredList> loadEntry(const OciLayout &layout, const Descriptor &entry, const ImageReference &name)
{
    const QString what = EngineText::tr("manifest list %1").arg(name.toString());
    auto bytes = layout.readSmallBlob(entry.digest, entry.size);
    if (!bytes)
        return fail(bytes.error().withContext(what));
    auto sources = decodeSources(entry.annotations.value(QString(kSourcesAnnotation)), what);
    if (!sources)
        return fail(sources.error());
    auto list = ManifestList::fromBytes(*bytes, *sources, what);
    if (!list)
        return fail(list.error());
    return StoredList{name, *list, entry.digest, *bytes};
}

} // namespace

Result<ImageReference> parseListName(const QString &text)
{
    auto ref = ImageReference::parse(text.trimmed(), true);
    if (!ref)
        return fail(ref.error());
    if (ref->hasDigest())
        return fail(ErrorCode::InvalidReference,
                    EngineText::tr("%1: a manifest list name cannot carry a digest").arg(text.left(300)));
    return *ref;
}

ListStore::ListStore(const QString &storageRoot)
    : m_storageRoot(storageRoot), m_root(QDir(storageRoot).filePath(QStringLiteral("manifest-lists")))
{
}

Result<QList<StoredList>> ListStore::lists() const
{
    OciLayout layout(m_root);
    if (!layout.exists())
        return QList<StoredList>();
    auto entries = layout.entries();
    if (!entries)
        return fail(entries.error());
    QList<StoredList> out;
    for (const Descriptor &d : std::as_const(*entries)) {
        auto name = ImageReference::parse(ociRefName(d));
        if (!name || !name->hasTag()) {
            qCWarning(lcTransport) << "ignoring a manifest list with an invalid name:" << ociRefName(d);
            continue;
        }
        auto stored = loadEntry(layout, d, *name);
        if (!stored)
            return fail(stored.error());
        out.append(*stored);
    }
    std::sort(out.begin(), out.end(),
              [](const StoredList &a, const StoredList &b) { return a.name.toString() < b.name.toString(); });
    return out;
}

Result<StoredList> ListStore::load(const ImageReference &name) const
{
    OciLayout layout(m_root);
    if (!layout.exists())
        return fail(noSuchList(name));
    auto entries = layout.entries();
    if (!entries)
        return fail(entries.error());
    for (const Descriptor &d : std::as_const(*entries))
        if (ociRefName(d) == nameOf(name))
            return loadEntry(layout, d, name);
    return fail(noSuchList(name));
}

bool ListStore::contains(const ImageReference &name) const
{
    OciLayout layout(m_root);
    if (!layout.exists())
        return false;
    auto entries = layout.entries();
    if (!entries)
        return true; // a damaged store may hold it: the caller's load() says what is wrong, nothing reads elsewhere
    for (const Descriptor &d : std::as_const(*entries))
        if (ociRefName(d) == nameOf(name))
            return true;
    return false;
}

Result<Digest> ListStore::save(const ImageReference &name, const ManifestList &list, SaveMode mode)
{
    if (!name.hasTag() || name.hasDigest())
        return fail(ErrorCode::InvalidReference,
                    EngineText::tr("%1: a manifest list name needs a tag and no digest").arg(name.toString()));
    // The local store's layout first: a store folder must never hold only the lists (the store refuses to start
    // in a folder with content that is not its own).
    if (auto ok = OciLayout(m_storageRoot).ensureExists(true); !ok)
        return fail(ok.error());
    OciLayout layout(m_root);
    if (auto ok = layout.ensureExists(); !ok)
        return fail(ok.error());
    const QByteArray bytes = list.toBytes();
    // The new blob goes in before the index names it; a garbage collection meanwhile must leave it alone.
    auto guard = std::make_unique<OciLayout::WriterGuard>(layout);
    Digest digest;
    if (auto ok = layout.writeSmallBlob(bytes, &digest); !ok)
        return fail(ok.error());
    Descriptor entry;
    entry.mediaType = list.mediaType;
    entry.digest = digest;
    entry.size = bytes.size();
    entry.annotations.insert(QString(kOciRefNameAnnotation), nameOf(name));
    const QHash<QString, QString> sources = list.sources();
    if (!sources.isEmpty())
        entry.annotations.insert(QString(kSourcesAnnotation), encodeSources(sources));
    auto written = layout.updateIndex([&](QList<Descriptor> &entries) -> Status {
        const qsizetype before = entries.size();
        entries.removeIf([&](const Descriptor &d) { return ociRefName(d) == nameOf(name); });
        if (mode == SaveMode::Create && entries.size() != before)
            return fail(ErrorCode::AlreadyExists,
                        EngineText::tr("manifest list %1 already exists (use --amend to add to it)").arg(name.toString()));
        entries.append(entry);
        return {};
    });
    if (!written)
        return fail(written.error());
    guard.reset();
    // The list this one replaced is no longer named: its blob goes (a failure here loses nothing).
    if (mode == SaveMode::Replace) {
        auto cleaned = layout.withLock([&]() -> Status {
            auto entries = layout.entries();
            if (!entries)
                return fail(entries.error());
            auto keep = layout.reachableBlobs(*entries, false);
            if (!keep)
                return fail(keep.error());
            auto deleted = layout.deleteBlobsExcept(*keep);
            if (!deleted)
                return fail(deleted.error());
            return {};
        });
        if (!cleaned)
            qCWarning(lcTransport) << "saved" << name.toString() << "but cleaning up failed:" << cleaned.error().message;
    }
    return digest;
}

Status ListStore::remove(const ImageReference &name)
{
    OciLayout layout(m_root);
    if (!layout.exists())
        return fail(noSuchList(name));
    return layout.updateIndex(
        [&](QList<Descriptor> &entries) -> Status {
            const qsizetype before = entries.size();
            entries.removeIf([&](const Descriptor &d) { return ociRefName(d) == nameOf(name); });
            if (entries.size() == before)
                return fail(noSuchList(name));
            return {};
        },
        [&](const QList<Descriptor> &remaining) -> Status {
            // The lists' images were never copied in: only the list blobs are here, and those no name uses go.
            auto keep = layout.reachableBlobs(remaining, false);
            if (!keep)
                return fail(keep.error().withContext(EngineText::tr("the list was removed, but cleaning up failed")));
            auto deleted = layout.deleteBlobsExcept(*keep);
            if (!deleted)
                return fail(deleted.error().withContext(EngineText::tr("the list was removed, but cleaning up failed")));
            return {};
        });
}

} // namespace stevedore
