// inspectListVerbose: `docker manifest inspect -v` for a list.
#include "listimages.h"
#include "listsource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace stevedore {

Result<QByteArray> inspectListVerbose(const ManifestList &list, const SystemContext &ctx, const CancelToken &cancel)
{
    StoredList stored;
    stored.list = list;
    stored.bytes = list.toBytes();
    SystemContext c = ctx;
    c.allowDuplicatePlatforms = true; // inspecting is not pushing
    auto source = openListSource(stored, c);
    if (!source)
        return fail(source.error());
    QJsonArray out;
    for (const ListEntry &entry : list.entries) {
        if (cancel.isCancelled())
            return fail(ErrorCode::Cancelled, EngineText::tr("cancelled"));
        auto raw = (*source)->manifest(entry.descriptor.digest, cancel);
        if (!raw)
            return fail(raw.error());
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(raw->bytes, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return fail(ErrorCode::MalformedContent,
                        EngineText::tr("the manifest %1 is not a JSON object").arg(entry.descriptor.digest.toString()));
        QString ref = entry.source;
        if (ref.startsWith(QLatin1String("docker://")))
            ref = ref.mid(9);
        QJsonObject o;
        o.insert(QLatin1String("Ref"), ref);
        o.insert(QLatin1String("Descriptor"), entry.descriptor.toJson());
        o.insert(QLatin1String("Raw"), QString::fromLatin1(raw->bytes.toBase64()));
        const bool oci = raw->mediaType == mediatype::OciManifest;
        o.insert(oci ? QLatin1String("OCIManifest") : QLatin1String("SchemaV2Manifest"), doc.object());
        out.append(o);
    }
    return QJsonDocument(out).toJson(QJsonDocument::Indented);
}

} // namespace stevedore
