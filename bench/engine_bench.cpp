// Prints the engine's figures on a file-backed store: creates per second and
// median latencies of get, list pages, stats and search at scale. Not a test.
//
//   engine_bench [--store URL] [--accounts N] [--tickets N] [--creates N] [--reps N]
//                [--threads N] [--seed-threads N]
//
// URL: sqlite:///abs/path.db, sqlite://relative.db, or (when built with the
// PostgreSQL adapter) postgresql://user@host:port/db.
//
// Seeding is skipped when the store already holds the requested tickets, so a
// second run measures the same data without waiting for the seed again.

#include "bench_support.hpp"

#include <helpdesk/error.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace hd = helpdesk;
using namespace helpdesk::bench;

namespace {

struct settings : seed_settings {
    std::int64_t creates = 20'000;
    int reps = 2000;
    int threads = 4;       ///< the multi-threaded create figure
    int seed_threads = 1;  ///< SQLite has one writer; PostgreSQL seeds faster with more
};

settings parse(int argc, char** argv) {
    settings s;
    s.url = "sqlite://var/bench/engine_bench.db";
    s.tickets = 1'000'000;
    read_flags(argc, argv,
               s.flags({{"--creates", value_into(s.creates)},
                        {"--reps", value_into(s.reps)},
                        {"--threads", value_into(s.threads)},
                        {"--seed-threads", value_into(s.seed_threads)}}));
    return s;
}

double median_us(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

double time_us(const std::function<void()>& work) {
    const auto start = bench_clock::now();
    work();
    return std::chrono::duration<double, std::micro>(bench_clock::now() - start).count();
}

std::vector<double> sample(int reps, const std::function<void(int)>& work) {
    std::vector<double> out;
    out.reserve(static_cast<std::size_t>(reps));
    for (int i = 0; i < reps; ++i) {
        out.push_back(time_us([&] { work(i); }));
    }
    return out;
}

std::uintmax_t database_bytes(const std::string& url) {
    if (!url.starts_with("sqlite://")) {
        return 0; // PostgreSQL: see pg_database_size in psql
    }
    const auto path = url.substr(std::string_view{"sqlite://"}.size());
    std::uintmax_t total = 0;
    for (const auto* suffix : {"", "-wal", "-shm"}) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path + suffix, ec);
        total += ec ? 0 : size;
    }
    return total;
}

/// The wall clock moved on by a fixed span: the engine as it will see the
/// store later, every clock that has not stopped by then past its due date.
class later_clock final : public hd::clock {
public:
    explicit later_clock(std::chrono::hours ahead) : ahead_{ahead} {}
    [[nodiscard]] hd::time_point now() const override { return hd::system_clock()->now() + ahead_; }

private:
    std::chrono::hours ahead_;
};

} // namespace

int main(int argc, char** argv) try {
    const auto cfg = parse(argc, argv);
    hd::engine_options options;
    options.password_iterations = 1000; // seeding 1,000 accounts at 600,000 would measure OpenSSL, not the engine
    hd::engine desk{hd::engine_parts{.db = open_bench_store(cfg.url)}, options};
    std::mt19937_64 rng{42};

    // Seed: the first account is the admin; the rest are approved employees.
    std::vector<hd::account_id> people;
    hd::account_id admin = 0;
    const auto first = seed_person("user", 0);
    try {
        admin = desk.accounts().bootstrap_admin(first).id;
        for (std::int64_t i = 1; i < cfg.accounts; ++i) {
            const auto signed_up = desk.accounts().sign_up(seed_person("user", i)).id;
            people.push_back(desk.accounts().approve(admin, signed_up).id);
        }
    } catch (const hd::error& e) {
        if (e.code() != hd::errc::conflict) {
            throw;
        }
        admin = desk.accounts().authenticate(hd::login_kind::staff, first.email, first.password).id;
        hd::account_filter employees;
        employees.account_role = hd::role::employee;
        for (std::int64_t page = 1;; ++page) {
            hd::account_list_request request;
            request.filter = employees;
            request.page_number = page;
            request.page_size = 100;
            const auto rows = desk.accounts().list(admin, request).results;
            for (const auto& a : rows) {
                people.push_back(a.id);
            }
            if (rows.size() < 100) {
                break;
            }
        }
    }
    const auto existing = desk.tickets().stats(admin).total;
    if (existing < cfg.tickets) {
        std::cout << "seeding " << cfg.tickets - existing << " tickets...\n" << std::flush;
        seed_tickets(
            desk, people, existing, cfg.tickets, cfg.seed_threads,
            [&](std::int64_t n, hd::ticket_id id, hd::account_id owner) {
                if (n % 5 == 0) {
                    desk.tickets().approve(admin, id, {.priority = "Medium", .department = "IT Department"});
                }
                if (n % 10 == 0) {
                    desk.tickets().add_comment(owner, id, std::string{seed_comment});
                }
            },
            std::cout, 100'000);
    }
    const auto total = desk.tickets().stats(admin).total;

    // Creates: one transaction each, on top of the seeded store; first on
    // one thread, then on several (each thread its own transactions).
    std::vector<hd::ticket_id> created;
    const auto create_seconds = time_us([&] {
                                    for (std::int64_t i = 0; i < cfg.creates; ++i) {
                                        const auto owner = people[rng() % people.size()];
                                        created.push_back(
                                            desk.tickets().create(owner, seed_ticket(total + i, rng)).item.id);
                                    }
                                }) / 1e6;
    const auto threaded_seconds = time_us([&] {
                                      in_parallel(cfg.threads, [&](int thread) {
                                          std::mt19937_64 local_rng{static_cast<std::uint64_t>(thread) + 99};
                                          for (auto i = thread; i < cfg.creates; i += cfg.threads) {
                                              const auto owner = people[local_rng() % people.size()];
                                              (void)desk.tickets().create(
                                                  owner, seed_ticket(total + cfg.creates + i, local_rng));
                                          }
                                      });
                                  }) / 1e6;
    const auto last_id = desk.tickets().stats(admin).total;

    // Ids picked among all tickets; stores may leave gaps, so draw until one exists.
    const auto newest = created.empty() ? last_id : created.back();
    const auto get_us = median_us(sample(cfg.reps, [&](int) {
        for (;;) {
            try {
                const auto id = static_cast<hd::ticket_id>(1 + rng() % static_cast<std::uint64_t>(newest));
                (void)desk.tickets().get(admin, id);
                return;
            } catch (const hd::error& e) {
                if (e.code() != hd::errc::not_found) {
                    throw;
                }
            }
        }
    }));

    hd::ticket_list_request open_list;
    open_list.filter.statuses = {hd::ticket_status::open};
    open_list.ordering = "-submit_date";
    const auto page1_us = median_us(sample(cfg.reps, [&](int) { (void)desk.tickets().list(admin, open_list); }));

    // Walk 10,000 rows deep by cursor, then time the page found there.
    auto deep = open_list;
    deep.cursor = "";
    for (int walked = 0; walked < 10'000; walked += 20) {
        deep.cursor = desk.tickets().list(admin, deep).next_cursor.value_or("");
    }
    const auto deep_us = median_us(sample(cfg.reps, [&](int) { (void)desk.tickets().list(admin, deep); }));

    const auto stats_us = median_us(sample(cfg.reps, [&](int) { (void)desk.tickets().stats(admin); }));
    const auto own_stats_us = median_us(sample(cfg.reps, [&](int i) {
        (void)desk.tickets().stats(people[static_cast<std::size_t>(i) % people.size()]);
    }));

    // The same store 30 days on: the SLA compliance counts every clock not
    // stopped as breached, through the overdue indexes (the worst case).
    hd::engine later{hd::engine_parts{.db = open_bench_store(cfg.url),
                                      .time_source = std::make_shared<later_clock>(std::chrono::hours{24 * 30})},
                     options};
    hd::ticket_stats overdue_stats;
    const auto overdue_stats_us =
        median_us(sample(std::max(cfg.reps / 10, 10), [&](int) { overdue_stats = later.tickets().stats(admin); }));

    hd::ticket_list_request search;
    search.filter.search = "quasar";
    std::int64_t hits = 0;
    const auto search_us = median_us(sample(std::max(cfg.reps / 10, 10), [&](int) {
        hits = desk.tickets().list(admin, search).count.value_or(-1);
    }));

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("engine_bench on %s: %lld accounts, %lld tickets\n", cfg.url.c_str(),
                static_cast<long long>(people.size() + 1), static_cast<long long>(last_id));
    std::printf("  creates/s (one transaction each)     %10.0f   (%lld creates, 1 thread)\n",
                static_cast<double>(cfg.creates) / create_seconds, static_cast<long long>(cfg.creates));
    std::printf("  creates/s (one transaction each)     %10.0f   (%lld creates, %d threads)\n",
                static_cast<double>(cfg.creates) / threaded_seconds, static_cast<long long>(cfg.creates), cfg.threads);
    std::printf("  get by id, median                    %10.1f us\n", get_us);
    std::printf("  list page 1 (Open, -submit_date)     %10.1f us  (with count)\n", page1_us);
    std::printf("  list page at depth 10,000 (cursor)   %10.1f us\n", deep_us);
    std::printf("  stats, all tickets (staff)           %10.1f us\n", stats_us);
    std::printf("  stats, own tickets (employee)        %10.1f us\n", own_stats_us);
    std::printf("  stats, 30 days on (%lld breached)   %8.1f us\n",
                static_cast<long long>(overdue_stats.sla.resolution.breached), overdue_stats_us);
    std::printf("  search 'quasar' (%lld hits), page 1  %10.1f us\n", static_cast<long long>(hits), search_us);
    if (const auto bytes = database_bytes(cfg.url); bytes > 0) {
        std::printf("  database size                        %10.1f MiB\n",
                    static_cast<double>(bytes) / (1024.0 * 1024.0));
    }
    std::printf("  peak memory (max RSS)                %10.1f MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "engine_bench: " << e.what() << "\n";
    return 1;
}
