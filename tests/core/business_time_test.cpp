#include <helpdesk/rules/business_time.hpp>

#include "business_time_support.hpp"

#include <doctest/doctest.h>

using namespace business_time_test;
using helpdesk::add_business_time;
using helpdesk::business_time_between;
using helpdesk::working_calendar;

namespace {

const auto utc_only = helpdesk::utc_time_zones();

// 2026-12-07 is a Monday.
helpdesk::time_point monday(int hh, int mm = 0) {
    return utc(2026, 12, 7, hh, mm);
}

} // namespace

TEST_CASE("business time: office hours count Monday to Friday, 09:00 to 17:00") {
    const auto office = working_calendar::office_hours();
    CHECK(business_day(office) == hours{8});
    CHECK(add_business_time(office, *utc_only, monday(10), hours{8}) == utc(2026, 12, 8, 10));
    CHECK(add_business_time(office, *utc_only, monday(10), hours{7}) == monday(17));
    // Friday 16:00 plus two hours: one on Friday, one on Monday.
    CHECK(add_business_time(office, *utc_only, utc(2026, 12, 11, 16), hours{2}) == utc(2026, 12, 14, 10));
    // From a Saturday the clock waits for Monday morning.
    CHECK(add_business_time(office, *utc_only, utc(2026, 12, 12, 12), hours{1}) == utc(2026, 12, 14, 10));
    // Before opening time, the first hour ends at 10:00.
    CHECK(add_business_time(office, *utc_only, monday(6), hours{1}) == monday(10));
    CHECK(business_time_between(office, *utc_only, utc(2026, 12, 11, 16), utc(2026, 12, 14, 10)) == hours{2});
    CHECK(business_time_between(office, *utc_only, monday(0), utc(2026, 12, 14)) == hours{40});
}

TEST_CASE("business time: zero is the start itself, and an empty or reversed range is zero") {
    const auto office = working_calendar::office_hours();
    const auto saturday = utc(2026, 12, 12, 3);
    CHECK(add_business_time(office, *utc_only, saturday, microseconds{0}) == saturday);
    CHECK(business_time_between(office, *utc_only, monday(12), monday(12)) == microseconds{0});
    CHECK(business_time_between(office, *utc_only, monday(12), monday(10)) == microseconds{0});
}

TEST_CASE("business time: a holiday has no working hours") {
    auto office = working_calendar::office_hours();
    office.holidays = {helpdesk::date{sys_days{year{2026} / December / 25}}};
    // Thursday 24th 16:00 + 2 h: an hour on Thursday, none on the holiday, one on Monday 28th.
    CHECK(add_business_time(office, *utc_only, utc(2026, 12, 24, 16), hours{2}) == utc(2026, 12, 28, 10));
    CHECK(business_time_between(office, *utc_only, utc(2026, 12, 21), utc(2026, 12, 28)) == hours{32});
}

TEST_CASE("business time: around the clock equals elapsed time") {
    const auto always = working_calendar::around_the_clock();
    CHECK(business_day(always) == hours{24});
    CHECK(add_business_time(always, *utc_only, utc(2026, 12, 12, 22, 30), hours{4}) ==
          utc(2026, 12, 13, 2, 30));
    CHECK(business_time_between(always, *utc_only, monday(0), utc(2026, 12, 14)) == hours{24 * 7});
}

TEST_CASE("business time: working hours are read in the calendar's zone") {
    // UTC+2 all year: office hours 09:00-17:00 local are 07:00-15:00 UTC.
    const shifting_zone plus_two{hours{2}, {}};
    auto office = working_calendar::office_hours();
    office.time_zone = "Test/Shifting";
    CHECK(add_business_time(office, plus_two, monday(6), hours{1}) == monday(8));
    CHECK(add_business_time(office, plus_two, monday(14), hours{2}) == utc(2026, 12, 8, 8));
    // A local holiday starts at local midnight: 22:00 UTC the day before.
    office.holidays = {helpdesk::date{sys_days{year{2026} / December / 8}}};
    CHECK(add_business_time(office, plus_two, monday(14), hours{2}) == utc(2026, 12, 9, 8));
}

TEST_CASE("business time: an offset change shortens or lengthens the working day by its real length") {
    // Working hours 01:00-04:00 every day; at 2026-12-07T01:00Z (02:00 local)
    // the clocks go from +1 to +2, so 02:00-03:00 local does not happen.
    working_calendar night;
    night.time_zone = "Test/Shifting";
    for (auto& d : night.week) {
        d = {{.start_minute = 60, .end_minute = 240}};
    }
    const shifting_zone spring{hours{1}, {{monday(1), hours{2}}}};
    // Local 01:00 on the 7th is 00:00Z; local 04:00 is 02:00Z: two real hours.
    CHECK(business_time_between(night, spring, monday(0), monday(3)) == hours{2});
    CHECK(add_business_time(night, spring, monday(0), hours{2}) == monday(2));
    // The due date of the last hour before the change is the change itself.
    CHECK(add_business_time(night, spring, monday(0), hours{1}) == monday(1));

    // Going back from +2 to +1 at 01:00Z (03:00 local): 02:00-03:00 local
    // happens twice, so the working stretch lasts four real hours.
    const shifting_zone autumn{hours{2}, {{monday(1), hours{1}}}};
    CHECK(business_time_between(night, autumn, monday(-1), monday(4)) == hours{4});
    CHECK(add_business_time(night, autumn, monday(-1), hours{4}) == monday(3));
}

TEST_CASE("business time: refuses a negative amount, a calendar without hours and an unknown zone") {
    const auto office = working_calendar::office_hours();
    CHECK_THROWS_AS((void)add_business_time(office, *utc_only, monday(9), -hours{1}), helpdesk::error);
    const working_calendar idle;
    CHECK_THROWS_AS((void)add_business_time(idle, *utc_only, monday(9), hours{1}), helpdesk::error);
    CHECK_THROWS_AS((void)business_time_between(idle, *utc_only, monday(9), monday(10)), helpdesk::error);
    auto elsewhere = office;
    elsewhere.time_zone = "Mars/Olympus_Mons";
    CHECK_THROWS_AS((void)add_business_time(elsewhere, *utc_only, monday(9), hours{1}), helpdesk::error);
}

TEST_CASE("calendar_errors: names each field at fault and accepts a good calendar") {
    using helpdesk::calendar_errors;
    CHECK(calendar_errors(working_calendar::office_hours(), *utc_only).empty());
    CHECK(calendar_errors(working_calendar::around_the_clock(), *utc_only).empty());

    working_calendar bad;
    bad.time_zone = "Nowhere/City";
    auto errors = calendar_errors(bad, *utc_only);
    CHECK(errors.count("time_zone") == 1);
    CHECK(errors.at("week") == std::vector<std::string>{"at least one day needs working hours"});

    auto office = working_calendar::office_hours();
    office.week[0] = {{.start_minute = 600, .end_minute = 540}};
    office.week[1] = {{.start_minute = 540, .end_minute = 720}, {.start_minute = 700, .end_minute = 800}};
    office.week[2] = {{.start_minute = 0, .end_minute = 1441}};
    office.holidays = {helpdesk::date{sys_days{year{2026} / May / 1}},
                       helpdesk::date{sys_days{year{2026} / May / 1}}};
    errors = calendar_errors(office, *utc_only);
    REQUIRE(errors.at("week").size() == 3);
    CHECK(errors.at("week")[0].starts_with("monday: "));
    CHECK(errors.at("week")[1] == "tuesday: working hours must be in order and must not overlap");
    CHECK(errors.at("week")[2].starts_with("wednesday: "));
    CHECK(errors.at("holidays") == std::vector<std::string>{"holidays must be in order and distinct"});
    CHECK(errors.count("time_zone") == 0);
}

TEST_CASE("business time: instants outside the years 1900 to 9999 are refused, never overflowed") {
    const auto office = working_calendar::office_hours();
    CHECK_THROWS_AS((void)add_business_time(office, *utc_only, helpdesk::time_point::min(), hours{1}),
                    helpdesk::error);
    CHECK_THROWS_AS((void)business_time_between(office, *utc_only, monday(9), helpdesk::time_point::max()),
                    helpdesk::error);
    // One minute a week and a thousand years of it: the walk stops at 9999.
    working_calendar sparse;
    sparse.week[0] = {{.start_minute = 600, .end_minute = 601}};
    CHECK_THROWS_AS((void)add_business_time(sparse, *utc_only, monday(9), hours{24 * 365 * 1000}),
                    helpdesk::error);
    CHECK(add_business_time(sparse, *utc_only, monday(9), minutes{2}) == utc(2026, 12, 14, 10, 1));
}
