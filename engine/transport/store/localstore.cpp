#include "localstore.h"

#include "core/logging.h"
#include "transport/oci/ocilayout.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace stevedore {

namespace {

QString nameOf(const ImageReference &ref)
{
    return ref.repository() + QLatin1Char(':') + ref.tag();
}

bool matches(const ImageReference &wanted, const LocalImage &image)
{
    if (wanted.hasTag()) {
        if (nameOf(wanted) != nameOf(image.reference))
            return false;
        return !wanted.hasDigest() || *wanted.digest() == image.descriptor.digest;
    }
    if (wanted.hasDigest())
        return wanted.repository() == image.reference.repository() && *wanted.digest() == image.descriptor.digest;
    return false;
}

// The creation time from the config of the image (for an index: the host platform's instance, else the first).
QDateTime createdOf(const OciLayout &layout, const Descriptor &top)
{
    Descriptor current = top;
    for (int depth = 0; depth < 4; ++depth) {
        auto bytes = layout.readSmallBlob(current.digest, current.size);
        if (!bytes)
            return {};
        auto raw = makeRawManifest(*bytes, current.mediaType);
        if (!raw)
            return {};
        if (raw->isIndex()) {
            auto idx = ImageIndex::parse(*raw);
            if (!idx || idx->manifests.isEmpty())
                return {};
            const Platform host = Platform::host();
            std::optional<Descriptor> pick;
            for (const Descriptor &d : std::as_const(idx->manifests))
                if (!pick && d.platform && d.platform->satisfies(host))
                    pick = d;
            current = pick.value_or(idx->manifests.constFirst());
            continue;
        }
        auto m = ImageManifest::parse(*raw);
        if (!m)
            return {};
        auto cfgBytes = layout.readSmallBlob(m->config.digest, m->config.size);
        if (!cfgBytes)
            return {};
        auto cfg = ImageConfig::parse(*cfgBytes);
        if (!cfg || cfg->created.isEmpty())
            return {};
        QDateTime t = QDateTime::fromString(cfg->created, Qt::ISODateWithMs);
        if (!t.isValid())
            t = QDateTime::fromString(cfg->created, Qt::ISODate);
        if (!t.isValid()) {
            // Go writes nanoseconds: keep milliseconds.
            QString s = cfg->created;
            static const QRegularExpression frac(QStringLiteral("\\.(\\d{3})\\d+"));
            s.replace(frac, QStringLiteral(".\\1"));
            t = QDateTime::fromString(s, Qt::ISODateWithMs);
        }
        return t.isValid() ? t.toUTC() : QDateTime();
    }
    return {};
}

Error notInStore(const ImageReference &ref)
{
    return Error(ErrorCode::NotFound, EngineText::tr("%1 is not in the local store").arg(ref.toString()));
}

} // namespace

LocalStore::LocalStore(QString root) : m_root(std::move(root)) {}

Result<QList<LocalImage>> LocalStore::images() const
{
    OciLayout layout(m_root);
    if (!layout.exists())
        return QList<LocalImage>();
    auto entries = layout.entries();
    if (!entries)
        return fail(entries.error());
    QList<LocalImage> out;
    for (const Descriptor &d : std::as_const(*entries)) {
        const QString name = ociRefName(d);
        if (name.isEmpty())
            continue;
        auto ref = ImageReference::parse(name);
        if (!ref || !ref->hasTag()) {
            qCWarning(lcTransport) << "ignoring an entry of the local store with an invalid name:" << name;
            continue;
        }
        LocalImage img;
        img.reference = *ref;
        img.descriptor = d;
        img.created = createdOf(layout, d);
        out.append(img);
    }
    std::sort(out.begin(), out.end(), [](const LocalImage &a, const LocalImage &b) {
        return a.reference.toString() < b.reference.toString();
    });
    return out;
}

Result<LocalImage> LocalStore::find(const ImageReference &ref) const
{
    OciLayout layout(m_root);
    if (!layout.exists())
        return fail(notInStore(ref));
    auto entries = layout.entries();
    if (!entries)
        return fail(entries.error());
    for (const Descriptor &d : std::as_const(*entries)) {
        auto name = ImageReference::parse(ociRefName(d));
        if (!name)
            continue;
        LocalImage img{*name, d, {}};
        if (matches(ref, img)) {
            img.created = createdOf(layout, d);
            return img;
        }
    }
    return fail(notInStore(ref));
}

Status LocalStore::tag(const ImageReference &source, const ImageReference &target)
{
    if (!target.hasTag() || target.hasDigest())
        return fail(ErrorCode::InvalidReference,
                    EngineText::tr("%1: a new name needs a tag and no digest").arg(target.toString()));
    OciLayout layout(m_root);
    if (!layout.exists())
        return fail(notInStore(source));
    return layout.updateIndex([&](QList<Descriptor> &list) -> Status {
        std::optional<Descriptor> src;
        for (const Descriptor &d : std::as_const(list)) {
            auto name = ImageReference::parse(ociRefName(d));
            if (name && matches(source, LocalImage{*name, d, {}})) {
                src = d;
                break;
            }
        }
        if (!src)
            return fail(notInStore(source));
        const QString newName = nameOf(target);
        list.removeIf([&](const Descriptor &d) { return ociRefName(d) == newName; });
        Descriptor entry = *src;
        entry.annotations.insert(QString(kOciRefNameAnnotation), newName);
        list.append(entry);
        return {};
    });
}

Status LocalStore::remove(const ImageReference &ref)
{
    OciLayout layout(m_root);
    if (!layout.exists())
        return fail(notInStore(ref));
    return layout.updateIndex(
        [&](QList<Descriptor> &list) -> Status {
            const qsizetype before = list.size();
            list.removeIf([&](const Descriptor &d) {
                auto name = ImageReference::parse(ociRefName(d));
                return name && matches(ref, LocalImage{*name, d, {}});
            });
            if (list.size() == before)
                return fail(notInStore(ref));
            return {};
        },
        [&](const QList<Descriptor> &remaining) -> Status {
            // Garbage collection, with the lock still held: a blob stays when any remaining entry reaches it.
            auto keep = layout.reachableBlobs(remaining, false);
            if (!keep)
                return fail(keep.error().withContext(EngineText::tr("the name was removed, but cleaning up failed")));
            auto deleted = layout.deleteBlobsExcept(*keep);
            if (!deleted)
                return fail(deleted.error().withContext(EngineText::tr("the name was removed, but cleaning up failed")));
            qCInfo(lcTransport) << "removed" << ref.toString() << "and" << *deleted << "unreferenced blobs";
            return {};
        });
}

} // namespace stevedore
