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
