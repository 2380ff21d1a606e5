// Automatic assignment (assignment_repository): department settings stored,
// created on first read for update and kept apart per department; the
// candidates of a department (approved, active, available staff of that
// department by id, with their open tickets); availability as chosen.
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace contract;
using helpdesk::account;
using helpdesk::account_id;
using helpdesk::assignment_candidate;
using helpdesk::assignment_mode;
using helpdesk::department_assignment;
using helpdesk::role;
using helpdesk::ticket_status;

namespace {

constexpr std::string_view it = "IT Department";

/// A store with an employee, two coordinators and an admin, all in IT.
template <class Factory> struct scene {
    Factory factory{};
    std::shared_ptr<helpdesk::store> store = factory.open();
    account owner = add_account(*store, make_account(1));
    account coord_a = add_account(*store, make_account(2, role::ticket_coordinator));
    account coord_b = add_account(*store, make_account(3, role::ticket_coordinator));
    account admin = add_account(*store, make_account(4, role::system_admin));

    [[nodiscard]] std::vector<assignment_candidate> candidates(std::string_view department = it) {
        return in_read(*store, [&](helpdesk::transaction& tx) { return tx.assignments().candidates(department); });
    }
    /// A ticket of `owner` in `status`, assigned to `to`.
    void give(account_id to, ticket_status status) {
        auto t = add_ticket(*store, owner.id, at());
        in_write(*store, [&](helpdesk::transaction& tx) {
            t.assigned_to = to;
            t.status = status;
            REQUIRE(tx.tickets().update(t, t.version));
        });
    }
};

[[nodiscard]] bool operator_eq(const department_assignment& a, const department_assignment& b) {
    return a.department == b.department && a.mode == b.mode && a.last_assignee == b.last_assignee;
}

} // namespace

TEST_CASE_TEMPLATE_DEFINE("assignment: department settings are created on first use and stored per department",
                          Factory, assignment_settings_id) {
    scene<Factory> desk;
    auto& store = *desk.store;
    CHECK(in_read(store, [](helpdesk::transaction& tx) { return tx.assignments().departments(); }).empty());

    const auto fresh = in_write(store, [](helpdesk::transaction& tx) {
        tx.assignments().hold_rotations();
        return tx.assignments().department_for_update(it);
    });
    CHECK(operator_eq(fresh, {std::string{it}, assignment_mode::none, std::nullopt}));

    in_write(store, [&](helpdesk::transaction& tx) {
        tx.assignments().set_mode(it, assignment_mode::round_robin);
        tx.assignments().set_last_assignee(it, desk.coord_b.id);
        // Never read before: the row is made by the write.
        tx.assignments().set_mode("Budget Department", assignment_mode::least_open);
    });
    in_write(store, [&](helpdesk::transaction& tx) {
        // The mode keeps the previous assignee, and the reverse.
        tx.assignments().set_mode(it, assignment_mode::least_open);
        tx.assignments().set_last_assignee("Asset Department", desk.coord_a.id);
    });
    const auto stored = in_read(store, [](helpdesk::transaction& tx) { return tx.assignments().departments(); });
    REQUIRE(stored.size() == 3);
    CHECK(operator_eq(stored[0], {"Asset Department", assignment_mode::none, desk.coord_a.id}));
    CHECK(operator_eq(stored[1], {"Budget Department", assignment_mode::least_open, std::nullopt}));
    CHECK(operator_eq(stored[2], {std::string{it}, assignment_mode::least_open, desk.coord_b.id}));
    const auto again = in_write(store, [](helpdesk::transaction& tx) { return tx.assignments().department_for_update(it); });
    CHECK(operator_eq(again, stored[2]));

    // Rolled back: nothing stays.
    {
        auto tx = store.begin(helpdesk::tx_mode::write);
        tx->assignments().set_mode(it, assignment_mode::none);
    }
    CHECK(in_read(store, [](helpdesk::transaction& tx) { return tx.assignments().departments(); }).at(2).mode ==
          assignment_mode::least_open);
}

TEST_CASE_TEMPLATE_DEFINE("assignment: candidates are the department's approved, active, available staff by id",
                          Factory, assignment_candidates_id) {
    scene<Factory> desk;
    auto& store = *desk.store;
    // Coordinators without a choice are in; the admin is not until it opts in; employees never.
    auto got = desk.candidates();
    REQUIRE(got.size() == 2);
    CHECK(got[0].id == desk.coord_a.id);
    CHECK(got[1].id == desk.coord_b.id);

    in_write(store, [&](helpdesk::transaction& tx) {
        tx.assignments().set_availability(desk.admin.id, true);
        tx.assignments().set_availability(desk.coord_a.id, false);
        tx.assignments().set_availability(desk.owner.id, true);
    });
    got = desk.candidates();
    REQUIRE(got.size() == 2);
    CHECK(got[0].id == desk.coord_b.id);
    CHECK(got[1].id == desk.admin.id);

    // Deactivated, pending, or of another department: out.
    auto gone = desk.coord_b;
    gone.is_active = false;
    auto pending = make_account(5, role::ticket_coordinator, helpdesk::account_status::pending);
    auto elsewhere = make_account(6, role::ticket_coordinator);
    elsewhere.department = "Budget Department";
    in_write(store, [&](helpdesk::transaction& tx) {
        tx.accounts().update(gone);
        tx.accounts().insert(pending);
        tx.accounts().insert(elsewhere);
    });
    got = desk.candidates();
    REQUIRE(got.size() == 1);
    CHECK(got[0].id == desk.admin.id);
    const auto budget = desk.candidates("Budget Department");
    REQUIRE(budget.size() == 1);
    CHECK(budget[0].id == elsewhere.id);
    CHECK(desk.candidates("Asset Department").empty());
}

TEST_CASE_TEMPLATE_DEFINE("assignment: a candidate's open tickets count Open, In Progress, On Hold and Pending",
                          Factory, assignment_open_count_id) {
    scene<Factory> desk;
    for (const auto status : {ticket_status::open, ticket_status::in_progress, ticket_status::on_hold,
                              ticket_status::pending, ticket_status::resolved, ticket_status::closed}) {
        desk.give(desk.coord_a.id, status);
    }
    desk.give(desk.coord_b.id, ticket_status::in_progress);
    (void)add_ticket(*desk.store, desk.owner.id, at()); // New and unassigned
    const auto got = desk.candidates();
    REQUIRE(got.size() == 2);
    CHECK(got[0].open_tickets == 4);
    CHECK(got[1].open_tickets == 1);
}

TEST_CASE_TEMPLATE_DEFINE("assignment: availability is nullopt until chosen, then the last choice", Factory,
                          assignment_availability_id) {
    scene<Factory> desk;
    auto& store = *desk.store;
    const auto read = [&](account_id id) {
        return in_read(store, [&](helpdesk::transaction& tx) { return tx.assignments().availability(id); });
    };
    CHECK_FALSE(read(desk.coord_a.id).has_value());
    in_write(store, [&](helpdesk::transaction& tx) { tx.assignments().set_availability(desk.coord_a.id, false); });
    CHECK(read(desk.coord_a.id) == std::optional<bool>{false});
    in_write(store, [&](helpdesk::transaction& tx) { tx.assignments().set_availability(desk.coord_a.id, true); });
    CHECK(read(desk.coord_a.id) == std::optional<bool>{true});
    CHECK_FALSE(read(desk.coord_b.id).has_value());
}

TEST_CASE_TEMPLATE_APPLY(assignment_settings_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(assignment_candidates_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(assignment_open_count_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(assignment_availability_id, all_store_factories);
