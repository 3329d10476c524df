#pragma once
// Runs one CopyJob to the end from a test (header-only: the suites that use it link the engine themselves).

#include "copy/copyjob.h"
#include "transport/transportreference.h"

#include <optional>

namespace stevedore::test {

struct CopyOutcome {
    Job::State state = Job::State::Idle;
    std::optional<Error> error;
    Digest digest;
};

// Copies src to dst (`transport:details` strings) and waits up to two minutes; a job still running then is
// cancelled. A reference that does not parse gives state Failed and its parse error.
inline CopyOutcome runCopy(const QString &src, const QString &dst, bool all, const SystemContext &ctx)
{
    auto s = TransportReference::parse(src);
    auto d = TransportReference::parse(dst);
    if (!s || !d)
        return {Job::State::Failed, !s ? s.error() : d.error(), {}};
    CopyOptions options;
    options.all = all;
    CopyJob job(*s, *d, ctx, options);
    job.start();
    if (!job.waitForFinished(120000)) {
        job.cancel();
        job.waitForFinished();
    }
    return {job.state(), job.error(), job.resultDigest()};
}

} // namespace stevedore::test
