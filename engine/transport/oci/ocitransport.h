#pragma once

#include "ocilayout.h"
#include "reference/transportreference.h"
#include "transport/systemcontext.h"
#include "transport/types.h"

#include <QFile>
#include <QMutex>

#include <functional>
#include <memory>

namespace stevedore {

// How a source picks its image in a layout's index.json.
struct OciSelector {
    QString refName;              // ref.name annotation; "@N" = N-th entry; empty = the only entry
    std::optional<Digest> digest; // when set (and refName empty): the entry with that digest
};

// An image in an OCI image layout, read-only. Used by oci: and by the local store.
class OciImageSource final : public ImageSource
{
public:
    OciImageSource(OciLayout layout, OciSelector selector, QString description);
    QString description() const override { return m_description; }
    Result<RawManifest> manifest(const std::optional<Digest> &instance, const CancelToken &cancel) override;
    Result<std::unique_ptr<BlobReader>> openBlob(const Descriptor &blob, const CancelToken &cancel) override;

private:
    Result<Descriptor> top() const;
    OciLayout m_layout;
    OciSelector m_selector;
    QString m_description;
};

// Writes an image into an OCI image layout; commit() adds (or replaces) the index.json entry named `refName`.
class OciImageDestination final : public ImageDestination
{
public:
    // `guardWriters`: hold an OciLayout::WriterGuard while open (the local store, which is garbage-collected).
    OciImageDestination(OciLayout layout, QString refName, QString description, bool guardWriters = false);
    QString description() const override { return m_description; }
    LayerCompressionPolicy desiredLayerCompression() const override { return LayerCompressionPolicy::Preserve; }
    Result<std::optional<ReusedBlob>> tryReuseBlob(const Descriptor &blob, const QList<BlobLocationHint> &hints,
                                                   const CancelToken &cancel) override;
    Result<std::unique_ptr<BlobWriter>> beginBlob(const CancelToken &cancel) override;
    Status putManifest(const RawManifest &manifest, bool isInstance, const CancelToken &cancel) override;
    Status commit(const CancelToken &cancel) override;

private:
    OciLayout m_layout;
    QString m_refName;
    QString m_description;
    QMutex m_mutex;
    std::optional<Descriptor> m_top;
    std::unique_ptr<OciLayout::WriterGuard> m_guard;
};

// A blob file read in chunks (constant memory).
std::unique_ptr<BlobReader> makeFileBlobReader(std::unique_ptr<QFile> file);

// A blob written to a hidden temporary file in `tempDir`, verified on commit() and renamed to
// `finalPathFor(digest)`. Destroyed without commit: the temporary file is removed.
Result<std::unique_ptr<BlobWriter>> makeFileBlobWriter(const QString &tempDir,
                                                      std::function<QString(const Digest &)> finalPathFor);

Result<std::unique_ptr<ImageSource>> openOciImageSource(const TransportReference &ref, const SystemContext &ctx);
Result<std::unique_ptr<ImageDestination>> openOciImageDestination(const TransportReference &ref,
                                                                  const SystemContext &ctx);

} // namespace stevedore
