#pragma once

#include <atomic>
#include <chrono>
#include <memory>

namespace stevedore {

// A shared cancellation flag. Copies share the flag; every long wait in the engine polls it (at least every
// 25 ms), so a cancel reaches any phase quickly. A child token is cancelled with its parent, or on its own
// (a copy that stops every transfer of its own when one blob fails, without cancelling the job's token).
class CancelToken
{
public:
    CancelToken() : m_state(std::make_shared<State>()) {}
    void cancel() const { m_state->flag.store(true, std::memory_order_relaxed); }
    bool isCancelled() const
    {
        for (const State *s = m_state.get(); s; s = s->parent.get())
            if (s->flag.load(std::memory_order_relaxed))
                return true;
        return false;
    }
    // A new token that is cancelled when this one is (and can be cancelled alone).
    CancelToken child() const
    {
        CancelToken c;
        c.m_state->parent = m_state;
        return c;
    }
    // Sleeps `delay`, waking early when cancelled; false when cancelled.
    bool sleepFor(std::chrono::milliseconds delay) const;

    // How often waits poll the flag.
    static constexpr std::chrono::milliseconds kPollInterval{25};

private:
    struct State {
        std::atomic_bool flag{false};
        std::shared_ptr<State> parent;
    };
    std::shared_ptr<State> m_state;
};

} // namespace stevedore
