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

#include <helpdesk/adapters/sqlite.hpp>
#ifdef HELPDESK_BENCH_POSTGRES
#include <helpdesk/adapters/postgres.hpp>
#endif
#include <helpdesk/engine.hpp>
#include <helpdesk/error.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace hd = helpdesk;
using bench_clock = std::chrono::steady_clock;

namespace {

constexpr std::string_view password = "Bench-Pass-1";
constexpr int coordinators = 4;

struct settings {
    std::string url{};
    std::int64_t accounts = 1000;
    std::int64_t tickets = 100'000;
    std::int64_t update_slice = -1; ///< -1: 40 % of the tickets
    int threads = 0;                ///< 0: 1 for SQLite (one writer), 4 for PostgreSQL
    int login_accounts = 8;
};

settings parse(int argc, char** argv) {
    settings s;
    for (int i = 1; i < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (i + 1 >= argc) {
            throw std::invalid_argument("missing value after " + std::string{flag});
        }
        const std::string value = argv[i + 1];
        if (flag == "--store") {
            s.url = value;
        } else if (flag == "--accounts") {
            s.accounts = std::stoll(value);
        } else if (flag == "--tickets") {
            s.tickets = std::stoll(value);
        } else if (flag == "--update-slice") {
            s.update_slice = std::stoll(value);
        } else if (flag == "--threads") {
            s.threads = std::stoi(value);
        } else if (flag == "--login-accounts") {
            s.login_accounts = std::stoi(value);
        } else {
            throw std::invalid_argument("unknown flag " + std::string{flag});
        }
    }
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

constexpr std::string_view words[] = {"printer", "laptop",  "network", "email",  "monitor", "keyboard",
                                      "server",  "license", "backup",  "vpn",    "badge",   "budget",
                                      "invoice", "desk",    "phone",   "router", "update",  "password"};
constexpr std::string_view subs[] = {"IT Infrastructure Management", "Software & Applications Deployment",
                                     "Network & Security Administration", "Technical Support & Troubleshooting",
                                     "System Maintenance"};

hd::create_ticket_request ticket_request(std::int64_t n, std::mt19937_64& rng) {
    hd::create_ticket_request r;
    const auto w1 = words[rng() % std::size(words)];
    const auto w2 = words[rng() % std::size(words)];
    r.subject = std::string{w1} + " and " + std::string{w2} + " trouble #" + std::to_string(n);
    r.category = "IT Category";
    r.sub_category = std::string{subs[rng() % std::size(subs)]};
    r.description = "Since this morning the " + std::string{w1} + " on floor " + std::to_string(rng() % 12) +
                    " does not work with the " + std::string{w2} + "; please have a look soon.";
    return r;
}

hd::sign_up_request person(std::string_view kind, std::int64_t n) {
    hd::sign_up_request r;
    r.email = std::string{kind} + std::to_string(n) + "@bench.example";
    r.first_name = "Bench";
    r.last_name = kind == "coord" ? "Coordinator" : (kind == "admin" ? "Admin" : "Employee");
    r.department = "IT Department";
    r.password = std::string{password};
    r.confirm_password = r.password;
    return r;
}

std::shared_ptr<hd::store> open_store(const std::string& url) {
#ifdef HELPDESK_BENCH_POSTGRES
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        return hd::postgres::open(url);
    }
#endif
    return hd::sqlite::open(url);
}

/// Runs `work(thread_index)` on `threads` threads and waits for all; rethrows the first failure.
void in_parallel(int threads, const std::function<void(int)>& work) {
    std::mutex m;
    std::exception_ptr failure;
    {
        std::vector<std::jthread> pool;
        for (int t = 0; t < threads; ++t) {
            pool.emplace_back([&, t] {
                try {
                    work(t);
                } catch (...) {
                    const std::lock_guard lock{m};
                    if (!failure) {
                        failure = std::current_exception();
                    }
                }
            });
        }
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
}

double seconds_since(bench_clock::time_point start) {
    return std::chrono::duration<double>(bench_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) try {
    const auto cfg = parse(argc, argv);
    if (cfg.url.starts_with("sqlite://")) {
        const std::filesystem::path file = cfg.url.substr(std::string_view{"sqlite://"}.size());
        if (file.has_parent_path()) {
            std::filesystem::create_directories(file.parent_path());
        }
    }
    const auto db = open_store(cfg.url);
    hd::engine_options real; // the default PBKDF2 iterations, as the server uses
    hd::engine_options cheap;
    cheap.password_iterations = 1000;
    hd::engine strong{hd::engine_parts{.db = db}, real};
    hd::engine desk{hd::engine_parts{.db = db}, cheap};
    const auto start = bench_clock::now();

    hd::account_id admin = 0;
    try {
        admin = strong.accounts().bootstrap_admin(person("admin", 0)).id;
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
        const auto id = strong.accounts().approve(admin, strong.accounts().sign_up(person("coord", i)).id).id;
        staff.push_back(strong.accounts().change_role(admin, id, "Ticket Coordinator").id);
    }
    std::vector<hd::account_id> employees;
    for (std::int64_t i = 1; i <= cfg.accounts - 1 - coordinators; ++i) {
        auto& e = i <= cfg.login_accounts ? strong : desk;
        employees.push_back(e.accounts().approve(admin, e.accounts().sign_up(person("user", i)).id).id);
    }
    std::cerr << "http_seed: " << cfg.accounts << " accounts in " << seconds_since(start) << " s\n";

    // Tickets, on `threads` threads (each its own transactions).
    std::vector<std::vector<hd::ticket_id>> made(static_cast<std::size_t>(cfg.threads));
    std::atomic<std::int64_t> done{0};
    const auto tickets_start = bench_clock::now();
    in_parallel(cfg.threads, [&](int thread) {
        std::mt19937_64 rng{static_cast<std::uint64_t>(thread) + 7};
        auto& mine = made[static_cast<std::size_t>(thread)];
        for (std::int64_t n = thread; n < cfg.tickets; n += cfg.threads) {
            const auto owner = employees[static_cast<std::size_t>(n) % employees.size()];
            const auto id = desk.tickets().create(owner, ticket_request(n, rng)).item.id;
            mine.push_back(id);
            if (n % 10 == 3) {
                desk.tickets().add_comment(owner, id, "Any news on this? It is blocking my work.");
            }
            if (const auto k = ++done; k % 20'000 == 0) {
                std::cerr << "  " << k << " tickets, " << seconds_since(tickets_start) << " s\n";
            }
        }
    });
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
    done = 0;
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
    std::cout << "SEED_PASSWORD='" << password << "'\n"
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
