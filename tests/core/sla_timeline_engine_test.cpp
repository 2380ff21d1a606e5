// The SLA timeline read from a ticket's history agrees with the engine's own
// response_time on every kind of first staff reaction.

#include <helpdesk/rules/sla_clock.hpp>

#include "ticket_test_support.hpp"

#include <doctest/doctest.h>

#include <functional>

using namespace ticket_tests;

namespace {

// The first reaction the timeline finds, in whole seconds after submission.
std::optional<std::int64_t> timeline_response(desk_fixture& f, ticket_id id) {
    const auto t = f.fresh(id);
    const auto history = f.tickets().history(f.admin.id, id);
    const auto line = timeline_of(t, history);
    if (!line.first_reaction) {
        return std::nullopt;
    }
    return std::chrono::duration_cast<std::chrono::seconds>(*line.first_reaction - t.submit_date).count();
}

void check_agrees(desk_fixture& f, ticket_id id, std::int64_t expected_seconds) {
    CHECK(f.fresh(id).response_seconds == expected_seconds);
    CHECK(timeline_response(f, id) == expected_seconds);
}

} // namespace

TEST_CASE("SLA timeline and response_time agree on the first staff reaction") {
    desk_fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto coordinator = f.staff("coordinator@example.com");

    SUBCASE("a public staff comment, after the owner's own comment and an internal note") {
        const auto t = f.raise(owner);
        f.time->advance(1min);
        (void)f.tickets().add_comment(owner.id, t.id, "Any news?");
        f.time->advance(1min);
        (void)f.tickets().add_comment(coordinator.id, t.id, "Looking into it (internal)", true);
        CHECK_FALSE(f.fresh(t.id).response_seconds);
        CHECK_FALSE(timeline_response(f, t.id));
        f.time->advance(1min);
        (void)f.tickets().add_comment(coordinator.id, t.id, "We are on it.");
        check_agrees(f, t.id, 180);
    }
    // One staff action a few minutes after submission, which is the reaction.
    struct reaction {
        const char* name;
        bool staff_owns_it;
        std::function<void(desk_fixture&, const account&, ticket_id)> act;
    };
    const std::vector<reaction> reactions{
        {"approval, then a claim that does not move it", false,
         [](desk_fixture& d, const account& staff, ticket_id id) {
             (void)d.tickets().approve(staff.id, id, {.priority = "High", .department = "IT Department"});
             d.time->advance(5min);
             (void)d.tickets().claim(staff.id, id);
         }},
        {"rejection", false,
         [](desk_fixture& d, const account& staff, ticket_id id) {
             (void)d.tickets().reject(staff.id, id, "Duplicate of another request");
         }},
        {"staff approving their own ticket", true,
         [](desk_fixture& d, const account& staff, ticket_id id) {
             (void)d.tickets().approve(staff.id, id, {});
         }},
    };
    for (const auto& r : reactions) {
        SUBCASE(r.name) {
            const auto t = f.raise(r.staff_owns_it ? coordinator : owner);
            f.time->advance(7min);
            r.act(f, coordinator, t.id);
            check_agrees(f, t.id, 420);
        }
    }
    SUBCASE("the owner withdrawing is no reaction") {
        const auto t = f.raise(owner);
        f.time->advance(7min);
        (void)f.tickets().withdraw(owner.id, t.id);
        CHECK_FALSE(f.fresh(t.id).response_seconds);
        CHECK_FALSE(timeline_response(f, t.id));
    }
}
