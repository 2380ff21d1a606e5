#include <helpdesk/domain/working_calendar.hpp>

namespace helpdesk {

working_calendar working_calendar::office_hours() {
    working_calendar c;
    for (std::size_t day = 0; day < 5; ++day) {
        c.week[day] = {{.start_minute = 9 * 60, .end_minute = 17 * 60}};
    }
    return c;
}

working_calendar working_calendar::around_the_clock() {
    working_calendar c;
    for (auto& day : c.week) {
        day = {{.start_minute = 0, .end_minute = 24 * 60}};
    }
    return c;
}

std::chrono::minutes weekly_working_time(const working_calendar& calendar) noexcept {
    std::int64_t total = 0;
    for (const auto& day : calendar.week) {
        for (const auto& hours : day) {
            total += hours.end_minute - hours.start_minute;
        }
    }
    return std::chrono::minutes{total};
}

std::chrono::minutes business_day(const working_calendar& calendar) noexcept {
    std::int64_t working_days = 0;
    for (const auto& day : calendar.week) {
        working_days += day.empty() ? 0 : 1;
    }
    return working_days == 0 ? std::chrono::minutes{0} : weekly_working_time(calendar) / working_days;
}

} // namespace helpdesk
