#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The names the SLA policy's JSON uses for week days and times of day.
namespace helpdesk::wire {

/// The week's days as the calendar's JSON names them, Monday first.
inline constexpr std::array<std::string_view, 7> weekday_names{"monday", "tuesday",  "wednesday", "thursday",
                                                               "friday", "saturday", "sunday"};

/// A time of day as `HH:MM` (minutes after midnight; 1440 is `24:00`).
[[nodiscard]] std::string clock_time(std::int32_t minute);

/// Minutes after midnight of `HH:MM` (00:00 to 24:00); nullopt for anything else.
[[nodiscard]] std::optional<std::int32_t> parse_clock_time(std::string_view text) noexcept;

} // namespace helpdesk::wire
