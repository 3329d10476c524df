#pragma once

#include "core/error.h"
#include "reference/digest.h"
#include "transport/imagedestination.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

namespace stevedore {

// What Stevedore learnt about blobs in earlier copies, persisted as JSON (like containers/image's
// blob-info cache):
//  - uncompressed digest -> compressed variants produced from it (digest, size, format and level), so that a layer
//    compressed once is never compressed again just to find out that the registry already has it;
//  - digest -> locations (transport + scope, e.g. docker + HOST/REPOSITORY) where the blob is known to exist, which
//    destinations use for mounts (KnownBlobLocations).
// Thread-safe. A missing or corrupt file is an empty cache (never an error). save() writes atomically and
// merges what this process learnt into what is on disk at that moment, so concurrent processes lose little.
class BlobInfoCache final : public KnownBlobLocations
{
public:
    struct CompressedVariant {
        Digest digest;
        qint64 size = -1;
        QString compression; // format and level: "gzip:3", "zstd:3" ("gzip" alone: a source of unknown level)
        friend bool operator==(const CompressedVariant &, const CompressedVariant &) = default;
    };

    // `path` empty: defaultPath().
    explicit BlobInfoCache(const QString &path = {});
    ~BlobInfoCache() override = default;
    BlobInfoCache(const BlobInfoCache &) = delete;
    BlobInfoCache &operator=(const BlobInfoCache &) = delete;

    // $XDG_CACHE_HOME/stevedore/blob-info-cache.json, else ~/.cache/stevedore/blob-info-cache.json.
    static QString defaultPath();
    QString path() const { return m_path; }

    void load();
    Status save();

    // Most recent first.
    QList<CompressedVariant> compressedVariants(const Digest &uncompressed, const QString &compression) const;
    void recordCompressed(const Digest &uncompressed, const CompressedVariant &variant);
    // Most recent first; `transport` empty: every transport.
    QList<BlobLocation> locations(const Digest &digest, const QString &transport) const override;
    void recordLocation(const Digest &digest, const BlobLocation &location);

    static constexpr int kMaxVariantsPerDigest = 8;
    static constexpr int kMaxLocationsPerDigest = 16;
    static constexpr int kMaxDigests = 20000;

private:
    struct Data {
        QHash<QString, QList<CompressedVariant>> variants; // key: uncompressed digest string
        QHash<QString, QList<BlobLocation>> locations; // key: digest string
        QHash<QString, quint64> variantSeq;                // recency of each key (higher = more recent)
        QHash<QString, quint64> locationSeq;
        quint64 counter = 0;
    };
    static Data readFile(const QString &path);
    static QByteArray toJson(const Data &data);
    static void addVariant(Data &data, const QString &key, const CompressedVariant &v);
    static void addLocation(Data &data, const QString &key, const BlobLocation &l);

    QString m_path;
    mutable QMutex m_mutex;
    Data m_data;
    // What this process learnt, replayed over the file's current content by save().
    QList<QPair<QString, CompressedVariant>> m_newVariants;
    QList<QPair<QString, BlobLocation>> m_newLocations;
};

} // namespace stevedore
