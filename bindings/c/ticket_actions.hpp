#pragma once

#include <helpdesk/engine.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace helpdesk::capi {

/// The C ABI's `expected_version`: 0 is "do not check"; a negative one is invalid_argument.
[[nodiscard]] std::optional<std::int64_t> expected(std::int64_t expected_version);

/// An optional note: NULL is none.
[[nodiscard]] std::optional<std::string_view> optional_note(const char* note);

} // namespace helpdesk::capi
