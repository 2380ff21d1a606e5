#pragma once

#include "endpoint.hpp"

#include <helpdesk/adapters/webhook.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::webhook::detail {

/// Options checked once, when the notifier is made.
struct subscription {
    endpoint target{};
    std::vector<std::string> kinds{}; ///< event kinds sent; empty means all of them
};

/// Checks `opts`: an http(s) url with a host, a secret of at least 16 bytes,
/// a positive timeout, and `events` that name known kinds (for the workflow
/// format, kinds about a ticket). Throws `error{invalid_argument}` with a
/// field error for each fault (the secret is never quoted). Thread-safe.
[[nodiscard]] subscription check(const options& opts);

/// True when `sub` sends events of `kind`.
[[nodiscard]] bool wants(const subscription& sub, std::string_view kind) noexcept;

} // namespace helpdesk::webhook::detail
