#include "delivery/scheduler_loop.hpp"

namespace helpdesk::server {

scheduler_loop::scheduler_loop(engine& desk, std::chrono::milliseconds every)
    : desk_(desk), thread_([this, every] { run(every); }) {}

scheduler_loop::~scheduler_loop() {
    {
        const std::lock_guard lock{mutex_};
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void scheduler_loop::run(std::chrono::milliseconds every) {
    std::unique_lock lock{mutex_};
    while (!stopping_) {
        lock.unlock();
        try {
            notices_.fetch_add(static_cast<std::uint64_t>(desk_.scheduler().run_once().sla_notices));
        } catch (...) {
        }
        lock.lock();
        wake_.wait_for(lock, every, [this] { return stopping_; });
    }
}

} // namespace helpdesk::server
