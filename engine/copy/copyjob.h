#pragma once

#include "copyoptions.h"
#include "core/job.h"
#include "reference/transportreference.h"
#include "transport/systemcontext.h"

#include <QMutex>

namespace stevedore {

// Copies one image (manifest or index) from any source to any destination: push, pull and copy are all
// this job. It talks to both ends only through ImageSource/ImageDestination (engine/transport/types.h).
//
// Pipeline, per unique blob (bounded by SystemContext::blobConcurrency, each digest once):
//   reuse? (HEAD, blob-info cache, mount) -> open source -> hash (verify source digest) ->
//   [compress in parallel when the destination wants compressed layers] -> chunked writes -> commit.
// A manifest goes only after its blobs, an index after its manifests. Temporary errors retry only the
// failed blob (SystemContext::retry).
class CopyJob final : public Job
{
    Q_OBJECT
public:
    CopyJob(TransportReference source, TransportReference destination, SystemContext context, CopyOptions options,
            QObject *parent = nullptr);
    ~CopyJob() override;

    const TransportReference &source() const { return m_source; }
    const TransportReference &destination() const { return m_destination; }
    // After success: the digest of the top-level manifest written at the destination.
    Digest resultDigest() const;

protected:
    Status run(const CancelToken &cancel, ProgressReporter &progress) override;

private:
    TransportReference m_source;
    TransportReference m_destination;
    SystemContext m_context;
    CopyOptions m_options;
    mutable QMutex m_resultMutex;
    Digest m_resultDigest;
};

} // namespace stevedore
