#pragma once

#include "copyoptions.h"
#include "core/job.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <QMutex>

#include <memory>

namespace stevedore {

// Copies one image (manifest or index) from any source to any destination: push, pull and copy are all this job.
// It talks to both ends only through ImageSource/ImageDestination (engine/transport/). The pipeline itself is
// CopyRun (copyrun.h and its parts); this class is its Job facade.
class CopyJob final : public Job
{
    Q_OBJECT
public:
    CopyJob(TransportReference source, TransportReference destination, SystemContext context, CopyOptions options,
            QObject *parent = nullptr);
    ~CopyJob() override;

    const TransportReference &source() const { return m_source; }
    const TransportReference &destination() const { return m_destination; }
    const SystemContext &context() const { return m_context; }
    const CopyOptions &options() const { return m_options; }
    // After success: the digest of the top-level manifest written at the destination.
    Digest resultDigest() const;

protected:
    Work prepare() override;

private:
    struct Result;
    TransportReference m_source;
    TransportReference m_destination;
    SystemContext m_context;
    CopyOptions m_options;
    std::shared_ptr<Result> m_result; // shared with the work, which may outlive this object
};

} // namespace stevedore
