// The two automations of the scheduler: Resolved tickets close themselves
// when their owner does not answer, and owners of Pending tickets are
// reminded once (docs/product.md#automations).
#include "ticket_test_support.hpp"

#include <helpdesk/services/outbox_service.hpp>

#include <doctest/doctest.h>

using namespace ticket_tests;

namespace {

engine_options automations(std::chrono::seconds close_after, std::chrono::seconds remind_after) {
    auto o = fixture::fast_options();
    o.auto_close_after = close_after;
    o.pending_reminder_after = remind_after;
    return o;
}

/// The pending outbox events of `kind`, oldest first.
std::vector<outbox_event> events_of(desk_fixture& f, std::string_view kind) {
    std::vector<outbox_event> found;
    for (auto& e : f.desk.outbox().pending(1000)) {
        if (e.kind == kind) {
            found.push_back(std::move(e));
        }
    }
    return found;
}

std::vector<history_event> rows_of(desk_fixture& f, ticket_id id, history_kind kind) {
    std::vector<history_event> found;
    for (auto& e : f.tickets().history(f.admin.id, id)) {
        if (e.kind == kind) {
            found.push_back(std::move(e));
        }
    }
    return found;
}

/// A ticket of `owner` taken by `staff` and moved to `status`.
ticket worked_on(desk_fixture& f, const account& owner, const account& staff, std::string_view status) {
    const auto t = f.raise(owner);
    (void)f.tickets().approve(staff.id, t.id, {});
    (void)f.tickets().claim(staff.id, t.id);
    return f.tickets().update_status(staff.id, t.id, status).item;
}

} // namespace

TEST_CASE("automations: a Resolved ticket closes itself once its owner has not answered for the set time") {
    desk_fixture f{automations(std::chrono::days{2}, std::chrono::seconds::zero())};
    const auto owner = f.employee("owner@example.com");
    const auto staff = f.staff("staff@example.com");
    const auto t = worked_on(f, owner, staff, "Resolved");
    auto& scheduler = f.desk.scheduler();

    f.time->advance(47h);
    CHECK(scheduler.run_once(f.time->now()).auto_closed == 0);
    // The owner answers without closing or reopening: the two days start again.
    (void)f.tickets().add_comment(owner.id, t.id, "Thanks, I will check tomorrow.");
    f.time->advance(47h);
    CHECK(scheduler.run_once(f.time->now()).auto_closed == 0);
    const auto before = f.fresh(t.id);
    CHECK(before.status == ticket_status::resolved);

    f.time->advance(1h);
    CHECK(scheduler.run_once(f.time->now()).auto_closed == 1);
    const auto closed = f.fresh(t.id);
    CHECK(closed.status == ticket_status::closed);
    CHECK(closed.time_closed == f.time->now());
    CHECK(closed.version == before.version + 1);
    CHECK_FALSE(closed.waiting_on_owner_since);

    const auto moved = rows_of(f, t.id, history_kind::status_changed);
    REQUIRE_FALSE(moved.empty());
    CHECK(moved.back().old_value == "Resolved");
    CHECK(moved.back().new_value == "Closed");
    CHECK_FALSE(moved.back().actor); // the scheduler, nobody
    const auto why = rows_of(f, t.id, history_kind::closed_automatically);
    REQUIRE(why.size() == 1);
    CHECK(why[0].new_value == "2 days");
    CHECK_FALSE(why[0].is_internal); // the owner sees it
    const auto told = events_of(f, event_kind::ticket_closed);
    REQUIRE(told.size() == 1);
    CHECK(told[0].account == owner.id);
    CHECK(told[0].payload.find(R"("closed_automatically_after":"2 days")") != std::string::npos);

    f.time->advance(100h);
    CHECK(scheduler.run_once(f.time->now()).auto_closed == 0);
}

TEST_CASE("automations: a reopened ticket is not closed, and zero turns the auto-close off") {
    desk_fixture f{automations(std::chrono::days{1}, std::chrono::seconds::zero())};
    const auto owner = f.employee("owner@example.com");
    const auto staff = f.staff("staff@example.com");
    const auto reopened = worked_on(f, owner, staff, "Resolved");
    f.time->advance(1h);
    (void)f.tickets().reopen(owner.id, reopened.id, "Still broken");
    f.time->advance(48h);
    CHECK(f.desk.scheduler().run_once(f.time->now()).auto_closed == 0);
    CHECK(f.fresh(reopened.id).status == ticket_status::in_progress);

    desk_fixture off{automations(std::chrono::seconds::zero(), std::chrono::seconds::zero())};
    const auto o = off.employee("owner@example.com");
    const auto s = off.staff("staff@example.com");
    const auto resolved = worked_on(off, o, s, "Resolved");
    const auto pending = worked_on(off, o, s, "Pending");
    off.time->advance(std::chrono::days{365});
    const auto pass = off.desk.scheduler().run_once(off.time->now());
    CHECK(pass.auto_closed == 0);
    CHECK(pass.owners_reminded == 0);
    CHECK(off.fresh(resolved.id).status == ticket_status::resolved);
    CHECK(off.fresh(pending.id).status == ticket_status::pending);
}

TEST_CASE("automations: the owner of a Pending ticket is reminded once per wait, without a new version") {
    desk_fixture f{automations(std::chrono::seconds::zero(), std::chrono::hours{36})};
    const auto owner = f.employee("owner@example.com");
    const auto staff = f.staff("staff@example.com");
    const auto t = worked_on(f, owner, staff, "Pending");
    auto& scheduler = f.desk.scheduler();

    f.time->advance(35h);
    CHECK(scheduler.run_once(f.time->now()).owners_reminded == 0);
    f.time->advance(1h);
    CHECK(scheduler.run_once(f.time->now()).owners_reminded == 1);
    CHECK(scheduler.run_once(f.time->now() + 100h).owners_reminded == 0); // once per wait
    const auto reminded = f.fresh(t.id);
    CHECK(reminded.version == t.version);
    CHECK(reminded.owner_reminded);
    const auto told = events_of(f, event_kind::ticket_pending_reminder);
    REQUIRE(told.size() == 1);
    CHECK(told[0].account == owner.id);
    CHECK(told[0].payload.find(R"("pending_since":")" + to_rfc3339(t.update_date) + "\"") != std::string::npos);
    const auto noted = rows_of(f, t.id, history_kind::owner_reminded);
    REQUIRE(noted.size() == 1);
    CHECK(noted[0].new_value == "36 hours");

    // The owner answers (back to In Progress); the next Pending is a new wait.
    (void)f.tickets().add_comment(owner.id, t.id, "Here is the screenshot.");
    CHECK(f.fresh(t.id).status == ticket_status::in_progress);
    CHECK_FALSE(f.fresh(t.id).owner_reminded);
    (void)f.tickets().update_status(staff.id, t.id, "Pending");
    f.time->advance(36h);
    CHECK(scheduler.run_once(f.time->now()).owners_reminded == 1);
    CHECK(events_of(f, event_kind::ticket_pending_reminder).size() == 2);
}
