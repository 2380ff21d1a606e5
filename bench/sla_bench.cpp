// Prints what the SLA costs on a large store: one scheduler pass when no
// ticket crossed a threshold, one that writes about 1,000 notices, and pages
// of the breached tickets (`?sla=breached`). Not a test.
//
//   sla_bench [--store URL] [--tickets N] [--runs N]
//
// The store (default sqlite://var/bench/sla_bench.db) is seeded once, then
// reused: N tickets written straight through the store port in transactions
// of 10,000 (an engine would take minutes), submitted over the year before
// the bench's fixed "now", measured as follows:
//   - 1 in 20 running and long breached, every notice already sent;
//   - 3 in 20 running, at risk at an instant spread over the next 30 days;
//   - 1 in 20 resolved in the last 6 days, 1 in 20 Pending for under 2 days
//     (the automations' queries find none of them due);
//   - the rest closed in time (both clocks stopped, met).
// The engine's clock stands at that "now", so every run sees the same data.

#include "bench_support.hpp"

#include <helpdesk/domain/sla_policy.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/ports/clock.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace hd = helpdesk;
using namespace helpdesk::bench;
using namespace std::chrono_literals;

namespace {

struct settings {
    std::string url = "sqlite://var/bench/sla_bench.db";
    std::int64_t tickets = 1'000'000;
    int runs = 200;
};

/// A clock that stands still at the bench's "now".
class standing_clock final : public hd::clock {
public:
    explicit standing_clock(hd::time_point at) : at_(at) {}
    [[nodiscard]] hd::time_point now() const override { return at_; }

private:
    hd::time_point at_;
};

const hd::time_point bench_now{std::chrono::sys_days{std::chrono::year{2026} / 6 / 1}};
constexpr auto spread = std::chrono::hours{24 * 30}; // the at-risk instants of the running tickets

/// A clock: `due` and `at_risk_at` as given, running or stopped at `stopped`.
hd::sla_clock clock_of(hd::time_point at_risk, hd::time_point due, std::optional<hd::time_point> stopped = {}) {
    return {.due = due, .at_risk_at = at_risk, .stopped_at = stopped, .paused = false};
}

/// The `n`th seeded ticket, as described at the top.
hd::ticket seeded(std::int64_t n, std::int64_t total, hd::account_id owner, std::int64_t sequence) {
    hd::ticket t;
    t.ticket_number = hd::format_ticket_number(sequence);
    t.employee = owner;
    t.subject = "SLA bench ticket " + std::to_string(n);
    t.category = "IT Category";
    t.sub_category = "System Maintenance";
    t.description = "Seeded for the SLA benchmark.";
    t.submit_date = bench_now - std::chrono::seconds{(total - n) * 30};
    t.update_date = t.submit_date;
    t.ticket_priority = hd::priority::medium;
    t.sla.policy_version = 1;
    const auto kind = n % 20;
    if (kind == 0) { // long breached, every notice sent
        t.status = hd::ticket_status::in_progress;
        t.sla.first_response = clock_of(t.submit_date + 45min, t.submit_date + 1h, t.submit_date + 2h);
        t.sla.resolution = clock_of(t.submit_date + 18h, t.submit_date + 24h);
        t.sla_notified = 15;
    } else if (kind <= 3) { // running, at risk at some instant of the next 30 days
        t.status = hd::ticket_status::in_progress;
        const auto at_risk = bench_now + std::chrono::seconds{(n * 7919) % std::chrono::seconds{spread}.count() + 1};
        t.sla.first_response = clock_of(t.submit_date + 45min, t.submit_date + 1h, t.submit_date + 10min);
        t.sla.resolution = clock_of(at_risk, at_risk + 2h);
    } else { // answered in time, then resolved, Pending or closed
        t.sla.first_response = clock_of(t.submit_date + 45min, t.submit_date + 1h, t.submit_date + 10min);
        t.sla.resolution = clock_of(t.submit_date + 18h, t.submit_date + 24h, t.submit_date + 5h);
        if (kind == 4) {
            t.status = hd::ticket_status::resolved;
            t.waiting_on_owner_since = bench_now - std::chrono::seconds{(n * 31) % (6 * 86'400)};
        } else if (kind == 5) {
            t.status = hd::ticket_status::pending;
            t.sla.resolution = {.due = std::nullopt, .at_risk_at = std::nullopt, .stopped_at = std::nullopt, .paused = true};
            t.waiting_on_owner_since = bench_now - std::chrono::seconds{(n * 37) % (2 * 86'400)};
        } else {
            t.status = hd::ticket_status::closed;
            t.time_closed = t.submit_date + 5h;
        }
    }
    return t;
}

void seed(hd::engine& desk, hd::store& db, const settings& s) {
    std::vector<hd::account_id> owners;
    for (int i = 0; i < 100; ++i) {
        owners.push_back(desk.accounts().sign_up(seed_person("user", i)).id);
    }
    {
        // The version every seeded ticket names.
        auto tx = db.begin(hd::tx_mode::write);
        auto builtin = hd::sla_policy::defaults();
        builtin.created_at = bench_now - std::chrono::hours{24 * 400};
        tx->sla_policies().insert(builtin);
        tx->commit();
    }
    const auto start = bench_clock::now();
    for (std::int64_t from = 0; from < s.tickets; from += 10'000) {
        auto tx = db.begin(hd::tx_mode::write);
        for (auto n = from; n < std::min(s.tickets, from + 10'000); ++n) {
            auto t = seeded(n, s.tickets, owners[static_cast<std::size_t>(n % 100)], tx->tickets().next_ticket_sequence());
            tx->tickets().insert(t);
        }
        tx->commit();
        if ((from / 10'000) % 10 == 9) {
            std::printf("  seeded %lld tickets (%.0f s)\n", static_cast<long long>(from + 10'000), seconds_since(start));
            std::fflush(stdout);
        }
    }
}

/// Median and 99th percentile, in microseconds, of `runs` calls of `work`.
template <class Work> std::pair<double, double> time_calls(int runs, Work&& work) {
    std::vector<double> micros;
    for (int i = 0; i < runs; ++i) {
        const auto start = bench_clock::now();
        work();
        micros.push_back(seconds_since(start) * 1e6);
    }
    std::sort(micros.begin(), micros.end());
    return {micros[micros.size() / 2], micros[std::min(micros.size() - 1, micros.size() * 99 / 100)]};
}

void print(const char* what, std::pair<double, double> figures, const char* target) {
    std::printf("%-58s %10.1f %10.1f   %s\n", what, figures.first, figures.second, target);
}

} // namespace

int main(int argc, char** argv) try {
    settings s;
    read_flags(argc, argv,
               {{"--store", value_into(s.url)}, {"--tickets", value_into(s.tickets)}, {"--runs", value_into(s.runs)}});
    auto db = open_bench_store(s.url);
    hd::engine_options options;
    options.password_iterations = 1000;
    hd::engine desk{hd::engine_parts{.db = db, .time_source = std::make_shared<standing_clock>(bench_now)}, options};

    hd::account admin;
    std::int64_t existing = 0;
    {
        auto tx = db->begin(hd::tx_mode::read);
        if (const auto first = tx->accounts().find(1)) {
            admin = *first;
            existing = tx->tickets().stats(std::nullopt, bench_now).total;
        }
    }
    if (existing == 0) {
        admin = desk.accounts().bootstrap_admin(seed_person("admin", 0));
        std::printf("seeding %lld tickets into %s ...\n", static_cast<long long>(s.tickets), s.url.c_str());
        seed(desk, *db, s);
        existing = s.tickets;
    }
    std::printf("sla_bench  store %s  tickets %lld  runs %d\n", s.url.c_str(), static_cast<long long>(existing), s.runs);
    std::printf("%-58s %10s %10s   %s\n", "what", "median µs", "p99 µs", "target");

    auto& scheduler = desk.scheduler();
    print("scheduler pass (SLA notices, auto-close, reminders), none due", time_calls(s.runs, [&] { (void)scheduler.run_once(bench_now); }),
          "<= 10,000 µs");

    hd::ticket_list_request breached;
    breached.filter.sla = hd::sla_state::breached;
    breached.page_size = 20;
    hd::ticket_list first_page;
    print("?sla=breached, page 1 of 20 with its count",
          time_calls(s.runs / 4 + 1, [&] { first_page = desk.tickets().list(admin.id, breached); }), "<= 2,000 µs");
    auto no_count = breached;
    no_count.cursor = "";
    hd::ticket_list page;
    print("?sla=breached, first cursor page of 20 (no count)",
          time_calls(s.runs, [&] { page = desk.tickets().list(admin.id, no_count); }), "<= 2,000 µs");
    auto deep = no_count;
    for (int i = 0; i < 50 && page.next_cursor; ++i) {
        deep.cursor = page.next_cursor;
        page = desk.tickets().list(admin.id, deep);
    }
    print("?sla=breached, cursor page 51", time_calls(s.runs, [&] { (void)desk.tickets().list(admin.id, deep); }),
          "<= 2,000 µs");
    auto by_due = no_count;
    by_due.filter.sla.reset();
    by_due.ordering = "resolution_due";
    print("?ordering=resolution_due, first cursor page of 20",
          time_calls(s.runs, [&] { (void)desk.tickets().list(admin.id, by_due); }), "");
    std::printf("  (breached tickets: %lld)\n", static_cast<long long>(first_page.count.value_or(-1)));

    // About 1,000 tickets cross their at-risk instant in this window.
    const auto window = std::chrono::duration_cast<std::chrono::microseconds>(
        spread * 1000 / std::max<std::int64_t>(existing * 3 / 20, 1));
    const auto start = bench_clock::now();
    const auto pass = scheduler.run_once(bench_now + window);
    const auto seconds = seconds_since(start);
    std::printf("%-58s %10.0f µs for %lld notices (%.1f µs each)\n", "scheduler pass writing the notices of a window",
                seconds * 1e6, static_cast<long long>(pass.sla_notices),
                pass.sla_notices > 0 ? seconds * 1e6 / static_cast<double>(pass.sla_notices) : 0.0);
    // Undone, so the next run finds the same tickets crossing.
    {
        auto tx = db->begin(hd::tx_mode::write);
        for (const auto& t : tx->tickets().due_sla_notices(bench_now + window + 2h + 1us, 1'000'000)) {
            if (t.sla_notified == 4) {
                tx->tickets().set_sla_notified(t.id, 0, t.sla.resolution.at_risk_at);
            }
        }
        tx->commit();
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "sla_bench: %s\n", e.what());
    return 1;
}
