// Shared rate-limit buckets (rate_limit_repository).
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace contract;
using helpdesk::rate_bucket;
using helpdesk::tx_mode;

TEST_CASE_TEMPLATE_DEFINE("rate limits: find, save (insert then overwrite), purge", Factory, rate_bucket_id) {
    Factory factory;
    auto store = factory.open();

    in_read(*store, [&](helpdesk::transaction& tx) { CHECK_FALSE(tx.rate_limits().find("login:ip:1")); });
    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK_FALSE(tx.rate_limits().find("login:ip:1"));
        tx.rate_limits().save("login:ip:1", rate_bucket{4000, at()});
        tx.rate_limits().save("login:ip:2", rate_bucket{0, at(1h)});
        const auto found = tx.rate_limits().find("login:ip:1"); // own write visible
        REQUIRE(found);
        CHECK(found->milli_tokens == 4000);
    });
    in_write(*store, [&](helpdesk::transaction& tx) {
        tx.rate_limits().save("login:ip:1", rate_bucket{2500, at(1min)});
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto one = tx.rate_limits().find("login:ip:1");
        REQUIRE(one);
        CHECK(one->milli_tokens == 2500);
        CHECK(one->updated_at == at(1min));
        const auto two = tx.rate_limits().find("login:ip:2");
        REQUIRE(two);
        CHECK(two->milli_tokens == 0);
        CHECK(two->updated_at == at(1h));
        CHECK_FALSE(tx.rate_limits().find("LOGIN:IP:1")); // keys are exact
    });
    // Rolled back: not saved.
    {
        auto tx = store->begin(tx_mode::write);
        tx->rate_limits().save("login:ip:3", rate_bucket{1000, at()});
    }
    in_read(*store, [&](helpdesk::transaction& tx) { CHECK_FALSE(tx.rate_limits().find("login:ip:3")); });

    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.rate_limits().purge(at(1min)) == 0); // updated exactly at the cut-off is kept
        CHECK(tx.rate_limits().purge(at(2min)) == 1);
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK_FALSE(tx.rate_limits().find("login:ip:1"));
        CHECK(tx.rate_limits().find("login:ip:2"));
    });
}

TEST_CASE_TEMPLATE_DEFINE("rate limits: concurrent read-then-save of one bucket loses no update", Factory,
                          rate_bucket_race_id) {
    Factory factory;
    // Where the store can be opened again, each thread has its own (as
    // separate server processes would); otherwise they share one.
    constexpr int threads = 4;
    constexpr int per_thread = 25;
    std::vector<std::shared_ptr<helpdesk::store>> stores;
    stores.push_back(factory.open());
    for (int i = 1; i < threads; ++i) {
        stores.push_back(Factory::reopenable ? factory.open() : stores.front());
    }
    std::vector<std::string> failures(threads);
    std::vector<std::thread> workers;
    for (int w = 0; w < threads; ++w) {
        workers.emplace_back([&, w] {
            try {
                for (int i = 0; i < per_thread; ++i) {
                    // What the engine does: re-run the whole transaction after a lost race.
                    for (int attempt = 0;; ++attempt) {
                        try {
                            in_write(*stores[static_cast<std::size_t>(w)], [&](helpdesk::transaction& tx) {
                                const auto b = tx.rate_limits().find("shared");
                                tx.rate_limits().save("shared",
                                                      rate_bucket{(b ? b->milli_tokens : 0) + 1, at()});
                            });
                            break;
                        } catch (const helpdesk::transient_conflict&) {
                            if (attempt > 1000) {
                                throw;
                            }
                        }
                    }
                }
            } catch (const std::exception& e) {
                failures[static_cast<std::size_t>(w)] = e.what();
            }
        });
    }
    for (auto& t : workers) {
        t.join();
    }
    for (const auto& f : failures) {
        CHECK(f.empty());
    }
    in_read(*stores.front(), [&](helpdesk::transaction& tx) {
        const auto b = tx.rate_limits().find("shared");
        REQUIRE(b);
        CHECK(b->milli_tokens == threads * per_thread);
    });
}

TEST_CASE_TEMPLATE_APPLY(rate_bucket_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(rate_bucket_race_id, all_store_factories);
