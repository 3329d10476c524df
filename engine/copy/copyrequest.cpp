#include "copyrequest.h"

#include "core/error.h"

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

Error badField(const QString &field, const QString &why)
{
    return Error(ErrorCode::InvalidArgument, EngineText::tr("saved push: \"%1\" %2").arg(field, why));
}

} // namespace

QJsonObject copyRequestToJson(const CopyRequest &r)
{
    QJsonObject o;
    o[u"source"_s] = r.source.toString();
    o[u"destination"_s] = r.destination.toString();
    QJsonObject ctx;
    if (!r.context.authFile.isEmpty())
        ctx[u"authFile"_s] = r.context.authFile;
    if (!r.context.certDir.isEmpty())
        ctx[u"certDir"_s] = r.context.certDir;
    if (r.context.tlsVerify)
        ctx[u"tlsVerify"_s] = *r.context.tlsVerify;
    if (!r.context.storageRoot.isEmpty())
        ctx[u"storageRoot"_s] = r.context.storageRoot;
    ctx[u"retries"_s] = r.context.retry.maxRetries;
    ctx[u"retryDelayMs"_s] = qint64(r.context.retry.delay.count());
    ctx[u"blobConcurrency"_s] = r.context.blobConcurrency;
    if (r.context.credentials)
        ctx[u"typedCredentials"_s] = true;
    o[u"context"_s] = ctx;
    QJsonObject opt;
    opt[u"all"_s] = r.options.all;
    if (r.options.platform)
        opt[u"platform"_s] = r.options.platform->toString();
    if (!r.options.digestFile.isEmpty())
        opt[u"digestFile"_s] = r.options.digestFile;
    if (r.options.compression)
        opt[u"compression"_s] = compressionName(*r.options.compression);
    if (r.options.compressionLevel >= 0)
        opt[u"compressionLevel"_s] = r.options.compressionLevel;
    if (r.options.manifestFormat)
        opt[u"format"_s] = *r.options.manifestFormat == ManifestFamily::Oci ? u"oci"_s : u"v2s2"_s;
    if (r.options.removeSignatures)
        opt[u"removeSignatures"_s] = true;
    o[u"options"_s] = opt;
    return o;
}

Result<CopyRequest> copyRequestFromJson(const QJsonObject &o)
{
    CopyRequest r;
    for (const auto &[field, target] : {std::pair{u"source"_s, &r.source}, std::pair{u"destination"_s, &r.destination}}) {
        const QString text = o.value(field).toString();
        if (text.isEmpty())
            return fail(badField(field, EngineText::tr("is missing")));
        auto parsed = TransportReference::parse(text);
        if (!parsed)
            return fail(parsed.error().withContext(EngineText::tr("saved push: \"%1\"").arg(field)));
        *target = *parsed;
    }
    const QJsonObject ctx = o.value(u"context"_s).toObject();
    r.context.authFile = ctx.value(u"authFile"_s).toString();
    r.context.certDir = ctx.value(u"certDir"_s).toString();
    if (ctx.contains(u"tlsVerify"_s))
        r.context.tlsVerify = ctx.value(u"tlsVerify"_s).toBool();
    r.context.storageRoot = ctx.value(u"storageRoot"_s).toString();
    r.context.retry.maxRetries = std::clamp(ctx.value(u"retries"_s).toInt(r.context.retry.maxRetries), 0, 100);
    r.context.retry.delay = std::chrono::milliseconds(
        std::clamp<qint64>(ctx.value(u"retryDelayMs"_s).toInteger(r.context.retry.delay.count()), 0, 3600 * 1000));
    r.context.blobConcurrency = std::clamp(ctx.value(u"blobConcurrency"_s).toInt(r.context.blobConcurrency), 1, 64);

    const QJsonObject opt = o.value(u"options"_s).toObject();
    r.options.all = opt.value(u"all"_s).toBool();
    if (opt.contains(u"platform"_s)) {
        auto p = Platform::parse(opt.value(u"platform"_s).toString());
        if (!p)
            return fail(badField(u"platform"_s, p.error().message));
        r.options.platform = *p;
    }
    r.options.digestFile = opt.value(u"digestFile"_s).toString();
    if (opt.contains(u"compression"_s)) {
        const QString c = opt.value(u"compression"_s).toString();
        if (c == "none"_L1)
            r.options.compression = Compression::None;
        else if (c == "gzip"_L1)
            r.options.compression = Compression::Gzip;
        else if (c == "zstd"_L1)
            r.options.compression = Compression::Zstd;
        else
            return fail(badField(u"compression"_s, EngineText::tr("is \"%1\" (gzip, zstd or none)").arg(c)));
    }
    r.options.compressionLevel = opt.value(u"compressionLevel"_s).toInt(-1);
    if (opt.contains(u"format"_s)) {
        const QString f = opt.value(u"format"_s).toString();
        if (f == "oci"_L1)
            r.options.manifestFormat = ManifestFamily::Oci;
        else if (f == "v2s2"_L1)
            r.options.manifestFormat = ManifestFamily::Docker;
        else
            return fail(badField(u"format"_s, EngineText::tr("is \"%1\" (oci or v2s2)").arg(f)));
    }
    r.options.removeSignatures = opt.value(u"removeSignatures"_s).toBool();
    return r;
}

} // namespace stevedore
