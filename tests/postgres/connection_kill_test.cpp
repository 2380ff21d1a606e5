// Connections that die under the store (a server restart, a failover, an
// administrator's pg_terminate_backend) surface as `storage_unavailable` or
// `conflict` — never another exception, a crash or a hang — and the pool
// recovers: once the killing stops, calls succeed again, and everything a
// call reported as created is there (docs/architecture.md#error-model).

#include "pg_support.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace helpdesk;

namespace {

/// Aborts the process (so ctest reports it at once) unless disarmed in time:
/// a call that never returns after its connection died is a hang.
class hang_watchdog {
public:
    explicit hang_watchdog(std::chrono::seconds limit)
        : thread_([this, limit] {
              std::unique_lock lock(mutex_);
              if (!done_.wait_for(lock, limit, [this] { return disarmed_; })) {
                  std::fprintf(stderr, "connection_kill_test: calls still running after %lld s: a hang\n",
                               static_cast<long long>(limit.count()));
                  std::abort();
              }
          }) {}
    ~hang_watchdog() {
        {
            std::lock_guard lock(mutex_);
            disarmed_ = true;
        }
        done_.notify_all();
        thread_.join();
    }
    hang_watchdog(const hang_watchdog&) = delete;
    hang_watchdog& operator=(const hang_watchdog&) = delete;

private:
    std::mutex mutex_;
    std::condition_variable done_;
    bool disarmed_ = false;
    std::thread thread_;
};

/// What the calls made while connections were being killed came to.
struct outcomes {
    std::mutex mutex;
    std::map<ticket_id, std::string> created; ///< id → number, as reported
    std::map<std::string, int> failures;      ///< by errc name
    std::vector<std::string> unexpected;

    void record(const helpdesk::error& e) {
        std::lock_guard lock(mutex);
        if (e.code() == errc::storage_unavailable || e.code() == errc::conflict) {
            ++failures[std::string{to_string(e.code())}];
        } else {
            unexpected.push_back(pgtest::describe(e));
        }
    }
    void record_unexpected(const std::string& what) {
        std::lock_guard lock(mutex);
        unexpected.push_back(what);
    }
};

} // namespace

PG_TEST_CASE("connections killed mid-work: storage_unavailable or conflict only, then the pool recovers") {
    constexpr int kill_rounds = 8;
    constexpr int creators = 2;

    pgtest::private_schema schema{url};
    // The store's connections carry a name of their own, so the killer hits
    // only them (other tests may share the server).
    const auto victim = schema.name() + "_victim";
    postgres::options opts;
    opts.pool_size = 4;
    auto db = postgres::open(schema.store_url("application_name=" + victim), opts);
    auto desk = pgtest::make_engine(db);
    const auto admin = pgtest::bootstrap_admin(*desk);
    std::vector<account> owners;
    for (int i = 0; i < creators; ++i) {
        owners.push_back(pgtest::employee(*desk, admin, "owner" + std::to_string(i) + "@example.com"));
    }
    pgtest::connection killer{pgtest::with_param(schema.server_url(), "application_name=hd_conc_killer")};
    const std::string kill_sql =
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE datname = current_database() AND application_name = $1 AND pid <> pg_backend_pid()";

    outcomes seen;
    // Creates a ticket as owners[owner] and records its number.
    const auto create = [&](std::size_t owner, const std::string& subject) {
        const auto t = desk->tickets().create(owners[owner].id, pgtest::ticket_request(subject)).item;
        std::lock_guard lock(seen.mutex);
        seen.created.emplace(t.id, t.ticket_number);
    };
    std::atomic<bool> stop{false};
    std::atomic<int> calls{0};
    int killed = 0;
    {
        hang_watchdog watchdog{std::chrono::seconds{120}};
        std::vector<std::thread> threads;
        for (int c = 0; c < creators; ++c) {
            threads.emplace_back([&, c] {
                for (int i = 0; !stop; ++i) {
                    ++calls;
                    try {
                        create(static_cast<std::size_t>(c),
                               "Killed " + std::to_string(c) + "/" + std::to_string(i));
                    } catch (const helpdesk::error& e) {
                        seen.record(e);
                    } catch (const std::exception& e) {
                        seen.record_unexpected(std::string{"create: "} + e.what());
                    } catch (...) {
                        seen.record_unexpected("create: a non-standard exception");
                    }
                }
            });
        }
        // A reader too: lists and stats hold a connection as well.
        threads.emplace_back([&] {
            while (!stop) {
                ++calls;
                try {
                    ticket_list_request request;
                    request.page_size = 5;
                    (void)desk->tickets().list(admin.id, request);
                    (void)desk->tickets().stats(admin.id);
                } catch (const helpdesk::error& e) {
                    seen.record(e);
                } catch (const std::exception& e) {
                    seen.record_unexpected(std::string{"list: "} + e.what());
                }
            }
        });

        std::mt19937 gen(12345);
        std::uniform_int_distribution<int> pause_ms(50, 250);
        std::this_thread::sleep_for(std::chrono::milliseconds(300)); // let work get going
        for (int round = 0; round < kill_rounds; ++round) {
            std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms(gen)));
            killed += std::stoi(killer.scalar(kill_sql, {victim}));
        }
        stop = true;
        for (auto& t : threads) {
            t.join();
        }
    }

    int failed = 0;
    for (const auto& [code, n] : seen.failures) {
        failed += n;
        MESSAGE(n << " calls failed with " << code);
    }
    MESSAGE(calls.load() << " calls, " << seen.created.size() << " tickets created, " << killed
                         << " backends killed in " << kill_rounds << " rounds");
    CHECK_MESSAGE(seen.unexpected.empty(),
                  seen.unexpected.size() << " unexpected failures, e.g. "
                                         << (seen.unexpected.empty() ? "" : seen.unexpected.front()));
    CHECK(killed > 0);
    WARN_MESSAGE(failed > 0, "no call was interrupted: every kill hit an idle connection");

    // The killing has stopped: the very next calls succeed, on every pooled
    // connection (a dead one must not be handed out again).
    std::vector<std::string> after;
    {
        hang_watchdog watchdog{std::chrono::seconds{60}};
        std::vector<std::thread> threads;
        std::mutex after_mutex;
        for (int c = 0; c < opts.pool_size; ++c) {
            threads.emplace_back([&, c] {
                for (int i = 0; i < 5; ++i) {
                    try {
                        create(static_cast<std::size_t>(c % creators),
                               "After " + std::to_string(c) + "/" + std::to_string(i));
                    } catch (const helpdesk::error& e) {
                        std::lock_guard lock(after_mutex);
                        after.push_back(pgtest::describe(e));
                    } catch (const std::exception& e) {
                        std::lock_guard lock(after_mutex);
                        after.push_back(e.what());
                    }
                }
            });
        }
        for (auto& t : threads) {
            t.join();
        }
    }
    CHECK_MESSAGE(after.empty(), after.size() << " of " << opts.pool_size * 5
                                              << " calls after the killing failed, e.g. "
                                              << (after.empty() ? "" : after.front()));

    // Every ticket a call reported as created exists, with its number.
    int missing = 0;
    for (const auto& [id, number] : seen.created) {
        try {
            if (desk->tickets().get(admin.id, id).item.ticket_number != number) {
                ++missing;
            }
        } catch (const helpdesk::error&) {
            ++missing;
        }
    }
    CHECK_MESSAGE(missing == 0, missing << " of " << seen.created.size() << " reported tickets are missing");
    // A commit whose acknowledgement was lost may have created a ticket the
    // caller was told failed; never the other way round.
    CHECK(desk->tickets().stats(admin.id).total >= static_cast<std::int64_t>(seen.created.size()));
}
