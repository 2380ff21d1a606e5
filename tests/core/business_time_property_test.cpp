// Properties of the business-time arithmetic over random calendars,
// holidays and zones whose offset changes at random instants. Seeds are
// fixed, so a failure repeats; the failing case's seed is printed.

#include <helpdesk/rules/business_time.hpp>

#include "business_time_support.hpp"

#include <doctest/doctest.h>

using namespace business_time_test;
using helpdesk::add_business_time;
using helpdesk::business_time_between;

namespace {

shifting_zone random_zone(std::mt19937_64& g) {
    seconds offset = minutes{15 * pick(g, -48, 56)};
    const seconds first = offset;
    std::vector<std::pair<helpdesk::time_point, seconds>> changes;
    for (auto n = pick(g, 0, 8); n > 0; --n) {
        offset += minutes{30 * pick(g, -4, 4)};
        changes.emplace_back(window_start + minutes{pick(g, 0, 200 * 1440)}, offset);
    }
    return shifting_zone{first, std::move(changes)};
}

} // namespace

TEST_CASE(
    "business time property: adding then measuring gives back the amount, and a due date ends working time") {
    for (std::uint64_t seed = 1; seed <= 400; ++seed) {
        std::mt19937_64 g{seed};
        const auto calendar = random_calendar(g, "Test/Shifting");
        const auto zone = random_zone(g);
        const auto from = random_instant(g);
        const microseconds amount = minutes{pick(g, 0, 30 * 1440)} + microseconds{pick(g, 0, 59'999'999)};
        INFO("seed " << seed);
        const auto due = add_business_time(calendar, zone, from, amount);
        CHECK(business_time_between(calendar, zone, from, due) == amount);
        if (amount > microseconds{0}) {
            CHECK(due > from);
            // The last microsecond before the due date is working time, read from the calendar directly.
            CHECK(is_working(calendar, zone, due - microseconds{1}));
        }
    }
}

TEST_CASE("business time property: measuring agrees with counting working minutes one by one") {
    for (std::uint64_t seed = 1001; seed <= 1120; ++seed) {
        std::mt19937_64 g{seed};
        const auto calendar = random_calendar(g, "Test/Shifting");
        const auto zone = random_zone(g);
        const helpdesk::time_point from = window_start + minutes{pick(g, 0, 150 * 1440)};
        const helpdesk::time_point to = from + minutes{pick(g, 0, 9 * 1440)};
        minutes counted{0};
        for (auto t = from; t < to; t += minutes{1}) {
            counted += minutes{is_working(calendar, zone, t) ? 1 : 0};
        }
        INFO("seed " << seed);
        CHECK(business_time_between(calendar, zone, from, to) == counted);
    }
}

TEST_CASE("business time property: a pause moves the due date by exactly the business time it covered") {
    for (std::uint64_t seed = 2001; seed <= 2300; ++seed) {
        std::mt19937_64 g{seed};
        const auto calendar = random_calendar(g, "Test/Shifting");
        const auto zone = random_zone(g);
        const auto from = random_instant(g);
        const microseconds target = minutes{pick(g, 1, 10 * 1440)};
        const auto pause_start = from + minutes{pick(g, 0, 20 * 1440)};
        const auto pause_end = pause_start + minutes{pick(g, 0, 20 * 1440)} + microseconds{pick(g, 0, 999)};
        const auto paused = business_time_between(calendar, zone, pause_start, pause_end);
        const auto due = add_business_time(calendar, zone, from, target);
        const auto moved = add_business_time(calendar, zone, from, target + paused);
        INFO("seed " << seed);
        CHECK(business_time_between(calendar, zone, due, moved) == paused);
        // Measuring is additive: a range split anywhere sums to the whole.
        CHECK(business_time_between(calendar, zone, from, pause_start) +
                  business_time_between(calendar, zone, pause_start, pause_end) ==
              business_time_between(calendar, zone, from, pause_end));
    }
}
