#include "net/session_registry.hpp"

#include <vector>

namespace helpdesk::server {

void session_registry::add(const std::shared_ptr<session_base>& s) {
    const std::lock_guard lock(mutex_);
    live_.emplace(s.get(), s);
}

void session_registry::remove(const session_base* s) noexcept {
    const std::lock_guard lock(mutex_);
    live_.erase(s);
}

std::size_t session_registry::size() const {
    const std::lock_guard lock(mutex_);
    return live_.size();
}

void session_registry::shutdown_all() {
    std::vector<std::shared_ptr<session_base>> sessions;
    {
        const std::lock_guard lock(mutex_);
        for (auto& [_, weak] : live_) {
            if (auto s = weak.lock()) {
                sessions.push_back(std::move(s));
            }
        }
    }
    // Outside the lock: a session may finish and deregister meanwhile.
    for (auto& s : sessions) {
        s->shutdown();
    }
}

} // namespace helpdesk::server
