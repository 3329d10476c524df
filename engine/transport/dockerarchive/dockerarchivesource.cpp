// docker-archive: as a source (see dockerarchivetransport.h).
#include "dockerarchivemanifest.h"
#include "dockerarchivetransport.h"

#include "compress/compression.h"
#include "compress/decompress.h"
#include "content/fileblob.h"
#include "content/mediatypes.h"
#include "core/atomicfile.h"
#include "transport/tar/imagetar.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr qint64 kPiece = 1024 * 1024;

struct Member {
    QString path;
    qint64 size = 0;
    Compression compression = Compression::None; // gzip: served as stored, with its own digest
};

Error cancelled()
{
    return Error(ErrorCode::Cancelled, EngineText::tr("cancelled"));
}

// The sha256 of a file, streamed (a gzip-compressed layer's digest, which manifest.json does not give).
Result<Digest> digestOfFile(const QString &path, const CancelToken &cancel)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(path, f.errorString()));
    Digester digester;
    QByteArray buffer(kPiece, Qt::Uninitialized);
    for (;;) {
        if (cancel.isCancelled())
            return fail(cancelled());
        const qint64 n = f.read(buffer.data(), buffer.size());
        if (n < 0)
            return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(path, f.errorString()));
        if (n == 0)
            return digester.result();
        digester.addData(buffer.constData(), n);
    }
}

class DockerArchiveImageSource final : public ImageSource
{
public:
    DockerArchiveImageSource(std::unique_ptr<QTemporaryDir> folder, QString description, RawManifest manifest,
                             QHash<Digest, Member> blobs)
        : m_folder(std::move(folder))
        , m_description(std::move(description))
        , m_manifest(std::move(manifest))
        , m_blobs(std::move(blobs))
    {
    }
    QString description() const override { return m_description; }
    Result<RawManifest> manifest(const std::optional<Digest> &instance, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        if (instance && *instance != m_manifest.digest())
            return fail(ErrorCode::ManifestUnknown,
                        EngineText::tr("%1 holds one image, not %2").arg(m_description, instance->toString()));
        return m_manifest;
    }
    Result<std::unique_ptr<BlobReader>> openBlob(const BlobInfo &blob, const CancelToken &cancel) override
    {
        if (cancel.isCancelled())
            return fail(cancelled());
        const auto it = m_blobs.constFind(blob.digest);
        if (it == m_blobs.constEnd())
            return fail(ErrorCode::BlobUnknown, EngineText::tr("%1 has no blob %2").arg(m_description, blob.digest.toString()));
        return openFileBlob(it->path, it->size, EngineText::tr("the blob %1 of %2").arg(blob.digest.toString(), m_description));
    }

private:
    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_description;
    RawManifest m_manifest;
    QHash<Digest, Member> m_blobs;
};

// Where a member of the unpacked archive is: links followed; an error when it is no file of the archive.
Result<QString> memberPath(const QString &folder, const TarLinks &links, const QString &name, const QString &archive)
{
    const QString path = folder + u'/' + links.value(name, name);
    if (!QFileInfo(path).isFile())
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("%1: its manifest.json names %2, which is no file of the archive").arg(archive, name.left(200)));
    return path;
}

Result<Compression> compressionOfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoError, EngineText::tr("cannot read %1: %2").arg(path, f.errorString()));
    return detectCompression(f.read(kCompressionMagicSize));
}

} // namespace

Result<std::unique_ptr<ImageSource>> openDockerArchiveImageSource(const TransportReference &ref, const SystemContext &ctx)
{
    auto folder = archiveWorkFolder(u"docker-archive"_s);
    if (!folder)
        return fail(folder.error());
    const QString root = (*folder)->path();
    TarLinks links;
    TarSkipped skipped;
    UnpackOptions options{&links, -1, &skipped};
    if (ctx.metadataOnly)
        options.largestMember = kMaxManifestSize; // manifests and configs, not layers
    if (auto u = unpackTar(ref.path, root, ctx.cancel, options); !u)
        return fail(u.error());
    const QString manifestPath = root + u"/manifest.json"_s;
    if (!QFileInfo::exists(manifestPath) && !links.contains(u"manifest.json"_s)) {
        if (QFileInfo::exists(root + u"/oci-layout"_s))
            return fail(ErrorCode::MalformedContent,
                        EngineText::tr("%1 is an OCI layout archive, not a docker save one: open it as oci-archive:%1").arg(ref.path));
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("%1 is not a docker save archive: it has no manifest.json").arg(ref.path));
    }
    auto listPath = memberPath(root, links, u"manifest.json"_s, ref.path);
    if (!listPath)
        return fail(listPath.error());
    auto listBytes = readFileLimited(*listPath, kMaxManifestSize);
    if (!listBytes)
        return fail(listBytes.error());
    auto entries = parseDockerArchiveManifest(*listBytes, ref.path);
    if (!entries)
        return fail(entries.error());
    auto entry = chooseDockerArchiveEntry(*entries, ref.pathRef, ref.image, ref.path);
    if (!entry)
        return fail(entry.error());

    auto configPath = memberPath(root, links, entry->config, ref.path);
    if (!configPath)
        return fail(configPath.error());
    auto configBytes = readFileLimited(*configPath, kMaxManifestSize);
    if (!configBytes)
        return fail(configBytes.error().withContext(EngineText::tr("reading the config of %1").arg(ref.toString())));
    auto config = ImageConfig::parse(*configBytes);
    if (!config)
        return fail(config.error().withContext(EngineText::tr("reading the config %1 of %2").arg(entry->config, ref.toString())));
    if (config->diffIds.size() != entry->layers.size())
        return fail(ErrorCode::MalformedContent,
                    EngineText::tr("%1: the image has %2 layers, and its config lists %3 diff_ids")
                        .arg(ref.toString())
                        .arg(entry->layers.size())
                        .arg(config->diffIds.size()));

    QHash<Digest, Member> blobs;
    const Digest configDigest = Digest::sha256Of(*configBytes);
    blobs.insert(configDigest, Member{*configPath, configBytes->size(), Compression::None});
    QJsonArray layers;
    for (qsizetype i = 0; i < entry->layers.size(); ++i) {
        const QString name = links.value(entry->layers.at(i), entry->layers.at(i));
        if (skipped.contains(name)) {
            // Not unpacked (metadataOnly): described as a plain layer (what docker save writes), not openable.
            const QJsonObject layer{{u"mediaType"_s, QString(mediatype::DockerLayer)},
                                    {u"size"_s, skipped.value(name)},
                                    {u"digest"_s, config->diffIds.at(i).toString()}};
            layers.append(layer);
            continue;
        }
        auto path = memberPath(root, links, entry->layers.at(i), ref.path);
        if (!path)
            return fail(path.error());
        auto compression = compressionOfFile(*path);
        if (!compression)
            return fail(compression.error());
        Member member{*path, QFileInfo(*path).size(), *compression};
        Digest digest = config->diffIds.at(i);
        QString mediaType = mediatype::DockerLayer;
        if (*compression == Compression::Gzip) {
            auto d = digestOfFile(*path, ctx.cancel);
            if (!d)
                return fail(d.error());
            digest = *d;
            mediaType = mediatype::DockerLayerGzip;
        } else if (*compression != Compression::None) {
            return fail(ErrorCode::Unsupported,
                        EngineText::tr("%1: the layer %2 is compressed with %3, which a docker save archive does not hold")
                            .arg(ref.toString(), entry->layers.at(i).left(200), compressionName(*compression)));
        }
        blobs.insert(digest, member);
        layers.append(QJsonObject{{u"mediaType"_s, mediaType}, {u"size"_s, member.size}, {u"digest"_s, digest.toString()}});
    }
    const QJsonObject manifest{
        {u"schemaVersion"_s, 2},
        {u"mediaType"_s, QString(mediatype::DockerManifest)},
        {u"config"_s, QJsonObject{{u"mediaType"_s, QString(mediatype::DockerConfig)},
                                  {u"size"_s, configBytes->size()},
                                  {u"digest"_s, configDigest.toString()}}},
        {u"layers"_s, layers},
    };
    auto raw = makeRawManifest(QJsonDocument(manifest).toJson(QJsonDocument::Compact), mediatype::DockerManifest);
    if (!raw)
        return fail(raw.error());
    return std::unique_ptr<ImageSource>(
        std::make_unique<DockerArchiveImageSource>(std::move(*folder), ref.toString(), std::move(*raw), std::move(blobs)));
}

} // namespace stevedore
