#pragma once

#include "app/call.hpp"

#include <optional>
#include <string_view>

namespace helpdesk::server {

/// The bucket of the routes that tell whether a password is the caller's
/// (check-password, change-password): one budget of guesses for both.
inline constexpr std::string_view password_guess_bucket = "check-password";

/// Takes one token from the client address's bucket for `endpoint` and, when
/// `account_key` is given (an account id or a lower-cased email), from that
/// account's bucket too. Over either limit: 429 with `Retry-After`. The
/// buckets live in the store, so every server process shares them.
void throttle(const call& c, std::string_view endpoint, std::optional<std::string_view> account_key);

} // namespace helpdesk::server
