#include "inspect.h"

#include "auth/credentials.h"
#include "content/manifest.h"
#include "core/logging.h"
#include "core/threadpools.h"
#include "registry/registryclient.h"
#include "transport/transports.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

namespace stevedore {

namespace {

Result<QByteArray> readConfig(ImageSource &source, const Descriptor &config, const CancelToken &cancel)
{
    if (config.size > kMaxManifestSize)
        return fail(ErrorCode::TooLarge, EngineText::tr("the config %1 is %2 bytes, more than the limit of %3")
                                             .arg(config.digest.toString())
                                             .arg(config.size)
                                             .arg(kMaxManifestSize));
    auto reader = source.openBlob(config, cancel);
    if (!reader)
        return fail(reader.error().withContext(EngineText::tr("reading the config %1").arg(config.digest.toString())));
    QByteArray data;
    Digester hash(config.digest.algorithm());
    QByteArray buf(64 * 1024, Qt::Uninitialized);
    for (;;) {
        if (cancel.isCancelled())
            return fail(ErrorCode::Cancelled, EngineText::tr("cancelled"));
        auto n = (*reader)->read(buf.data(), buf.size());
        if (!n)
            return fail(n.error().withContext(EngineText::tr("reading the config %1").arg(config.digest.toString())));
        if (*n == 0)
            break;
        data.append(buf.constData(), *n);
        hash.addData(buf.constData(), *n);
        if (data.size() > kMaxManifestSize)
            return fail(ErrorCode::TooLarge, EngineText::tr("the config %1 is larger than %2 bytes")
                                                 .arg(config.digest.toString())
                                                 .arg(kMaxManifestSize));
    }
    const Digest actual = hash.result();
    if (actual != config.digest)
        return fail(ErrorCode::DigestMismatch, EngineText::tr("the config %1 does not match its digest (got %2)")
                                                   .arg(config.digest.toString(), actual.toString()));
    if (config.size >= 0 && data.size() != config.size)
        return fail(ErrorCode::SizeMismatch, EngineText::tr("the config %1 is %2 bytes, expected %3")
                                                 .arg(config.digest.toString())
                                                 .arg(data.size())
                                                 .arg(config.size));
    return data;
}

// Serialises one JSON value as Go's json.MarshalIndent(v, "", "    ") would, at nesting `level`.
QByteArray jsonValue(const QJsonValue &v, int level)
{
    QByteArray out;
    if (v.isArray() || v.isObject()) {
        QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
        if ((v.isArray() && v.toArray().isEmpty()) || (v.isObject() && v.toObject().isEmpty()))
            return v.isArray() ? QByteArrayLiteral("[]") : QByteArrayLiteral("{}");
        QByteArray indented = doc.toJson(QJsonDocument::Indented).trimmed();
        // Qt indents by 4 spaces per level: shift nested lines by our level.
        const QByteArray pad(level * 4, ' ');
        indented.replace(QByteArrayLiteral("\n"), QByteArray("\n" + pad));
        return indented;
    }
    QJsonArray wrap{v};
    out = QJsonDocument(wrap).toJson(QJsonDocument::Compact);
    return out.mid(1, out.size() - 2);
}

QByteArray orderedObject(const QList<std::pair<QString, QJsonValue>> &fields)
{
    QByteArray out("{\n");
    for (qsizetype i = 0; i < fields.size(); ++i) {
        out += "    \"" + fields[i].first.toUtf8() + "\": " + jsonValue(fields[i].second, 1);
        out += i + 1 < fields.size() ? ",\n" : "\n";
    }
    out += "}\n";
    return out;
}

// The tags of a docker:// repository, as skopeo lists them in RepoTags. Best effort: a registry that refuses the
// tag list (some do for anonymous users) leaves the list empty rather than failing the whole inspection.
QJsonArray repositoryTags(const TransportReference &ref, const SystemContext &ctx, const CancelToken &cancel)
{
    QJsonArray out;
    if (ref.kind != TransportReference::Kind::Docker || !ref.image)
        return out;
    RegistryConfig config;
    config.host = ref.image->domain();
    config.insecure = ctx.tlsVerify.has_value() && !*ctx.tlsVerify;
    config.certDir = ctx.certDir;
    if (ctx.credentials && !ctx.credentials->isEmpty()) {
        config.credentials = ctx.credentials;
    } else {
        auto found = CredentialStore(ctx.authFile).lookup(ref.image->domain(), ref.image->path());
        if (found && *found)
            config.credentials = (*found)->credentials;
    }
    auto client = std::make_shared<RegistryClient>(std::move(config));
    auto tags = client->listTags(ref.image->path(), 0, cancel);
    if (!tags) {
        qCInfo(lcRegistry) << "cannot list the tags of" << ref.image->repository() << ":" << tags.error().message;
        return out;
    }
    for (const QString &t : std::as_const(*tags))
        out.append(t);
    return out;
}

} // namespace

Result<QByteArray> inspectImage(const TransportReference &ref, const SystemContext &ctx, InspectMode mode,
                                const CancelToken &cancel)
{
    auto source = openImageSource(ref, ctx);
    if (!source)
        return fail(source.error());
    auto top = (*source)->manifest(std::nullopt, cancel);
    if (!top)
        return fail(top.error().withContext(EngineText::tr("reading the manifest of %1").arg((*source)->description())));
    if (mode == InspectMode::Raw)
        return top->bytes;

    RawManifest image = *top;
    if (top->isIndex()) {
        auto index = ImageIndex::parse(*top);
        if (!index)
            return fail(index.error());
        const Platform host = Platform::host();
        std::optional<Descriptor> pick;
        for (const Descriptor &d : std::as_const(index->manifests)) {
            if (!d.platform || !mediatype::isImageManifest(d.mediaType) || !d.platform->satisfies(host))
                continue;
            if (!pick || (!host.variant.isEmpty() && d.platform->variant == host.variant
                          && pick->platform->variant != host.variant))
                pick = d;
        }
        if (!pick) {
            QStringList available;
            for (const Descriptor &d : std::as_const(index->manifests))
                if (d.platform)
                    available << d.platform->toString();
            return fail(ErrorCode::NotFound,
                        EngineText::tr("%1 has no image for platform %2 (available: %3); use --raw to see the index")
                            .arg((*source)->description(), host.toString(),
                                 available.isEmpty() ? EngineText::tr("none") : available.join(QStringLiteral(", "))));
        }
        auto inst = (*source)->manifest(pick->digest, cancel);
        if (!inst)
            return fail(inst.error().withContext(EngineText::tr("reading the manifest %1 of %2")
                                                     .arg(pick->digest.toString(), (*source)->description())));
        if (inst->digest() != pick->digest)
            return fail(ErrorCode::DigestMismatch, EngineText::tr("the manifest %1 of %2 does not match its digest")
                                                       .arg(pick->digest.toString(), (*source)->description()));
        image = *inst;
    }
    if (!mediatype::isImageManifest(image.mediaType))
        return fail(ErrorCode::NotSupportedYet,
                    EngineText::tr("%1 is a %2, which cannot be inspected yet").arg((*source)->description(), image.mediaType));
    auto manifest = ImageManifest::parse(image);
    if (!manifest)
        return fail(manifest.error());
    auto configBytes = readConfig(**source, manifest->config, cancel);
    if (!configBytes)
        return fail(configBytes.error());
    if (mode == InspectMode::Config)
        return *configBytes;
    auto config = ImageConfig::parse(*configBytes);
    if (!config)
        return fail(config.error());

    const QJsonObject inner = config->json.value(QLatin1String("config")).toObject();
    QList<std::pair<QString, QJsonValue>> fields;
    if (ref.image && (ref.kind == TransportReference::Kind::Docker || ref.kind == TransportReference::Kind::LocalStore))
        fields.append({QStringLiteral("Name"), ref.image->repository()});
    fields.append({QStringLiteral("Digest"), top->digest().toString()});
    fields.append({QStringLiteral("RepoTags"), repositoryTags(ref, ctx, cancel)});
    if (!config->created.isEmpty())
        fields.append({QStringLiteral("Created"), config->created});
    fields.append({QStringLiteral("DockerVersion"), config->json.value(QLatin1String("docker_version")).toString()});
    const QJsonValue labels = inner.value(QLatin1String("Labels"));
    fields.append({QStringLiteral("Labels"), labels.isObject() ? labels : QJsonValue(QJsonValue::Null)});
    fields.append({QStringLiteral("Architecture"), config->architecture});
    if (!config->variant.isEmpty())
        fields.append({QStringLiteral("Variant"), config->variant});
    fields.append({QStringLiteral("Os"), config->os});
    QJsonArray layers, layersData;
    for (const Descriptor &l : std::as_const(manifest->layers)) {
        layers.append(l.digest.toString());
        QJsonObject o;
        o.insert(QStringLiteral("MIMEType"), l.mediaType);
        o.insert(QStringLiteral("Digest"), l.digest.toString());
        o.insert(QStringLiteral("Size"), l.size);
        if (l.annotations.isEmpty()) {
            o.insert(QStringLiteral("Annotations"), QJsonValue(QJsonValue::Null));
        } else {
            QJsonObject a;
            for (auto it = l.annotations.cbegin(); it != l.annotations.cend(); ++it)
                a.insert(it.key(), it.value());
            o.insert(QStringLiteral("Annotations"), a);
        }
        layersData.append(o);
    }
    fields.append({QStringLiteral("Layers"), layers});
    fields.append({QStringLiteral("LayersData"), layersData});
    const QJsonValue env = inner.value(QLatin1String("Env"));
    fields.append({QStringLiteral("Env"), env.isArray() ? env : QJsonValue(QJsonValue::Null)});
    return orderedObject(fields);
}

QFuture<Result<QByteArray>> inspectImageAsync(const TransportReference &ref, const SystemContext &ctx, InspectMode mode)
{
    return QtConcurrent::run(pools::io(), [ref, ctx, mode]() { return inspectImage(ref, ctx, mode, CancelToken()); });
}

} // namespace stevedore
