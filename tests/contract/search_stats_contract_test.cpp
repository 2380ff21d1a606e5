// Full-text search and stats aggregates, kept in step with ticket writes.
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace contract;
using helpdesk::priority;
using helpdesk::ticket;
using helpdesk::ticket_page_request;
using helpdesk::ticket_status;
using helpdesk::tx_mode;

namespace {

[[nodiscard]] std::vector<helpdesk::ticket_id> search(helpdesk::store& s, const std::string& text,
                                                      helpdesk::ticket_filter filter = {}) {
    filter.search = text;
    return in_read(s, [&](helpdesk::transaction& tx) {
        auto page = tx.tickets().list({.filter = filter, .order = {.descending = false}, .limit = 100});
        std::vector<helpdesk::ticket_id> ids;
        for (const auto& t : page.rows) {
            ids.push_back(t.id);
        }
        CHECK(page.count == static_cast<std::int64_t>(ids.size()));
        return ids;
    });
}

[[nodiscard]] ticket add_text_ticket(helpdesk::store& s, helpdesk::account_id owner, std::string subject,
                                     std::string description) {
    return in_write(s, [&](helpdesk::transaction& tx) {
        auto t = make_ticket(owner, tx.tickets().next_ticket_sequence(), at());
        t.subject = std::move(subject);
        t.description = std::move(description);
        tx.tickets().insert(t);
        return t;
    });
}

using ids = std::vector<helpdesk::ticket_id>;

} // namespace

TEST_CASE_TEMPLATE_DEFINE("search: number, subject, description, safe query text", Factory, search_id) {
    Factory factory;
    auto store = factory.open();
    const auto alice = add_account(*store, make_account(1)).id;
    const auto bob = add_account(*store, make_account(2)).id;

    const auto printer = add_text_ticket(*store, alice, "Printer jammed", "The office printer shows error E42");
    const auto vpn = add_text_ticket(*store, bob, "VPN down", "Cannot reach the network from home");
    const auto laptop = add_text_ticket(*store, alice, "New laptop", "Request a laptop for the new hire, printer too");

    CHECK(search(*store, "printer") == ids{printer.id, laptop.id});
    CHECK(search(*store, "PRINTER jammed") == ids{printer.id});       // terms are ANDed, case folded
    CHECK(search(*store, "network") == ids{vpn.id});                   // description
    CHECK(search(*store, vpn.ticket_number) == ids{vpn.id});           // number
    CHECK(search(*store, "lapt") == ids{laptop.id});                   // last term is a prefix
    CHECK(search(*store, "printer", {.employee = bob}).empty());        // combined with other filters
    CHECK(search(*store, "printer", {.employee = alice}) == ids{printer.id, laptop.id});
    CHECK(search(*store, "nothing-like-this").empty());

    // FTS syntax in user text is searched literally, never interpreted (and never throws).
    for (const char* hostile : {"\"printer", "printer OR vpn", "NEAR(printer vpn)", "subject:printer", "^printer",
                                "printer AND", "(", ")", "*", "\"\"", "a\"b", "- + : ^", "printer -vpn"}) {
        CAPTURE(hostile);
        CHECK_NOTHROW((void)search(*store, hostile));
    }
    CHECK(search(*store, "printer OR vpn").empty()); // "or" is a word that none contains

    SUBCASE("updates re-index; rolled-back writes leave no trace") {
        auto renamed = vpn;
        renamed.subject = "Wifi outage";
        renamed.description = "Wireless is down";
        renamed.version += 1;
        in_write(*store, [&](helpdesk::transaction& tx) { CHECK(tx.tickets().update(renamed, vpn.version)); });
        CHECK(search(*store, "vpn").empty());
        CHECK(search(*store, "network").empty());
        CHECK(search(*store, "wifi") == ids{vpn.id});
        CHECK(search(*store, "wireless") == ids{vpn.id});

        {
            auto tx = store->begin(tx_mode::write);
            auto ghost = make_ticket(alice, tx->tickets().next_ticket_sequence(), at());
            ghost.subject = "Phantom";
            tx->tickets().insert(ghost);
            auto again = renamed;
            again.subject = "Spectre";
            again.version += 1;
            CHECK(tx->tickets().update(again, renamed.version));
        }
        CHECK(search(*store, "phantom").empty());
        CHECK(search(*store, "spectre").empty());
        CHECK(search(*store, "wifi") == ids{vpn.id});

        // A status-only update keeps the index as it was.
        auto status_only = renamed;
        status_only.status = ticket_status::open;
        status_only.version += 1;
        in_write(*store, [&](helpdesk::transaction& tx) { CHECK(tx.tickets().update(status_only, renamed.version)); });
        CHECK(search(*store, "wifi") == ids{vpn.id});
        CHECK(search(*store, "wifi", {.statuses = {ticket_status::new_}}).empty());
        CHECK(search(*store, "wifi", {.statuses = {ticket_status::open}}) == ids{vpn.id});
    }
}

TEST_CASE_TEMPLATE_DEFINE("stats: counts and means follow inserts and updates", Factory, stats_id) {
    Factory factory;
    auto store = factory.open();
    const auto alice = add_account(*store, make_account(1)).id;
    const auto bob = add_account(*store, make_account(2)).id;

    in_read(*store, [&](helpdesk::transaction& tx) {
        auto empty = tx.tickets().stats(std::nullopt, at());
        CHECK(empty.total == 0);
        CHECK(empty.by_status.empty());
        CHECK_FALSE(empty.mean_response_seconds);
        CHECK_FALSE(empty.mean_resolution_seconds);
    });

    std::vector<ticket> tickets;
    for (int i = 0; i < 6; ++i) {
        tickets.push_back(add_ticket(*store, i < 4 ? alice : bob, at()));
    }
    auto change = [&](std::size_t index, auto&& edit) {
        auto t = tickets[index];
        edit(t);
        t.version += 1;
        in_write(*store, [&](helpdesk::transaction& tx) { REQUIRE(tx.tickets().update(t, tickets[index].version)); });
        tickets[index] = t;
    };
    change(0, [](ticket& t) {
        t.status = ticket_status::open;
        t.ticket_priority = priority::critical;
        t.department = "Asset Department";
        t.response_seconds = 100;
    });
    change(1, [](ticket& t) {
        t.status = ticket_status::resolved;
        t.ticket_priority = priority::high;
        t.response_seconds = 300;
        t.resolution_seconds = 1000;
    });
    change(4, [](ticket& t) {
        t.status = ticket_status::in_progress;
        t.response_seconds = 50;
    });
    change(1, [](ticket& t) {
        t.status = ticket_status::closed;
        t.resolution_seconds = 2000; // re-resolution replaces the old value
    });

    in_read(*store, [&](helpdesk::transaction& tx) {
        auto all = tx.tickets().stats(std::nullopt, at());
        CHECK(all.total == 6);
        CHECK(all.by_status == std::map<std::string, std::int64_t>{
                                   {"New", 3}, {"Open", 1}, {"Closed", 1}, {"In Progress", 1}});
        CHECK(all.by_priority == std::map<std::string, std::int64_t>{{"Low", 4}, {"High", 1}, {"Critical", 1}});
        CHECK(all.by_department ==
              std::map<std::string, std::int64_t>{{"IT Department", 5}, {"Asset Department", 1}});
        REQUIRE(all.mean_response_seconds);
        CHECK(*all.mean_response_seconds == doctest::Approx(150.0));
        REQUIRE(all.mean_resolution_seconds);
        CHECK(*all.mean_resolution_seconds == doctest::Approx(2000.0));

        auto mine = tx.tickets().stats(alice, at());
        CHECK(mine.total == 4);
        CHECK(mine.by_status == std::map<std::string, std::int64_t>{{"New", 2}, {"Open", 1}, {"Closed", 1}});
        CHECK(*mine.mean_response_seconds == doctest::Approx(200.0));
        CHECK(*mine.mean_resolution_seconds == doctest::Approx(2000.0));

        auto bobs = tx.tickets().stats(bob, at());
        CHECK(bobs.total == 2);
        CHECK(*bobs.mean_response_seconds == doctest::Approx(50.0));
        CHECK_FALSE(bobs.mean_resolution_seconds);

        auto nobody = tx.tickets().stats(bob + 1000, at());
        CHECK(nobody.total == 0);
    });
}

TEST_CASE_TEMPLATE_APPLY(search_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(stats_id, all_store_factories);
