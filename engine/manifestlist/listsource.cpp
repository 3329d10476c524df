#include "listsource.h"

#include "core/logging.h"
#include "transport/transports.h"

#include <QHash>
#include <QMutex>

namespace stevedore {

namespace {

class ListSource final : public ImageSource
{
public:
    ListSource(StoredList list, SystemContext ctx) : m_list(std::move(list)), m_ctx(std::move(ctx))
    {
        m_sources.resize(m_list.list.entries.size());
    }

    QString description() const override
    {
        return EngineText::tr("manifest list %1").arg(m_list.name.toString());
    }

    Result<RawManifest> manifest(const std::optional<Digest> &instance, const CancelToken &cancel) override
    {
        if (!instance) {
            if (auto ok = checkPushable(); !ok)
                return fail(ok.error());
            return RawManifest{m_list.bytes, m_list.list.mediaType};
        }
        const qsizetype at = m_list.list.indexOf(*instance);
        if (at < 0)
            return fail(ErrorCode::ManifestUnknown,
                        EngineText::tr("%1 lists no image %2").arg(description(), instance->toString()));
        auto source = sourceOf(at);
        if (!source)
            return fail(source.error());
        const ListEntry &entry = m_list.list.entries.at(at);
        const QString what = EngineText::tr("reading %1 (%2) of %3")
                                 .arg(entry.descriptor.digest.toString(), entry.source, m_list.name.toString());
        // The entry is the source's own manifest, or one of its children (an image added from a list with --all).
        auto raw = (*source)->manifest(std::nullopt, cancel);
        if (!raw)
            return fail(raw.error().withContext(what));
        if (raw->digest() != *instance) {
            if (!raw->isIndex())
                return fail(ErrorCode::ManifestUnknown,
                            EngineText::tr("%1: the image there is now %2, not the one listed")
                                .arg(what, raw->digest().toString()));
            raw = (*source)->manifest(*instance, cancel);
            if (!raw)
                return fail(raw.error().withContext(what));
        }
        if (raw->digest() != *instance)
            return fail(ErrorCode::DigestMismatch, EngineText::tr("%1: got %2").arg(what, raw->digest().toString()));
        learnBlobs(*raw, at);
        return raw;
    }

    Result<std::unique_ptr<BlobReader>> openBlob(const BlobInfo &blob, const CancelToken &cancel) override
    {
        const qsizetype at = entryOfBlob(blob.digest);
        if (at < 0)
            return fail(ErrorCode::BlobUnknown, EngineText::tr("%1: no listed image has the blob %2")
                                                    .arg(description(), blob.digest.toString()));
        auto source = sourceOf(at);
        if (!source)
            return fail(source.error());
        return (*source)->openBlob(blob, cancel);
    }

    Result<QList<QByteArray>> signatures(const std::optional<Digest> &instance, const CancelToken &cancel) override
    {
        if (!instance)
            return QList<QByteArray>();
        const qsizetype at = m_list.list.indexOf(*instance);
        if (at < 0)
            return QList<QByteArray>();
        auto source = sourceOf(at);
        if (!source)
            return fail(source.error());
        auto own = (*source)->manifest(std::nullopt, cancel);
        if (own && own->digest() == *instance)
            return (*source)->signatures(std::nullopt, cancel);
        return (*source)->signatures(instance, cancel);
    }

    std::optional<BlobLocation> blobLocationOf(const Digest &blob) const override
    {
        const qsizetype at = entryOfBlob(blob);
        if (at < 0)
            return std::nullopt;
        QMutexLocker lock(&m_mutex);
        const auto &source = m_sources.at(at);
        return source ? source->blobLocation() : std::nullopt;
    }

private:
    Status checkPushable() const
    {
        if (m_list.list.entries.isEmpty())
            return fail(ErrorCode::InvalidArgument, EngineText::tr("%1 is empty").arg(description()));
        if (!m_ctx.allowDuplicatePlatforms) {
            const QStringList dups = m_list.list.duplicatePlatforms();
            if (!dups.isEmpty())
                return fail(ErrorCode::InvalidArgument,
                            EngineText::tr("%1 lists the same platform more than once: %2 (remove one, or use "
                                           "--allow-duplicates)")
                                .arg(description(), dups.join(QStringLiteral("; "))));
        }
        for (const ListEntry &e : m_list.list.entries)
            if (e.source.isEmpty())
                return fail(ErrorCode::InvalidArgument,
                            EngineText::tr("%1: the image %2 has no recorded source to copy it from")
                                .arg(description(), e.descriptor.digest.toString()));
        return {};
    }

    Result<ImageSource *> sourceOf(qsizetype at)
    {
        QMutexLocker lock(&m_mutex);
        if (m_sources.at(at))
            return m_sources.at(at).get();
        const QString text = m_list.list.entries.at(at).source;
        auto ref = TransportReference::parse(text);
        if (!ref)
            return fail(ref.error().withContext(EngineText::tr("the source of %1").arg(m_list.list.entries.at(at).descriptor.digest.toString())));
        auto opened = openImageSource(*ref, m_ctx);
        if (!opened)
            return fail(opened.error());
        m_sources[at] = std::shared_ptr<ImageSource>(std::move(*opened));
        return m_sources.at(at).get();
    }

    void learnBlobs(const RawManifest &raw, qsizetype at)
    {
        auto manifest = ImageManifest::parse(raw);
        if (!manifest)
            return;
        QMutexLocker lock(&m_mutex);
        m_blobs.insert(manifest->config.digest.toString(), at);
        for (const Descriptor &l : std::as_const(manifest->layers))
            m_blobs.insert(l.digest.toString(), at);
    }

    qsizetype entryOfBlob(const Digest &blob) const
    {
        QMutexLocker lock(&m_mutex);
        return m_blobs.value(blob.toString(), -1);
    }

    const StoredList m_list;
    const SystemContext m_ctx;
    mutable QMutex m_mutex;
    QList<std::shared_ptr<ImageSource>> m_sources;
    QHash<QString, qsizetype> m_blobs; // blob digest → the entry whose manifest names it
};

} // namespace

Result<std::unique_ptr<ImageSource>> openListSource(const StoredList &list, const SystemContext &ctx)
{
    return std::unique_ptr<ImageSource>(std::make_unique<ListSource>(list, ctx));
}

} // namespace stevedore
