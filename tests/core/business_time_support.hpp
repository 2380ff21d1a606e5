#pragma once

// Helpers of the business-time tests: UTC instants, a time-zone database
// whose one zone changes its offset at given instants, and an oracle that
// says whether an instant lies in working hours by reading the calendar
// directly.

#include <helpdesk/domain/working_calendar.hpp>
#include <helpdesk/error.hpp>
#include <helpdesk/ports/time_zones.hpp>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace business_time_test {

using namespace std::chrono;
using helpdesk::time_point;

/// A UTC instant.
inline time_point utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0) {
    return time_point{sys_days{year{y} / month{m} / day{d}}} + hours{hh} + minutes{mm};
}

/// One zone, `Test/Shifting`: `first_offset` until the first change, then
/// each change's offset from its instant on.
class shifting_zone final : public helpdesk::time_zones {
public:
    shifting_zone(seconds first_offset, std::vector<std::pair<time_point, seconds>> changes)
        : first_{first_offset}, changes_{std::move(changes)} {
        std::sort(changes_.begin(), changes_.end());
    }

    [[nodiscard]] bool knows(std::string_view zone) const override { return zone == "Test/Shifting"; }

    [[nodiscard]] helpdesk::zone_period period_at(std::string_view zone, time_point t) const override {
        if (!knows(zone)) {
            throw helpdesk::error{helpdesk::errc::invalid_argument, "unknown zone " + std::string{zone}};
        }
        const auto next = std::upper_bound(changes_.begin(), changes_.end(), t,
                                           [](time_point x, const auto& change) { return x < change.first; });
        helpdesk::zone_period p{time_point::min(), time_point::max(), first_};
        if (next != changes_.begin()) {
            p.begin = std::prev(next)->first;
            p.offset = std::prev(next)->second;
        }
        if (next != changes_.end()) {
            p.end = next->first;
        }
        return p;
    }

private:
    seconds first_;
    std::vector<std::pair<time_point, seconds>> changes_;
};

/// True when the microsecond starting at `t` is working time: read the
/// local time at `t`, then the calendar's hours of that local day.
inline bool is_working(const helpdesk::working_calendar& calendar, const helpdesk::time_zones& zones,
                       time_point t) {
    const auto local =
        t.time_since_epoch() + duration_cast<microseconds>(zones.period_at(calendar.time_zone, t).offset);
    const auto day = floor<days>(local);
    const helpdesk::date local_day{day};
    if (std::binary_search(calendar.holidays.begin(), calendar.holidays.end(), local_day)) {
        return false;
    }
    const auto minute_of_day = floor<minutes>(local - day).count();
    const auto& hours_today = calendar.week[weekday{local_day}.iso_encoding() - 1];
    return std::any_of(hours_today.begin(), hours_today.end(), [&](const auto& h) {
        return h.start_minute <= minute_of_day && minute_of_day < h.end_minute;
    });
}

/// The first day of the random cases' window of time: 2026-01-01.
inline const time_point window_start = utc(2026, 1, 1);

/// A uniform integer in [lo, hi].
inline std::int64_t pick(std::mt19937_64& g, std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>{lo, hi}(g);
}

/// An instant in the first 150 days of the window: on a whole minute, or
/// (half the time) somewhere within it.
inline time_point random_instant(std::mt19937_64& g) {
    return window_start + minutes{pick(g, 0, 150 * 1440)} +
           microseconds{pick(g, 0, 1) * pick(g, 0, 59'999'999)};
}

/// A calendar in `zone` with up to three stretches of working hours a day
/// (at least one in the week) and up to 25 holidays in the window.
inline helpdesk::working_calendar random_calendar(std::mt19937_64& g, std::string zone) {
    helpdesk::working_calendar c;
    c.time_zone = std::move(zone);
    while (weekly_working_time(c) == minutes{0}) {
        for (auto& d : c.week) {
            d.clear();
            std::int32_t at = 0;
            for (auto n = pick(g, 0, 3); n > 0 && at < 1440; --n) {
                const auto start = static_cast<std::int32_t>(pick(g, at, 1439));
                const auto end = static_cast<std::int32_t>(pick(g, start + 1, 1440));
                d.push_back({start, end});
                at = end;
            }
        }
    }
    for (auto n = pick(g, 0, 25); n > 0; --n) {
        c.holidays.push_back(
            helpdesk::date{floor<days>(window_start).time_since_epoch() + days{pick(g, -10, 200)}});
    }
    std::sort(c.holidays.begin(), c.holidays.end());
    c.holidays.erase(std::unique(c.holidays.begin(), c.holidays.end()), c.holidays.end());
    return c;
}

} // namespace business_time_test
