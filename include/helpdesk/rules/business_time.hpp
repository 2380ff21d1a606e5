#pragma once

#include <helpdesk/domain/working_calendar.hpp>
#include <helpdesk/error.hpp>
#include <helpdesk/ports/time_zones.hpp>
#include <helpdesk/time.hpp>

#include <chrono>

namespace helpdesk {

/// Business time in [from, to): the real time inside the calendar's working
/// hours, read in its time zone (a daylight-saving change shortens or
/// lengthens a working day by its real length). Zero when `to` ≤ `from`.
/// `calendar` must be one `calendar_errors` accepts (hours in order, not
/// overlapping; holidays sorted). Throws `error{invalid_argument}` for a
/// calendar without working hours, a zone `zones` does not know, or an
/// instant outside the years 1900 to 9999.
[[nodiscard]] std::chrono::microseconds business_time_between(const working_calendar& calendar,
                                                              const time_zones& zones, time_point from,
                                                              time_point to);

/// The first instant at which `amount` of business time has passed since
/// `from`: `from` itself for zero, otherwise the end of a microsecond of
/// working time, so never outside working hours. The inverse of
/// `business_time_between`: measuring from `from` to the result gives back
/// `amount`. Throws as `business_time_between`, for a negative amount, and
/// when the result would fall after 9999.
[[nodiscard]] time_point add_business_time(const working_calendar& calendar, const time_zones& zones,
                                           time_point from, std::chrono::microseconds amount);

/// What is wrong with `calendar`, by field (`time_zone`, `week`, `holidays`);
/// empty when it can be used. Hours must lie within 00:00–24:00, in order,
/// without overlaps, and some day must have them; holidays must be sorted and
/// distinct.
[[nodiscard]] field_errors calendar_errors(const working_calendar& calendar, const time_zones& zones);

/// Most stretches of working hours a day may have, and most holidays a calendar may list.
inline constexpr std::size_t max_work_hours_per_day = 12;
inline constexpr std::size_t max_holidays = 2000;

} // namespace helpdesk
