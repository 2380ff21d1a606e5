// Transactions, sequences and concurrency: the store-level contract.
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <helpdesk/error.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <thread>
#include <vector>

using namespace contract;
using helpdesk::errc;
using helpdesk::tx_mode;

TEST_CASE_TEMPLATE_DEFINE("store: commit persists, destruction rolls back", Factory, store_contract_id) {
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));

    SUBCASE("commit persists every write of the transaction") {
        helpdesk::ticket t;
        {
            auto tx = store->begin(tx_mode::write);
            t = make_ticket(owner.id, tx->tickets().next_ticket_sequence(), at());
            tx->tickets().insert(t);
            helpdesk::history_event e{.ticket = t.id, .actor = owner.id, .at = at(), .kind = helpdesk::history_kind::created};
            tx->tickets().insert_history(e);
            tx->commit();
        }
        in_read(*store, [&](helpdesk::transaction& tx) {
            CHECK(tx.tickets().find(t.id).has_value());
            CHECK(tx.tickets().history(t.id, true).size() == 1);
        });
    }

    SUBCASE("a transaction destroyed without commit leaves nothing behind") {
        helpdesk::ticket t;
        helpdesk::account other = make_account(2);
        {
            auto tx = store->begin(tx_mode::write);
            t = make_ticket(owner.id, tx->tickets().next_ticket_sequence(), at());
            tx->tickets().insert(t);
            tx->accounts().insert(other);
            helpdesk::outbox_event e{.kind = "ticket.created", .payload = "{}", .created_at = at(),
                                     .next_attempt_at = at()};
            tx->outbox().insert(e);
        }
        in_read(*store, [&](helpdesk::transaction& tx) {
            CHECK_FALSE(tx.tickets().find(t.id).has_value());
            CHECK_FALSE(tx.tickets().find_by_number(t.ticket_number).has_value());
            CHECK_FALSE(tx.accounts().find_by_email(other.email).has_value());
            CHECK(tx.outbox().count(helpdesk::outbox_state::pending) == 0);
            CHECK(tx.tickets().stats(std::nullopt, at()).total == 0);
            helpdesk::ticket_page_request request;
            request.filter.search = t.subject;
            CHECK(tx.tickets().list(request).rows.empty());
        });
    }

    SUBCASE("commit twice is refused") {
        auto tx = store->begin(tx_mode::write);
        tx->commit();
        CHECK(error_code_of([&] { tx->commit(); }) == errc::internal);
    }

    SUBCASE("repositories refuse use after their transaction ended") {
        auto tx = store->begin(tx_mode::write);
        auto& accounts = tx->accounts();
        tx->commit();
        CHECK(error_code_of([&] { (void)accounts.find(owner.id); }) == errc::internal);
        // The store is free for the next transaction while the old object lives.
        CHECK(add_account(*store, make_account(6)).id > 0);
    }

    SUBCASE("a read transaction cannot write") {
        auto tx = store->begin(tx_mode::read);
        auto a = make_account(3);
        CHECK_THROWS_AS(tx->accounts().insert(a), helpdesk::error);
        tx.reset();
        in_read(*store, [&](helpdesk::transaction& rtx) { CHECK_FALSE(rtx.accounts().find_by_email(a.email)); });
        // The store still writes afterwards.
        CHECK(add_account(*store, make_account(4)).id > 0);
    }

    SUBCASE("a read transaction sees a stable snapshot") {
        if constexpr (Factory::concurrent_readers) {
            auto reader = store->begin(tx_mode::read);
            CHECK(reader->accounts().list({}, {.offset = 0, .limit = 10}).count == 1);
            (void)add_account(*store, make_account(5));
            CHECK(reader->accounts().list({}, {.offset = 0, .limit = 10}).count == 1);
            reader.reset();
            in_read(*store, [&](helpdesk::transaction& tx) { CHECK(tx.accounts().list({}, {.offset = 0, .limit = 10}).count == 2); });
        }
    }
}

TEST_CASE_TEMPLATE_DEFINE("store: sequences are monotonic and never reuse committed values", Factory,
                          sequence_contract_id) {
    Factory factory;
    auto store = factory.open();

    std::vector<std::int64_t> tickets;
    std::vector<std::int64_t> companies;
    for (int i = 0; i < 5; ++i) {
        in_write(*store, [&](helpdesk::transaction& tx) {
            tickets.push_back(tx.tickets().next_ticket_sequence());
            companies.push_back(tx.accounts().next_company_sequence());
        });
    }
    CHECK(tickets == std::vector<std::int64_t>{1, 2, 3, 4, 5});
    CHECK(companies == std::vector<std::int64_t>{1, 2, 3, 4, 5});

    // Two bumps in one transaction differ too.
    in_write(*store, [&](helpdesk::transaction& tx) {
        const auto a = tx.tickets().next_ticket_sequence();
        const auto b = tx.tickets().next_ticket_sequence();
        CHECK(b > a);
        CHECK(a > 5);
    });
    // A rolled-back bump may be handed out again, but never a committed one.
    { auto tx = store->begin(tx_mode::write); (void)tx->tickets().next_ticket_sequence(); }
    in_write(*store, [&](helpdesk::transaction& tx) { CHECK(tx.tickets().next_ticket_sequence() > 7); });
}

TEST_CASE_TEMPLATE_DEFINE("store: concurrent writers and readers", Factory, concurrency_contract_id) {
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));

    constexpr int threads = 4;
    constexpr int per_thread = 40;
    std::vector<std::vector<std::int64_t>> sequences(threads);
    std::vector<std::string> failures(threads);
    std::vector<std::thread> workers;
    for (int w = 0; w < threads; ++w) {
        workers.emplace_back([&, w] {
            try {
                for (int i = 0; i < per_thread; ++i) {
                    const auto t = add_ticket(*store, owner.id, at(std::chrono::seconds{w * 1000 + i}));
                    sequences[w].push_back(*helpdesk::parse_ticket_number(t.ticket_number));
                    in_read(*store, [&](helpdesk::transaction& tx) {
                        auto found = tx.tickets().find(t.id);
                        if (!found || found->ticket_number != t.ticket_number) {
                            throw std::runtime_error("own ticket not visible after commit");
                        }
                        (void)tx.tickets().stats(std::nullopt, at());
                    });
                }
            } catch (const std::exception& e) {
                failures[w] = e.what();
            }
        });
    }
    for (auto& t : workers) {
        t.join();
    }
    for (const auto& f : failures) {
        CHECK(f.empty());
    }
    std::set<std::int64_t> distinct;
    for (const auto& s : sequences) {
        CHECK(std::is_sorted(s.begin(), s.end()));
        distinct.insert(s.begin(), s.end());
    }
    CHECK(distinct.size() == threads * per_thread);
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.tickets().stats(std::nullopt, at()).total == threads * per_thread);
        helpdesk::ticket_page_request request;
        request.limit = 1;
        CHECK(tx.tickets().list(request).count == threads * per_thread);
    });
}

TEST_CASE_TEMPLATE_APPLY(store_contract_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(sequence_contract_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(concurrency_contract_id, all_store_factories);
