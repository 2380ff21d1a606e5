#pragma once

// Channels and fixtures shared by the outbox relay tests (outbox_*_test.cpp).

#include "test_support.hpp"
#include <helpdesk/delivery/outbox_relay.hpp>
#include <algorithm>
#include <chrono>
#include <functional>
#include <set>
#include <thread>

namespace relay_tests {


using namespace helpdesk;
using namespace helpdesk::testing;
using namespace std::chrono_literals;

/// A channel that records what it got and fails as told. Thread-safe.
class scripted_channel final : public notifier {
public:
    enum class mode { ok, transient, permanent, foreign };

    void deliver(const outbox_event& event) override {
        std::lock_guard lock(mutex_);
        ++calls_;
        switch (mode_) {
        case mode::transient: throw std::runtime_error(message_);
        case mode::permanent: throw delivery_failure(message_, true);
        case mode::foreign: throw 42; // not even a std::exception
        case mode::ok: break;
        }
        got_.push_back(event);
    }
    void set(mode m, std::string message = {}) {
        std::lock_guard lock(mutex_);
        mode_ = m;
        message_ = std::move(message);
    }
    /// Events delivered successfully, in order.
    std::vector<outbox_event> got() const {
        std::lock_guard lock(mutex_);
        return got_;
    }
    /// Delivery attempts, failed ones included.
    int calls() const {
        std::lock_guard lock(mutex_);
        return calls_;
    }
    std::size_t count_of(row_id id) const {
        std::lock_guard lock(mutex_);
        return static_cast<std::size_t>(
            std::count_if(got_.begin(), got_.end(), [id](const outbox_event& e) { return e.id == id; }));
    }

private:
    mutable std::mutex mutex_;
    mode mode_ = mode::ok;
    std::string message_;
    std::vector<outbox_event> got_;
    int calls_ = 0;
};

/// A store that can be made unreachable: `begin` then throws storage_unavailable.
class switchable_store final : public store {
public:
    explicit switchable_store(std::shared_ptr<store> inner) : inner_(std::move(inner)) {}
    std::unique_ptr<transaction> begin(tx_mode mode) override {
        if (down) {
            throw error(errc::storage_unavailable, "injected: the store is unreachable");
        }
        return inner_->begin(mode);
    }
    std::atomic<bool> down{false};

private:
    std::shared_ptr<store> inner_;
};

inline engine_options relay_options_for_tests() {
    auto o = fixture::fast_options();
    o.max_delivery_attempts = 4;
    o.first_retry_delay = 30s;
    o.delivery_lease = 120s;
    return o;
}

/// `fixture` with retry options of our own and the set-up's events delivered.
struct relay_fixture {
    explicit relay_fixture(engine_options o = relay_options_for_tests()) : options(o) {
        recording_notifier sink;
        (void)desk.outbox().deliver_due(sink, 1000);
        REQUIRE(desk.outbox().count(outbox_state::pending) == 0);
    }

    engine_options options;
    std::shared_ptr<switchable_store> db = std::make_shared<switchable_store>(sqlite::open("sqlite::memory:"));
    std::shared_ptr<fixed_clock> time = std::make_shared<fixed_clock>(test_epoch());
    engine desk{engine_parts{db, memory_blob_store(), time, std::make_shared<counting_random>()}, options};
    account admin = desk.accounts().bootstrap_admin(fixture::person("admin@example.com", "Ada", "Admin"));

    account employee(const std::string& email) {
        auto a = desk.accounts().sign_up(fixture::person(email));
        return desk.accounts().approve(admin.id, a.id);
    }
    account staff(const std::string& email, const std::string& role_name = "Ticket Coordinator") {
        return desk.accounts().change_role(admin.id, employee(email).id, role_name);
    }
    ticket raise(const account& owner) {
        return desk.tickets().create(owner.id, fixture::ticket_request()).item;
    }
    /// Two tickets raised by the admin: their two pending events.
    std::vector<outbox_event> two_pending() {
        (void)raise(admin);
        (void)raise(admin);
        auto events = desk.outbox().pending();
        REQUIRE(events.size() == 2);
        return events;
    }
    /// A ticket raised by the admin: the id of its pending event.
    row_id one_pending() {
        (void)raise(admin);
        return desk.outbox().pending().at(0).id;
    }
    /// The stored event, read directly from the store.
    outbox_event stored(row_id id) {
        auto tx = db->begin(tx_mode::read);
        auto found = tx->outbox().find(id);
        REQUIRE(found);
        return *found;
    }
    /// The newest pending event of `kind`.
    outbox_event newest(std::string_view kind) {
        const auto rows = desk.outbox().list(admin.id, outbox_state::pending, {.page_number = 1, .page_size = 100}).results;
        const auto it = std::find_if(rows.begin(), rows.end(), [&](const outbox_event& e) { return e.kind == kind; });
        REQUIRE(it != rows.end());
        return *it;
    }
};

inline std::vector<relay_channel> channels(std::initializer_list<std::pair<std::string, std::shared_ptr<notifier>>> list) {
    std::vector<relay_channel> out;
    for (const auto& [name, target] : list) {
        out.push_back(relay_channel{name, target});
    }
    return out;
}

/// An email, a webhook and an audit channel, each scripted by the test.
struct three_channels {
    std::shared_ptr<scripted_channel> email = std::make_shared<scripted_channel>();
    std::shared_ptr<scripted_channel> webhook = std::make_shared<scripted_channel>();
    std::shared_ptr<scripted_channel> audit = std::make_shared<scripted_channel>();

    /// The three as the relay's channels, in that order.
    std::vector<relay_channel> all() const {
        return channels({{"email", email}, {"webhook", webhook}, {"audit", audit}});
    }
};

inline std::set<account_id> ids_of(const std::vector<account_summary>& people) {
    std::set<account_id> ids;
    for (const auto& p : people) {
        ids.insert(p.id);
    }
    CHECK_MESSAGE(ids.size() == people.size(), "someone hears twice");
    return ids;
}

/// Polls `done` for up to 10 s.
inline bool eventually(const std::function<bool()>& done) {
    for (int i = 0; i < 1000; ++i) {
        if (done()) {
            return true;
        }
        std::this_thread::sleep_for(10ms);
    }
    return done();
}


} // namespace relay_tests

// The tests of this subject use the helpers unqualified.
using namespace relay_tests;
