#include <helpdesk/rules/sla_policy_rules.hpp>

#include <doctest/doctest.h>

using namespace helpdesk;

namespace {

const auto utc_only = utc_time_zones();
const auto choices = catalog::defaults();

} // namespace

TEST_CASE("SLA policy rules: the built-in policy and a full custom one are accepted") {
    CHECK(sla_policy_errors(sla_policy::defaults(), *utc_only, choices).empty());
    auto custom = sla_policy::defaults();
    custom.overrides.push_back({.department = choices.departments.front(),
                                .for_priority = priority::high,
                                .targets = {{30, sla_unit::minutes}, {10'000, sla_unit::minutes}, true}});
    custom.at_risk_percent = 1;
    custom.pausing_statuses = {ticket_status::pending};
    CHECK(sla_policy_errors(custom, *utc_only, choices).empty());
    custom.pausing_statuses.clear();
    custom.at_risk_percent = 99;
    CHECK(sla_policy_errors(custom, *utc_only, choices).empty());
}

TEST_CASE("SLA policy rules: each refusal names its field") {
    auto bad = sla_policy::defaults();
    bad.calendar.time_zone = "Atlantis/Capital";
    bad.calendar.week = {};
    bad.by_priority[static_cast<std::size_t>(priority::high)].resolution = {0, sla_unit::days};
    bad.by_priority[static_cast<std::size_t>(priority::low)].first_response = {10'001, sla_unit::minutes};
    bad.overrides = {
        {.department = "Catering", .for_priority = priority::low, .targets = {}},
        {.department = choices.departments.front(), .for_priority = priority::low, .targets = {}},
        {.department = choices.departments.front(),
         .for_priority = priority::low,
         .targets = {{-1, sla_unit::hours}, {}, false}},
    };
    bad.at_risk_percent = 100;
    bad.pausing_statuses = {ticket_status::pending, ticket_status::resolved, ticket_status::pending,
                            ticket_status::new_};
    const auto errors = sla_policy_errors(bad, *utc_only, choices);
    std::vector<std::string> fields;
    for (const auto& [field, messages] : errors) {
        fields.push_back(field);
    }
    CHECK(fields == std::vector<std::string>{"at_risk_percent", "calendar.time_zone", "calendar.week",
                                             "overrides[0].department", "overrides[2].first_response",
                                             "overrides[2].priority", "pausing_statuses",
                                             "targets.High.resolution", "targets.Low.first_response"});
    CHECK(errors.at("targets.High.resolution") ==
          std::vector<std::string>{"must be between 1 and 10000 days"});
    CHECK(errors.at("overrides[0].department") == std::vector<std::string>{"unknown department: Catering"});
    CHECK(errors.at("overrides[2].priority") ==
          std::vector<std::string>{"the department already has targets for Low"});
    CHECK(errors.at("pausing_statuses") ==
          std::vector<std::string>{"Resolved cannot pause the resolution clock", "Pending is listed twice",
                                   "New cannot pause the resolution clock"});
}
