#pragma once

#include "http/cors.hpp"
#include "ops/metrics.hpp"
#include "web/static_site.hpp"

#include <helpdesk/engine.hpp>
#include <helpdesk/server.hpp>

#include <chrono>
#include <functional>
#include <string_view>

namespace helpdesk::server {

/// What every handler may reach: the engine, the options and the shared
/// instruments. One per server; handlers only read it (metrics are atomic).
struct app {
    engine& desk;
    const server_options& options;
    metrics& counters;
    cors_policy cors{};
    std::function<void(std::string_view)> log{};
    static_site console{};   ///< the web console's files (`server_options::web_root`)
};

/// Seconds since the Unix epoch, for token and URL expiry.
[[nodiscard]] inline std::int64_t unix_now() noexcept {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace helpdesk::server
