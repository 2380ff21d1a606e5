#include "bench_support.hpp"

#include <helpdesk/adapters/sqlite.hpp>
#ifdef HELPDESK_BENCH_POSTGRES
#include <helpdesk/adapters/postgres.hpp>
#endif

#include <atomic>
#include <exception>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace helpdesk::bench {

namespace {

constexpr std::string_view words[] = {"printer", "laptop",  "network", "email",  "monitor", "keyboard",
                                      "server",  "license", "backup",  "vpn",    "badge",   "budget",
                                      "invoice", "desk",    "phone",   "router", "update",  "password"};
constexpr std::string_view sub_categories[] = {
    "IT Infrastructure Management", "Software & Applications Deployment", "Network & Security Administration",
    "Technical Support & Troubleshooting", "System Maintenance"};

} // namespace

void read_flags(int argc, char** argv, const std::map<std::string_view, flag_reader>& readers) {
    for (int i = 1; i < argc; i += 2) {
        const std::string_view flag = argv[i];
        const auto reader = readers.find(flag);
        if (reader == readers.end()) {
            throw std::invalid_argument("unknown flag " + std::string{flag});
        }
        if (i + 1 >= argc) {
            throw std::invalid_argument("missing value after " + std::string{flag});
        }
        reader->second(argv[i + 1]);
    }
}

flag_reader value_into(std::string& target) {
    return [&target](const std::string& v) { target = v; };
}

flag_reader value_into(std::int64_t& target) {
    return [&target](const std::string& v) { target = std::stoll(v); };
}

flag_reader value_into(int& target) {
    return [&target](const std::string& v) { target = std::stoi(v); };
}

std::map<std::string_view, flag_reader> seed_settings::flags(std::map<std::string_view, flag_reader> more) {
    more.emplace("--store", value_into(url));
    more.emplace("--accounts", value_into(accounts));
    more.emplace("--tickets", value_into(tickets));
    return more;
}

std::shared_ptr<store> open_bench_store(const std::string& url) {
#ifdef HELPDESK_BENCH_POSTGRES
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        return postgres::open(url);
    }
#endif
    if (url.starts_with("sqlite://")) {
        const std::filesystem::path file = url.substr(std::string_view{"sqlite://"}.size());
        if (file.has_parent_path()) {
            std::filesystem::create_directories(file.parent_path());
        }
    }
    return sqlite::open(url);
}

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

sign_up_request seed_person(std::string_view kind, std::int64_t n) {
    sign_up_request r;
    r.email = std::string{kind} + std::to_string(n) + "@bench.example";
    r.first_name = "Bench";
    r.last_name = kind == "coord" ? "Coordinator" : (kind == "admin" ? "Admin" : "Employee");
    r.department = "IT Department";
    r.password = std::string{seed_password};
    r.confirm_password = r.password;
    return r;
}

create_ticket_request seed_ticket(std::int64_t n, std::mt19937_64& rng) {
    create_ticket_request r;
    const auto w1 = words[rng() % std::size(words)];
    const auto w2 = words[rng() % std::size(words)];
    r.subject = std::string{w1} + " and " + std::string{w2} + " trouble #" + std::to_string(n);
    if (n % 10'000 == 7) {
        r.subject += " quasar";
    }
    r.category = "IT Category";
    r.sub_category = std::string{sub_categories[rng() % std::size(sub_categories)]};
    r.description = "Since this morning the " + std::string{w1} + " on floor " + std::to_string(rng() % 12) +
                    " does not work with the " + std::string{w2} + "; please have a look soon.";
    return r;
}

void seed_tickets(engine& desk, const std::vector<account_id>& owners, std::int64_t from, std::int64_t to,
                  int threads, const seeded_ticket& then, std::ostream& progress, std::int64_t every) {
    std::atomic<std::int64_t> done{0};
    std::mutex progress_mutex;
    const auto start = bench_clock::now();
    in_parallel(threads, [&](int thread) {
        std::mt19937_64 rng{static_cast<std::uint64_t>(thread) + 7};
        for (auto n = from + thread; n < to; n += threads) {
            const auto owner = owners[static_cast<std::size_t>(n) % owners.size()];
            const auto id = desk.tickets().create(owner, seed_ticket(n, rng)).item.id;
            then(n, id, owner);
            if (const auto k = ++done; k % every == 0) {
                const std::lock_guard lock{progress_mutex};
                progress << "  " << k << " tickets, " << seconds_since(start) << " s\n" << std::flush;
            }
        }
    });
}

} // namespace helpdesk::bench
