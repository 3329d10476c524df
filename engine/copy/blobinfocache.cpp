#include "blobinfocache.h"

#include "core/atomicfile.h"
#include "core/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace stevedore {

namespace {
constexpr qint64 kMaxCacheFileSize = 64 * 1024 * 1024;
constexpr int kFormatVersion = 1;

// Keys ordered least recent first.
QStringList byRecency(const QHash<QString, quint64> &seq)
{
    QList<QPair<quint64, QString>> order;
    order.reserve(seq.size());
    for (auto it = seq.cbegin(); it != seq.cend(); ++it)
        order.append({it.value(), it.key()});
    std::sort(order.begin(), order.end());
    QStringList keys;
    keys.reserve(order.size());
    for (const auto &p : std::as_const(order))
        keys.append(p.second);
    return keys;
}

// Drops the least recent keys once there are 10% more than `max` (amortised).
template<typename T>
void trim(QHash<QString, T> &values, QHash<QString, quint64> &seq, int max)
{
    if (seq.size() <= max + max / 10)
        return;
    const QStringList keys = byRecency(seq);
    for (qsizetype i = 0; i < keys.size() - max; ++i) {
        values.remove(keys.at(i));
        seq.remove(keys.at(i));
    }
}
} // namespace

BlobInfoCache::BlobInfoCache(const QString &path)
    : m_path(path.isEmpty() ? defaultPath() : path)
{
}

QString BlobInfoCache::defaultPath()
{
    const QByteArray xdg = qgetenv("XDG_CACHE_HOME");
    const QString base = !xdg.isEmpty() ? QString::fromLocal8Bit(xdg) : QDir::homePath() + QStringLiteral("/.cache");
    return base + QStringLiteral("/stevedore/blob-info-cache.json");
}

BlobInfoCache::Data BlobInfoCache::readFile(const QString &path)
{
    Data data;
    auto bytes = readFileLimited(path, kMaxCacheFileSize);
    if (!bytes) {
        if (bytes.error().code != ErrorCode::NotFound)
            qCWarning(lcCopy) << "ignoring the blob-info cache:" << bytes.error().message;
        return data;
    }
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &perr);
    if (!doc.isObject() || doc.object().value(QLatin1String("version")).toInt() != kFormatVersion) {
        qCWarning(lcCopy) << "ignoring the blob-info cache" << path << "(not a version" << kFormatVersion
                          << "cache file:" << perr.errorString() << ")";
        return data;
    }
    const QJsonObject root = doc.object();
    // Arrays are stored least recent first, so replaying them in order restores recency.
    const QJsonArray variants = root.value(QLatin1String("compressed")).toArray();
    for (const QJsonValue &v : variants) {
        const QJsonObject o = v.toObject();
        auto from = Digest::parse(o.value(QLatin1String("uncompressed")).toString());
        auto to = Digest::parse(o.value(QLatin1String("digest")).toString());
        const qint64 size = o.value(QLatin1String("size")).toInteger(-1);
        const QString algo = o.value(QLatin1String("compression")).toString();
        if (!from || !to || size < 0 || algo.isEmpty())
            continue;
        addVariant(data, from->toString(), CompressedVariant{*to, size, algo});
    }
    const QJsonArray locations = root.value(QLatin1String("locations")).toArray();
    for (const QJsonValue &v : locations) {
        const QJsonObject o = v.toObject();
        auto digest = Digest::parse(o.value(QLatin1String("digest")).toString());
        QString transport = o.value(QLatin1String("transport")).toString();
        QString scope = o.value(QLatin1String("scope")).toString();
        if (transport.isEmpty() && o.contains(QLatin1String("host"))) { // written before transports had scopes
            transport = QStringLiteral("docker");
            scope = o.value(QLatin1String("host")).toString() + QLatin1Char('/') + o.value(QLatin1String("repository")).toString();
        }
        if (!digest || transport.isEmpty() || scope.isEmpty())
            continue;
        addLocation(data, digest->toString(), BlobLocation{transport, scope});
    }
    return data;
}

QByteArray BlobInfoCache::toJson(const Data &data)
{
    QJsonArray variants;
    for (const QString &key : byRecency(data.variantSeq)) {
        const QList<CompressedVariant> list = data.variants.value(key);
        for (auto it = list.crbegin(); it != list.crend(); ++it) {
            QJsonObject o;
            o.insert(QLatin1String("uncompressed"), key);
            o.insert(QLatin1String("digest"), it->digest.toString());
            o.insert(QLatin1String("size"), it->size);
            o.insert(QLatin1String("compression"), it->compression);
            variants.append(o);
        }
    }
    QJsonArray locations;
    for (const QString &key : byRecency(data.locationSeq)) {
        const QList<BlobLocation> list = data.locations.value(key);
        for (auto it = list.crbegin(); it != list.crend(); ++it) {
            QJsonObject o;
            o.insert(QLatin1String("digest"), key);
            o.insert(QLatin1String("transport"), it->transport);
            o.insert(QLatin1String("scope"), it->scope);
            locations.append(o);
        }
    }
    QJsonObject root;
    root.insert(QLatin1String("version"), kFormatVersion);
    root.insert(QLatin1String("compressed"), variants);
    root.insert(QLatin1String("locations"), locations);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

void BlobInfoCache::addVariant(Data &data, const QString &key, const CompressedVariant &v)
{
    QList<CompressedVariant> &list = data.variants[key];
    list.removeAll(v);
    list.prepend(v);
    while (list.size() > kMaxVariantsPerDigest)
        list.removeLast();
    data.variantSeq.insert(key, ++data.counter);
    trim(data.variants, data.variantSeq, kMaxDigests);
}

void BlobInfoCache::addLocation(Data &data, const QString &key, const BlobLocation &l)
{
    QList<BlobLocation> &list = data.locations[key];
    list.removeAll(l);
    list.prepend(l);
    while (list.size() > kMaxLocationsPerDigest)
        list.removeLast();
    data.locationSeq.insert(key, ++data.counter);
    trim(data.locations, data.locationSeq, kMaxDigests);
}

void BlobInfoCache::load()
{
    Data data = readFile(m_path);
    QMutexLocker lock(&m_mutex);
    m_data = std::move(data);
    for (const auto &[key, v] : std::as_const(m_newVariants))
        addVariant(m_data, key, v);
    for (const auto &[key, l] : std::as_const(m_newLocations))
        addLocation(m_data, key, l);
}

Status BlobInfoCache::save()
{
    QMutexLocker lock(&m_mutex);
    if (m_newVariants.isEmpty() && m_newLocations.isEmpty())
        return {};
    Data merged = readFile(m_path);
    for (const auto &[key, v] : std::as_const(m_newVariants))
        addVariant(merged, key, v);
    for (const auto &[key, l] : std::as_const(m_newLocations))
        addLocation(merged, key, l);
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return fail(ErrorCode::IoError, EngineText::tr("cannot create the folder %1 for the blob-info cache").arg(dir));
    auto written = writeFileAtomically(m_path, toJson(merged), mode_t(0600));
    if (!written)
        return written;
    m_data = std::move(merged);
    m_newVariants.clear();
    m_newLocations.clear();
    return {};
}

QList<BlobInfoCache::CompressedVariant> BlobInfoCache::compressedVariants(const Digest &uncompressed,
                                                                         const QString &compression) const
{
    QMutexLocker lock(&m_mutex);
    QList<CompressedVariant> out;
    for (const CompressedVariant &v : m_data.variants.value(uncompressed.toString()))
        if (v.compression == compression)
            out.append(v);
    return out;
}

void BlobInfoCache::recordCompressed(const Digest &uncompressed, const CompressedVariant &variant)
{
    if (!uncompressed.isValid() || !variant.digest.isValid())
        return;
    QMutexLocker lock(&m_mutex);
    addVariant(m_data, uncompressed.toString(), variant);
    m_newVariants.append({uncompressed.toString(), variant});
}

QList<BlobLocation> BlobInfoCache::locations(const Digest &digest, const QString &transport) const
{
    QMutexLocker lock(&m_mutex);
    QList<BlobLocation> out;
    for (const BlobLocation &l : m_data.locations.value(digest.toString()))
        if (transport.isEmpty() || l.transport == transport)
            out.append(l);
    return out;
}

void BlobInfoCache::recordLocation(const Digest &digest, const BlobLocation &location)
{
    if (!digest.isValid() || location.transport.isEmpty() || location.scope.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    addLocation(m_data, digest.toString(), location);
    m_newLocations.append({digest.toString(), location});
}

} // namespace stevedore
