#include <helpdesk/adapters/time_zones.hpp>
#include <helpdesk/rules/business_time.hpp>

#include "business_time_support.hpp"

#include <doctest/doctest.h>

using namespace business_time_test;
using helpdesk::add_business_time;
using helpdesk::business_time_between;
using helpdesk::working_calendar;

namespace {

const auto zones = helpdesk::tz::system_time_zones();

working_calendar daily(std::string zone, std::int32_t start_minute, std::int32_t end_minute) {
    working_calendar c;
    c.time_zone = std::move(zone);
    for (auto& d : c.week) {
        d = {{start_minute, end_minute}};
    }
    return c;
}

} // namespace

TEST_CASE("system time zones: IANA names and links are known, anything else is not") {
    CHECK(zones->knows("UTC"));
    CHECK(zones->knows("Europe/Berlin"));
    CHECK(zones->knows("America/New_York"));
    CHECK(zones->knows("Australia/Lord_Howe"));
    CHECK(zones->knows("US/Eastern")); // a link
    CHECK_FALSE(zones->knows(""));
    CHECK_FALSE(zones->knows("Mars/Olympus_Mons"));
    CHECK_FALSE(zones->knows("Europe/"));
    CHECK_THROWS_AS((void)zones->period_at("Mars/Olympus_Mons", utc(2026, 1, 1)), helpdesk::error);
}

TEST_CASE("system time zones: a period ends where daylight-saving time starts") {
    // Europe/Berlin springs forward on 2026-03-29 at 01:00Z.
    const auto winter = zones->period_at("Europe/Berlin", utc(2026, 3, 29, 0, 59));
    CHECK(winter.offset == hours{1});
    CHECK(winter.end == utc(2026, 3, 29, 1));
    const auto summer = zones->period_at("Europe/Berlin", utc(2026, 3, 29, 1));
    CHECK(summer.offset == hours{2});
    CHECK(summer.begin == utc(2026, 3, 29, 1));
    CHECK(summer.end == utc(2026, 10, 25, 1));
    // Half-hour offsets and half-hour daylight saving.
    CHECK(zones->period_at("Asia/Kolkata", utc(2026, 6, 1)).offset == hours{5} + minutes{30});
    CHECK(zones->period_at("Australia/Lord_Howe", utc(2026, 1, 15)).offset == hours{11});
    CHECK(zones->period_at("Australia/Lord_Howe", utc(2026, 6, 15)).offset == hours{10} + minutes{30});
}

TEST_CASE("business time in real zones: a working stretch across a clock change lasts its real length") {
    // Working 01:00-04:00 local every day.
    const auto berlin = daily("Europe/Berlin", 60, 240);
    // 2026-03-29: 02:00-03:00 does not happen, so two real hours (00:00Z-02:00Z).
    CHECK(business_time_between(berlin, *zones, utc(2026, 3, 28, 12), utc(2026, 3, 29, 12)) == hours{2});
    CHECK(add_business_time(berlin, *zones, utc(2026, 3, 28, 12), hours{2}) == utc(2026, 3, 29, 2));
    // 2026-10-25: 02:00-03:00 happens twice, so four real hours (23:00Z-03:00Z).
    CHECK(business_time_between(berlin, *zones, utc(2026, 10, 24, 12), utc(2026, 10, 25, 12)) == hours{4});
    CHECK(add_business_time(berlin, *zones, utc(2026, 10, 24, 12), hours{4}) == utc(2026, 10, 25, 3));
    // Lord Howe moves its clocks by 30 minutes (02:00 -> 01:30 on 2026-04-05).
    const auto lord_howe = daily("Australia/Lord_Howe", 60, 180);
    CHECK(business_time_between(lord_howe, *zones, utc(2026, 4, 4, 6), utc(2026, 4, 5, 6)) ==
          hours{2} + minutes{30});
}

TEST_CASE("business time in real zones: office hours in New York over the start of daylight-saving time") {
    auto office = working_calendar::office_hours();
    office.time_zone = "America/New_York";
    // Friday 2026-03-06 16:00 EST (21:00Z) + 2 business hours: Monday 2026-03-09 10:00 EDT (14:00Z).
    CHECK(add_business_time(office, *zones, utc(2026, 3, 6, 21), hours{2}) == utc(2026, 3, 9, 14));
    CHECK(business_time_between(office, *zones, utc(2026, 3, 6, 21), utc(2026, 3, 9, 14)) == hours{2});
    CHECK(helpdesk::calendar_errors(office, *zones).empty());
}

TEST_CASE(
    "business time property in real zones: adding then measuring gives back the amount, due dates in hours") {
    const std::vector<std::string> names{"Europe/Berlin",     "America/New_York", "Australia/Lord_Howe",
                                         "Asia/Kolkata",      "America/Santiago", "Pacific/Chatham",
                                         "Africa/Casablanca", "Europe/London",    "America/St_Johns"};
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        std::mt19937_64 g{seed};
        const auto calendar = random_calendar(
            g, names[static_cast<std::size_t>(pick(g, 0, static_cast<std::int64_t>(names.size()) - 1))]);
        const auto from = random_instant(g);
        const microseconds amount = minutes{pick(g, 0, 30 * 1440)} + microseconds{pick(g, 0, 59'999'999)};
        INFO("seed " << seed << " zone " << calendar.time_zone);
        const auto due = add_business_time(calendar, *zones, from, amount);
        CHECK(business_time_between(calendar, *zones, from, due) == amount);
        if (amount > microseconds{0}) {
            CHECK(is_working(calendar, *zones, due - microseconds{1}));
        }
    }
}
