// Regression tests of the core (docs/product.md#safeguards), driven through the services: what owners, employees and staff may not do.

#include "regression_test_support.hpp"

TEST_CASE("an owner cannot set their ticket's status, priority, department or assignee, nor delete it") {
    fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto coord = f.staff("coord@example.com");
    auto& tickets = f.desk.tickets();

    SUBCASE("create refuses status, priority, department and assigned_to, writing nothing") {
        const auto created_before = events_of(f, event_kind::ticket_created);
        const auto refuse = [&](create_ticket_request r, std::initializer_list<const char*> fields) {
            const auto e = expect_error(errc::invalid_argument, [&] { (void)tickets.create(owner.id, r); });
            for (const auto* field : fields) {
                INFO(field);
                CHECK(has_field(e, field));
            }
        };
        auto r = fixture::ticket_request();
        r.status = "Resolved";
        refuse(r, {"status"});
        r = fixture::ticket_request();
        r.priority = "Critical";
        refuse(r, {"priority"});
        r = fixture::ticket_request();
        r.department = "Budget Department";
        refuse(r, {"department"});
        r = fixture::ticket_request();
        r.assigned_to = std::to_string(coord.id);
        refuse(r, {"assigned_to"});
        r = fixture::ticket_request();
        r.status = "Open";
        r.priority = "High";
        r.department = "IT Department";
        r.assigned_to = std::to_string(owner.id);
        refuse(r, {"status", "priority", "department", "assigned_to"});

        CHECK(tickets.list(owner.id, {}).count == std::optional<std::int64_t>{0});
        CHECK(tickets.list(coord.id, {}).count == std::optional<std::int64_t>{0});
        CHECK(events_of(f, event_kind::ticket_created) == created_before);
    }

    SUBCASE("the owner cannot approve (set priority and department), update-status, claim, assign or finalize") {
        const auto check_unchanged = [&](const ticket& before) {
            const auto now = tickets.get(coord.id, before.id).item;
            CHECK(now.status == before.status);
            CHECK(now.version == before.version);
            CHECK(now.ticket_priority == before.ticket_priority);
            CHECK(now.department == before.department);
            CHECK(now.assigned_to == before.assigned_to);
        };
        // New: approval would set priority and department.
        const auto fresh = f.raise(owner);
        approve_request critical;
        critical.priority = "Critical";
        critical.department = "Budget Department";
        expect_error(errc::permission_denied, [&] { (void)tickets.approve(owner.id, fresh.id, critical); });
        expect_error(errc::permission_denied, [&] { (void)tickets.reject(owner.id, fresh.id, "never mind"); });
        expect_error(errc::permission_denied, [&] { (void)tickets.update_status(owner.id, fresh.id, "Open"); });
        check_unchanged(fresh);

        // Open: the owner may not move it, claim it or assign it.
        const auto open = tickets.approve(coord.id, f.raise(owner).id, approve_request{}).item;
        for (const auto* target : {"In Progress", "On Hold", "Pending", "Resolved", "Closed"}) {
            INFO(target);
            expect_error(errc::permission_denied, [&] { (void)tickets.update_status(owner.id, open.id, target); });
        }
        expect_error(errc::permission_denied, [&] { (void)tickets.claim(owner.id, open.id); });
        expect_error(errc::permission_denied, [&] { (void)tickets.assign(owner.id, open.id, coord.id); });
        expect_error(errc::permission_denied, [&] { (void)tickets.assign(owner.id, open.id, owner.id); });
        expect_error(errc::permission_denied, [&] { (void)tickets.finalize(owner.id, open.id); });
        check_unchanged(open);

        // In Progress: not to Resolved either.
        const auto working = tickets.claim(coord.id, open.id).item;
        expect_error(errc::permission_denied, [&] { (void)tickets.update_status(owner.id, working.id, "Resolved"); });
        expect_error(errc::permission_denied, [&] { (void)tickets.assign(owner.id, working.id, coord.id); });
        check_unchanged(working);
        // The owner's own moves are withdraw/close/reopen (and answering on Pending), nothing else.
        for (const auto& e : tickets.history(coord.id, working.id)) {
            if (e.kind == helpdesk::history_kind::status_changed || e.kind == helpdesk::history_kind::priority_changed || e.kind == helpdesk::history_kind::department_changed ||
                e.kind == helpdesk::history_kind::assigned) {
                CHECK(e.actor == std::optional<account_id>{coord.id});
            }
        }
    }

    SUBCASE("there is no delete: not in the API, not among the actions; withdrawing keeps the ticket") {
        static_assert(!has_delete_member<ticket_service>, "tickets must not be deletable");
        for (const auto act : all_actions) {
            const std::string n{to_string(act)};
            CHECK(n.find("delete") == std::string::npos);
            CHECK(n.find("remove") == std::string::npos);
            CHECK(n.find("destroy") == std::string::npos);
        }
        const auto t = f.raise(owner);
        const auto w = tickets.withdraw(owner.id, t.id, "Raised by mistake").item;
        CHECK(w.status == S::withdrawn);
        const auto still = tickets.get(owner.id, t.id);
        CHECK(still.item.ticket_number == t.ticket_number);
        CHECK(tickets.history(owner.id, t.id).size() >= 2);
        CHECK(tickets.get_by_number(coord.id, t.ticket_number).item.id == t.id);
    }
}

TEST_CASE("employees cannot claim tickets or create accounts, and admin-created accounts have no password") {
    fixture f;
    const auto alice = f.employee("alice@example.com");
    const auto bob = f.employee("bob@example.com");
    const auto coord = f.staff("coord@example.com");
    auto& tickets = f.desk.tickets();

    SUBCASE("an employee cannot claim: own ticket permission_denied, another's not_found; staff can") {
        const auto own = tickets.approve(coord.id, f.raise(alice).id, approve_request{}).item;
        const auto other = tickets.approve(coord.id, f.raise(bob).id, approve_request{}).item;
        expect_error(errc::permission_denied, [&] { (void)tickets.claim(alice.id, own.id); });
        expect_error(errc::not_found, [&] { (void)tickets.claim(alice.id, other.id); });
        CHECK(tickets.get(coord.id, own.id).item.status == S::open);
        CHECK_FALSE(tickets.get(coord.id, own.id).item.assigned_to.has_value());
        CHECK(tickets.get(coord.id, other.id).item.status == S::open);
        // Employees are not valid assignees either.
        expect_error(errc::invalid_argument, [&] { (void)tickets.assign(coord.id, other.id, alice.id); });
        const auto claimed = tickets.claim(coord.id, other.id).item;
        CHECK(claimed.status == S::in_progress);
        CHECK(claimed.assigned_to == std::optional<account_id>{coord.id});
    }

    SUBCASE("employees and coordinators cannot create accounts; nothing is written") {
        const auto before = account_count(f);
        const auto events_before = events_of(f, event_kind::account_created);
        admin_create_request r;
        r.email = "new.hire@example.com";
        r.first_name = "Nora";
        r.last_name = "Hire";
        r.department = "IT Department";
        expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().admin_create(alice.id, r); });
        expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().admin_create(coord.id, r); });
        r.role = "System Admin";
        expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().admin_create(alice.id, r); });
        CHECK(account_count(f) == before);
        CHECK(events_of(f, event_kind::account_created) == events_before);
    }

    SUBCASE("an admin-created account has no usable password, only a set-password token") {
        admin_create_request r;
        r.email = "new.hire@example.com";
        r.first_name = "Nora";
        r.last_name = "Hire";
        r.department = "IT Department";
        const auto created = f.desk.accounts().admin_create(f.admin.id, r);
        CHECK(created.created.status == account_status::approved);
        CHECK(created.created.account_role == role::employee);
        CHECK(created.created.company_id.rfind("MA", 0) == 0);
        CHECK_FALSE(created.set_password_token.empty());
        CHECK(events_of(f, event_kind::account_created) == 1);

        for (const auto* guess : {"1234", "", "password", test_password}) {
            INFO("password '" << guess << "'");
            expect_error(errc::unauthenticated, [&] {
                (void)f.desk.accounts().authenticate(login_kind::employee, r.email, guess);
            });
        }
        CHECK_FALSE(f.desk.accounts().check_password(created.created.id, "1234"));
        CHECK_FALSE(f.desk.accounts().check_password(created.created.id, ""));

        // The token sets the password once.
        const std::string chosen = "N3w-Hire!pass";
        f.desk.accounts().reset_password(created.set_password_token, chosen, chosen);
        const auto signed_in = f.desk.accounts().authenticate(login_kind::employee, r.email, chosen);
        CHECK(signed_in.id == created.created.id);
        expect_error(errc::invalid_argument,
                     [&] { f.desk.accounts().reset_password(created.set_password_token, "An0ther!pass", "An0ther!pass"); });
        CHECK(f.desk.accounts().authenticate(login_kind::employee, r.email, chosen).id == created.created.id);
    }
}

TEST_CASE("only a System Admin reads the rejection audit and its count") {
    fixture f;
    const auto employee = f.employee("erin@example.com");
    const auto coord = f.staff("coord@example.com");
    const auto pending = f.desk.accounts().sign_up(fixture::person("pat@example.com"));
    (void)f.desk.accounts().reject(f.admin.id, pending.id, "Not an employee of ours");

    for (const auto* who : {&employee, &coord}) {
        INFO(who->email);
        expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejections(who->id); });
        expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejection_count(who->id); });
    }
    // A pending account is no better off.
    const auto waiting = f.desk.accounts().sign_up(fixture::person("wendy@example.com"));
    expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejections(waiting.id); });
    expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejection_count(waiting.id); });

    CHECK(f.desk.accounts().rejection_count(f.admin.id) == 1);
    const auto audit = f.desk.accounts().rejections(f.admin.id);
    REQUIRE(audit.results.size() == 1);
    CHECK(audit.results[0].email == "pat@example.com");
}
