// The outbox relay and the outbox's settling and admin calls (spec §5):
// several channels, retries with backoff and jitter, dead events, partial
// deliveries, leases, secrets, requeue, list, audience and background threads.

#include "test_support.hpp"

#include <helpdesk/delivery/outbox_relay.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <set>
#include <thread>

namespace {

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

engine_options relay_options_for_tests() {
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
    /// The stored event, read directly from the store.
    outbox_event stored(row_id id) {
        auto tx = db->begin(tx_mode::read);
        auto found = tx->outbox().find(id);
        REQUIRE(found);
        return *found;
    }
    /// The newest pending event of `kind`.
    outbox_event newest(std::string_view kind) {
        const auto rows = desk.outbox().list(admin.id, outbox_state::pending, 1, 100).rows;
        const auto it = std::find_if(rows.begin(), rows.end(), [&](const outbox_event& e) { return e.kind == kind; });
        REQUIRE(it != rows.end());
        return *it;
    }
};

std::vector<relay_channel> channels(std::initializer_list<std::pair<std::string, std::shared_ptr<notifier>>> list) {
    std::vector<relay_channel> out;
    for (const auto& [name, target] : list) {
        out.push_back(relay_channel{name, target});
    }
    return out;
}

std::set<account_id> ids_of(const std::vector<account_summary>& people) {
    std::set<account_id> ids;
    for (const auto& p : people) {
        ids.insert(p.id);
    }
    CHECK_MESSAGE(ids.size() == people.size(), "someone hears twice");
    return ids;
}

/// Polls `done` for up to 10 s.
bool eventually(const std::function<bool()>& done) {
    for (int i = 0; i < 1000; ++i) {
        if (done()) {
            return true;
        }
        std::this_thread::sleep_for(10ms);
    }
    return done();
}

} // namespace

TEST_SUITE("outbox_relay") {

TEST_CASE("relay: each due event goes to every channel, in order, then is delivered with its secret erased") {
    relay_fixture f;
    const auto erin = f.employee("erin@example.com");
    const auto token = f.desk.accounts().request_password_reset("erin@example.com");
    REQUIRE(token);
    const auto pending = f.desk.outbox().pending();
    REQUIRE(pending.size() == 3); // registered, approved, reset
    const auto delivered_before = f.desk.outbox().count(outbox_state::delivered);

    auto email = std::make_shared<scripted_channel>();
    auto webhook = std::make_shared<scripted_channel>();
    outbox_relay relay{f.desk, channels({{"email", email}, {"webhook", webhook}})};
    CHECK(relay.run_once() == 3);

    for (const auto* channel : {email.get(), webhook.get()}) {
        const auto got = channel->got();
        REQUIRE(got.size() == 3);
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].id == pending[i].id);
            CHECK_FALSE(got[i].lease.empty()); // handed over while claimed
        }
        // The reset mail's channel gets the token, outside the payload.
        CHECK(got[2].kind == event_kind::password_reset_requested);
        CHECK(got[2].account == erin.id);
        CHECK(got[2].secret == token);
        CHECK(got[2].payload.find(*token) == std::string::npos);
    }
    CHECK(f.desk.outbox().count(outbox_state::pending) == 0);
    CHECK(f.desk.outbox().count(outbox_state::delivered) == delivered_before + 3);
    const auto reset = f.stored(pending[2].id);
    CHECK(reset.state == outbox_state::delivered);
    CHECK_FALSE(reset.secret);
    CHECK(reset.lease.empty());
    CHECK(reset.attempts == 1);
    CHECK_FALSE(reset.last_error);
    CHECK(relay.stats().delivered == 3);
    CHECK(relay.stats().retried == 0);
    CHECK(relay.stats().dead == 0);

    CHECK(relay.run_once() == 0); // nothing left
    CHECK(email->calls() == 3);
}

TEST_CASE("relay: a transient failure is retried after half to all of a base that doubles, then the event is dead") {
    relay_fixture f;
    (void)f.raise(f.admin);
    (void)f.raise(f.admin);
    const auto events = f.desk.outbox().pending();
    REQUIRE(events.size() == 2);

    auto email = std::make_shared<scripted_channel>();
    outbox_relay relay{f.desk, channels({{"email", email}})};
    for (int attempt = 1; attempt <= 3; ++attempt) {
        CAPTURE(attempt);
        email->set(scripted_channel::mode::transient, "451 try later (" + std::to_string(attempt) + ")");
        const auto failed_at = f.time->now();
        const auto base = std::chrono::duration_cast<std::chrono::microseconds>(30s * (1 << (attempt - 1)));
        CHECK(relay.run_once() == 2);
        CHECK(relay.stats().retried == static_cast<std::uint64_t>(2 * attempt));
        std::vector<time_point> next;
        for (const auto& e : events) {
            const auto now = f.stored(e.id);
            CHECK(now.state == outbox_state::pending);
            CHECK(now.attempts == attempt);
            CHECK(now.last_error == "email: 451 try later (" + std::to_string(attempt) + ")");
            CHECK(now.lease.empty());
            CHECK(now.next_attempt_at >= failed_at + base / 2);
            CHECK(now.next_attempt_at <= failed_at + base);
            next.push_back(now.next_attempt_at);
        }
        // Jitter: events that failed together do not all come back together.
        CHECK(next[0] != next[1]);
        // Not handed out a microsecond before its time, and handed out at it.
        const auto first = std::min(next[0], next[1]);
        f.time->advance(first - f.time->now() - 1us);
        CHECK(relay.run_once() == 0);
        f.time->advance(std::max(next[0], next[1]) - f.time->now());
        CHECK(f.desk.outbox().pending().size() == 2);
    }

    email->set(scripted_channel::mode::transient, "451 try later (4)");
    CHECK(relay.run_once() == 2); // attempt 4 of 4
    for (const auto& e : events) {
        const auto now = f.stored(e.id);
        CHECK(now.state == outbox_state::dead);
        CHECK(now.attempts == 4);
        CHECK(now.last_error == "email: 451 try later (4)"); // the last error is kept
    }
    CHECK(relay.stats().dead == 2);
    CHECK(relay.stats().delivered == 0);
    CHECK(f.desk.outbox().count(outbox_state::dead) == 2);
    email->set(scripted_channel::mode::ok);
    f.time->advance(std::chrono::days{30});
    CHECK(relay.run_once() == 0);
    CHECK(email->got().empty());
}

TEST_CASE("relay: a permanent delivery_failure parks the event as dead at once, the other channels still get it") {
    relay_fixture f;
    (void)f.raise(f.admin);
    auto email = std::make_shared<scripted_channel>();
    auto webhook = std::make_shared<scripted_channel>();
    email->set(scripted_channel::mode::permanent, "550 no such mailbox");
    outbox_relay relay{f.desk, channels({{"email", email}, {"webhook", webhook}})};
    CHECK(relay.run_once() == 1);
    const auto dead = f.desk.outbox().list(f.admin.id, outbox_state::dead).rows;
    REQUIRE(dead.size() == 1);
    CHECK(dead[0].attempts == 1);
    CHECK(dead[0].last_error == "email: 550 no such mailbox");
    CHECK(webhook->calls() == 1); // one bad mailbox does not keep the webhook from hearing
    CHECK(dead[0].delivered_to == std::vector<std::string>{"webhook"});
    CHECK(relay.stats().dead == 1);
    CHECK(relay.stats().retried == 0);
}

TEST_CASE("relay: failures of several channels are recorded together, permanent only when all are") {
    relay_fixture f;
    (void)f.raise(f.admin);
    const auto id = f.desk.outbox().pending().at(0).id;
    auto email = std::make_shared<scripted_channel>();
    auto webhook = std::make_shared<scripted_channel>();
    auto audit = std::make_shared<scripted_channel>();
    email->set(scripted_channel::mode::permanent, "550 no such mailbox");
    webhook->set(scripted_channel::mode::transient, "503 busy");
    outbox_relay relay{f.desk, channels({{"email", email}, {"webhook", webhook}, {"audit", audit}})};
    CHECK(relay.run_once() == 1);
    auto stored = f.stored(id);
    CHECK(stored.state == outbox_state::pending); // the webhook may still work
    CHECK(stored.last_error == "email: 550 no such mailbox; webhook: 503 busy");
    CHECK(stored.delivered_to == std::vector<std::string>{"audit"});
    CHECK(relay.stats().retried == 1);

    webhook->set(scripted_channel::mode::permanent, "410 gone");
    f.time->advance(1h);
    CHECK(relay.run_once() == 1);
    stored = f.stored(id);
    CHECK(stored.state == outbox_state::dead);
    CHECK(stored.last_error == "email: 550 no such mailbox; webhook: 410 gone");
    CHECK(audit->count_of(id) == 1); // never again
    CHECK(relay.stats().dead == 1);
}

TEST_CASE("relay: an exception that is not a std::exception is a transient failure") {
    relay_fixture f;
    (void)f.raise(f.admin);
    auto odd = std::make_shared<scripted_channel>();
    odd->set(scripted_channel::mode::foreign);
    outbox_relay relay{f.desk, channels({{"odd", odd}})};
    CHECK(relay.run_once() == 1);
    const auto e = f.desk.outbox().list(f.admin.id, outbox_state::pending).rows.at(0);
    CHECK(e.attempts == 1);
    CHECK(e.last_error == "odd: unknown error");
    CHECK(relay.stats().retried == 1);
}

TEST_CASE("relay: a channel's error text is kept as valid UTF-8 without control characters, at most 2000 bytes") {
    relay_fixture f;
    (void)f.raise(f.admin);
    (void)f.raise(f.admin);
    const auto events = f.desk.outbox().pending();
    REQUIRE(events.size() == 2);
    auto email = std::make_shared<scripted_channel>();
    outbox_relay relay{f.desk, channels({{"email", email}}), relay_options{.batch = 1, .idle_wait = 1s}};

    email->set(scripted_channel::mode::transient, "550 caf\xC3\xA9 \xFF\xC3 bad\x01" "bytes\r\nsecond line");
    CHECK(relay.run_once() == 1);
    CHECK(f.stored(events[0].id).last_error ==
          "email: 550 caf\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD bad bytes  second line");

    std::string long_text;
    for (int i = 0; i < 3000; ++i) {
        long_text += "\xC3\xA9"; // 2 bytes each
    }
    email->set(scripted_channel::mode::transient, long_text);
    CHECK(relay.run_once() == 1);
    const auto kept = *f.stored(events[1].id).last_error;
    // "email: " is 7 bytes, then whole 2-byte characters only: 7 + 2 × 996.
    CHECK(kept.size() == 1999);
    CHECK(kept.rfind("email: \xC3\xA9", 0) == 0);
    CHECK(kept.substr(kept.size() - 2) == "\xC3\xA9");
}

TEST_CASE("relay: after a partial failure the retry skips the channels that already have the event") {
    relay_fixture f;
    (void)f.raise(f.admin);
    const auto id = f.desk.outbox().pending().at(0).id;
    auto email = std::make_shared<scripted_channel>();
    auto webhook = std::make_shared<scripted_channel>();
    auto audit = std::make_shared<scripted_channel>();
    webhook->set(scripted_channel::mode::transient, "connection refused");
    outbox_relay relay{f.desk, channels({{"email", email}, {"webhook", webhook}, {"audit", audit}})};

    CHECK(relay.run_once() == 1);
    auto stored = f.stored(id);
    CHECK(stored.state == outbox_state::pending);
    CHECK(stored.delivered_to == std::vector<std::string>{"email", "audit"});
    CHECK(stored.last_error == "webhook: connection refused");
    CHECK(email->count_of(id) == 1);
    CHECK(audit->count_of(id) == 1); // a failing channel does not hold up the next one

    webhook->set(scripted_channel::mode::ok);
    f.time->advance(1h);
    CHECK(relay.run_once() == 1);
    CHECK(email->count_of(id) == 1); // not again
    CHECK(webhook->count_of(id) == 1);
    CHECK(audit->count_of(id) == 1);
    stored = f.stored(id);
    CHECK(stored.state == outbox_state::delivered);
    CHECK(stored.attempts == 2);
    CHECK(std::set<std::string>(stored.delivered_to.begin(), stored.delivered_to.end()) ==
          std::set<std::string>{"email", "audit"});
    CHECK(relay.stats().delivered == 1);
    CHECK(relay.stats().retried == 1);
}

TEST_CASE("outbox: hold renews a claim with less than half its lease left, and fails once the lease is lost") {
    relay_fixture f;
    (void)f.raise(f.admin);
    engine other{engine_parts{f.db, memory_blob_store(), f.time, std::make_shared<counting_random>()}, f.options};

    auto claimed = f.desk.outbox().claim_due();
    REQUIRE(claimed.size() == 1);
    auto& event = claimed[0];
    const auto first_expiry = event.next_attempt_at;
    CHECK(f.desk.outbox().hold(event)); // plenty left: no write
    CHECK(event.next_attempt_at == first_expiry);
    CHECK(f.stored(event.id).next_attempt_at == first_expiry);

    f.time->advance(70s); // 50 s of 120 s left
    CHECK(f.desk.outbox().hold(event));
    CHECK(event.next_attempt_at == f.time->now() + 120s);
    CHECK(f.stored(event.id).next_attempt_at == event.next_attempt_at);
    f.time->advance(100s); // past the first expiry, inside the renewed one
    CHECK(other.outbox().claim_due().empty());

    f.time->advance(21s); // the renewed lease ran out; another worker claims
    CHECK_FALSE(f.desk.outbox().hold(event));
    const auto taken = other.outbox().claim_due();
    REQUIRE(taken.size() == 1);
    auto stale = event;
    stale.next_attempt_at = f.time->now() + 1s; // even a holder that thinks it has time left
    CHECK_FALSE(f.desk.outbox().hold(stale));
    CHECK(f.stored(event.id).lease == taken[0].lease);
}

TEST_CASE("outbox: a worker whose lease ran out cannot settle the event another worker claimed since") {
    relay_fixture f;
    (void)f.raise(f.admin);
    engine other{engine_parts{f.db, memory_blob_store(), f.time, std::make_shared<counting_random>()}, f.options};

    const auto a = f.desk.outbox().claim_due();
    REQUIRE(a.size() == 1);
    const auto id = a[0].id;
    CHECK_FALSE(a[0].lease.empty());
    CHECK(other.outbox().claim_due().empty()); // withheld while the lease lasts
    f.time->advance(119s);
    CHECK(other.outbox().claim_due().empty());
    f.time->advance(1s);
    const auto b = other.outbox().claim_due();
    REQUIRE(b.size() == 1);
    REQUIRE(b[0].id == id);
    CHECK(b[0].lease != a[0].lease);

    // Worker A, late: nothing it says changes the event.
    CHECK_FALSE(f.desk.outbox().mark_channel_delivered(id, a[0].lease, "email"));
    CHECK_FALSE(f.desk.outbox().mark_delivered(id, a[0].lease));
    CHECK(f.desk.outbox().mark_failed(id, a[0].lease, "A timed out", failure_kind::permanent) == outbox_state::pending);
    CHECK_FALSE(f.desk.outbox().mark_delivered(id, ""));
    auto stored = f.stored(id);
    CHECK(stored.state == outbox_state::pending);
    CHECK(stored.attempts == 0);
    CHECK_FALSE(stored.last_error);
    CHECK(stored.delivered_to.empty());
    CHECK(stored.lease == b[0].lease);

    // Worker B settles it; A's failure report after that changes nothing either.
    CHECK(other.outbox().mark_channel_delivered(id, b[0].lease, "email"));
    CHECK(other.outbox().mark_delivered(id, b[0].lease));
    CHECK(f.desk.outbox().mark_failed(id, a[0].lease, "A timed out") == outbox_state::delivered);
    CHECK_FALSE(other.outbox().mark_delivered(id, b[0].lease)); // settled already
    stored = f.stored(id);
    CHECK(stored.state == outbox_state::delivered);
    CHECK(stored.attempts == 1);
    CHECK_FALSE(stored.last_error);
    CHECK(stored.delivered_to == std::vector<std::string>{"email"});

    (void)expect_error(errc::not_found, [&] { (void)f.desk.outbox().mark_channel_delivered(999999, "x", "email"); });
    (void)expect_error(errc::invalid_argument, [&] { (void)other.outbox().mark_channel_delivered(id, "x", "a,b"); });
    (void)expect_error(errc::invalid_argument, [&] { (void)other.outbox().mark_channel_delivered(id, "x", ""); });
}

TEST_CASE("outbox: a set-password token stays the event's secret across retries and is erased once delivered") {
    relay_fixture f;
    admin_create_request r;
    r.email = "hired@example.com";
    r.first_name = "Hana";
    r.last_name = "Hired";
    r.department = "IT Department";
    const auto created = f.desk.accounts().admin_create(f.admin.id, r);
    const auto event = f.newest(event_kind::account_created);
    CHECK(event.payload.find(created.set_password_token) == std::string::npos);
    CHECK_FALSE(event.secret); // list never shows it
    CHECK(f.stored(event.id).secret == created.set_password_token);

    auto email = std::make_shared<scripted_channel>();
    email->set(scripted_channel::mode::transient, "timeout");
    outbox_relay relay{f.desk, channels({{"email", email}})};
    CHECK(relay.run_once() == 1);
    CHECK(f.stored(event.id).secret == created.set_password_token); // the retry needs it

    email->set(scripted_channel::mode::ok);
    f.time->advance(1h);
    CHECK(relay.run_once() == 1);
    REQUIRE(email->got().size() == 1);
    CHECK(email->got()[0].secret == created.set_password_token);
    CHECK(f.stored(event.id).state == outbox_state::delivered);
    CHECK_FALSE(f.stored(event.id).secret);
}

TEST_CASE("outbox admin: requeue puts a dead event back, and only the channels that lacked it get it") {
    relay_fixture f;
    const auto erin = f.employee("erin@example.com");
    const auto cora = f.staff("cora@example.com");
    {
        recording_notifier sink;
        (void)f.desk.outbox().deliver_due(sink, 1000);
    }
    (void)f.raise(erin);
    const auto id = f.desk.outbox().pending().at(0).id;
    auto email = std::make_shared<scripted_channel>();
    auto webhook = std::make_shared<scripted_channel>();
    webhook->set(scripted_channel::mode::permanent, "410 gone");
    outbox_relay relay{f.desk, channels({{"email", email}, {"webhook", webhook}})};
    CHECK(relay.run_once() == 1);
    REQUIRE(f.stored(id).state == outbox_state::dead);
    const auto delivered_id = [&] {
        (void)f.raise(erin);
        webhook->set(scripted_channel::mode::ok);
        CHECK(relay.run_once() == 1);
        return email->got().back().id;
    }();
    REQUIRE(f.stored(delivered_id).state == outbox_state::delivered);

    SUBCASE("refusals change nothing") {
        (void)expect_error(errc::permission_denied, [&] { (void)f.desk.outbox().requeue(erin.id, id); });
        (void)expect_error(errc::permission_denied, [&] { (void)f.desk.outbox().requeue(cora.id, id); });
        (void)expect_error(errc::not_found, [&] { (void)f.desk.outbox().requeue(f.admin.id, id + 1000); });
        (void)expect_error(errc::invalid_state, [&] { (void)f.desk.outbox().requeue(f.admin.id, delivered_id); });
        (void)f.raise(erin);
        const auto pending_id = f.desk.outbox().pending().at(0).id;
        const auto e = expect_error(errc::invalid_state, [&] { (void)f.desk.outbox().requeue(f.admin.id, pending_id); });
        CHECK(std::string{e.what()}.find("pending") != std::string::npos);
        CHECK(f.stored(id).state == outbox_state::dead);
        CHECK(f.stored(pending_id).state == outbox_state::pending);
        CHECK(f.stored(pending_id).attempts == 0);
    }

    SUBCASE("the admin requeues it") {
        f.time->advance(1h);
        const auto back = f.desk.outbox().requeue(f.admin.id, id);
        CHECK(back.id == id);
        CHECK(back.state == outbox_state::pending);
        CHECK(back.attempts == 0);
        CHECK(back.next_attempt_at == f.time->now());
        CHECK(back.last_error == "webhook: 410 gone"); // kept for the record
        CHECK(back.delivered_to == std::vector<std::string>{"email"});
        CHECK_FALSE(back.secret);
        CHECK(f.desk.outbox().count(outbox_state::dead) == 0);
        const auto email_before = email->count_of(id);
        CHECK(relay.run_once() == 1);
        CHECK(email->count_of(id) == email_before); // it had it already
        CHECK(webhook->count_of(id) == 1);
        CHECK(f.stored(id).state == outbox_state::delivered);
        // Delivered now: requeue refuses it.
        (void)expect_error(errc::invalid_state, [&] { (void)f.desk.outbox().requeue(f.admin.id, id); });
    }
}

TEST_CASE("outbox admin: list shows one state newest first with its count, never a secret, to admins only") {
    relay_fixture f;
    const auto erin = f.employee("erin@example.com");
    const auto cora = f.staff("cora@example.com");
    (void)f.desk.accounts().request_password_reset("erin@example.com");
    (void)f.raise(erin);
    const auto total = f.desk.outbox().count(outbox_state::pending);
    REQUIRE(total >= 5);

    const auto all = f.desk.outbox().list(f.admin.id, outbox_state::pending, 1, 100);
    CHECK(all.count == total);
    REQUIRE(all.rows.size() == static_cast<std::size_t>(total));
    for (std::size_t i = 1; i < all.rows.size(); ++i) {
        CHECK(all.rows[i - 1].id > all.rows[i].id);
    }
    CHECK(all.rows[0].kind == event_kind::ticket_created);
    bool saw_reset = false;
    for (const auto& e : all.rows) {
        CHECK(e.state == outbox_state::pending);
        CHECK_FALSE(e.secret);
        saw_reset = saw_reset || e.kind == event_kind::password_reset_requested;
    }
    CHECK(saw_reset);

    const auto second = f.desk.outbox().list(f.admin.id, outbox_state::pending, 2, 2);
    CHECK(second.count == total);
    REQUIRE(second.rows.size() == 2);
    CHECK(second.rows[0].id == all.rows[2].id);
    CHECK(second.rows[1].id == all.rows[3].id);
    const auto none = f.desk.outbox().list(f.admin.id, outbox_state::dead);
    CHECK(none.count == 0);
    CHECK(none.rows.empty());
    CHECK(f.desk.outbox().list(f.admin.id, outbox_state::delivered).count ==
          f.desk.outbox().count(outbox_state::delivered));

    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.outbox().list(erin.id, outbox_state::pending); });
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.outbox().list(cora.id, outbox_state::dead); });
    (void)expect_error(errc::unauthenticated, [&] { (void)f.desk.outbox().list(999999, outbox_state::dead); });
    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)f.desk.outbox().list(f.admin.id, outbox_state::dead, 0, 20);
          }).fields().count("page") == 1);
    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)f.desk.outbox().list(f.admin.id, outbox_state::dead, 1, 101);
          }).fields().count("page_size") == 1);
}

TEST_CASE("outbox: audience follows spec §5 for every event kind, approved people only, each once") {
    relay_fixture f;
    auto& out = f.desk.outbox();
    const auto erin = f.employee("erin@example.com");
    const auto bob = f.employee("bob@example.com");
    const auto cora = f.staff("cora@example.com");
    const auto sam = f.staff("sam@example.com", "System Admin");
    const auto pat = f.desk.accounts().sign_up(fixture::person("pat@example.com")); // stays pending
    const auto gone = f.desk.accounts().sign_up(fixture::person("gone@example.com"));
    const auto registered = f.newest(event_kind::account_registered); // gone's

    SUBCASE("accounts") {
        CHECK(ids_of(out.audience(f.newest(event_kind::account_approved))) == std::set<account_id>{sam.id});
        // A pending account hears that it registered, and nothing else.
        auto pats = registered;
        pats.account = pat.id;
        CHECK(ids_of(out.audience(pats)) == std::set<account_id>{pat.id});
        for (const auto kind : {event_kind::account_approved, event_kind::ticket_status_changed,
                                event_kind::password_reset_requested, event_kind::account_created}) {
            auto other = pats;
            other.kind = std::string{kind};
            CAPTURE(other.kind);
            CHECK(out.audience(other).empty());
        }
        (void)f.desk.accounts().reject(f.admin.id, gone.id, "Not an employee of ours");
        CHECK(out.audience(f.newest(event_kind::account_rejected)).empty()); // the account is gone
        CHECK(out.audience(registered).empty());
        (void)f.desk.accounts().request_password_reset("erin@example.com");
        const auto reset = out.audience(f.newest(event_kind::password_reset_requested));
        REQUIRE(reset.size() == 1);
        CHECK(reset[0].id == erin.id);
        CHECK(reset[0].email == "erin@example.com");
    }

    SUBCASE("tickets") {
        const auto t = f.raise(erin);
        // The owner and every approved coordinator and admin; no other employee, no pending account.
        CHECK(ids_of(out.audience(f.newest(event_kind::ticket_created))) ==
              std::set<account_id>{erin.id, f.admin.id, cora.id, sam.id});
        (void)f.desk.tickets().approve(cora.id, t.id, approve_request{});
        CHECK(ids_of(out.audience(f.newest(event_kind::ticket_approved))) == std::set<account_id>{erin.id});
        (void)f.desk.tickets().assign(cora.id, t.id, sam.id);
        CHECK(ids_of(out.audience(f.newest(event_kind::ticket_assigned))) == std::set<account_id>{sam.id});
        CHECK(ids_of(out.audience(f.newest(event_kind::ticket_status_changed))) == std::set<account_id>{erin.id});
        (void)f.desk.tickets().add_comment(erin.id, t.id, "Any news?");
        CHECK(ids_of(out.audience(f.newest(event_kind::comment_added))) == std::set<account_id>{sam.id});
        (void)f.desk.tickets().add_comment(sam.id, t.id, "Working on it.");
        CHECK(ids_of(out.audience(f.newest(event_kind::comment_added))) == std::set<account_id>{erin.id});
        (void)f.desk.tickets().finalize(sam.id, t.id);
        CHECK(out.audience(f.newest(event_kind::ticket_finalized)).empty()); // the workflow system's, by webhook
        (void)f.desk.tickets().update_status(sam.id, t.id, "Resolved");
        CHECK(ids_of(out.audience(f.newest(event_kind::ticket_resolved))) == std::set<account_id>{erin.id});
        (void)f.desk.tickets().close(erin.id, t.id);
        CHECK(ids_of(out.audience(f.newest(event_kind::ticket_closed))) == std::set<account_id>{erin.id});
        const auto r = f.raise(bob);
        (void)f.desk.tickets().reject(cora.id, r.id, "Duplicate of another ticket");
        CHECK(ids_of(out.audience(f.newest(event_kind::ticket_rejected))) == std::set<account_id>{bob.id});
        // An admin who raises a ticket hears of it once.
        (void)f.raise(f.admin);
        CHECK(ids_of(out.audience(f.newest(event_kind::ticket_created))) ==
              std::set<account_id>{f.admin.id, cora.id, sam.id});
    }
}

TEST_CASE("outbox: ticket_snapshot shows the ticket with its people and public comments only") {
    relay_fixture f;
    const auto erin = f.employee("erin@example.com");
    const auto cora = f.staff("cora@example.com");
    const auto t = f.raise(erin);
    (void)f.desk.tickets().approve(cora.id, t.id, approve_request{});
    (void)f.desk.tickets().claim(cora.id, t.id);
    (void)f.desk.tickets().add_comment(cora.id, t.id, "Public answer.");
    (void)f.desk.tickets().add_comment(cora.id, t.id, "Staff-only note.", true);
    const auto snap = f.desk.outbox().ticket_snapshot(t.id);
    REQUIRE(snap);
    CHECK(snap->item.ticket_number == t.ticket_number);
    CHECK(snap->employee.id == erin.id);
    REQUIRE(snap->assigned_to);
    CHECK(snap->assigned_to->id == cora.id);
    REQUIRE(snap->comments.size() == 1);
    CHECK(snap->comments[0].text == "Public answer.");
    CHECK_FALSE(f.desk.outbox().ticket_snapshot(t.id + 1000));
}

TEST_CASE("relay: background threads deliver, wake() nudges idle ones, stop() is prompt and idempotent") {
    relay_fixture f;
    (void)f.raise(f.admin);
    (void)f.raise(f.admin);
    auto email = std::make_shared<scripted_channel>();
    // An idle wait far longer than the test: only wake() and stop() end it.
    outbox_relay relay{f.desk, channels({{"email", email}}), relay_options{.batch = 1, .idle_wait = 10min}};
    relay.start(2);
    (void)expect_error(errc::invalid_state, [&] { relay.start(1); });
    CHECK(eventually([&] { return email->got().size() == 2; }));
    CHECK(eventually([&] { return f.desk.outbox().count(outbox_state::pending) == 0; }));
    std::this_thread::sleep_for(50ms); // both threads idle now

    (void)f.raise(f.admin);
    relay.wake();
    CHECK(eventually([&] { return email->got().size() == 3; }));
    CHECK(eventually([&] { return relay.stats().delivered == 3; }));

    const auto asked = std::chrono::steady_clock::now();
    relay.stop();
    CHECK(std::chrono::steady_clock::now() - asked < 5s);
    relay.stop();
    (void)f.raise(f.admin);
    relay.wake();
    std::this_thread::sleep_for(100ms);
    CHECK(email->got().size() == 3); // stopped: nobody delivers
    (void)expect_error(errc::invalid_argument, [&] { relay.start(0); });

    relay.start(1); // a stopped relay starts again
    CHECK(eventually([&] { return email->got().size() == 4; }));
    // The destructor stops the running thread.
}

TEST_CASE("relay: a store failure in a background round does not end the thread") {
    relay_fixture f;
    (void)f.raise(f.admin);
    auto email = std::make_shared<scripted_channel>();
    outbox_relay relay{f.desk, channels({{"email", email}}), relay_options{.batch = 10, .idle_wait = 20ms}};
    f.db->down = true;
    (void)expect_error(errc::storage_unavailable, [&] { (void)relay.run_once(); });
    relay.start(1);
    std::this_thread::sleep_for(150ms); // several failed rounds
    CHECK(email->got().empty());
    f.db->down = false;
    CHECK(eventually([&] { return email->got().size() == 1; }));
    CHECK(eventually([&] { return relay.stats().delivered == 1; }));
    relay.stop();
}

TEST_CASE("relay: the constructor refuses channels it could not name on events, and bad options") {
    relay_fixture f;
    auto ok = std::make_shared<scripted_channel>();
    const auto refused = [&](std::vector<relay_channel> list, relay_options o = {}) {
        return expect_error(errc::invalid_argument, [&] { outbox_relay relay{f.desk, std::move(list), o}; });
    };
    (void)refused({});
    CHECK(std::string{refused({relay_channel{"email", nullptr}}).what()}.find("email") != std::string::npos);
    (void)refused({relay_channel{"", ok}});
    (void)refused({relay_channel{"email,webhook", ok}});
    CHECK(std::string{refused({relay_channel{"email", ok}, relay_channel{"email", ok}}).what()}.find("twice") !=
          std::string::npos);
    (void)refused({relay_channel{"email", ok}}, relay_options{.batch = 0, .idle_wait = 1s});
    (void)refused({relay_channel{"email", ok}}, relay_options{.batch = 1, .idle_wait = -1ms});
    // And a valid one is accepted.
    outbox_relay relay{f.desk, {relay_channel{"email", ok}, relay_channel{"webhook", ok}}};
    CHECK(relay.run_once() == 0);
}

} // TEST_SUITE
