#include <helpdesk/ports/clock.hpp>
#include <helpdesk/time.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using namespace helpdesk;
using namespace std::chrono_literals;
using std::chrono::sys_days;

time_point at(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0, long long us = 0) {
    namespace ch = std::chrono;
    return time_point{sys_days{ch::year{y} / ch::month{m} / ch::day{d}}} + ch::hours{hh} +
           ch::minutes{mm} + ch::seconds{ss} + ch::microseconds{us};
}

} // namespace

TEST_CASE("to_rfc3339 formats UTC, with a fraction only when non-zero") {
    CHECK(to_rfc3339(at(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05Z");
    CHECK(to_rfc3339(at(2026, 1, 2, 3, 4, 5, 123456)) == "2026-01-02T03:04:05.123456Z");
    CHECK(to_rfc3339(at(2026, 1, 2, 3, 4, 5, 7)) == "2026-01-02T03:04:05.000007Z");
    CHECK(to_rfc3339(time_point{}) == "1970-01-01T00:00:00Z");
    CHECK(to_rfc3339(at(1969, 12, 31, 23, 59, 59, 999999)) == "1969-12-31T23:59:59.999999Z");
    CHECK(to_rfc3339(at(2024, 2, 29, 23, 59, 59)) == "2024-02-29T23:59:59Z");
}

TEST_CASE("parse_rfc3339 reads Z, offsets and fractions") {
    CHECK(parse_rfc3339("2026-01-02T03:04:05Z") == at(2026, 1, 2, 3, 4, 5));
    CHECK(parse_rfc3339("2026-01-02t03:04:05z") == at(2026, 1, 2, 3, 4, 5));
    CHECK(parse_rfc3339("2026-01-02T03:04:05.5Z") == at(2026, 1, 2, 3, 4, 5, 500000));
    CHECK(parse_rfc3339("2026-01-02T03:04:05.123456Z") == at(2026, 1, 2, 3, 4, 5, 123456));
    // Beyond microseconds, digits are truncated.
    CHECK(parse_rfc3339("2026-01-02T03:04:05.123456789Z") == at(2026, 1, 2, 3, 4, 5, 123456));
    CHECK(parse_rfc3339("2026-01-02T05:04:05+02:00") == at(2026, 1, 2, 3, 4, 5));
    CHECK(parse_rfc3339("2026-01-01T22:34:05.25-04:30") == at(2026, 1, 2, 3, 4, 5, 250000));
    CHECK(parse_rfc3339("2026-01-02T03:04:05-00:00") == at(2026, 1, 2, 3, 4, 5));
    // An offset can move the instant across a year boundary.
    CHECK(parse_rfc3339("2026-01-01T00:30:00+01:00") == at(2025, 12, 31, 23, 30, 0));
    CHECK(parse_rfc3339("2024-02-29T00:00:00Z") == at(2024, 2, 29));
}

TEST_CASE("format and parse round-trip") {
    for (const time_point t : std::initializer_list<time_point>{at(2026, 1, 2, 3, 4, 5), at(2026, 12, 31, 23, 59, 59, 999999), time_point{},
                         at(1999, 6, 15, 12, 0, 0, 1), at(9999, 12, 31, 23, 59, 59)}) {
        const auto text = to_rfc3339(t);
        CAPTURE(text);
        CHECK(parse_rfc3339(text) == t);
    }
}

TEST_CASE("parse_rfc3339 refuses malformed text") {
    const std::vector<std::string_view> bad = {
        "",
        "2026-01-02",
        "2026-01-02T03:04:05",       // no offset
        "2026-02-30T00:00:00Z",      // no such day
        "2025-02-29T00:00:00Z",      // not a leap year
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-01-00T00:00:00Z",
        "2026-01-02T24:00:00Z",      // bad hour
        "2026-01-02T03:60:00Z",
        "2026-01-02T03:04:60Z",      // leap seconds are not representable
        "2026-01-02T03:04:05ZZ",     // trailing junk
        "2026-01-02T03:04:05Z ",
        " 2026-01-02T03:04:05Z",
        "2026-01-02T03:04:05.Z",     // empty fraction
        "2026-01-02T03:04:05+0200",
        "2026-01-02T03:04:05+02",
        "2026-01-02T03:04:05+24:00",
        "2026-01-02T03:04:05+02:60",
        "2026-01-02 03:04:05Z",
        "2026-1-02T03:04:05Z",
        "2026-01-02T3:04:05Z",
        "+2026-01-02T03:04:05Z",
        "2026/01/02T03:04:05Z",
        "2026-01-02T03:04:05.12a3Z",
    };
    for (const auto text : bad) {
        CAPTURE(text);
        CHECK_FALSE(parse_rfc3339(text).has_value());
    }
}

TEST_CASE("ISO dates format and parse real calendar days") {
    const date d = sys_days{2026y / std::chrono::March / 7d};
    CHECK(to_iso_date(d) == "2026-03-07");
    CHECK(parse_iso_date("2026-03-07") == d);
    CHECK(parse_iso_date("2024-02-29") == sys_days{2024y / std::chrono::February / 29d});
    CHECK(to_iso_date(sys_days{}) == "1970-01-01");

    for (const std::string_view text :
         {"", "2026-02-30", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
          "2026-3-07", "2026-03-07T00:00:00Z", "2026-03-07 ", "20260307", "2026-03-0x"}) {
        CAPTURE(text);
        CHECK_FALSE(parse_iso_date(text).has_value());
    }
}

TEST_CASE("system_clock is close to the real time and has microsecond precision") {
    const auto clock = helpdesk::system_clock();
    const auto before = std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
    const auto now = clock->now();
    const auto after = std::chrono::system_clock::now();
    CHECK(now >= before);
    CHECK(now <= after);
}
