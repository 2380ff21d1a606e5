// Several delivery workers sharing one outbox never hand out the same event
// twice while it is leased, and together deliver every event (docs/product.md#notifications).

#include "pg_support.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace helpdesk;

PG_TEST_CASE("3 concurrent outbox consumers drain ticket.created events: each delivered exactly once") {
    constexpr int consumers = 3;
    constexpr int producers = 4;
    constexpr int events = 5000;
    static_assert(events % producers == 0);

    pgtest::private_schema schema{url};
    auto db = postgres::open(schema.store_url());
    auto setup = pgtest::make_engine(db);
    const auto admin = pgtest::bootstrap_admin(*setup);
    std::vector<account> owners;
    for (int i = 0; i < producers; ++i) {
        owners.push_back(pgtest::employee(*setup, admin, "owner" + std::to_string(i) + "@example.com"));
    }
    // The account events of the setup go first, so only ticket events remain.
    for (auto batch = setup->outbox().claim_due(100); !batch.empty(); batch = setup->outbox().claim_due(100)) {
        for (const auto& e : batch) {
            REQUIRE(setup->outbox().mark_delivered(e.id, e.lease));
        }
    }
    REQUIRE(setup->outbox().count(outbox_state::pending) == 0);
    const auto delivered_before = setup->outbox().count(outbox_state::delivered);

    {
        std::vector<std::thread> threads;
        std::atomic<int> failed{0};
        for (int p = 0; p < producers; ++p) {
            threads.emplace_back([&, p] {
                for (int i = 0; i < events / producers; ++i) {
                    try {
                        (void)setup->tickets().create(owners[static_cast<std::size_t>(p)].id,
                                                      pgtest::ticket_request("Outbox ticket " + std::to_string(i)));
                    } catch (const std::exception&) {
                        ++failed;
                    }
                }
            });
        }
        for (auto& t : threads) {
            t.join();
        }
        REQUIRE(failed == 0);
    }
    REQUIRE(setup->outbox().count(outbox_state::pending) == events);

    // Each consumer is its own engine on its own store (its own pool), as
    // separate server processes would be.
    std::mutex seen_mutex;
    std::map<row_id, int> claimed_by;
    std::vector<std::string> problems;
    std::vector<int> per_consumer(consumers, 0);
    std::vector<std::thread> threads;
    for (int c = 0; c < consumers; ++c) {
        threads.emplace_back([&, c] {
            std::mt19937 jitter(static_cast<unsigned>(c) + 1);
            std::uniform_int_distribution<int> micros(0, 1000);
            try {
                auto desk = pgtest::make_engine(postgres::open(schema.store_url()));
                for (;;) {
                    const auto batch = desk->outbox().claim_due(50);
                    if (batch.empty()) {
                        break; // the rest, if any, is leased to the others
                    }
                    for (const auto& e : batch) {
                        {
                            std::lock_guard lock(seen_mutex);
                            const auto [it, fresh] = claimed_by.emplace(e.id, c);
                            if (!fresh) {
                                problems.push_back("event " + std::to_string(e.id) + " claimed by consumer " +
                                                   std::to_string(it->second) + " and again by consumer " +
                                                   std::to_string(c));
                            }
                            if (e.kind != event_kind::ticket_created || e.state != outbox_state::pending) {
                                problems.push_back("event " + std::to_string(e.id) + " is " + e.kind + "/" +
                                                   std::string{to_string(e.state)});
                            }
                            ++per_consumer[static_cast<std::size_t>(c)];
                        }
                        // Widens the window in which another consumer could grab it.
                        std::this_thread::sleep_for(std::chrono::microseconds(micros(jitter)));
                        if (!desk->outbox().mark_delivered(e.id, e.lease)) {
                            std::lock_guard lock(seen_mutex);
                            problems.push_back("consumer " + std::to_string(c) + " lost the lease of event " +
                                               std::to_string(e.id));
                        }
                    }
                }
            } catch (const std::exception& e) {
                std::lock_guard lock(seen_mutex);
                problems.push_back("consumer " + std::to_string(c) + ": " + e.what());
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }

    MESSAGE("events per consumer: " << per_consumer[0] << ", " << per_consumer[1] << ", " << per_consumer[2]);
    CHECK_MESSAGE(problems.empty(), problems.size() << " problems, e.g. " << (problems.empty() ? "" : problems.front()));
    CHECK(claimed_by.size() == static_cast<std::size_t>(events));
    CHECK(setup->outbox().count(outbox_state::pending) == 0);
    CHECK(setup->outbox().count(outbox_state::delivered) - delivered_before == events);
    CHECK(setup->outbox().count(outbox_state::dead) == 0);
}
