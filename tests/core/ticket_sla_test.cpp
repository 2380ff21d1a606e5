// The SLA clocks the engine stores with each ticket (docs/product.md#sla):
// measured at submission, measured again by every change, and always what
// the ticket's history gives when measured from scratch.

#include <helpdesk/rules/sla_clock.hpp>

#include "ticket_test_support.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <random>
#include <vector>

using namespace ticket_tests;

namespace {

// The measurement the ticket's stored history gives, from scratch.
sla_measure from_history(desk_fixture& f, ticket_id id) {
    const auto t = f.fresh(id);
    auto tx = f.db->begin(tx_mode::read);
    const auto policy = tx->sla_policies().find(t.sla.policy_version).value();
    const auto history = tx->tickets().history(id, true);
    return measure_sla(policy, *utc_time_zones(), t.department, t.ticket_priority, timeline_of(t, history));
}

} // namespace

TEST_CASE("ticket SLA: measured at submission under the built-in policy, stored as version 1") {
    desk_fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto t = f.raise(owner); // Monday 09:00, Low: 2 / 5 business days of 8 h
    CHECK(t.sla.policy_version == 1);
    CHECK(f.fresh(t.id).sla == t.sla);
    CHECK(t.sla.first_response.due == test_epoch() + 24h * 1 + 8h); // Tuesday 17:00 (16 business hours)
    CHECK(t.sla.resolution.due == test_epoch() + 24h * 4 + 8h);     // Friday 17:00 (40 business hours)
    CHECK_FALSE(t.sla.first_response.stopped_at);
    auto tx = f.db->begin(tx_mode::read);
    CHECK(tx->sla_policies().newest_version() == 1);
    CHECK(tx->sla_policies().current().value().by_priority == sla_policy::defaults().by_priority);
}

TEST_CASE("ticket SLA: approval stops the first-response clock and a new priority moves the due dates") {
    desk_fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto coordinator = f.staff("coordinator@example.com");
    const auto t = f.raise(owner);
    f.time->advance(30min);
    (void)f.tickets().approve(coordinator.id, t.id, {.priority = "Critical", .department = "IT Department"});
    const auto approved = f.fresh(t.id);
    CHECK(approved.sla.first_response.stopped_at == test_epoch() + 30min);
    CHECK(approved.sla.first_response.due == test_epoch() + 1h); // Critical: 1 h around the clock
    CHECK(approved.sla.resolution.due == test_epoch() + 4h);
    CHECK(state_at(approved.sla.first_response, test_epoch() + 2h) == sla_state::met);
}

TEST_CASE("ticket SLA property: after any sequence of actions, the stored clocks are those of the history") {
    for (std::uint64_t seed = 1; seed <= 25; ++seed) {
        desk_fixture f;
        std::mt19937_64 g{seed};
        const auto owner = f.employee("owner@example.com");
        const auto coordinator = f.staff("coordinator@example.com");
        const auto t = f.raise(owner);
        auto& desk = f.tickets();
        const std::vector<std::function<void()>> actions{
            [&] { (void)desk.approve(coordinator.id, t.id, {.priority = "High"}); },
            [&] { (void)desk.claim(coordinator.id, t.id); },
            [&] { (void)desk.update_status(coordinator.id, t.id, "Pending"); },
            [&] { (void)desk.update_status(coordinator.id, t.id, "In Progress"); },
            [&] { (void)desk.update_status(coordinator.id, t.id, "Resolved"); },
            [&] { (void)desk.add_comment(owner.id, t.id, "Any news?"); },
            [&] { (void)desk.reopen(owner.id, t.id, "Still broken"); },
        };
        INFO("seed " << seed);
        for (int step = 0; step < 12; ++step) {
            f.time->advance(std::chrono::minutes{std::uniform_int_distribution<int>{1, 3000}(g)});
            const auto now = f.fresh(t.id);
            // Any action the lifecycle may refuse; a refusal changes nothing.
            try {
                actions[std::uniform_int_distribution<std::size_t>{0, actions.size() - 1}(g)]();
            } catch (const error&) {
                CHECK(f.fresh(t.id).version == now.version);
            }
            CHECK(f.fresh(t.id).sla == from_history(f, t.id));
        }
    }
}
