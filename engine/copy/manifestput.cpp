// CopyRun: manifests — each put once its blobs are in place (rewritten with the layers the destination got and
// converted to the chosen manifest family), its signatures after it, and the index last.
#include "copyrun.h"

#include "core/logging.h"
#include "retry.h"

namespace stevedore {

namespace {

Error cancelledError()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("the copy was cancelled"));
}

} // namespace

Status CopyRun::checkSignatures()
{
    if (m_caps.supportsSignatures || m_options.removeSignatures)
        return {};
    bool any = !m_indexSignatures.isEmpty();
    for (const ManifestTask &m : std::as_const(m_manifests))
        any = any || !m.signatures.isEmpty();
    if (!any)
        return {};
    return fail(ErrorCode::Unsupported,
                EngineText::tr("%1 is signed, and %2 cannot store signatures; use --remove-signatures to copy it "
                               "without them")
                    .arg(m_source->description(), m_dest->description()));
}

Status CopyRun::putReadyManifests()
{
    for (ManifestTask &m : m_manifests) {
        if (m.put)
            continue;
        bool ready = true;
        for (const QString &key : std::as_const(m.blobKeys)) {
            const BlobTask &t = *m_blobs.value(key);
            if (!t.finished || t.error) {
                ready = false;
                break;
            }
        }
        if (!ready)
            continue;
        if (auto put = putManifest(m); !put) {
            m_progress.setImageState(m.sourceDigest.toString(), ImageProgress::State::Failed);
            return put;
        }
        m_progress.setImageState(m.sourceDigest.toString(), ImageProgress::State::Done);
    }
    return {};
}

Status CopyRun::putManifest(ManifestTask &m)
{
    QList<Descriptor> layers;
    for (qsizetype i = 0; i < m.parsed.layers.size(); ++i) {
        const Descriptor &l = m.parsed.layers.at(i);
        const Descriptor &out = m_blobs.value(m.blobKeys.at(i + 1))->output; // blobKeys: config first
        Descriptor d = l;
        d.mediaType = out.mediaType;
        d.digest = out.digest;
        d.size = out.size;
        layers.append(d);
    }
    auto written = updateImageManifest(m.raw, layers, m_family); // byte for byte unless something changed
    if (!written)
        return fail(written.error().withContext(EngineText::tr("rewriting %1").arg(manifestContext(m.sourceDigest, m.platform))));
    m.written = *written;
    const std::optional<Digest> instance = m.isInstance ? std::optional<Digest>(m.written.digest()) : std::nullopt;
    auto put = withRetries(m_context.retry, m_stop, [&]() -> Status {
        if (auto p = m_dest->putManifest(m.written, m.isInstance, m_stop); !p)
            return p;
        // Signatures sign the manifest bytes: they stay valid only when the bytes did not change.
        if (m.written.digest() == m.sourceDigest && m_caps.supportsSignatures)
            return m_dest->putSignatures(m.signatures, instance, m_stop);
        return {};
    });
    if (!put)
        return fail(put.error().withContext(EngineText::tr("%1 %2").arg(verb(), manifestContext(m.sourceDigest, m.platform))));
    m.put = true;
    qCDebug(lcCopy) << "put manifest" << m.written.digest().toString() << "for" << m.platform;
    return {};
}

Result<Digest> CopyRun::putIndex()
{
    QHash<Digest, Descriptor> replacements;
    for (const ManifestTask &m : std::as_const(m_manifests)) {
        if (!m.put)
            return fail(ErrorCode::Internal, EngineText::tr("the index would be written before its manifests"));
        const Digest written = m.written.digest();
        if (written != m.sourceDigest || m.written.mediaType != m.raw.mediaType) {
            Descriptor d;
            d.mediaType = m.written.mediaType;
            d.digest = written;
            d.size = m.written.bytes.size();
            replacements.insert(m.sourceDigest, d);
        }
    }
    auto index = updateIndex(*m_index, replacements, m_family);
    if (!index)
        return fail(index.error().withContext(EngineText::tr("rewriting the index of %1").arg(m_source->description())));
    if (stopped())
        return fail(cancelledError());
    auto put = withRetries(m_context.retry, m_stop, [&]() -> Status {
        if (auto p = m_dest->putManifest(*index, false, m_stop); !p)
            return p;
        if (index->digest() == m_indexDigest && m_caps.supportsSignatures)
            return m_dest->putSignatures(m_indexSignatures, std::nullopt, m_stop);
        return {};
    });
    if (!put) {
        m_progress.setImageState(m_indexDigest.toString(), ImageProgress::State::Failed);
        return fail(put.error().withContext(EngineText::tr("%1 the index").arg(verb())));
    }
    m_progress.setImageState(m_indexDigest.toString(), ImageProgress::State::Done);
    return index->digest();
}

} // namespace stevedore
