#pragma once

#include <atomic>
#include <memory>

namespace stevedore {

// A shared cancellation flag. Copies share the flag; every long wait in the engine polls it.
class CancelToken
{
public:
    CancelToken() : m_flag(std::make_shared<std::atomic_bool>(false)) {}
    void cancel() const { m_flag->store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};

} // namespace stevedore
