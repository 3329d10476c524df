#pragma once

#include "core/cancel.h"
#include "core/error.h"
#include "core/logging.h"
#include "transport/systemcontext.h"

#include <functional>

namespace stevedore {

// Whether an error is worth another attempt: temporary (network, 408, 429, 5xx), not a refusal.
bool isRetryable(const Error &e);

// Runs `attempt` once, then again after each retryable failure, at most `policy.maxRetries` more times — the one
// retry loop of an operation (nothing below it retries on its own). Waits policy.delay between attempts, or the
// server's Retry-After; the wait ends at once when `cancel` is cancelled. `onRetry(error, n)` is told before retry n.
template<typename F>
auto withRetries(const RetryPolicy &policy, const CancelToken &cancel, F &&attempt,
                 const std::function<void(const Error &, int)> &onRetry = {}) -> decltype(attempt())
{
    for (int n = 0;; ++n) {
        auto result = attempt();
        if (result || cancel.isCancelled())
            return result;
        const Error &e = result.error();
        if (!isRetryable(e) || n >= policy.maxRetries)
            return result;
        const auto delay = e.retryAfter.count() >= 0 ? e.retryAfter : policy.delay;
        qCInfo(lcCopy) << "temporary error, retry" << (n + 1) << "of" << policy.maxRetries << "in" << delay.count()
                       << "ms:" << e.message;
        if (onRetry)
            onRetry(e, n + 1);
        if (!cancel.sleepFor(delay))
            return result;
    }
}

} // namespace stevedore
