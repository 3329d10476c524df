// stevedore_testsupport: writeTestLayout (deterministic OCI layouts: tar layers, gzip, configs, manifests, an index).
#include "support/testsupport.h"
#include "support/testsupport_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <zlib.h>

#include <cstring>

namespace stevedore::test {

using detail::writeFile;

namespace {

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

struct Rng {
    quint64 s;
    explicit Rng(quint64 seed) : s(seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull) { next(); }
    quint64 next()
    {
        // splitmix64
        quint64 z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

void putOctal(char *field, int width, quint64 value)
{
    // width includes the terminating NUL
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

QByteArray makeTar(const QByteArray &fileName, const QByteArray &content)
{
    QByteArray header(512, '\0');
    char *h = header.data();
    memcpy(h, fileName.constData(), size_t(std::min<qsizetype>(fileName.size(), 99)));
    putOctal(h + 100, 8, 0644);
    putOctal(h + 108, 8, 0);
    putOctal(h + 116, 8, 0);
    putOctal(h + 124, 12, quint64(content.size()));
    putOctal(h + 136, 12, 0);
    h[156] = '0';
    memcpy(h + 257, "ustar", 6);
    memcpy(h + 263, "00", 2);
    memcpy(h + 265, "root", 4);
    memcpy(h + 297, "root", 4);
    memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; ++i)
        sum += static_cast<unsigned char>(h[i]);
    const QByteArray chk = QByteArray::number(sum, 8).rightJustified(6, '0');
    memcpy(h + 148, chk.constData(), 6);
    h[154] = '\0';
    h[155] = ' ';
    QByteArray tar = header + content;
    const qsizetype pad = (512 - content.size() % 512) % 512;
    tar.append(pad, '\0');
    tar.append(1024, '\0');
    return tar;
}

bool gzipBytes(const QByteArray &in, QByteArray *out)
{
    z_stream zs{};
    if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return false;
    out->resize(qsizetype(deflateBound(&zs, uLong(in.size())) + 64));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef *>(out->data());
    zs.avail_out = uInt(out->size());
    const int rc = deflate(&zs, Z_FINISH);
    const qsizetype written = qsizetype(zs.total_out);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return false;
    out->resize(written);
    return true;
}

QJsonObject descriptor(const QString &mediaType, const QByteArray &data)
{
    return QJsonObject{{u"mediaType"_s, mediaType},
                       {u"digest"_s, QString(u"sha256:"_s + sha256Hex(data))},
                       {u"size"_s, QJsonValue(qint64(data.size()))}};
}

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// oci-layout + index.json (an existing index.json is kept; an entry with the same tag is replaced)
bool tagInLayout(const QString &dir, const QString &tag, const QString &topType, const QByteArray &top, QString *error)
{
    const QString indexType = u"application/vnd.oci.image.index.v1+json"_s;
    if (!writeFile(dir + u"/oci-layout"_s, "{\"imageLayoutVersion\":\"1.0.0\"}", error))
        return false;
    QJsonArray entries;
    QFile existing(dir + u"/index.json"_s);
    if (existing.open(QIODevice::ReadOnly)) {
        const QJsonArray old = QJsonDocument::fromJson(existing.readAll()).object().value(u"manifests"_s).toArray();
        for (const QJsonValue &v : old) {
            if (v.toObject().value(u"annotations"_s).toObject().value(u"org.opencontainers.image.ref.name"_s)
                    .toString() != tag)
                entries.append(v);
        }
        existing.close();
    }
    QJsonObject topEntry = descriptor(topType, top);
    topEntry.insert(u"annotations"_s, QJsonObject{{u"org.opencontainers.image.ref.name"_s, tag}});
    entries.append(topEntry);
    const QByteArray indexJson = compactJson(QJsonObject{{u"schemaVersion"_s, 2},
                                                         {u"mediaType"_s, indexType},
                                                         {u"manifests"_s, entries}});
    if (!writeFile(dir + u"/index.json"_s, indexJson, error))
        return false;
    return true;
}

} // namespace

QString writeTestLayout(const QString &dir, const QString &tag, const TestImageSpec &spec, QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (spec.platforms.isEmpty() || spec.layersPerPlatform < 0 || spec.layerSize < 0) {
        *error = u"writeTestLayout: invalid spec"_s;
        return {};
    }
    const QString blobDir = dir + u"/blobs/sha256"_s;
    if (!QDir().mkpath(blobDir)) {
        *error = u"cannot create %1"_s.arg(blobDir);
        return {};
    }
    auto writeBlob = [&](const QByteArray &data) -> bool {
        const QString path = blobDir + u'/' + sha256Hex(data);
        if (QFileInfo(path).size() == data.size() && QFileInfo::exists(path))
            return true;
        return writeFile(path, data, error);
    };

    const QString manifestType = u"application/vnd.oci.image.manifest.v1+json"_s;
    const QString indexType = u"application/vnd.oci.image.index.v1+json"_s;
    const QString layerType = spec.gzipLayers ? u"application/vnd.oci.image.layer.v1.tar+gzip"_s
                                              : u"application/vnd.oci.image.layer.v1.tar"_s;
    QJsonArray indexManifests;
    QByteArray top;
    const int platformCount = spec.asIndex ? int(spec.platforms.size()) : 1;
    for (int p = 0; p < platformCount; ++p) {
        const QStringList parts = spec.platforms.at(p).split(u'/');
        if (parts.size() < 2 || parts.size() > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            *error = u"writeTestLayout: bad platform '%1' (want os/arch[/variant])"_s.arg(spec.platforms.at(p));
            return {};
        }
        QJsonObject platform{{u"os"_s, parts[0]}, {u"architecture"_s, parts[1]}};
        if (parts.size() == 3)
            platform.insert(u"variant"_s, parts[2]);

        QJsonArray layers, diffIds, history;
        for (int l = 0; l < spec.layersPerPlatform; ++l) {
            Rng rng(quint64(spec.seed) * 1000003ull + quint64(p) * 1009ull + quint64(l));
            QByteArray content(spec.layerSize, Qt::Uninitialized);
            for (qsizetype i = 0; i < content.size(); i += 8) {
                const quint64 v = rng.next();
                memcpy(content.data() + i, &v, size_t(std::min<qsizetype>(8, content.size() - i)));
            }
            const QByteArray name = "stevedore-test/" + spec.platforms.at(p).toUtf8().replace('/', '-') + "-layer"
                                    + QByteArray::number(l) + ".bin";
            const QByteArray tar = makeTar(name, content);
            diffIds.append(QString(u"sha256:"_s + sha256Hex(tar)));
            QByteArray blob = tar;
            if (spec.gzipLayers && !gzipBytes(tar, &blob)) {
                *error = u"writeTestLayout: gzip failed"_s;
                return {};
            }
            if (!writeBlob(blob))
                return {};
            layers.append(descriptor(layerType, blob));
            history.append(QJsonObject{{u"created"_s, u"1970-01-01T00:00:00Z"_s},
                                       {u"created_by"_s, u"stevedore writeTestLayout layer %1"_s.arg(l)}});
        }
        QJsonObject config = platform;
        config.insert(u"created"_s, u"1970-01-01T00:00:00Z"_s);
        config.insert(u"config"_s, QJsonObject{{u"Env"_s, QJsonArray{u"PATH=/usr/bin:/bin"_s}}});
        config.insert(u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, diffIds}});
        config.insert(u"history"_s, history);
        const QByteArray configBytes = compactJson(config);
        if (!writeBlob(configBytes))
            return {};
        const QJsonObject manifest{{u"schemaVersion"_s, 2},
                                   {u"mediaType"_s, manifestType},
                                   {u"config"_s, descriptor(u"application/vnd.oci.image.config.v1+json"_s, configBytes)},
                                   {u"layers"_s, layers}};
        const QByteArray manifestBytes = compactJson(manifest);
        if (!writeBlob(manifestBytes))
            return {};
        QJsonObject entry = descriptor(manifestType, manifestBytes);
        entry.insert(u"platform"_s, platform);
        indexManifests.append(entry);
        if (!spec.asIndex)
            top = manifestBytes;
    }
    QString topType = manifestType;
    if (spec.asIndex) {
        top = compactJson(QJsonObject{{u"schemaVersion"_s, 2}, {u"mediaType"_s, indexType},
                                      {u"manifests"_s, indexManifests}});
        if (!writeBlob(top))
            return {};
        topType = indexType;
    }

    if (!tagInLayout(dir, tag, topType, top, error))
        return {};
    return u"sha256:"_s + sha256Hex(top);
}

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator g(seed);
    const qsizetype words = n / 4;
    g.fillRange(reinterpret_cast<quint32 *>(b.data()), words);
    for (qsizetype i = words * 4; i < n; ++i)
        b[i] = char(g.generate() & 0xff);
    return b;
}

QByteArray wordyText(qsizetype size, quint32 seed)
{
    static const char *const vocab[] = {"layer ", "manifest ", "index ", "digest ", "sha256 ", "blob ", "push ",
                                        "registry ", "tag ", "platform\n", "linux ", "amd64 ", "arm64 ", "config "};
    QRandomGenerator rng(seed);
    QByteArray data;
    data.reserve(size + 16);
    while (data.size() < size)
        data.append(vocab[rng.bounded(int(std::size(vocab)))]);
    data.truncate(size);
    return data;
}

QByteArray makeTestTar(const QByteArray &fileName, const QByteArray &content)
{
    return makeTar(fileName, content);
}

QString writeLayersLayout(const QString &dir, const QString &tag, const QString &platform,
                          const QList<TestLayer> &layers, QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    const QString blobDir = dir + u"/blobs/sha256"_s;
    if (!QDir().mkpath(blobDir)) {
        *error = u"cannot create %1"_s.arg(blobDir);
        return {};
    }
    auto writeBlob = [&](const QByteArray &data) { return writeFile(blobDir + u'/' + sha256Hex(data), data, error); };
    const QStringList parts = platform.split(u'/');
    QJsonObject config{{u"os"_s, parts.value(0)}, {u"architecture"_s, parts.value(1)}};
    if (parts.size() > 2)
        config.insert(u"variant"_s, parts.value(2));
    QJsonArray descriptors, diffIds;
    for (const TestLayer &l : layers) {
        if (!writeBlob(l.blob))
            return {};
        descriptors.append(descriptor(l.mediaType, l.blob));
        diffIds.append(l.diffId);
    }
    config.insert(u"created"_s, u"1970-01-01T00:00:00Z"_s);
    config.insert(u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, diffIds}});
    const QByteArray configBytes = compactJson(config);
    const QString manifestType = u"application/vnd.oci.image.manifest.v1+json"_s;
    const QByteArray manifest = compactJson(QJsonObject{
        {u"schemaVersion"_s, 2},
        {u"mediaType"_s, manifestType},
        {u"config"_s, descriptor(u"application/vnd.oci.image.config.v1+json"_s, configBytes)},
        {u"layers"_s, descriptors}});
    if (!writeBlob(configBytes) || !writeBlob(manifest) || !tagInLayout(dir, tag, manifestType, manifest, error))
        return {};
    return u"sha256:"_s + sha256Hex(manifest);
}

} // namespace stevedore::test
