#pragma once

#include <helpdesk/engine.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace helpdesk::capi {

/// The C ABI's `expected_version`: 0 is "do not check"; a negative one is invalid_argument.
[[nodiscard]] std::optional<std::int64_t> expected(std::int64_t expected_version);

/// An optional note: NULL is none.
[[nodiscard]] std::optional<std::string_view> optional_note(const char* note);

/// What a ticket action answers, as the HTTP API does: the fresh detail view
/// as the actor sees it; when reading it back fails (the change is already
/// committed), the changed ticket itself rather than an error inviting a retry.
[[nodiscard]] boost::json::object action_result(engine& core, account_id actor, const ticket& changed);

} // namespace helpdesk::capi
