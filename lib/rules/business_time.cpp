#include <helpdesk/rules/business_time.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <string_view>

namespace helpdesk {
namespace {

using std::chrono::microseconds;

constexpr std::int64_t minute_us = 60'000'000;
constexpr std::int64_t day_us = 1440 * minute_us;
// A period that never ends is walked in slices of this, so that local times
// (UTC plus the offset) cannot overflow.
constexpr auto slice = std::chrono::days{366};

// Local wall-clock time as microseconds since the local 1970-01-01T00:00.
struct local_span {
    std::int64_t start = 0;
    std::int64_t end = 0;
};

std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

const std::vector<work_hours>& hours_on(const working_calendar& calendar, std::int64_t day) {
    const date d{std::chrono::days{day}};
    if (std::binary_search(calendar.holidays.begin(), calendar.holidays.end(), d)) {
        static const std::vector<work_hours> none;
        return none;
    }
    return calendar.week[std::chrono::weekday{d}.iso_encoding() - 1];
}

// The first stretch of working hours that ends after local time `t`. Ends:
// some weekday has hours (checked by the callers) and holidays are finite.
local_span next_hours(const working_calendar& calendar, std::int64_t t) {
    for (std::int64_t day = floor_div(t, day_us);; ++day) {
        for (const auto& h : hours_on(calendar, day)) {
            const local_span s{day * day_us + h.start_minute * minute_us,
                               day * day_us + h.end_minute * minute_us};
            if (s.end > t) {
                return s;
            }
        }
    }
}

// The instants business time is measured between: far enough from the
// ends of time_point that a local time (UTC plus an offset) and a slice
// ahead cannot overflow, and a due date a policy cannot reach ends the walk.
const time_point earliest{std::chrono::sys_days{std::chrono::year{1900} / 1 / 1}};
const time_point latest{std::chrono::sys_days{std::chrono::year{10000} / 1 / 1}};

void require_within(time_point t) {
    if (t < earliest || t > latest) {
        throw error{errc::invalid_argument, "business time is measured between the years 1900 and 9999"};
    }
}

void require_hours(const working_calendar& calendar) {
    if (weekly_working_time(calendar) <= std::chrono::minutes{0}) {
        throw error{errc::invalid_argument, "the calendar has no working hours"};
    }
}

// One stretch of UTC time over which the offset holds, as local times.
struct segment {
    time_point end{};
    std::int64_t offset = 0; // microseconds
    std::int64_t local_begin = 0;
    std::int64_t local_end = 0;
};

segment segment_at(const working_calendar& calendar, const time_zones& zones, time_point t,
                   time_point limit) {
    const zone_period period = zones.period_at(calendar.time_zone, t);
    if (period.end <= t || period.begin > t) {
        throw error{errc::internal, "time-zone period does not contain the instant"};
    }
    const time_point end = std::min({period.end, limit, t + slice});
    const std::int64_t offset = std::chrono::duration_cast<microseconds>(period.offset).count();
    return {end, offset, t.time_since_epoch().count() + offset, end.time_since_epoch().count() + offset};
}

} // namespace

microseconds business_time_between(const working_calendar& calendar, const time_zones& zones, time_point from,
                                   time_point to) {
    require_hours(calendar);
    if (to <= from) {
        return microseconds{0};
    }
    require_within(from);
    require_within(to);
    std::int64_t total = 0;
    for (time_point t = from; t < to;) {
        const segment seg = segment_at(calendar, zones, t, to);
        for (std::int64_t x = seg.local_begin; x < seg.local_end;) {
            const local_span s = next_hours(calendar, x);
            if (s.start >= seg.local_end) {
                break;
            }
            total += std::min(s.end, seg.local_end) - std::max(s.start, x);
            x = s.end;
        }
        t = seg.end;
    }
    return microseconds{total};
}

time_point add_business_time(const working_calendar& calendar, const time_zones& zones, time_point from,
                             microseconds amount) {
    if (amount < microseconds{0}) {
        throw error{errc::invalid_argument, "business time to add is negative"};
    }
    require_hours(calendar);
    std::int64_t remaining = amount.count();
    if (remaining == 0) {
        return from;
    }
    require_within(from);
    for (time_point t = from;;) {
        if (t >= latest) {
            throw error{errc::invalid_argument, "business time runs past the year 9999"};
        }
        const segment seg = segment_at(calendar, zones, t, latest);
        for (std::int64_t x = seg.local_begin; x < seg.local_end;) {
            const local_span s = next_hours(calendar, x);
            if (s.start >= seg.local_end) {
                break;
            }
            const std::int64_t start = std::max(s.start, x);
            const std::int64_t available = std::min(s.end, seg.local_end) - start;
            if (available >= remaining) {
                return time_point{microseconds{start + remaining - seg.offset}};
            }
            remaining -= available;
            x = start + available;
        }
        t = seg.end;
    }
}

field_errors calendar_errors(const working_calendar& calendar, const time_zones& zones) {
    static constexpr std::array<std::string_view, 7> day_names{"monday", "tuesday",  "wednesday", "thursday",
                                                               "friday", "saturday", "sunday"};
    field_errors errors;
    if (!zones.knows(calendar.time_zone)) {
        errors["time_zone"].push_back("unknown time zone: " + calendar.time_zone);
    }
    for (std::size_t day = 0; day < calendar.week.size(); ++day) {
        const auto& hours = calendar.week[day];
        const std::string name{day_names[day]};
        if (hours.size() > max_work_hours_per_day) {
            errors["week"].push_back(name + ": at most " + std::to_string(max_work_hours_per_day) +
                                     " stretches of working hours");
        }
        std::int32_t previous_end = 0;
        for (const auto& h : hours) {
            if (h.start_minute < 0 || h.end_minute > 1440 || h.start_minute >= h.end_minute) {
                errors["week"].push_back(name +
                                         ": working hours must start before they end, within 00:00-24:00");
                break;
            }
            if (h.start_minute < previous_end) {
                errors["week"].push_back(name + ": working hours must be in order and must not overlap");
                break;
            }
            previous_end = h.end_minute;
        }
    }
    if (!errors.contains("week") && weekly_working_time(calendar) <= std::chrono::minutes{0}) {
        errors["week"].push_back("at least one day needs working hours");
    }
    if (calendar.holidays.size() > max_holidays) {
        errors["holidays"].push_back("at most " + std::to_string(max_holidays) + " holidays");
    }
    if (std::adjacent_find(calendar.holidays.begin(), calendar.holidays.end(), std::greater_equal<>{}) !=
        calendar.holidays.end()) {
        errors["holidays"].push_back("holidays must be in order and distinct");
    }
    return errors;
}

} // namespace helpdesk
