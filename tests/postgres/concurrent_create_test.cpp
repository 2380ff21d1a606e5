// Ticket numbers and creation history stay correct when several processes,
// each with several threads, create tickets in one PostgreSQL database at
// once (docs/product.md#numbering).

#include "pg_support.hpp"
#include "support/release_only.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace helpdesk;

PG_TEST_CASE("4 processes x 4 threads create tickets: every number distinct, every ticket created once") {
    if (test_support::skipped_under_sanitizers()) {
        return;
    }
    constexpr int processes = 4;
    constexpr int threads_per_process = 4;
    constexpr int per_thread = 625;
    constexpr std::int64_t total = std::int64_t{processes} * threads_per_process * per_thread;

    pgtest::private_schema schema{url};
    auto desk = pgtest::make_engine(postgres::open(schema.store_url()));
    const auto admin = pgtest::bootstrap_admin(*desk);
    std::vector<account> owners;
    for (int i = 0; i < processes * threads_per_process; ++i) {
        owners.push_back(pgtest::employee(*desk, admin, "owner" + std::to_string(i) + "@example.com"));
    }

    // Each worker process opens its own store (and pool) on the same schema.
    const auto started = std::chrono::steady_clock::now();
    std::vector<pid_t> children;
    for (int p = 0; p < processes; ++p) {
        std::vector<std::string> args{schema.store_url(), std::to_string(per_thread)};
        for (int t = 0; t < threads_per_process; ++t) {
            args.push_back(std::to_string(owners[static_cast<std::size_t>(p * threads_per_process + t)].id));
        }
        children.push_back(pgtest::spawn_worker("create_tickets", args));
    }
    for (const auto child : children) {
        const auto code = pgtest::wait_worker(child, std::chrono::seconds{240});
        CHECK_MESSAGE(code == std::optional<int>{0},
                      "worker " << child << " " << (code ? "exited with " + std::to_string(*code) : "was killed or crashed")
                                << " (its stderr says why)");
    }
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE(total << " tickets created by " << processes << " processes x " << threads_per_process << " threads in "
                  << seconds << " s (" << static_cast<double>(total) / seconds << " per second)");

    // Counted by the stats query and by an offset page's count.
    CHECK(desk->tickets().stats(admin.id).total == total);
    ticket_list_request first_page;
    first_page.page_size = 1;
    CHECK(desk->tickets().list(admin.id, first_page).count == std::optional<std::int64_t>{total});

    // Every ticket, walked with the keyset cursor.
    std::vector<ticket> all;
    std::set<std::string> numbers;
    std::set<ticket_id> ids;
    ticket_list_request walk;
    walk.page_size = 100;
    walk.cursor = "";
    for (int pages = 0; pages <= total / 100 + 1; ++pages) {
        auto page = desk->tickets().list(admin.id, walk);
        for (auto& t : page.results) {
            numbers.insert(t.ticket_number);
            ids.insert(t.id);
            all.push_back(std::move(t));
        }
        if (!page.next_cursor) {
            break;
        }
        walk.cursor = page.next_cursor;
    }
    CHECK(static_cast<std::int64_t>(all.size()) == total);
    CHECK(static_cast<std::int64_t>(ids.size()) == total);
    CHECK(static_cast<std::int64_t>(numbers.size()) == total);

    // Numbers are TX + the sequence; gaps are allowed (a rolled-back
    // transaction may spend one) but worth seeing.
    std::int64_t highest = 0;
    for (const auto& n : numbers) {
        const auto seq = parse_ticket_number(n);
        REQUIRE_MESSAGE(seq.has_value(), "malformed ticket number " << n);
        highest = std::max(highest, *seq);
    }
    CHECK(highest >= total);
    MESSAGE("highest ticket number TX" << highest << ": " << highest - static_cast<std::int64_t>(numbers.size())
                                       << " sequence values unused");

    // Each ticket has exactly one `created` history row; every owner got
    // exactly their share.
    std::map<account_id, std::int64_t> per_owner;
    for (const auto& t : all) {
        ++per_owner[t.employee];
    }
    for (const auto& o : owners) {
        CHECK_MESSAGE(per_owner[o.id] == per_thread, "owner " << o.email);
    }
    std::atomic<std::size_t> next{0};
    std::mutex bad_mutex;
    std::vector<std::string> bad;
    std::vector<std::thread> readers;
    for (int r = 0; r < 4; ++r) {
        readers.emplace_back([&] {
            for (std::size_t i = next++; i < all.size(); i = next++) {
                std::string problem;
                try {
                    const auto rows = desk->tickets().history(admin.id, all[i].id);
                    const auto created = std::count_if(rows.begin(), rows.end(),
                                                       [](const history_event& h) { return h.kind == helpdesk::history_kind::created; });
                    if (created != 1 || rows.size() != 1) {
                        problem = all[i].ticket_number + ": " + std::to_string(created) + " created rows, " +
                                  std::to_string(rows.size()) + " rows in all";
                    }
                } catch (const std::exception& e) {
                    problem = all[i].ticket_number + ": history failed: " + e.what();
                }
                if (!problem.empty()) {
                    std::lock_guard lock(bad_mutex);
                    bad.push_back(problem);
                }
            }
        });
    }
    for (auto& r : readers) {
        r.join();
    }
    CHECK_MESSAGE(bad.empty(), bad.size() << " tickets with wrong history, e.g. " << (bad.empty() ? "" : bad.front()));
}
