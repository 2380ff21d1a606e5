#pragma once

#include <helpdesk/engine.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace helpdesk::server {

/// Runs the engine's scheduler (`scheduler_service::run_once`) on a thread
/// of its own every `every`, for a process that delivers events but has no
/// channel (so no relay whose threads would run it): the notices still reach
/// the outbox. A failed pass (an unreachable store) waits for the next turn.
class scheduler_loop {
public:
    /// Starts the thread; the engine must outlive the loop.
    scheduler_loop(engine& desk, std::chrono::milliseconds every);
    /// Stops and joins the thread.
    ~scheduler_loop();
    /// SLA notices its passes wrote so far (for /metrics). Thread-safe.
    [[nodiscard]] std::uint64_t sla_notices() const noexcept { return notices_.load(); }
    scheduler_loop(const scheduler_loop&) = delete;
    scheduler_loop& operator=(const scheduler_loop&) = delete;

private:
    void run(std::chrono::milliseconds every);

    engine& desk_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::atomic<std::uint64_t> notices_{0};
    std::thread thread_;
};

} // namespace helpdesk::server
