#include <helpdesk/rules/sla_outlook.hpp>

#include <doctest/doctest.h>

#include <random>

using std::chrono::microseconds;
using helpdesk::sla_clock;
using helpdesk::sla_measure;
using helpdesk::sla_state;
using helpdesk::time_point;

namespace {

time_point at(std::int64_t minutes) { return time_point{microseconds{minutes * 60'000'000}}; }

// A clock in any of the shapes measure_sla writes: running (due and at-risk
// instants), paused (no instants, or both when used up before the pause),
// or stopped (early or late against its due date).
sla_clock random_clock(std::mt19937& rng) {
    std::uniform_int_distribution<int> shape(0, 4);
    std::uniform_int_distribution<std::int64_t> minute(0, 100);
    const auto due = minute(rng);
    const auto risk = due - std::uniform_int_distribution<std::int64_t>(0, 20)(rng);
    switch (shape(rng)) {
    case 0: // running
        return {.due = at(due), .at_risk_at = at(risk), .stopped_at = std::nullopt, .paused = false};
    case 1: // paused before it ran out
        return {.due = std::nullopt, .at_risk_at = std::nullopt, .stopped_at = std::nullopt, .paused = true};
    case 2: // paused after it ran out
        return {.due = at(due), .at_risk_at = at(risk), .stopped_at = std::nullopt, .paused = true};
    case 3: // stopped, met or breached
        return {.due = at(due), .at_risk_at = at(risk), .stopped_at = at(minute(rng)), .paused = false};
    default: // running, at-risk share already used when paused and resumed
        return {.due = at(due), .at_risk_at = std::nullopt, .stopped_at = std::nullopt, .paused = false};
    }
}

} // namespace

TEST_CASE("SLA outlook: at every instant it gives the worse of the two targets' states") {
    std::mt19937 rng(20261207);
    for (int round = 0; round < 2000; ++round) {
        const sla_measure m{.policy_version = 1, .first_response = random_clock(rng), .resolution = random_clock(rng)};
        const auto outlook = helpdesk::outlook_of(m);
        REQUIRE(outlook);
        for (std::int64_t minute = -1; minute <= 102; ++minute) {
            for (const auto offset : {microseconds{-1}, microseconds{0}, microseconds{1}}) {
                const auto now = at(minute) + offset;
                INFO("round " << round << " minute " << minute << " offset " << offset.count());
                REQUIRE(helpdesk::state_at(*outlook, now) == helpdesk::overall_state_at(m, now));
            }
        }
    }
}

TEST_CASE("SLA outlook: none for a ticket never measured, thresholds as the clocks give them") {
    CHECK_FALSE(helpdesk::outlook_of(sla_measure{}));
    const sla_measure m{.policy_version = 2,
                        .first_response = {.due = at(60), .at_risk_at = at(45), .stopped_at = at(30), .paused = false},
                        .resolution = {.due = at(240), .at_risk_at = at(180), .stopped_at = std::nullopt, .paused = false}};
    const auto o = helpdesk::outlook_of(m);
    REQUIRE(o);
    CHECK(o->settled == sla_state::on_track);
    CHECK(o->at_risk_from == at(180));
    CHECK(o->breached_after == at(240));
    CHECK(helpdesk::state_at(*o, at(240)) == sla_state::at_risk);
    CHECK(helpdesk::state_at(*o, at(240) + microseconds{1}) == sla_state::breached);
    const sla_measure late{.policy_version = 2,
                           .first_response = {.due = at(60), .at_risk_at = at(45), .stopped_at = at(61), .paused = false},
                           .resolution = {.due = std::nullopt, .at_risk_at = std::nullopt, .stopped_at = std::nullopt, .paused = true}};
    const auto settled = helpdesk::outlook_of(late);
    REQUIRE(settled);
    CHECK(settled->settled == sla_state::paused);
    CHECK_FALSE(settled->at_risk_from);
    CHECK(settled->breached_after == time_point::min());
}
