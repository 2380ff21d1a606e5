// Automatic assignment through the engine (docs/product.md#automatic-assignment):
// approval applies the department's mode, or takes an explicit assignee, and
// staff say whether they are available.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace helpdesk;
using namespace helpdesk::testing;

namespace {

constexpr std::string_view it_department = "IT Department";

/// A desk with an employee, three coordinators (by id) and a way to approve.
struct assignment_desk : fixture {
    account owner = employee("owner@example.com");
    std::vector<account> coordinators = {staff("c1@example.com"), staff("c2@example.com"), staff("c3@example.com")};

    void use(std::string_view mode) { (void)desk.assignment().set_mode(admin.id, it_department, mode); }

    /// Raises and approves a ticket (no explicit assignee); its detail view.
    ticket_details approve_one(std::optional<account_id> assignee = std::nullopt) {
        const auto t = raise(owner);
        approve_request r;
        r.assigned_to = assignee;
        return desk.tickets().approve(admin.id, t.id, r);
    }

    std::optional<account_id> next_assignee() { return approve_one().item.assigned_to; }
};

bool has_comment(const ticket_details& d, std::string_view text) {
    return std::ranges::any_of(d.comments, [&](const comment& c) { return c.text == text; });
}

} // namespace

TEST_CASE("assignment: every department starts in mode none and approval leaves the ticket Open") {
    assignment_desk f;
    const auto departments = f.desk.assignment().departments(f.admin.id);
    REQUIRE(departments.size() == f.desk.choices().departments.size());
    for (const auto& d : departments) {
        CHECK(d.mode == assignment_mode::none);
        CHECK_FALSE(d.last_assignee.has_value());
    }
    const auto d = f.approve_one();
    CHECK(d.item.status == ticket_status::open);
    CHECK_FALSE(d.item.assigned_to.has_value());
    CHECK(events_of_kind(f, event_kind::ticket_assigned).empty());
}

TEST_CASE("assignment: round robin hands tickets to each available coordinator in id order") {
    assignment_desk f;
    f.use("round_robin");
    const auto& c = f.coordinators;
    std::vector<std::optional<account_id>> got;
    for (int i = 0; i < 4; ++i) {
        got.push_back(f.next_assignee());
    }
    CHECK(got == std::vector<std::optional<account_id>>{c[0].id, c[1].id, c[2].id, c[0].id});
    CHECK(f.desk.assignment().departments(f.admin.id).at(0).last_assignee == c[0].id);

    const auto d = f.approve_one();
    CHECK(d.item.status == ticket_status::in_progress);
    CHECK(d.item.assigned_to == c[1].id);
    CHECK(has_comment(d, "Assigned by round robin."));
    const auto history = f.desk.tickets().history(f.admin.id, d.item.id);
    CHECK(std::ranges::any_of(history, [&](const history_event& e) {
        return e.kind == history_kind::assigned && e.new_value == std::to_string(c[1].id) && e.actor == f.admin.id;
    }));
    // Told as `assign` tells them: one event per assignment, to the assignee.
    const auto told = events_of_kind(f, event_kind::ticket_assigned);
    REQUIRE(told.size() == 5);
    CHECK(told.back().account == c[1].id);
}

TEST_CASE("assignment: away, deactivated and non-staff accounts are skipped; admins take part once they opt in") {
    assignment_desk f;
    f.use("round_robin");
    const auto& c = f.coordinators;
    CHECK_FALSE(f.desk.assignment().set_my_availability(c[1].id, false).available);
    (void)f.desk.accounts().deactivate(f.admin.id, c[2].id);
    CHECK(f.next_assignee() == c[0].id);
    CHECK(f.next_assignee() == c[0].id);

    // The admin (the lowest id) opts in.
    CHECK_FALSE(f.desk.assignment().my_availability(f.admin.id).available);
    const auto opted = f.desk.assignment().set_my_availability(f.admin.id, true);
    CHECK(opted.available);
    CHECK(opted.chosen);
    CHECK(f.next_assignee() == f.admin.id);
    CHECK(f.next_assignee() == c[0].id);

    // Back from away: in the rotation again, after the previous assignee.
    (void)f.desk.assignment().set_my_availability(c[1].id, true);
    CHECK(f.next_assignee() == c[1].id);
}

TEST_CASE("assignment: least open tickets picks the lightest load, ties going round by id") {
    assignment_desk f;
    const auto& c = f.coordinators;
    // c0 holds two open tickets, c1 one, c2 none.
    for (const auto& [who, count] : {std::pair{c[0].id, 2}, std::pair{c[1].id, 1}}) {
        for (int i = 0; i < count; ++i) {
            (void)f.approve_one(who);
        }
    }
    f.use("least_open");
    CHECK(f.next_assignee() == c[2].id); // 2, 1, 0
    CHECK(f.next_assignee() == c[1].id); // 2, 1, 1: tie after c2 wraps to c1
    CHECK(f.next_assignee() == c[2].id); // 2, 2, 1
    const auto d = f.approve_one();      // 2, 2, 2: after c2 comes c0
    CHECK(d.item.assigned_to == c[0].id);
    CHECK(has_comment(d, "Assigned by least open tickets."));
}

TEST_CASE("assignment: with no one available the ticket stays Open and an internal note says why") {
    assignment_desk f;
    f.use("round_robin");
    for (const auto& c : f.coordinators) {
        (void)f.desk.assignment().set_my_availability(c.id, false);
    }
    const auto d = f.approve_one();
    CHECK(d.item.status == ticket_status::open);
    CHECK_FALSE(d.item.assigned_to.has_value());
    const auto note = std::ranges::find_if(d.comments, [](const comment& c) { return c.is_internal; });
    REQUIRE(note != d.comments.end());
    CHECK(note->text.find("No one in IT Department was available") != std::string::npos);
    // The owner does not see it.
    const auto seen = f.desk.tickets().get(f.owner.id, d.item.id);
    CHECK(std::ranges::none_of(seen.comments, [](const comment& c) { return c.is_internal; }));
}

TEST_CASE("assignment: an explicit assigned_to wins over the mode and is checked like assign") {
    assignment_desk f;
    f.use("round_robin");
    const auto d = f.approve_one(f.coordinators[2].id);
    CHECK(d.item.assigned_to == f.coordinators[2].id);
    CHECK(d.item.status == ticket_status::in_progress);
    CHECK_FALSE(has_comment(d, "Assigned by round robin."));
    // The rotation did not move.
    CHECK(f.next_assignee() == f.coordinators[0].id);

    const auto t = f.raise(f.owner);
    const auto history_before = f.desk.tickets().history(f.admin.id, t.id).size();
    const auto events_before = f.desk.outbox().pending(1000).size();
    for (const account_id bad : {f.owner.id, account_id{99999}}) {
        approve_request r;
        r.assigned_to = bad;
        const auto e = expect_error(errc::invalid_argument, [&] { (void)f.desk.tickets().approve(f.admin.id, t.id, r); });
        CHECK(e.fields().count("assigned_to") == 1);
    }
    const auto after = f.desk.tickets().get(f.admin.id, t.id).item;
    CHECK(after.status == ticket_status::new_);
    CHECK(f.desk.tickets().history(f.admin.id, t.id).size() == history_before);
    CHECK(f.desk.outbox().pending(1000).size() == events_before);
}

TEST_CASE("assignment: availability defaults by role, and who may change what") {
    assignment_desk f;
    const auto coordinator = f.desk.assignment().my_availability(f.coordinators[0].id);
    CHECK(coordinator.available);
    CHECK_FALSE(coordinator.chosen);
    CHECK_FALSE(f.desk.assignment().my_availability(f.admin.id).available);

    expect_error(errc::permission_denied, [&] { (void)f.desk.assignment().my_availability(f.owner.id); });
    expect_error(errc::permission_denied, [&] { (void)f.desk.assignment().set_my_availability(f.owner.id, true); });
    expect_error(errc::permission_denied,
                 [&] { (void)f.desk.assignment().set_mode(f.coordinators[0].id, it_department, "round_robin"); });
    expect_error(errc::permission_denied, [&] { (void)f.desk.assignment().departments(f.coordinators[0].id); });
    expect_error(errc::not_found, [&] { (void)f.desk.assignment().set_mode(f.admin.id, "Moon Base", "round_robin"); });
    const auto e = expect_error(errc::invalid_argument,
                                [&] { (void)f.desk.assignment().set_mode(f.admin.id, it_department, "random"); });
    CHECK(e.fields().count("mode") == 1);
    // Nothing was stored by the refusals.
    CHECK(f.desk.assignment().departments(f.admin.id).at(0).mode == assignment_mode::none);
    CHECK(f.desk.assignment().set_mode(f.admin.id, it_department, "least_open").mode == assignment_mode::least_open);
}
