// Prints how fast an outbox_relay drains a backlog: events per second with
// 1, 2 and 4 relay threads, through a channel that returns at once (the
// relay's own cost: claim, hold, settle) and through one that takes 2 ms per
// event (a nearby webhook). Not a test.
//
//   relay_bench [--store URL] [--events N] [--batch N]
//
// URL: sqlite:///abs/path.db, sqlite://relative.db, or (when built with the
// PostgreSQL adapter) postgresql://user@host:port/db. The store is used as
// given: point it at a fresh file or schema.

#include "bench_support.hpp"

#include <helpdesk/delivery/outbox_relay.hpp>
#include <helpdesk/engine.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <thread>

namespace hd = helpdesk;
using namespace helpdesk::bench;

namespace {

struct settings {
    std::string url = "sqlite://var/bench/relay_bench.db";
    std::int64_t events = 4000;
    std::int64_t batch = 20;
};

settings parse(int argc, char** argv) {
    settings s;
    read_flags(argc, argv,
               {{"--store", value_into(s.url)}, {"--events", value_into(s.events)}, {"--batch", value_into(s.batch)}});
    return s;
}

/// A channel that counts, after an optional pause per event.
class counting_channel : public hd::notifier {
public:
    explicit counting_channel(std::chrono::microseconds pause) : pause_(pause) {}
    void deliver(const hd::outbox_event&) override {
        if (pause_.count() > 0) {
            std::this_thread::sleep_for(pause_);
        }
        count_.fetch_add(1, std::memory_order_relaxed);
    }
    [[nodiscard]] std::int64_t count() const { return count_.load(); }

private:
    std::chrono::microseconds pause_;
    std::atomic<std::int64_t> count_{0};
};

} // namespace

int main(int argc, char** argv) try {
    const auto s = parse(argc, argv);
    hd::engine_options options;
    options.password_iterations = 1000;
    hd::engine desk{hd::engine_parts{.db = open_bench_store(s.url)}, options};
    // A fresh admin each run, as the store file is reused.
    const auto admin =
        desk.accounts().bootstrap_admin(seed_person("admin", bench_clock::now().time_since_epoch().count()));
    hd::create_ticket_request request;
    request.subject = "Relay bench";
    request.category = "IT Category";
    request.sub_category = "Network & Security Administration";
    request.description = "An event for the relay.";

    std::printf("relay_bench  store %s  events per run %lld  batch %lld\n", s.url.c_str(),
                static_cast<long long>(s.events), static_cast<long long>(s.batch));
    std::printf("%-10s %8s %12s %10s\n", "channel", "threads", "events/s", "seconds");
    for (const auto pause : {std::chrono::microseconds{0}, std::chrono::microseconds{2000}}) {
        for (const unsigned threads : {1U, 2U, 4U}) {
            // A fresh backlog: everything earlier is drained first, untimed.
            {
                hd::outbox_relay drain{desk, {{"drain", std::make_shared<counting_channel>(std::chrono::microseconds{0})}}};
                while (drain.run_once() > 0) {
                }
            }
            for (std::int64_t i = 0; i < s.events; ++i) {
                (void)desk.tickets().create(admin.id, request);
            }
            auto channel = std::make_shared<counting_channel>(pause);
            hd::outbox_relay relay{desk, {{"bench", channel}}, hd::relay_options{.batch = s.batch,
                                                                                   .idle_wait = std::chrono::milliseconds{5}}};
            const auto start = bench_clock::now();
            relay.start(threads);
            while (desk.outbox().count(hd::outbox_state::pending) > 0) {
                std::this_thread::sleep_for(std::chrono::milliseconds{2});
            }
            const auto seconds = seconds_since(start);
            relay.stop();
            std::printf("%-10s %8u %12.0f %10.2f\n", pause.count() == 0 ? "instant" : "2 ms", threads,
                        static_cast<double>(channel->count()) / seconds, seconds);
        }
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "relay_bench: %s\n", e.what());
    return 1;
}
