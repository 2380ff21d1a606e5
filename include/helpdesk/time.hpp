#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk {

/// A UTC instant with microsecond precision; the engine's only time type.
using time_point = std::chrono::sys_time<std::chrono::microseconds>;

/// A calendar day (UTC), used for `scheduled_date`.
using date = std::chrono::sys_days;

/// Formats as RFC 3339 UTC, e.g. `2026-01-02T03:04:05Z` (fractions shown
/// only when non-zero, as `.123456`).
[[nodiscard]] std::string to_rfc3339(time_point t);

/// Parses RFC 3339 (`Z` or `±hh:mm` offset, optional fraction); nullopt when
/// malformed.
[[nodiscard]] std::optional<time_point> parse_rfc3339(std::string_view text);

/// Formats a day as `YYYY-MM-DD`.
[[nodiscard]] std::string to_iso_date(date d);

/// Parses `YYYY-MM-DD` (a real calendar day); nullopt when malformed.
[[nodiscard]] std::optional<date> parse_iso_date(std::string_view text);

} // namespace helpdesk
