// The transactional outbox.
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

using namespace contract;
using helpdesk::outbox_event;
using helpdesk::outbox_state;

TEST_CASE_TEMPLATE_DEFINE("outbox: insert, due, find, update, count", Factory, outbox_id) {
    Factory factory;
    auto store = factory.open();

    std::vector<outbox_event> events;
    in_write(*store, [&](helpdesk::transaction& tx) {
        for (int i = 0; i < 5; ++i) {
            outbox_event e{.kind = std::string{helpdesk::event_kind::ticket_created},
                           .account = i == 0 ? std::nullopt : std::optional<helpdesk::account_id>{i},
                           .ticket = i == 1 ? std::nullopt : std::optional<helpdesk::ticket_id>{100 + i},
                           .payload = R"({"n":)" + std::to_string(i) + "}",
                           .created_at = at(std::chrono::minutes{i}),
                           // Event 2 is not due until later.
                           .next_attempt_at = at(std::chrono::minutes{i == 2 ? 60 : i})};
            tx.outbox().insert(e);
            CHECK(e.id > 0);
            events.push_back(e);
        }
    });

    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.outbox().count(outbox_state::pending) == 5);
        CHECK(tx.outbox().count(outbox_state::delivered) == 0);
        CHECK(tx.outbox().count(outbox_state::dead) == 0);

        auto due = tx.outbox().due(at(10min), 10);
        REQUIRE(due.size() == 4);
        CHECK(due[0].id == events[0].id);
        CHECK(due[1].id == events[1].id);
        CHECK(due[2].id == events[3].id);
        CHECK(due[3].id == events[4].id);
        CHECK(tx.outbox().due(at(10min), 2).size() == 2);
        CHECK(tx.outbox().due(at(1min), 10).size() == 2); // next_attempt_at <= now
        CHECK(tx.outbox().due(at(-1min), 10).empty());

        auto e = tx.outbox().find(events[1].id);
        REQUIRE(e);
        CHECK(e->kind == "ticket.created");
        CHECK(e->account == 1);
        CHECK_FALSE(e->ticket);
        CHECK(e->payload == R"({"n":1})");
        CHECK(e->created_at == at(1min));
        CHECK(e->state == outbox_state::pending);
        CHECK(e->attempts == 0);
        CHECK_FALSE(e->last_error);
        CHECK(e->next_attempt_at == at(1min));
        CHECK_FALSE(tx.outbox().find(events[4].id + 100));
    });

    in_write(*store, [&](helpdesk::transaction& tx) {
        auto delivered = events[0];
        delivered.state = outbox_state::delivered;
        delivered.attempts = 1;
        tx.outbox().update(delivered);
        auto retry = events[1];
        retry.attempts = 1;
        retry.last_error = "smtp: 451";
        retry.next_attempt_at = at(30min);
        tx.outbox().update(retry);
        auto dead = events[3];
        dead.state = outbox_state::dead;
        dead.attempts = 8;
        dead.last_error = "gave up";
        tx.outbox().update(dead);
    });

    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.outbox().count(outbox_state::pending) == 3);
        CHECK(tx.outbox().count(outbox_state::delivered) == 1);
        CHECK(tx.outbox().count(outbox_state::dead) == 1);
        auto due = tx.outbox().due(at(10min), 10);
        REQUIRE(due.size() == 1);
        CHECK(due[0].id == events[4].id);
        auto later = tx.outbox().due(at(2h), 10);
        REQUIRE(later.size() == 3);
        CHECK(later[0].id == events[1].id);
        CHECK(later[0].attempts == 1);
        CHECK(later[0].last_error == "smtp: 451");
        CHECK(tx.outbox().find(events[3].id)->state == outbox_state::dead);
    });

    SUBCASE("updating an unknown event is not_found") {
        auto ghost = events[0];
        ghost.id += 1000;
        auto tx = store->begin(helpdesk::tx_mode::write);
        CHECK(error_code_of([&] { tx->outbox().update(ghost); }) == helpdesk::errc::not_found);
    }
}

TEST_CASE_TEMPLATE_APPLY(outbox_id, all_store_factories);

TEST_CASE_TEMPLATE_DEFINE("outbox: lease, secret and delivered channels round-trip - update_if_leased compares the lease",
                          Factory, outbox_lease_id) {
    Factory factory;
    auto store = factory.open();

    auto plain = in_write(*store, [&](helpdesk::transaction& tx) {
        outbox_event e{.kind = std::string{helpdesk::event_kind::password_reset_requested},
                       .account = 7,
                       .payload = R"({"email":"erin@example.com"})",
                       .created_at = at(),
                       .next_attempt_at = at(),
                       .secret = "t\xC3\xB6ken-\xE2\x82\xAC"}; // UTF-8 kept as is
        tx.outbox().insert(e);
        return e;
    });
    auto partial = in_write(*store, [&](helpdesk::transaction& tx) {
        outbox_event e{.kind = std::string{helpdesk::event_kind::ticket_created},
                       .ticket = 3,
                       .payload = "{}",
                       .created_at = at(1min),
                       .next_attempt_at = at(1min),
                       .lease = "abc123",
                       .delivered_to = {"email", "webhook"}};
        tx.outbox().insert(e);
        return e;
    });

    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto a = tx.outbox().find(plain.id);
        REQUIRE(a);
        CHECK(a->lease.empty());
        CHECK(a->secret == std::optional<std::string>{"t\xC3\xB6ken-\xE2\x82\xAC"});
        CHECK(a->delivered_to.empty());
        const auto b = tx.outbox().find(partial.id);
        REQUIRE(b);
        CHECK(b->lease == "abc123");
        CHECK_FALSE(b->secret);
        CHECK(b->delivered_to == std::vector<std::string>{"email", "webhook"});
        const auto due = tx.outbox().due(at(1h), 10);
        REQUIRE(due.size() == 2);
        CHECK(due[0].secret == a->secret);
        CHECK(due[1].lease == "abc123");
        CHECK(due[1].delivered_to == b->delivered_to);
    });

    // update writes the new columns, including clearing them.
    in_write(*store, [&](helpdesk::transaction& tx) {
        plain.lease = "L1";
        plain.delivered_to = {"email"};
        tx.outbox().update(plain);
        partial.lease.clear();
        partial.secret = "late";
        partial.delivered_to.clear();
        tx.outbox().update(partial);
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto a = tx.outbox().find(plain.id);
        CHECK(a->lease == "L1");
        CHECK(a->delivered_to == std::vector<std::string>{"email"});
        CHECK(a->secret == plain.secret);
        const auto b = tx.outbox().find(partial.id);
        CHECK(b->lease.empty());
        CHECK(b->secret == std::optional<std::string>{"late"});
        CHECK(b->delivered_to.empty());
    });

    auto settled = plain;
    settled.state = outbox_state::delivered;
    settled.attempts = 1;
    settled.lease.clear();
    settled.secret.reset();
    settled.delivered_to = {"email", "webhook"};
    // Another lease (or none) writes nothing, counts included.
    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK_FALSE(tx.outbox().update_if_leased(settled, "L0"));
        CHECK_FALSE(tx.outbox().update_if_leased(settled, ""));
        auto ghost = settled;
        ghost.id = partial.id + 1000;
        CHECK_FALSE(tx.outbox().update_if_leased(ghost, "L1"));
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto a = tx.outbox().find(plain.id);
        CHECK(a->state == outbox_state::pending);
        CHECK(a->attempts == 0);
        CHECK(a->lease == "L1");
        CHECK(a->secret == plain.secret);
        CHECK(tx.outbox().count(outbox_state::pending) == 2);
        CHECK(tx.outbox().count(outbox_state::delivered) == 0);
    });
    // The held lease writes every field and moves the counts.
    in_write(*store, [&](helpdesk::transaction& tx) { CHECK(tx.outbox().update_if_leased(settled, "L1")); });
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto a = tx.outbox().find(plain.id);
        CHECK(a->state == outbox_state::delivered);
        CHECK(a->attempts == 1);
        CHECK(a->lease.empty());
        CHECK_FALSE(a->secret);
        CHECK(a->delivered_to == std::vector<std::string>{"email", "webhook"});
        CHECK(tx.outbox().count(outbox_state::pending) == 1);
        CHECK(tx.outbox().count(outbox_state::delivered) == 1);
        CHECK(tx.outbox().find(partial.id)->secret == std::optional<std::string>{"late"}); // untouched
    });
    // The lease is spent: the same compare fails now.
    in_write(*store, [&](helpdesk::transaction& tx) { CHECK_FALSE(tx.outbox().update_if_leased(settled, "L1")); });
}

TEST_CASE_TEMPLATE_APPLY(outbox_lease_id, all_store_factories);

TEST_CASE_TEMPLATE_DEFINE("outbox: list returns one state newest first with its total count", Factory, outbox_list_id) {
    Factory factory;
    auto store = factory.open();
    std::vector<outbox_event> events;
    in_write(*store, [&](helpdesk::transaction& tx) {
        for (int i = 0; i < 7; ++i) {
            outbox_event e{.kind = std::string{helpdesk::event_kind::ticket_created},
                           .payload = R"({"n":)" + std::to_string(i) + "}",
                           .created_at = at(std::chrono::minutes{i}),
                           .next_attempt_at = at(std::chrono::minutes{i}),
                           .secret = "s" + std::to_string(i),
                           .delivered_to = {"email"}};
            tx.outbox().insert(e);
            events.push_back(e);
        }
        for (const int i : {1, 4}) {
            auto dead = events[static_cast<std::size_t>(i)];
            dead.state = outbox_state::dead;
            dead.attempts = 8;
            dead.last_error = "gave up";
            tx.outbox().update(dead);
        }
    });
    const auto ids = [](const helpdesk::page<outbox_event>& p) {
        std::vector<helpdesk::row_id> out;
        for (const auto& e : p.rows) {
            out.push_back(e.id);
        }
        return out;
    };
    const auto id = [&](int i) { return events[static_cast<std::size_t>(i)].id; };
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto first = tx.outbox().list(outbox_state::pending, {.offset = 0, .limit = 3});
        CHECK(first.count == 5);
        CHECK(ids(first) == std::vector<helpdesk::row_id>{id(6), id(5), id(3)});
        REQUIRE(first.rows.size() == 3);
        // Rows are whole events (the service, not the store, hides secrets).
        CHECK(first.rows[0].payload == R"({"n":6})");
        CHECK(first.rows[0].secret == std::optional<std::string>{"s6"});
        CHECK(first.rows[0].delivered_to == std::vector<std::string>{"email"});
        const auto rest = tx.outbox().list(outbox_state::pending, {.offset = 3, .limit = 3});
        CHECK(rest.count == 5);
        CHECK(ids(rest) == std::vector<helpdesk::row_id>{id(2), id(0)});
        const auto beyond = tx.outbox().list(outbox_state::pending, {.offset = 10, .limit = 3});
        CHECK(beyond.count == 5);
        CHECK(beyond.rows.empty());
        const auto dead = tx.outbox().list(outbox_state::dead, {.offset = 0, .limit = 10});
        CHECK(dead.count == 2);
        CHECK(ids(dead) == std::vector<helpdesk::row_id>{id(4), id(1)});
        CHECK(dead.rows[0].last_error == std::optional<std::string>{"gave up"});
        const auto delivered = tx.outbox().list(outbox_state::delivered, {.offset = 0, .limit = 10});
        CHECK(delivered.count == 0);
        CHECK(delivered.rows.empty());
    });
}

TEST_CASE_TEMPLATE_APPLY(outbox_list_id, all_store_factories);
