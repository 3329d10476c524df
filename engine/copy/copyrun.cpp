#include "copyrun.h"

#include "core/logging.h"
#include "retry.h"
#include "transport/transports.h"

namespace stevedore {

namespace {

Error cancelledError()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("the copy was cancelled"));
}

} // namespace

QString BlobTransform::key() const
{
    if (!changes())
        return {};
    QString k = compressionName(from) + QStringLiteral("->") + compressionName(to);
    if (to != Compression::None && level >= 0)
        k += QLatin1Char(':') + QString::number(level);
    return k;
}

CopyRun::CopyRun(TransportReference sourceRef, TransportReference destRef, SystemContext context, CopyOptions options,
                 const CancelToken &jobCancel, ProgressReporter &progress)
    : m_sourceRef(std::move(sourceRef)), m_destRef(std::move(destRef)), m_context(std::move(context)),
      m_options(std::move(options)), m_stop(jobCancel.child()), m_progress(progress), m_cache(m_context.blobInfoCachePath)
{
    m_context.cancel = m_stop; // opening an end may run a credential helper: a cancel stops it too
}

QString CopyRun::verb() const
{
    // Remote ends are the ones whose blobs have locations; the pipeline knows no transport by name.
    if (m_dest && m_dest->blobLocation())
        return EngineText::tr("pushing");
    if (m_source && m_source->blobLocation())
        return EngineText::tr("pulling");
    return EngineText::tr("copying");
}

QString CopyRun::blobContext(const BlobTask &task) const
{
    const QString what = task.source.isConfig() ? EngineText::tr("config") : EngineText::tr("layer");
    QString text = verb() + QLatin1Char(' ') + what + QLatin1Char(' ') + task.source.digest.algorithm() + QLatin1Char(':')
                   + task.source.digest.shortHex(12) + QStringLiteral("…");
    if (!task.platforms.isEmpty())
        text += QStringLiteral(" (") + task.platforms.join(QStringLiteral(", ")) + QLatin1Char(')');
    return text;
}

QString CopyRun::manifestContext(const Digest &digest, const QString &platform) const
{
    QString text = EngineText::tr("manifest %1").arg(digest.algorithm() + QLatin1Char(':') + digest.shortHex(12)
                                                       + QStringLiteral("…"));
    if (!platform.isEmpty())
        text += QStringLiteral(" (") + platform + QLatin1Char(')');
    return text;
}

Result<Digest> CopyRun::execute()
{
    if (m_sourceRef.sameLocationAs(m_destRef))
        return fail(ErrorCode::InvalidArgument,
                    EngineText::tr("%1 is both the source and the destination; refused").arg(m_destRef.toString()));
    auto source = openImageSource(m_sourceRef, m_context);
    if (!source)
        return fail(source.error());
    m_source = std::move(*source);
    auto dest = openImageDestination(m_destRef, m_context);
    if (!dest)
        return fail(dest.error());
    m_dest = std::move(*dest);
    m_caps = m_dest->capabilities();
    m_cache.load();

    Result<Digest> outcome = [&]() -> Result<Digest> {
        if (auto planned = plan(); !planned)
            return fail(planned.error());
        if (auto signatures = checkSignatures(); !signatures)
            return fail(signatures.error());
        if (auto copied = runBlobs(); !copied)
            return fail(copied.error());
        Digest top;
        if (m_index) {
            auto put = putIndex();
            if (!put)
                return put;
            top = *put;
        } else {
            top = m_manifests.constFirst().written.digest();
        }
        if (stopped())
            return fail(cancelledError());
        auto committed = withRetries(m_context.retry, m_stop, [&]() { return m_dest->commit(m_stop); });
        if (!committed)
            return fail(committed.error().withContext(EngineText::tr("committing %1").arg(m_dest->description())));
        return top;
    }();

    // What was learnt is worth keeping even when the copy failed later on.
    if (auto saved = m_cache.save(); !saved)
        qCWarning(lcCopy) << "cannot save the blob-info cache:" << saved.error().message;

    if (!outcome && (m_stop.isCancelled() && outcome.error().code == ErrorCode::Cancelled))
        return fail(cancelledError());
    return outcome;
}

} // namespace stevedore
