#pragma once

// What the databases of tests/data/upgrade hold (see its README), checked
// through a store after it opened, and so upgraded, one of them.

#include <helpdesk/ports/store.hpp>

#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

namespace contract {

/// Checks a sample of every kind of row of the upgrade dumps, read through `s`,
/// then that new rows still get fresh ids and numbers.
inline void check_upgrade_sample(helpdesk::store& s) {
    using helpdesk::ticket_status;
    constexpr ticket_status statuses[] = {ticket_status::new_,        ticket_status::open,
                                          ticket_status::in_progress, ticket_status::on_hold,
                                          ticket_status::pending,     ticket_status::resolved,
                                          ticket_status::closed,      ticket_status::rejected,
                                          ticket_status::withdrawn,   ticket_status::in_progress};
    in_read(s, [&](helpdesk::transaction& tx) {
        for (int i = 0; i < 10; ++i) {
            char number[16];
            std::snprintf(number, sizeof number, "TX%04d", i + 1);
            const auto t = tx.tickets().find_by_number(number);
            REQUIRE_MESSAGE(t, number);
            CHECK(t->status == statuses[i]);
            CHECK(t->sla == helpdesk::sla_measure{}); // not measured: policy version 0, no instants
            CHECK(t->sla_notified == 0);
        }
        const auto battery = tx.tickets().find_by_number("TX0003");
        CHECK(battery->subject == "Laptop battery swollen");
        CHECK(battery->ticket_priority == helpdesk::priority::critical);
        CHECK(battery->finalized);
        const auto comments = tx.tickets().comments(battery->id, true);
        REQUIRE(comments.size() == 2);
        CHECK(comments[0].text == "Ordered a new battery.");
        CHECK_FALSE(comments[0].is_internal);
        CHECK(comments[1].text == "Vendor ticket #8841, internal only.");
        CHECK(comments[1].is_internal);
        CHECK(tx.tickets().comments(battery->id, false).size() == 1);
        CHECK_FALSE(tx.tickets().history(battery->id, true).empty());

        const auto printer = tx.tickets().find_by_number("TX0001");
        CHECK(printer->description == "See the attached report.");
        const auto files = tx.tickets().attachments(printer->id);
        REQUIRE(files.size() == 1);
        CHECK(files[0].file_name == "report.pdf");
        CHECK(files[0].content_type == "application/pdf");
        CHECK(tx.tickets().find_by_number("TX0008")->rejection_reason == "Out of scope");

        // The full-text index came along: a search finds the ticket.
        helpdesk::ticket_page_request search;
        search.filter.search = "printe";
        const auto found = tx.tickets().list(search);
        REQUIRE(found.rows.size() == 1);
        CHECK(found.rows[0].ticket_number == "TX0001");
        CHECK(found.count == 1);
        CHECK(tx.tickets().stats(std::nullopt, at()).total == 10);

        const auto erin = tx.accounts().find_by_email("erin.employee@example.com");
        // Accounts from before account administration are all active.
        CHECK((erin && erin->is_active));
        REQUIRE(erin);
        CHECK(erin->suffix == "Jr.");
        CHECK(erin->image_key);
        CHECK(erin->account_role == helpdesk::role::employee);
        const auto cora = tx.accounts().find_by_email("cora.coordinator@example.com");
        REQUIRE(cora);
        CHECK(cora->middle_name == "Mae");
        CHECK(cora->account_role == helpdesk::role::ticket_coordinator);
        CHECK(tx.accounts().find_by_email("pat.pending@example.com")->status ==
              helpdesk::account_status::pending);
        CHECK(tx.accounts().find_by_email("ada.admin@example.com")->account_role ==
              helpdesk::role::system_admin);
        CHECK_FALSE(tx.accounts().find_by_email("rex.rejected@example.com"));
        const auto rejections = tx.accounts().list_rejections({.offset = 0, .limit = 10});
        REQUIRE(rejections.rows.size() == 1);
        CHECK(rejections.rows[0].email == "rex.rejected@example.com");
        CHECK(rejections.rows[0].reason == "Not an employee of the company");

        CHECK(tx.outbox().count(helpdesk::outbox_state::pending) == 36);
        CHECK(tx.outbox().count(helpdesk::outbox_state::delivered) == 11);
        CHECK(tx.outbox().count(helpdesk::outbox_state::dead) == 1);
        const auto dead = tx.outbox().list(helpdesk::outbox_state::dead, {.offset = 0, .limit = 10});
        REQUIRE(dead.rows.size() == 1);
        CHECK(dead.rows[0].kind == "account.rejected");
        CHECK(dead.rows[0].last_error == "550 mailbox unavailable");

        CHECK_FALSE(tx.sla_policies().current());

        const auto keys = tx.api_keys().list({.limit = 100}).rows;
        REQUIRE(keys.size() == 2);
        CHECK(keys[0].name == "workflow system");
        CHECK(keys[0].last_used_at);
        CHECK(keys[1].revoked_at);
    });
    // Identities and sequences continue after the old rows.
    CHECK(add_account(s, make_account(100)).id > 6);
    CHECK(add_ticket(s, 1, at()).ticket_number == "TX0011");
}

} // namespace contract
