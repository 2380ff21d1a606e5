#pragma once

#include <helpdesk/time.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace helpdesk {

/// Working hours within one day, in minutes after local midnight:
/// [start_minute, end_minute), with 0 ≤ start < end ≤ 1440.
struct work_hours {
    std::int32_t start_minute = 0;
    std::int32_t end_minute = 0;
    friend bool operator==(const work_hours&, const work_hours&) = default;
};

/// When a help desk works: hours per weekday in a named time zone, and days
/// off. Business time is the real time that passes inside these hours
/// (docs/product.md#sla). `date` values here are local calendar days.
struct working_calendar {
    std::string time_zone = "UTC";                 ///< an IANA zone name
    std::array<std::vector<work_hours>, 7> week{}; ///< Monday first; sorted, not overlapping
    std::vector<date> holidays{};                  ///< days without working hours, sorted

    /// Monday to Friday, 09:00 to 17:00 UTC, no holidays.
    [[nodiscard]] static working_calendar office_hours();
    /// Every hour of every day: business time equals elapsed time.
    [[nodiscard]] static working_calendar around_the_clock();

    friend bool operator==(const working_calendar&, const working_calendar&) = default;
};

/// The working time of a calendar's week, holidays aside.
[[nodiscard]] std::chrono::minutes weekly_working_time(const working_calendar& calendar) noexcept;

/// One business day of `calendar`: its weekly working time divided by the
/// number of weekdays that have working hours (8 h for office_hours()).
/// Zero for a calendar without working hours.
[[nodiscard]] std::chrono::minutes business_day(const working_calendar& calendar) noexcept;

} // namespace helpdesk
