// Regression tests of the core (docs/product.md#safeguards), driven through the services: atomic sign-up rejection, the
// lifecycle's refused jumps, and ticket numbers.

#include "regression_test_support.hpp"

TEST_CASE("rejecting a sign-up removes the account and writes the audit atomically, nothing else") {
    fixture f;
    const auto alice = f.employee("alice@example.com");
    const auto coord = f.staff("coord@example.com");
    auto& accounts = f.desk.accounts();

    // Other people's tickets in several states, to show rejection does not touch them.
    std::vector<ticket> others{f.raise(alice), drive(f, alice, coord, S::open), drive(f, alice, coord, S::resolved)};
    const auto history_sizes = [&] {
        std::vector<std::size_t> sizes;
        for (const auto& t : others) sizes.push_back(f.desk.tickets().history(coord.id, t.id).size());
        return sizes;
    };
    const auto sizes_before = history_sizes();

    const auto pending = accounts.sign_up(fixture::person("pat@example.com", "Pat", "Pending"));
    const auto neither_written = [&] {
        CHECK(accounts.rejection_count(f.admin.id) == 0);
        CHECK(accounts.get(f.admin.id, pending.id).status == account_status::pending);
        CHECK(events_of(f, event_kind::account_rejected) == 0);
    };

    SUBCASE("refusals write neither the audit row nor remove the account") {
        // Empty or blank reason.
        auto e = expect_error(errc::invalid_argument, [&] { (void)accounts.reject(f.admin.id, pending.id, ""); });
        CHECK(has_field(e, "reason"));
        expect_error(errc::invalid_argument, [&] { (void)accounts.reject(f.admin.id, pending.id, "   "); });
        neither_written();
        // Not an admin.
        expect_error(errc::permission_denied, [&] { (void)accounts.reject(coord.id, pending.id, "No"); });
        expect_error(errc::permission_denied, [&] { (void)accounts.reject(alice.id, pending.id, "No"); });
        neither_written();
        // Not a pending account: an approved employee (with tickets) stays, with their tickets.
        expect_error(errc::invalid_state, [&] { (void)accounts.reject(f.admin.id, alice.id, "Changed our minds"); });
        CHECK(accounts.get(f.admin.id, alice.id).status == account_status::approved);
        CHECK(f.desk.tickets().list(alice.id, {}).count == std::optional<std::int64_t>{3});
        // Unknown account.
        expect_error(errc::not_found, [&] { (void)accounts.reject(f.admin.id, pending.id + 1000, "Who?"); });
        neither_written();
    }

    SUBCASE("a failure midway (after the audit insert) leaves both untouched") {
        // Rebuild the same scene on a store that fails on demand.
        faulty_fixture ff;
        const auto p = ff.desk.accounts().sign_up(fixture::person("pat@example.com", "Pat", "Pending"));
        ff.fail.account_remove = true;
        expect_error(errc::storage_unavailable, [&] { (void)ff.desk.accounts().reject(ff.admin.id, p.id, "Unknown person"); });
        ff.fail.account_remove = false;
        CHECK(ff.desk.accounts().rejection_count(ff.admin.id) == 0);
        CHECK(ff.desk.accounts().get(ff.admin.id, p.id).status == account_status::pending);

        ff.fail.commit = true;
        expect_error(errc::storage_unavailable, [&] { (void)ff.desk.accounts().reject(ff.admin.id, p.id, "Unknown person"); });
        ff.fail.commit = false;
        CHECK(ff.desk.accounts().rejection_count(ff.admin.id) == 0);
        CHECK(ff.desk.accounts().get(ff.admin.id, p.id).status == account_status::pending);
        std::int64_t rejected_events = 0;
        for (const auto& e : ff.desk.outbox().pending(1000)) rejected_events += e.kind == event_kind::account_rejected;
        CHECK(rejected_events == 0);

        // And when nothing fails, both happen.
        const auto audit = ff.desk.accounts().reject(ff.admin.id, p.id, "Unknown person");
        CHECK(audit.email == "pat@example.com");
        CHECK(ff.desk.accounts().rejection_count(ff.admin.id) == 1);
        expect_error(errc::not_found, [&] { (void)ff.desk.accounts().get(ff.admin.id, p.id); });
    }

    SUBCASE("success removes the account and writes one audit row, in the same call") {
        const auto audit = accounts.reject(f.admin.id, pending.id, "Not on the staff list");
        CHECK(audit.email == "pat@example.com");
        CHECK(audit.first_name == "Pat");
        CHECK(audit.last_name == "Pending");
        CHECK(audit.company_id == pending.company_id);
        CHECK(audit.department == pending.department);
        CHECK(audit.reason == "Not on the staff list");
        CHECK(audit.rejected_by == f.admin.id);
        CHECK(audit.rejected_at == f.time->now());

        expect_error(errc::not_found, [&] { (void)accounts.get(f.admin.id, pending.id); });
        expect_error(errc::unauthenticated, [&] {
            (void)accounts.authenticate(login_kind::employee, "pat@example.com", test_password);
        });
        CHECK(accounts.rejection_count(f.admin.id) == 1);
        const auto rows = accounts.rejections(f.admin.id);
        REQUIRE(rows.results.size() == 1);
        CHECK(rows.results[0].email == "pat@example.com");
        CHECK(events_of(f, event_kind::account_rejected) == 1);
        // A second rejection finds no account and writes no second row.
        expect_error(errc::not_found, [&] { (void)accounts.reject(f.admin.id, pending.id, "Again"); });
        CHECK(accounts.rejection_count(f.admin.id) == 1);
        // The email is free again for a fresh sign-up.
        CHECK(accounts.sign_up(fixture::person("pat@example.com")).status == account_status::pending);
    }

    // Whatever happened, other tickets are untouched.
    CHECK(history_sizes() == sizes_before);
    for (const auto& t : others) {
        const auto now = f.desk.tickets().get(coord.id, t.id).item;
        CHECK(now.version == t.version);
        CHECK(now.status == t.status);
        CHECK(now.employee == alice.id);
    }
}

TEST_CASE("update-status cannot jump or leave terminal states, and withdraw from Closed/Rejected is refused") {
    fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto coord = f.staff("coord@example.com");
    auto& tickets = f.desk.tickets();
    const auto via = f.desk.api_keys().create(f.admin.id, "workflow").record;

    SUBCASE("named jumps are refused, and the ticket stays put") {
        const struct {
            S from;
            const char* to;
        } jumps[] = {
            {S::new_, "Resolved"},   {S::new_, "Closed"},         {S::new_, "In Progress"}, {S::new_, "Open"},
            {S::open, "Resolved"},   {S::open, "Closed"},         {S::in_progress, "Closed"},
            {S::closed, "In Progress"}, {S::closed, "Open"},      {S::rejected, "Open"},
            {S::rejected, "New"},    {S::withdrawn, "Open"},      {S::resolved, "Open"},
            {S::resolved, "In Progress"},
        };
        for (const auto& j : jumps) {
            INFO(to_string(j.from) << " -> " << j.to);
            const auto t = drive(f, owner, coord, j.from);
            const auto e = expect_error(errc::invalid_state, [&] { (void)tickets.update_status(coord.id, t.id, j.to); });
            CHECK(std::string{e.what()}.find(std::string{to_string(j.from)}) != std::string::npos);
            // The external workflow system is held to the same table.
            expect_error(errc::invalid_state, [&] { (void)tickets.workflow_update_status(via, t.ticket_number, j.to); });
            const auto now = tickets.get(coord.id, t.id).item;
            CHECK(now.status == j.from);
            CHECK(now.version == t.version);
        }
    }

    SUBCASE("terminal states refuse every transition, by anyone") {
        for (const auto st : {S::closed, S::rejected, S::withdrawn}) {
            const auto t = drive(f, owner, coord, st);
            INFO(to_string(st));
            for (const auto to : all_ticket_statuses) {
                INFO("to " << to_string(to));
                expect_error(errc::invalid_state,
                             [&] { (void)tickets.update_status(coord.id, t.id, to_string(to)); });
                expect_error(errc::invalid_state, [&] { (void)tickets.update_status(f.admin.id, t.id, to_string(to)); });
                expect_error(errc::invalid_state,
                             [&] { (void)tickets.workflow_update_status(via, t.ticket_number, to_string(to)); });
            }
            expect_error(errc::invalid_state, [&] { (void)tickets.approve(coord.id, t.id, approve_request{}); });
            expect_error(errc::invalid_state, [&] { (void)tickets.reject(coord.id, t.id, "late"); });
            expect_error(errc::invalid_state, [&] { (void)tickets.claim(coord.id, t.id); });
            expect_error(errc::invalid_state, [&] { (void)tickets.assign(coord.id, t.id, coord.id); });
            expect_error(errc::invalid_state, [&] { (void)tickets.finalize(coord.id, t.id); });
            expect_error(errc::invalid_state, [&] { (void)tickets.withdraw(owner.id, t.id); });
            expect_error(errc::invalid_state, [&] { (void)tickets.close(owner.id, t.id); });
            expect_error(errc::invalid_state, [&] { (void)tickets.reopen(owner.id, t.id, "please reopen"); });
            expect_error(errc::invalid_state, [&] { (void)tickets.add_comment(owner.id, t.id, "hello?"); });
            expect_error(errc::invalid_state, [&] { (void)tickets.add_comment(coord.id, t.id, "note", true); });
            const auto now = tickets.get(coord.id, t.id).item;
            CHECK(now.status == st);
            CHECK(now.version == t.version);
        }
    }

    SUBCASE("withdraw from Closed and from Rejected is refused with the state named") {
        for (const auto st : {S::closed, S::rejected}) {
            INFO(to_string(st));
            const auto t = drive(f, owner, coord, st);
            const auto e = expect_error(errc::invalid_state, [&] { (void)tickets.withdraw(owner.id, t.id, "undo"); });
            CHECK(std::string{e.what()}.find(std::string{to_string(st)}) != std::string::npos);
            CHECK(tickets.get(owner.id, t.id).item.status == st);
        }
        // Resolved is not withdrawable either (close or reopen it instead).
        const auto resolved = drive(f, owner, coord, S::resolved);
        expect_error(errc::invalid_state, [&] { (void)tickets.withdraw(owner.id, resolved.id); });
    }

    SUBCASE("unknown status names are refused as input, not as a jump") {
        const auto t = drive(f, owner, coord, S::in_progress);
        const auto e = expect_error(errc::invalid_argument, [&] { (void)tickets.update_status(coord.id, t.id, "Done"); });
        CHECK(has_field(e, "status"));
    }
}

TEST_CASE("ticket numbers go past TX9999 and are never reused") {
    SUBCASE("10,001 tickets: TX0001 ... TX9999, TX10000, TX10001, all unique") {
        fixture f;
        const auto owner = f.employee("owner@example.com");
        const auto request = fixture::ticket_request();
        std::set<std::string> numbers;
        std::vector<std::string> in_order;
        in_order.reserve(10001);
        for (int i = 0; i < 10001; ++i) {
            auto n = f.desk.tickets().create(owner.id, request).item.ticket_number;
            numbers.insert(n);
            in_order.push_back(std::move(n));
        }
        CHECK(numbers.size() == 10001);
        CHECK(in_order.front() == "TX0001");
        CHECK(in_order[9998] == "TX9999");
        CHECK(in_order[9999] == "TX10000");
        CHECK(in_order[10000] == "TX10001");
        // Strictly increasing by sequence: no random draw, no loop back.
        for (std::size_t i = 1; i < in_order.size(); ++i) {
            const auto prev = parse_ticket_number(in_order[i - 1]);
            const auto cur = parse_ticket_number(in_order[i]);
            REQUIRE(prev.has_value());
            REQUIRE(cur.has_value());
            if (*cur <= *prev) {
                FAIL_CHECK("not increasing at " << in_order[i]);
                break;
            }
        }
        CHECK(f.desk.tickets().get_by_number(owner.id, "TX10000").item.ticket_number == "TX10000");
        CHECK(f.desk.tickets().get_by_number(owner.id, "TX10001").item.ticket_number == "TX10001");
    }

    SUBCASE("a rolled-back create leaves no ticket and no number collision") {
        faulty_fixture ff;
        const auto owner_signup = ff.desk.accounts().sign_up(fixture::person("owner@example.com"));
        const auto owner = ff.desk.accounts().approve(ff.admin.id, owner_signup.id);
        auto& tickets = ff.desk.tickets();
        const auto first = tickets.create(owner.id, fixture::ticket_request("First")).item;
        CHECK(first.ticket_number == "TX0001");

        // Fails at commit, after the number was drawn and the row written.
        ff.fail.commit = true;
        expect_error(errc::storage_unavailable, [&] { (void)tickets.create(owner.id, fixture::ticket_request("Lost")); });
        ff.fail.commit = false;
        CHECK(tickets.list(owner.id, {}).count == std::optional<std::int64_t>{1});

        const auto second = tickets.create(owner.id, fixture::ticket_request("Second")).item;
        const auto third = tickets.create(owner.id, fixture::ticket_request("Third")).item;
        const std::set<std::string> numbers{first.ticket_number, second.ticket_number, third.ticket_number};
        CHECK(numbers.size() == 3);
        CHECK(*parse_ticket_number(second.ticket_number) > *parse_ticket_number(first.ticket_number));
        CHECK(*parse_ticket_number(third.ticket_number) > *parse_ticket_number(second.ticket_number));
        // Each number leads to its own ticket; the lost one left nothing behind.
        CHECK(tickets.get_by_number(owner.id, first.ticket_number).item.subject == "First");
        CHECK(tickets.get_by_number(owner.id, second.ticket_number).item.subject == "Second");
        CHECK(tickets.get_by_number(owner.id, third.ticket_number).item.subject == "Third");
        CHECK(tickets.list(owner.id, {}).count == std::optional<std::int64_t>{3});
    }

    SUBCASE("format and parse keep at least four digits and accept more") {
        CHECK(format_ticket_number(1) == "TX0001");
        CHECK(format_ticket_number(9999) == "TX9999");
        CHECK(format_ticket_number(10000) == "TX10000");
        CHECK(format_ticket_number(1234567) == "TX1234567");
        CHECK(parse_ticket_number("TX10000") == std::optional<std::int64_t>{10000});
        CHECK(parse_ticket_number("TX0001") == std::optional<std::int64_t>{1});
        CHECK_FALSE(parse_ticket_number("TX001").has_value());
        CHECK_FALSE(parse_ticket_number("TX").has_value());
        CHECK_FALSE(parse_ticket_number("AB0001").has_value());
    }
}
