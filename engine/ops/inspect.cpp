#include "inspect.h"

#include "content/manifest.h"
#include "core/logging.h"
#include "core/threadpools.h"
#include "content/platforms.h"
#include "transport/transports.h"
#include "content/blobio.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

namespace stevedore {

Result<QByteArray> readConfig(ImageSource &source, const Descriptor &config, const CancelToken &cancel)
{
    const QString what = EngineText::tr("reading the config %1").arg(config.digest.toString());
    if (config.size > kMaxManifestSize)
        return fail(ErrorCode::TooLarge, formatText(EngineText::tr("the config %1 is %2 bytes, more than the limit of %3"), config.digest.toString(), config.size, kMaxManifestSize));
    auto reader = source.openBlob(BlobInfo::fromDescriptor(config, BlobRole::Config, -1), cancel);
    if (!reader)
        return fail(reader.error().withContext(what));
    auto data = readAllLimited(**reader, kMaxManifestSize, cancel);
    if (!data)
        return fail(data.error().withContext(what));
    Digester hash(config.digest.algorithm());
    hash.addData(*data);
    const Digest actual = hash.result();
    if (actual != config.digest)
        return fail(ErrorCode::DigestMismatch, EngineText::tr("the config %1 does not match its digest (got %2)")
                                                   .arg(config.digest.toString(), actual.toString()));
    if (config.size >= 0 && data->size() != config.size)
        return fail(ErrorCode::SizeMismatch, formatText(EngineText::tr("the config %1 is %2 bytes, expected %3"), config.digest.toString(), data->size(), config.size));
    return data;
}

namespace {

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

// The tags of the image's repository, as skopeo lists them in RepoTags, through the transport (docker:// has
// repositories). Best effort: a registry that refuses the tag list (some do for anonymous users) leaves the list
// empty rather than failing the whole inspection.
QJsonArray repositoryTags(ImageSource &source, const CancelToken &cancel)
{
    QJsonArray out;
    auto tags = source.repositoryTags(cancel);
    if (!tags) {
        if (tags.error().code != ErrorCode::Unsupported)
            qCInfo(lcRegistry) << "cannot list the tags of" << source.description() << ":" << tags.error().message;
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
    auto opened = openSourceAndManifest(ref, ctx, cancel);
    if (!opened)
        return fail(opened.error());
    ImageSource *source = opened->source.get();
    const RawManifest *top = &opened->top;
    if (mode == InspectMode::Raw)
        return top->bytes;

    RawManifest image = *top;
    if (top->isIndex()) {
        auto index = ImageIndex::parse(*top);
        if (!index)
            return fail(index.error());
        auto pick = chooseInstance(*index, Platform::host(), source->description(),
                                   EngineText::tr("use --raw to see the index"));
        if (!pick)
            return fail(pick.error());
        auto inst = source->manifest(pick->digest, cancel); // checked against pick->digest by the source
        if (!inst)
            return fail(inst.error().withContext(EngineText::tr("reading the manifest %1 of %2")
                                                     .arg(pick->digest.toString(), source->description())));
        image = *inst;
    }
    if (!mediatype::isImageManifest(image.mediaType))
        return fail(ErrorCode::NotSupportedYet,
                    EngineText::tr("%1 is a %2, which cannot be inspected yet").arg(source->description(), image.mediaType));
    auto manifest = ImageManifest::parse(image);
    if (!manifest)
        return fail(manifest.error());
    auto configBytes = readConfig(*source, manifest->config, cancel);
    if (!configBytes)
        return fail(configBytes.error());
    if (mode == InspectMode::Config)
        return *configBytes;
    auto config = ImageConfig::parse(*configBytes);
    if (!config)
        return fail(config.error());

    const QJsonObject inner = config->json.value(QLatin1String("config")).toObject();
    QList<std::pair<QString, QJsonValue>> fields;
    if (ref.image) // locations named by an image reference (docker://, the local store, ...)
        fields.append({QStringLiteral("Name"), ref.image->repository()});
    fields.append({QStringLiteral("Digest"), top->digest().toString()});
    fields.append({QStringLiteral("RepoTags"), repositoryTags(*source, cancel)});
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
