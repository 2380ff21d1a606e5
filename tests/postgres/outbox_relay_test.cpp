// Outbox relays sharing one PostgreSQL outbox (docs/product.md#notifications): relays in separate
// engines (as separate server processes would be) never deliver one event at
// the same time and together deliver each exactly once; events claimed by a
// relay that died are delivered by another once the lease runs out.

#include "pg_support.hpp"

#include <helpdesk/delivery/outbox_relay.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace helpdesk;
using namespace std::chrono_literals;

namespace {

/// A slow channel that records, per event, how many deliveries overlap and
/// how many happened. Thread-safe.
class slow_notifier final : public notifier {
public:
    explicit slow_notifier(std::chrono::milliseconds pause) : pause_(pause) {}

    void deliver(const outbox_event& event) override {
        {
            std::lock_guard lock(mutex_);
            auto& now = in_flight_[event.id];
            ++now;
            peak_[event.id] = std::max(peak_[event.id], now);
        }
        std::this_thread::sleep_for(pause_);
        std::lock_guard lock(mutex_);
        --in_flight_[event.id];
        ++deliveries_[event.id];
    }
    std::map<row_id, int> deliveries() const {
        std::lock_guard lock(mutex_);
        return deliveries_;
    }
    std::map<row_id, int> peaks() const {
        std::lock_guard lock(mutex_);
        return peak_;
    }
    std::size_t total() const {
        std::lock_guard lock(mutex_);
        std::size_t n = 0;
        for (const auto& [id, count] : deliveries_) {
            n += static_cast<std::size_t>(count);
        }
        return n;
    }

private:
    std::chrono::milliseconds pause_;
    mutable std::mutex mutex_;
    std::map<row_id, int> in_flight_;
    std::map<row_id, int> peak_;
    std::map<row_id, int> deliveries_;
};

/// Settles whatever the set-up left due, so only the test's events remain.
void drain(engine& desk) {
    for (auto batch = desk.outbox().claim_due(100); !batch.empty(); batch = desk.outbox().claim_due(100)) {
        for (const auto& e : batch) {
            REQUIRE(desk.outbox().mark_delivered(e.id, e.lease));
        }
    }
    REQUIRE(desk.outbox().count(outbox_state::pending) == 0);
}

/// An engine on a fresh store whose owner has just created `events` tickets
/// (subjects `label` + number): their events, and nothing else, are pending.
struct relay_world {
    relay_world(const pgtest::private_schema& schema, const engine_options& options, int events,
                const std::string& label)
        : desk{pgtest::make_engine(postgres::open(schema.store_url()), options)} {
        const auto admin = pgtest::bootstrap_admin(*desk);
        const auto owner = pgtest::employee(*desk, admin, "owner@example.com");
        drain(*desk);
        delivered_before = desk->outbox().count(outbox_state::delivered);
        for (int i = 0; i < events; ++i) {
            (void)desk->tickets().create(owner.id, pgtest::ticket_request(label + std::to_string(i)));
        }
    }

    std::unique_ptr<engine> desk;
    /// Events delivered before the tickets were created.
    std::int64_t delivered_before = 0;
};

/// Waits up to `limit` for `done`.
template <class Done>
bool wait_for(Done&& done, std::chrono::seconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) {
            return false;
        }
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

} // namespace

PG_TEST_CASE(
    "2 relays of 3 threads on separate stores deliver 200 events through a slow channel exactly once") {
    constexpr int events = 200;
    pgtest::private_schema schema{url};
    relay_world world{schema, pgtest::fast_options(), events, "Relay ticket "};
    auto& setup = world.desk;
    const auto delivered_before = world.delivered_before;
    REQUIRE(setup->outbox().count(outbox_state::pending) == events);

    auto channel = std::make_shared<slow_notifier>(3ms);
    auto first = pgtest::make_engine(postgres::open(schema.store_url()));
    auto second = pgtest::make_engine(postgres::open(schema.store_url()));
    const relay_options options{.batch = 5, .idle_wait = 20ms};
    outbox_relay a{*first, {relay_channel{"email", channel}}, options};
    outbox_relay b{*second, {relay_channel{"email", channel}}, options};
    a.start(3);
    b.start(3);
    const bool drained = wait_for(
        [&] {
            return channel->total() >= static_cast<std::size_t>(events) &&
                   setup->outbox().count(outbox_state::pending) == 0;
        },
        120s);
    a.stop();
    b.stop();
    REQUIRE(drained);

    const auto deliveries = channel->deliveries();
    const auto peaks = channel->peaks();
    CHECK(deliveries.size() == static_cast<std::size_t>(events));
    int twice = 0;
    int overlapping = 0;
    for (const auto& [id, count] : deliveries) {
        twice += count != 1;
        overlapping += peaks.at(id) != 1;
    }
    CHECK_MESSAGE(twice == 0, twice << " events delivered more than once");
    CHECK_MESSAGE(overlapping == 0, overlapping << " events delivered by two threads at the same time");
    CHECK(setup->outbox().count(outbox_state::delivered) - delivered_before == events);
    CHECK(setup->outbox().count(outbox_state::dead) == 0);
    MESSAGE("delivered by relay a: " << a.stats().delivered << ", by relay b: " << b.stats().delivered);
    CHECK(a.stats().delivered + b.stats().delivered == static_cast<std::uint64_t>(events));
    CHECK(a.stats().retried + b.stats().retried == 0);
}

PG_TEST_CASE(
    "a relay that dies mid-delivery loses nothing: after the lease another relay delivers every event") {
    constexpr int events = 30;
    constexpr int partial = 5;
    auto options = pgtest::fast_options();
    options.delivery_lease = 1s;
    pgtest::private_schema schema{url};
    relay_world world{schema, options, events, "Crash ticket "};
    auto& setup = world.desk;
    const auto delivered_before = world.delivered_before;

    // The doomed relay: claims everything, gets a few to its email channel
    // (recording that), then dies without settling anything.
    std::vector<outbox_event> claimed;
    {
        auto doomed = pgtest::make_engine(postgres::open(schema.store_url()), options);
        claimed = doomed->outbox().claim_due(100);
        REQUIRE(claimed.size() == static_cast<std::size_t>(events));
        for (int i = 0; i < partial; ++i) {
            const auto& e = claimed[static_cast<std::size_t>(i)];
            REQUIRE(doomed->outbox().mark_channel_delivered(e.id, e.lease, "email"));
        }
    }

    auto email = std::make_shared<slow_notifier>(0ms);
    auto webhook = std::make_shared<slow_notifier>(0ms);
    auto survivor = pgtest::make_engine(postgres::open(schema.store_url()), options);
    outbox_relay relay{*survivor, {relay_channel{"email", email}, relay_channel{"webhook", webhook}},
                       relay_options{.batch = 50, .idle_wait = 50ms}};
    CHECK(relay.run_once() == 0); // still leased to the dead relay
    relay.start(2);
    const bool drained = wait_for(
        [&] {
            return setup->outbox().count(outbox_state::delivered) - delivered_before == events;
        },
        30s);
    relay.stop();
    REQUIRE(drained);

    CHECK(setup->outbox().count(outbox_state::pending) == 0);
    CHECK(webhook->deliveries().size() == static_cast<std::size_t>(events));
    CHECK(webhook->total() == static_cast<std::size_t>(events));
    // The email channel already had the first few: they were not sent again.
    CHECK(email->total() == static_cast<std::size_t>(events - partial));
    for (int i = 0; i < partial; ++i) {
        CHECK(email->deliveries().count(claimed[static_cast<std::size_t>(i)].id) == 0);
    }
    // The dead relay's leases settle nothing any more.
    CHECK_FALSE(setup->outbox().mark_delivered(claimed[0].id, claimed[0].lease));
    CHECK(setup->outbox().mark_failed(claimed[1].id, claimed[1].lease, "late") == outbox_state::delivered);
}
