#pragma once

#include "ocilayout.h"
#include "transport/imagedestination.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <QMutex>
#include <QTemporaryDir>

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
    Result<std::unique_ptr<BlobReader>> openBlob(const BlobInfo &blob, const CancelToken &cancel) override;

private:
    Result<Descriptor> top() const;
    OciLayout m_layout;
    OciSelector m_selector;
    QString m_description;
};

// Writes an image into an OCI image layout; commit() adds (or replaces) the index.json entry named `refName`.
// A layout that does not exist yet is assembled in a hidden sibling folder and moved into place by commit(), so a
// failed or cancelled copy leaves nothing behind.
class OciImageDestination final : public ImageDestination
{
public:
    struct Options {
        bool guardWriters = false;      // hold an OciLayout::WriterGuard while open (the garbage-collected store)
        bool anyManifestType = false;   // store Docker manifests as they are (the local store); oci: takes OCI only
        bool stageNewLayout = true;     // assemble a layout that does not exist yet in a sibling folder
    };
    static Result<std::unique_ptr<OciImageDestination>> open(OciLayout layout, QString refName, QString description,
                                                             Options options);
    ~OciImageDestination() override;

    QString description() const override { return m_description; }
    DestinationCapabilities capabilities() const override;
    Result<std::optional<ReusedBlob>> tryReuseBlob(const BlobInfo &blob, const KnownBlobLocations &known,
                                                   const CancelToken &cancel) override;
    Result<std::unique_ptr<BlobWriter>> beginBlob(const BlobInfo &blob, const CancelToken &cancel) override;
    Status putManifest(const RawManifest &manifest, bool isInstance, const CancelToken &cancel) override;
    Status commit(const CancelToken &cancel) override;

private:
    OciImageDestination(OciLayout layout, QString refName, QString description, Options options);
    const OciLayout &writeLayout() const { return m_staging ? *m_staging : m_layout; }
    Status moveStagingIntoPlace(const Descriptor &top);

    OciLayout m_layout;
    QString m_refName;
    QString m_description;
    Options m_options;
    std::unique_ptr<QTemporaryDir> m_stagingDir;
    std::optional<OciLayout> m_staging;
    QMutex m_mutex;
    std::optional<Descriptor> m_top;
    std::unique_ptr<OciLayout::WriterGuard> m_guard;
};

Result<std::unique_ptr<ImageSource>> openOciImageSource(const TransportReference &ref, const SystemContext &ctx);
Result<std::unique_ptr<ImageDestination>> openOciImageDestination(const TransportReference &ref,
                                                                  const SystemContext &ctx);

} // namespace stevedore
