// Account administration: deactivation and reactivation, and the last active
// System Admin (docs/product.md#account-administration).

#include "account_test_support.hpp"

#include <algorithm>

namespace {

/// The history rows of `kind` of ticket `id` as its owner sees them.
std::vector<history_event> rows_of(fixture& f, account_id viewer, ticket_id id, history_kind kind) {
    auto all = f.desk.tickets().history(viewer, id);
    std::erase_if(all, [&](const history_event& e) { return e.kind != kind; });
    return all;
}

} // namespace

TEST_SUITE("account_service") {

TEST_CASE("deactivate: System Admin only, the account can neither sign in, refresh, nor act") {
    employee_and_coordinator world;
    auto& [f, employee, coordinator, accounts] = world;
    const auto far = f.time->now() + 24h;
    f.desk.sessions().open(employee.id, "session-1", "token-1", far);

    (void)expect_error(errc::permission_denied, [&] { (void)accounts.deactivate(coordinator.id, employee.id); });
    (void)expect_error(errc::permission_denied, [&] { (void)accounts.deactivate(employee.id, coordinator.id); });
    (void)expect_error(errc::not_found, [&] { (void)accounts.deactivate(f.admin.id, 999999); });
    CHECK(accounts.get(f.admin.id, employee.id).is_active);

    const auto off = accounts.deactivate(f.admin.id, employee.id);
    CHECK_FALSE(off.is_active);
    CHECK(off.status == account_status::approved);
    CHECK_FALSE(accounts.get(f.admin.id, employee.id).is_active);

    // Signing in: refused like a pending account, and only after the password matched.
    const auto refusal = expect_error(errc::permission_denied, [&] {
        (void)accounts.authenticate(login_kind::any, "emp@example.com", testing::test_password);
    });
    CHECK(std::string{refusal.what()}.find("deactivated") != std::string::npos);
    (void)expect_error(errc::unauthenticated,
                       [&] { (void)accounts.authenticate(login_kind::any, "emp@example.com", "Wr0ng!Pass"); });
    // Its refresh tokens were revoked in the same transaction, and no new session opens.
    CHECK_FALSE(f.desk.sessions().active("token-1"));
    (void)expect_error(errc::unauthenticated, [&] { (void)f.desk.sessions().rotate("token-1", "token-2", far, 60s); });
    (void)expect_error(errc::unauthenticated, [&] { f.desk.sessions().open(employee.id, "s2", "t2", far); });
    // An access token still in hand acts for nobody: every call reloads the account.
    const auto acting = expect_error(errc::permission_denied, [&] { (void)f.raise(employee); });
    CHECK(std::string{acting.what()}.find("deactivated") != std::string::npos);
    (void)expect_error(errc::permission_denied, [&] { (void)accounts.get(employee.id, employee.id); });
    (void)expect_error(errc::permission_denied, [&] { (void)accounts.image(employee.id, employee.id); });
    // No reset link for it either (answered like an unknown email).
    CHECK_FALSE(accounts.request_password_reset("emp@example.com"));

    // The history and the notice.
    const auto history = accounts.history(f.admin.id, employee.id);
    REQUIRE(history.results.size() == 1);
    CHECK(history.results[0].field == "is_active");
    CHECK(history.results[0].old_value == std::optional<std::string>{"true"});
    CHECK(history.results[0].new_value == std::optional<std::string>{"false"});
    CHECK(history.results[0].actor == std::optional<account_id>{f.admin.id});
    const auto notices = events_of_kind(f, event_kind::account_deactivated);
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].account == std::optional<account_id>{employee.id});
    CHECK(notices[0].payload.find("\"is_active\":false") != std::string::npos);
    // The deactivated account is the one who hears of it; it hears nothing else.
    const auto told = f.desk.outbox().audience(notices[0]);
    REQUIRE(told.size() == 1);
    CHECK(told[0].id == employee.id);

    // Deactivating again changes nothing.
    CHECK_FALSE(accounts.deactivate(f.admin.id, employee.id).is_active);
    CHECK(accounts.history(f.admin.id, employee.id).results.size() == 1);
    CHECK(events_of_kind(f, event_kind::account_deactivated).size() == 1);

    SUBCASE("reactivate: System Admin only; signing in works again") {
        (void)expect_error(errc::permission_denied, [&] { (void)accounts.reactivate(coordinator.id, employee.id); });
        CHECK(accounts.reactivate(f.admin.id, employee.id).is_active);
        CHECK(accounts.authenticate(login_kind::any, "emp@example.com", testing::test_password).id == employee.id);
        CHECK(f.raise(employee).id > 0);
        // The revoked refresh token stays revoked.
        CHECK_FALSE(f.desk.sessions().active("token-1"));
        const auto rows = accounts.history(f.admin.id, employee.id).results;
        REQUIRE(rows.size() == 2);
        CHECK(rows[1].new_value == std::optional<std::string>{"true"});
        const auto back = events_of_kind(f, event_kind::account_reactivated);
        REQUIRE(back.size() == 1);
        CHECK(f.desk.outbox().audience(back[0]).size() == 1);
        CHECK(accounts.reactivate(f.admin.id, employee.id).is_active); // again: nothing changes
        CHECK(accounts.history(f.admin.id, employee.id).results.size() == 2);
    }
}

TEST_CASE("deactivate: open assignments go back to the queue, and the owner's history says so") {
    employee_and_coordinator world;
    auto& [f, employee, coordinator, accounts] = world;
    auto& tickets = f.desk.tickets();
    const auto raise_open = [&](const std::string& subject) {
        const auto t = f.raise(employee, subject);
        return tickets.approve(f.admin.id, t.id, {}).item;
    };
    const auto working = tickets.claim(coordinator.id, raise_open("Working on it").id).item;
    const auto held = tickets.update_status(coordinator.id, tickets.claim(coordinator.id, raise_open("Held").id).item.id,
                                            "On Hold").item;
    const auto waiting = tickets.update_status(coordinator.id, tickets.claim(coordinator.id, raise_open("Waiting").id).item.id,
                                               "Pending").item;
    const auto done = tickets.update_status(coordinator.id, tickets.claim(coordinator.id, raise_open("Done").id).item.id,
                                            "Resolved").item;
    const auto other = tickets.claim(f.admin.id, raise_open("Someone else's").id).item;
    const auto status_events_before = events_of_kind(f, event_kind::ticket_status_changed).size();

    (void)accounts.deactivate(f.admin.id, coordinator.id);

    const auto now_working = tickets.get(employee.id, working.id).item;
    CHECK_FALSE(now_working.assigned_to);
    CHECK(now_working.status == ticket_status::open);
    CHECK(now_working.version == working.version + 1);
    for (const auto& [before, status] : {std::pair{held, ticket_status::on_hold}, std::pair{waiting, ticket_status::pending}}) {
        const auto after = tickets.get(employee.id, before.id).item;
        CHECK_FALSE(after.assigned_to);
        CHECK(after.status == status);
        CHECK(after.version == before.version + 1);
    }
    // A resolved ticket keeps its assignee, and so do other people's tickets.
    CHECK(tickets.get(f.admin.id, done.id).item.assigned_to == std::optional<account_id>{coordinator.id});
    CHECK(tickets.get(f.admin.id, done.id).item.version == done.version);
    CHECK(tickets.get(f.admin.id, other.id).item.assigned_to == std::optional<account_id>{f.admin.id});

    // What the owner sees: an `unassigned` row naming the former assignee,
    // the move back to Open, and a public note giving the reason.
    const auto unassigned = rows_of(f, employee.id, working.id, history_kind::unassigned);
    REQUIRE(unassigned.size() == 1);
    CHECK(unassigned[0].old_value == std::optional<std::string>{std::to_string(coordinator.id)});
    CHECK_FALSE(unassigned[0].new_value);
    CHECK_FALSE(unassigned[0].is_internal);
    const auto moves = rows_of(f, employee.id, working.id, history_kind::status_changed);
    REQUIRE_FALSE(moves.empty());
    CHECK(moves.back().old_value == std::optional<std::string>{"In Progress"});
    CHECK(moves.back().new_value == std::optional<std::string>{"Open"});
    const auto thread = tickets.comments(employee.id, working.id);
    REQUIRE_FALSE(thread.empty());
    CHECK(thread.back().text ==
          "Returned to the queue: the assignee's account was deactivated. Status changed from In Progress to Open.");
    CHECK(rows_of(f, employee.id, held.id, history_kind::unassigned).size() == 1);
    CHECK(tickets.comments(employee.id, held.id).back().text ==
          "Returned to the queue: the assignee's account was deactivated.");
    // The owner hears of the status change; the ticket is back in the Open queue.
    CHECK(events_of_kind(f, event_kind::ticket_status_changed).size() == status_events_before + 1);
    const auto queue = tickets.open_queue(f.admin.id);
    CHECK(std::any_of(queue.results.begin(), queue.results.end(), [&](const ticket& t) { return t.id == working.id; }));
    // A deactivated coordinator cannot be given tickets.
    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)tickets.assign(f.admin.id, working.id, coordinator.id);
          }).fields().count("assigned_to") == 1);
}

TEST_CASE("the last active System Admin is never demoted or deactivated") {
    fixture f;
    auto& accounts = f.desk.accounts();
    const auto before = counts_of(f);
    (void)expect_error(errc::conflict, [&] { (void)accounts.deactivate(f.admin.id, f.admin.id); });
    const auto refusal = expect_error(errc::conflict, [&] { (void)accounts.change_role(f.admin.id, f.admin.id, "Employee"); });
    CHECK(std::string{refusal.what()}.find("last active System Admin") != std::string::npos);
    check_unchanged(f, before);
    CHECK(accounts.history(f.admin.id, f.admin.id).results.empty());

    // With a second admin, either may step down or be deactivated, but not both.
    const auto second = f.staff("second@example.com", "System Admin");
    CHECK_FALSE(accounts.deactivate(second.id, f.admin.id).is_active);
    (void)expect_error(errc::conflict, [&] { (void)accounts.deactivate(second.id, second.id); });
    (void)expect_error(errc::conflict, [&] { (void)accounts.change_role(second.id, second.id, "Ticket Coordinator"); });
    // A deactivated admin does not count, and acts no more.
    (void)expect_error(errc::permission_denied, [&] { (void)accounts.reactivate(f.admin.id, f.admin.id); });
    CHECK(accounts.reactivate(second.id, f.admin.id).is_active);
    CHECK(accounts.change_role(f.admin.id, f.admin.id, "Ticket Coordinator").account_role == role::ticket_coordinator);
    (void)expect_error(errc::conflict, [&] { (void)accounts.change_role(second.id, second.id, "Employee"); });
}

TEST_CASE("change_role: history, notice, and a demotion to Employee releases the assignments") {
    employee_and_coordinator world;
    auto& [f, employee, coordinator, accounts] = world;
    const auto t = f.desk.tickets().approve(f.admin.id, f.raise(employee).id, {}).item;
    (void)f.desk.tickets().claim(coordinator.id, t.id);

    CHECK(accounts.change_role(f.admin.id, coordinator.id, "Ticket Coordinator").account_role == role::ticket_coordinator);
    CHECK(accounts.history(f.admin.id, coordinator.id).results.size() == 1); // from the fixture's promotion
    CHECK(accounts.change_role(f.admin.id, coordinator.id, "Employee").account_role == role::employee);

    const auto rows = accounts.history(f.admin.id, coordinator.id).results;
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].field == "role");
    CHECK(rows[1].old_value == std::optional<std::string>{"Ticket Coordinator"});
    CHECK(rows[1].new_value == std::optional<std::string>{"Employee"});
    const auto notices = events_of_kind(f, event_kind::account_role_changed);
    REQUIRE(notices.size() == 2);
    CHECK(notices[1].payload.find("\"old_role\":\"Ticket Coordinator\"") != std::string::npos);
    const auto after = f.desk.tickets().get(employee.id, t.id).item;
    CHECK_FALSE(after.assigned_to);
    CHECK(after.status == ticket_status::open);
    CHECK(f.desk.tickets().comments(employee.id, t.id).back().text.find("no longer staff") != std::string::npos);
}

} // TEST_SUITE
