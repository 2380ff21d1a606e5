// Account service: approving and rejecting sign-ups, and the login checks.

#include "account_test_support.hpp"

TEST_SUITE("account_service") {

TEST_CASE("approve: System Admin only, pending accounts only") {
    fixture f;
    const auto coordinator = f.staff("coord@example.com");
    const auto pending = f.desk.accounts().sign_up(fixture::person("pending@example.com"));
    const auto events_before = f.desk.outbox().count(outbox_state::pending);

    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().approve(coordinator.id, pending.id); });
    const auto employee = f.employee("emp@example.com");
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().approve(employee.id, pending.id); });
    CHECK(f.desk.accounts().get(f.admin.id, pending.id).status == account_status::pending);
    CHECK(f.desk.outbox().count(outbox_state::pending) == events_before + 2); // emp's registered + approved

    const auto approved = f.desk.accounts().approve(f.admin.id, pending.id);
    CHECK(approved.status == account_status::approved);
    CHECK(f.desk.accounts().get(f.admin.id, pending.id).status == account_status::approved);
    const auto approvals = events_of_kind(f, event_kind::account_approved);
    REQUIRE_FALSE(approvals.empty());
    CHECK(approvals.back().account == pending.id);

    const auto before = counts_of(f);
    (void)expect_error(errc::invalid_state, [&] { (void)f.desk.accounts().approve(f.admin.id, pending.id); });
    (void)expect_error(errc::not_found, [&] { (void)f.desk.accounts().approve(f.admin.id, 999999); });
    check_unchanged(f, before);
}

TEST_CASE("reject: reason required, pending only, audit row written and account removed") {
    fixture f;
    auto r = fixture::person("reject.me@example.com", "Rita", "Reject");
    r.middle_name = "Q";
    r.suffix = "Sr.";
    r.department = "Budget Department";
    const auto pending = f.desk.accounts().sign_up(r);

    for (const std::string blank : {"", "   "}) {
        expect_refused(f, errc::invalid_argument, "reason",
                       [&] { (void)f.desk.accounts().reject(f.admin.id, pending.id, blank); });
    }
    const auto coordinator = f.staff("coord@example.com");
    {
        const auto before = counts_of(f);
        (void)expect_error(errc::permission_denied,
                           [&] { (void)f.desk.accounts().reject(coordinator.id, pending.id, "no"); });
        check_unchanged(f, before);
    }
    {
        const auto approved = f.employee("approved@example.com");
        const auto before = counts_of(f);
        (void)expect_error(errc::invalid_state,
                           [&] { (void)f.desk.accounts().reject(f.admin.id, approved.id, "too late"); });
        check_unchanged(f, before);
    }

    f.time->advance(5min);
    const auto before = counts_of(f);
    const auto audit = f.desk.accounts().reject(f.admin.id, pending.id, "Not an employee of ours");
    CHECK(audit.id > 0);
    CHECK(audit.company_id == pending.company_id);
    CHECK(audit.first_name == "Rita");
    CHECK(audit.middle_name == std::optional<std::string>{"Q"});
    CHECK(audit.last_name == "Reject");
    CHECK(audit.suffix == std::optional<std::string>{"Sr."});
    CHECK(audit.email == "reject.me@example.com");
    CHECK(audit.department == "Budget Department");
    CHECK(audit.reason == "Not an employee of ours");
    CHECK(audit.rejected_by == f.admin.id);
    CHECK(audit.rejected_at == f.time->now());

    const auto after = counts_of(f);
    CHECK(after.accounts == before.accounts - 1);
    CHECK(after.rejections == before.rejections + 1);
    CHECK(f.desk.accounts().rejection_count(f.admin.id) == 1);
    (void)expect_error(errc::not_found, [&] { (void)f.desk.accounts().get(f.admin.id, pending.id); });

    const auto listed = f.desk.accounts().rejections(f.admin.id);
    REQUIRE(listed.results.size() == 1);
    CHECK(listed.count == 1);
    CHECK(listed.results[0].email == audit.email);
    CHECK(listed.results[0].reason == audit.reason);
    CHECK(listed.results[0].rejected_at == audit.rejected_at);

    const auto rejected_events = events_of_kind(f, event_kind::account_rejected);
    REQUIRE(rejected_events.size() == 1);
    CHECK(rejected_events[0].payload.find("Not an employee of ours") != std::string::npos);

    // Only a System Admin reads the audit.
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejections(coordinator.id); });
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejection_count(coordinator.id); });

    // The rejected person can sign up again (the email is free).
    CHECK(f.desk.accounts().sign_up(r).status == account_status::pending);
}

TEST_CASE("authenticate: wrong password and unknown email give the same error") {
    fixture f;
    (void)f.employee("erin@example.com");
    const auto wrong = expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "erin@example.com", "Wr0ng!Pass");
    });
    const auto unknown = expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "nobody@example.com", test_password);
    });
    CHECK(std::string{wrong.what()} == std::string{unknown.what()});
    CHECK(wrong.fields() == unknown.fields());
    (void)expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "erin@example.com", "");
    });
}

TEST_CASE("authenticate: a pending account is told it awaits approval") {
    fixture f;
    (void)f.desk.accounts().sign_up(fixture::person("waiting@example.com"));
    for (const auto kind : {login_kind::employee, login_kind::staff, login_kind::any}) {
        const auto e = expect_error(errc::permission_denied, [&] {
            (void)f.desk.accounts().authenticate(kind, "waiting@example.com", test_password);
        });
        CHECK(std::string{e.what()}.find("pending approval") != std::string::npos);
    }
    // A wrong password on a pending account does not reveal its state.
    (void)expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "waiting@example.com", "Wr0ng!Pass");
    });
}

TEST_CASE("authenticate: the employee login admits employees, the staff login admits staff") {
    employee_and_coordinator world;
    auto& [f, employee, coordinator, accounts] = world;

    CHECK(accounts.authenticate(login_kind::employee, "emp@example.com", test_password).id == employee.id);
    CHECK(accounts.authenticate(login_kind::employee, "EMP@Example.com", test_password).id == employee.id);
    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.authenticate(login_kind::staff, "emp@example.com", test_password); });

    CHECK(accounts.authenticate(login_kind::staff, "coord@example.com", test_password).id == coordinator.id);
    CHECK(accounts.authenticate(login_kind::staff, "admin@example.com", test_password).id == f.admin.id);
    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.authenticate(login_kind::employee, "coord@example.com", test_password); });
    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.authenticate(login_kind::employee, "admin@example.com", test_password); });
}

TEST_CASE("authenticate: the any-role login admits every approved role, with the same refusals") {
    employee_and_coordinator world;
    auto& [f, employee, coordinator, accounts] = world;
    CHECK(accounts.authenticate(login_kind::any, "emp@example.com", test_password).id == employee.id);
    CHECK(accounts.authenticate(login_kind::any, "Coord@Example.com", test_password).id == coordinator.id);
    CHECK(accounts.authenticate(login_kind::any, "admin@example.com", test_password).id == f.admin.id);
    const auto wrong = expect_error(errc::unauthenticated,
                                    [&] { (void)accounts.authenticate(login_kind::any, "emp@example.com", "Wr0ng!Pass"); });
    const auto unknown = expect_error(errc::unauthenticated,
                                      [&] { (void)accounts.authenticate(login_kind::any, "no@example.com", test_password); });
    CHECK(std::string{wrong.what()} == std::string{unknown.what()});
    // An account created by an admin has no usable password until it is set.
    const auto created = accounts.admin_create(f.admin.id, admin_create_request{"new@example.com", "Nia", {}, "New", {},
                                                                                "IT Department", "Employee"});
    (void)expect_error(errc::unauthenticated,
                       [&] { (void)accounts.authenticate(login_kind::any, "new@example.com", ""); });
    (void)created;
}

} // TEST_SUITE
