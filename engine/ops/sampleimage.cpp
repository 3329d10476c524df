// The sample image of the sandbox: made here, the same bytes every time, and written into the local store through
// its transport (as a pull would write it).
#include "sandbox.h"

#include "content/blobinfo.h"
#include "content/blobio.h"
#include "content/manifest.h"
#include "content/mediatypes.h"
#include "content/platforms.h"
#include "transport/imagedestination.h"
#include "transport/store/localstore.h"
#include "transport/transportreference.h"
#include "transport/transports.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <archive.h>
#include <archive_entry.h>

using namespace Qt::StringLiterals;

namespace stevedore {

namespace {

constexpr qint64 kSampleTime = 1767225600; // 2026-01-01T00:00:00Z: fixed, so the digests never change
const char *const kSampleCreated = "2026-01-01T00:00:00Z";

struct SampleFile {
    const char *path;
    QByteArray content;
};

QList<SampleFile> sampleFiles()
{
    return {
        {"stevedore/README.txt",
         "This is Stevedore's sample image.\n\n"
         "It holds one small layer of text files and exists so that a first push works with no set-up: the\n"
         "sandbox registry (a docker-registry that Stevedore starts on a loopback port) receives it.\n\n"
         "  stevedore sandbox            push it to the sandbox, with live progress\n"
         "  stevedore sandbox --serve    and keep the sandbox running until Ctrl-C\n"
         "  stevedore images             the local store, where this image lives\n"},
        {"stevedore/hello.txt", "Hello from a container image pushed by Stevedore.\n"},
        {"etc/os-release", "NAME=\"Stevedore sample\"\nID=stevedore-sample\nVERSION_ID=1\n"},
    };
}

la_ssize_t appendTo(struct archive *, void *data, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(data)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

// The layer: a ustar archive (folders first, then the files; root-owned, fixed times), written with libarchive.
Result<QByteArray> sampleLayer()
{
    QByteArray tar;
    struct archive *a = archive_write_new();
    archive_write_set_format_ustar(a);
    archive_write_set_bytes_per_block(a, 10240);
    if (archive_write_open(a, &tar, nullptr, appendTo, nullptr) != ARCHIVE_OK) {
        const QString why = QString::fromUtf8(archive_error_string(a));
        archive_write_free(a);
        return fail(ErrorCode::Internal, EngineText::tr("cannot make the sample layer: %1").arg(why));
    }
    auto add = [a](const char *path, const QByteArray *content) {
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, path);
        archive_entry_set_filetype(e, content ? AE_IFREG : AE_IFDIR);
        archive_entry_set_perm(e, content ? 0644 : 0755);
        archive_entry_set_size(e, content ? content->size() : 0);
        archive_entry_set_mtime(e, kSampleTime, 0);
        archive_entry_set_uid(e, 0);
        archive_entry_set_gid(e, 0);
        archive_entry_set_uname(e, "root");
        archive_entry_set_gname(e, "root");
        bool ok = archive_write_header(a, e) == ARCHIVE_OK;
        if (ok && content)
            ok = archive_write_data(a, content->constData(), size_t(content->size())) == content->size();
        archive_entry_free(e);
        return ok;
    };
    bool ok = add("etc/", nullptr) && add("stevedore/", nullptr);
    for (const SampleFile &f : sampleFiles())
        ok = ok && add(f.path, &f.content);
    ok = ok && archive_write_close(a) == ARCHIVE_OK;
    const QString why = ok ? QString() : QString::fromUtf8(archive_error_string(a));
    archive_write_free(a);
    if (!ok)
        return fail(ErrorCode::Internal, EngineText::tr("cannot make the sample layer: %1").arg(why));
    return tar;
}

QByteArray sampleConfig(const Digest &diffId)
{
    const Platform host = Platform::host();
    QJsonObject config{
        {u"architecture"_s, host.architecture},
        {u"os"_s, host.os},
        {u"created"_s, QString::fromLatin1(kSampleCreated)},
        {u"config"_s,
         QJsonObject{{u"Cmd"_s, QJsonArray{u"/bin/cat"_s, u"/stevedore/hello.txt"_s}},
                     {u"WorkingDir"_s, u"/stevedore"_s},
                     {u"Labels"_s, QJsonObject{{u"org.opencontainers.image.title"_s, u"Stevedore sample image"_s},
                                               {u"org.opencontainers.image.description"_s,
                                                u"A small image for a first push to the sandbox registry"_s}}}}},
        {u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, QJsonArray{diffId.toString()}}}},
        {u"history"_s, QJsonArray{QJsonObject{{u"created"_s, QString::fromLatin1(kSampleCreated)},
                                              {u"created_by"_s, u"stevedore: the sandbox's sample image"_s}}}},
    };
    if (!host.variant.isEmpty())
        config.insert(u"variant"_s, host.variant);
    return QJsonDocument(config).toJson(QJsonDocument::Compact);
}

Status writeBlob(ImageDestination &dst, const BlobInfo &info, const QByteArray &bytes, const CancelToken &cancel)
{
    auto writer = dst.beginBlob(info, cancel);
    if (!writer)
        return fail(writer.error());
    if (auto w = (*writer)->write(bytes, cancel); !w)
        return w;
    return (*writer)->commit(info.digest, info.size, cancel);
}

} // namespace

QString sampleImageName()
{
    return u"localhost/stevedore/sample:latest"_s;
}

Result<bool> ensureSampleImage(const SystemContext &ctx, const CancelToken &cancel)
{
    auto name = ImageReference::parse(sampleImageName());
    if (!name)
        return fail(name.error());
    if (LocalStore(ctx.effectiveStorageRoot()).find(*name))
        return false;

    auto layer = sampleLayer();
    if (!layer)
        return fail(layer.error());
    const Digest layerDigest = Digest::sha256Of(*layer);
    const QByteArray config = sampleConfig(layerDigest);
    const Digest configDigest = Digest::sha256Of(config);
    const QJsonObject manifest{
        {u"schemaVersion"_s, 2},
        {u"mediaType"_s, QString(mediatype::OciManifest)},
        {u"config"_s, QJsonObject{{u"mediaType"_s, QString(mediatype::OciConfig)},
                                 {u"digest"_s, configDigest.toString()},
                                 {u"size"_s, qint64(config.size())}}},
        {u"layers"_s, QJsonArray{QJsonObject{{u"mediaType"_s, QString(mediatype::OciLayer)},
                                             {u"digest"_s, layerDigest.toString()},
                                             {u"size"_s, qint64(layer->size())}}}},
        {u"annotations"_s, QJsonObject{{u"org.opencontainers.image.title"_s, u"Stevedore sample image"_s}}},
    };

    auto ref = TransportReference::parse(sampleImageName());
    if (!ref)
        return fail(ref.error());
    auto dst = openImageDestination(*ref, ctx);
    if (!dst)
        return fail(dst.error());

    BlobInfo layerInfo;
    layerInfo.role = BlobRole::Layer;
    layerInfo.layerIndex = 0;
    layerInfo.mediaType = QString(mediatype::OciLayer);
    layerInfo.digest = layerDigest;
    layerInfo.size = layer->size();
    layerInfo.uncompressedDigest = layerDigest;
    if (auto w = writeBlob(**dst, layerInfo, *layer, cancel); !w)
        return fail(w.error());
    BlobInfo configInfo;
    configInfo.role = BlobRole::Config;
    configInfo.mediaType = QString(mediatype::OciConfig);
    configInfo.digest = configDigest;
    configInfo.size = config.size();
    if (auto w = writeBlob(**dst, configInfo, config, cancel); !w)
        return fail(w.error());
    RawManifest raw{QJsonDocument(manifest).toJson(QJsonDocument::Compact), QString(mediatype::OciManifest)};
    if (auto w = (*dst)->putManifest(raw, false, cancel); !w)
        return fail(w.error());
    if (auto c = (*dst)->commit(cancel); !c)
        return fail(c.error());
    return true;
}

} // namespace stevedore
