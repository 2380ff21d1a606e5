// Seeds an empty store for bench/http_bench.sh and prints, as shell
// `KEY=value` lines on stdout, the ids and credentials the script needs.
// Progress goes to stderr. Not a test.
//
//   http_seed --store URL [--accounts N] [--tickets N] [--update-slice N]
//             [--threads N] [--login-accounts N]
//
// URL: sqlite:///abs/path.db, sqlite://relative.db, or (when built with the
// PostgreSQL adapter) postgresql://user@host:port/db. The store must be empty.
//
// What it writes:
//   - the first System Admin (bootstrap_admin), 4 Ticket Coordinators and
//     `accounts - 5` approved Employees, every one with the password
//     `Bench-Pass-1`;
//   - `tickets` tickets, owned round-robin by the Employees, one in ten with
//     a public comment;
//   - the `update-slice` newest ids (default 40 % of the tickets) approved and
//     claimed by the first coordinator (In Progress, assigned to them): the
//     update-status run moves them In Progress <-> On Hold;
//   - of the others, one in five approved (Open), the rest New.
//
// Passwords: the admin, the coordinators and the first `login-accounts`
// Employees are hashed with the engine's default PBKDF2 iteration count
// (600,000, the server's default), so the login figure measures what a real
// login costs and no login re-hashes; the remaining Employees (never logged
// in by the benchmark) use 1,000 iterations so seeding does not take an hour.

#include "bench_support.hpp"

#include <helpdesk/error.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace hd = helpdesk;
using namespace helpdesk::bench;

namespace {

constexpr int coordinators = 4;

struct settings : seed_settings {
    std::int64_t update_slice = -1; ///< -1: 40 % of the tickets
    int threads = 0;                ///< 0: 1 for SQLite (one writer), 4 for PostgreSQL
    int login_accounts = 8;
};

settings parse(int argc, char** argv) {
    settings s;
    read_flags(argc, argv,
               s.flags({{"--update-slice", value_into(s.update_slice)},
                        {"--threads", value_into(s.threads)},
                        {"--login-accounts", value_into(s.login_accounts)}}));
    if (s.url.empty()) {
        throw std::invalid_argument("--store URL is required");
    }
    if (s.update_slice < 0) {
        s.update_slice = s.tickets * 2 / 5;
    }
    if (s.threads <= 0) {
        s.threads = s.url.starts_with("sqlite") ? 1 : 4;
    }
    if (s.accounts < coordinators + 1 + s.login_accounts || s.tickets < 10 || s.update_slice > s.tickets / 2) {
        throw std::invalid_argument("need accounts >= 5 + login-accounts, tickets >= 10, update-slice <= tickets / 2");
    }
    return s;
}

} // namespace

int main(int argc, char** argv) try {
    const auto cfg = parse(argc, argv);
    const auto db = open_bench_store(cfg.url);
    hd::engine_options real; // the default PBKDF2 iterations, as the server uses
    hd::engine_options cheap;
    cheap.password_iterations = 1000;
    hd::engine strong{hd::engine_parts{.db = db}, real};
    hd::engine desk{hd::engine_parts{.db = db}, cheap};
    const auto start = bench_clock::now();

    hd::account_id admin = 0;
    try {
        admin = strong.accounts().bootstrap_admin(seed_person("admin", 0)).id;
    } catch (const hd::error& e) {
        if (e.code() == hd::errc::conflict) {
            std::cerr << "http_seed: the store already has accounts; give it an empty store\n";
            return 1;
        }
        throw;
    }

    // Coordinators, then the login Employees (default iterations), then the rest.
    std::vector<hd::account_id> staff;
    for (int i = 1; i <= coordinators; ++i) {
        const auto id = strong.accounts().approve(admin, strong.accounts().sign_up(seed_person("coord", i)).id).id;
        staff.push_back(strong.accounts().change_role(admin, id, "Ticket Coordinator").id);
    }
    std::vector<hd::account_id> employees;
    for (std::int64_t i = 1; i <= cfg.accounts - 1 - coordinators; ++i) {
        auto& e = i <= cfg.login_accounts ? strong : desk;
        employees.push_back(e.accounts().approve(admin, e.accounts().sign_up(seed_person("user", i)).id).id);
    }
    std::cerr << "http_seed: " << cfg.accounts << " accounts in " << seconds_since(start) << " s\n";

    // Tickets, on `threads` threads (each its own transactions); ticket n is
    // made by thread n % threads, so each list of ids has one writer.
    std::vector<std::vector<hd::ticket_id>> made(static_cast<std::size_t>(cfg.threads));
    const auto tickets_start = bench_clock::now();
    seed_tickets(
        desk, employees, 0, cfg.tickets, cfg.threads,
        [&](std::int64_t n, hd::ticket_id id, hd::account_id owner) {
            made[static_cast<std::size_t>(n % cfg.threads)].push_back(id);
            if (n % 10 == 3) {
                desk.tickets().add_comment(owner, id, std::string{seed_comment});
            }
        },
        std::cerr, 20'000);
    std::vector<hd::ticket_id> ids;
    for (const auto& m : made) {
        ids.insert(ids.end(), m.begin(), m.end());
    }
    std::sort(ids.begin(), ids.end());
    const auto first = ids.front();
    const auto last = ids.back();
    if (last - first + 1 != static_cast<hd::ticket_id>(ids.size())) {
        std::cerr << "http_seed: ticket ids are not contiguous (" << first << ".." << last << " for " << ids.size()
                  << " tickets); the benchmark draws ids from a range\n";
        return 1;
    }

    // States: the newest `update_slice` ids In Progress with the bench
    // coordinator; one in five of the others Open; the rest stay New.
    const auto slice_first = last - cfg.update_slice + 1;
    const auto coordinator = staff.front();
    std::atomic<std::int64_t> done{0};
    in_parallel(cfg.threads, [&](int thread) {
        for (auto id = first + thread; id <= last; id += cfg.threads) {
            if (id >= slice_first) {
                desk.tickets().approve(coordinator, id, {.priority = "Medium", .department = "IT Department"});
                desk.tickets().claim(coordinator, id);
            } else if (id % 5 == 0) {
                desk.tickets().approve(coordinator, id, {.priority = "Low", .department = "IT Department"});
            }
            if (const auto k = ++done; k % 20'000 == 0) {
                std::cerr << "  " << k << " tickets given their state, " << seconds_since(tickets_start) << " s\n";
            }
        }
    });
    const auto stats = desk.tickets().stats(admin);
    std::cerr << "http_seed: " << stats.total << " tickets in " << seconds_since(tickets_start) << " s (total "
              << seconds_since(start) << " s)\n";

    // What bench/http_bench.sh reads (shell assignments).
    std::cout << "SEED_PASSWORD='" << seed_password << "'\n"
              << "SEED_ADMIN_EMAIL=admin0@bench.example\n"
              << "SEED_COORD_EMAIL=coord1@bench.example\n"
              << "SEED_COORD_ID=" << coordinator << "\n"
              << "SEED_LOGIN_EMAILS='";
    for (int i = 1; i <= cfg.login_accounts; ++i) {
        std::cout << (i > 1 ? " " : "") << "user" << i << "@bench.example";
    }
    std::cout << "'\n"
              << "SEED_LOGIN_ITERATIONS=" << hd::default_password_iterations << "\n"
              << "SEED_ACCOUNTS=" << cfg.accounts << "\n"
              << "SEED_TICKETS=" << ids.size() << "\n"
              << "SEED_FIRST_ID=" << first << "\n"
              << "SEED_LAST_ID=" << last << "\n"
              << "SEED_UPDATE_FIRST=" << slice_first << "\n"
              << "SEED_UPDATE_LAST=" << last << "\n"
              << "SEED_OPEN_TICKETS=" << (ids.size() - static_cast<std::size_t>(cfg.update_slice)) / 5 << "\n";
    return 0;
} catch (const hd::error& e) {
    std::cerr << "http_seed: " << e.what() << "\n";
    for (const auto& [field, messages] : e.fields()) {
        for (const auto& m : messages) {
            std::cerr << "  " << field << ": " << m << "\n";
        }
    }
    return 1;
} catch (const std::exception& e) {
    std::cerr << "http_seed: " << e.what() << "\n";
    return 1;
}
