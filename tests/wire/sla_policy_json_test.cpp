#include <doctest/doctest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <string>
#include <vector>
#include <helpdesk/error.hpp>
#include <wire/sla_policy_names.hpp>
#include <wire/sla_policy_view.hpp>

using namespace helpdesk;

namespace {

boost::json::object body(std::string_view text) {
    return boost::json::parse(text).as_object();
}

// The field names of the error `read` throws.
std::vector<std::string> refused_fields(std::string_view text) {
    try {
        (void)wire::read_sla_policy(body(text), sla_policy::defaults());
    } catch (const helpdesk::error& e) {
        CHECK(e.code() == errc::invalid_argument);
        std::vector<std::string> names;
        for (const auto& [field, messages] : e.fields()) {
            names.push_back(field);
        }
        return names;
    }
    FAIL("the body was accepted: " << text);
    return {};
}

} // namespace

TEST_CASE("SLA policy JSON: what is read back from the view is the policy") {
    auto policy = sla_policy::defaults();
    policy.version = 4;
    policy.calendar.time_zone = "Europe/Berlin";
    policy.calendar.week[5] = {{.start_minute = 0, .end_minute = 30},
                               {.start_minute = 600, .end_minute = 1440}};
    policy.calendar.holidays = {date{std::chrono::sys_days{std::chrono::year{2026} / 12 / 25}}};
    policy.overrides.push_back({.department = "Finance",
                                .for_priority = priority::medium,
                                .targets = {{45, sla_unit::minutes}, {2, sla_unit::days}, true}});
    policy.at_risk_percent = 60;
    policy.pausing_statuses = {ticket_status::pending};
    const auto json = wire::sla_policy_json(policy);
    CHECK(json.at("version") == 4);
    CHECK(json.at("calendar").at("week").at("saturday") ==
          boost::json::parse(R"([{"start":"00:00","end":"00:30"},{"start":"10:00","end":"24:00"}])"));
    CHECK(json.at("targets").at("Critical") ==
          boost::json::parse(R"({"first_response":{"amount":1,"unit":"hours"},)"
                             R"("resolution":{"amount":4,"unit":"hours"},"around_the_clock":true})"));
    auto read = wire::read_sla_policy(json, sla_policy::defaults());
    read.version = policy.version;
    CHECK(read == policy);
}

TEST_CASE("SLA policy JSON: members left out keep the base's values") {
    const auto read = wire::read_sla_policy(
        body(R"({"at_risk_percent": 80, "calendar": {"week": {"monday": [{"start": "08:30", "end": "12:00"}]},
                 "holidays": ["2026-12-26", "2026-12-25", "2026-12-26"]},
                 "targets": {"Low": {"resolution": {"amount": 10, "unit": "days"}}}})"),
        sla_policy::defaults());
    auto expected = sla_policy::defaults();
    expected.at_risk_percent = 80;
    expected.calendar.week[0] = {{.start_minute = 510, .end_minute = 720}};
    expected.calendar.holidays = {date{std::chrono::sys_days{std::chrono::year{2026} / 12 / 25}},
                                  date{std::chrono::sys_days{std::chrono::year{2026} / 12 / 26}}};
    expected.by_priority[static_cast<std::size_t>(priority::low)].resolution = {10, sla_unit::days};
    CHECK(read == expected);
}

TEST_CASE("SLA policy JSON: every malformed or unknown member is named, at its path") {
    CHECK(refused_fields(
              R"({"colour": "red", "at_risk_percent": "high", "pausing_statuses": ["Pending", "Asleep"]})") ==
          std::vector<std::string>{"at_risk_percent", "colour", "pausing_statuses"});
    CHECK(
        refused_fields(R"({"calendar": {"time_zone": 5, "week": {"monday": [{"start": "9:00", "end": "17:00"},
                                                                              {"start": "12:00"}],
                                                                   "funday": []},
                                          "holidays": ["2026-02-30", 7]}})") ==
        std::vector<std::string>{"calendar.holidays[0]", "calendar.holidays[1]", "calendar.time_zone",
                                 "calendar.week.funday", "calendar.week.monday[0].start",
                                 "calendar.week.monday[1].end"});
    CHECK(
        refused_fields(R"({"targets": {"Urgent": {}, "High": {"resolution": {"amount": 1.5, "unit": "weeks"},
                                                               "around_the_clock": "yes"}},
                             "overrides": [{"first_response": {"amount": 1, "unit": "hours"}}, 3]})") ==
        std::vector<std::string>{"overrides[0].department", "overrides[0].priority", "overrides[1]",
                                 "targets.High.around_the_clock", "targets.High.resolution.amount",
                                 "targets.High.resolution.unit", "targets.Urgent"});
    CHECK(wire::parse_clock_time("24:00") == 1440);
    CHECK_FALSE(wire::parse_clock_time("24:01"));
    CHECK_FALSE(wire::parse_clock_time("12:60"));
    CHECK(wire::clock_time(545) == "09:05");
}
