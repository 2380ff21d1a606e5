// The outbox relay: several channels, retries with backoff and jitter, dead events, partial
// deliveries and the error text it keeps.

#include "relay_test_support.hpp"

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
    const auto events = f.two_pending();

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
    const auto dead = f.desk.outbox().list(f.admin.id, outbox_state::dead).results;
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
    const auto id = f.one_pending();
    const three_channels ch;
    ch.email->set(scripted_channel::mode::permanent, "550 no such mailbox");
    ch.webhook->set(scripted_channel::mode::transient, "503 busy");
    outbox_relay relay{f.desk, ch.all()};
    CHECK(relay.run_once() == 1);
    auto stored = f.stored(id);
    CHECK(stored.state == outbox_state::pending); // the webhook may still work
    CHECK(stored.last_error == "email: 550 no such mailbox; webhook: 503 busy");
    CHECK(stored.delivered_to == std::vector<std::string>{"audit"});
    CHECK(relay.stats().retried == 1);

    ch.webhook->set(scripted_channel::mode::permanent, "410 gone");
    f.time->advance(1h);
    CHECK(relay.run_once() == 1);
    stored = f.stored(id);
    CHECK(stored.state == outbox_state::dead);
    CHECK(stored.last_error == "email: 550 no such mailbox; webhook: 410 gone");
    CHECK(ch.audit->count_of(id) == 1); // never again
    CHECK(relay.stats().dead == 1);
}

TEST_CASE("relay: an exception that is not a std::exception is a transient failure") {
    relay_fixture f;
    (void)f.raise(f.admin);
    auto odd = std::make_shared<scripted_channel>();
    odd->set(scripted_channel::mode::foreign);
    outbox_relay relay{f.desk, channels({{"odd", odd}})};
    CHECK(relay.run_once() == 1);
    const auto e = f.desk.outbox().list(f.admin.id, outbox_state::pending).results.at(0);
    CHECK(e.attempts == 1);
    CHECK(e.last_error == "odd: unknown error");
    CHECK(relay.stats().retried == 1);
}

TEST_CASE("relay: a channel's error text is kept as valid UTF-8 without control characters, at most 2000 bytes") {
    relay_fixture f;
    const auto events = f.two_pending();
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
    const auto id = f.one_pending();
    const three_channels ch;
    ch.webhook->set(scripted_channel::mode::transient, "connection refused");
    outbox_relay relay{f.desk, ch.all()};

    CHECK(relay.run_once() == 1);
    auto stored = f.stored(id);
    CHECK(stored.state == outbox_state::pending);
    CHECK(stored.delivered_to == std::vector<std::string>{"email", "audit"});
    CHECK(stored.last_error == "webhook: connection refused");
    CHECK(ch.email->count_of(id) == 1);
    CHECK(ch.audit->count_of(id) == 1); // a failing channel does not hold up the next one

    ch.webhook->set(scripted_channel::mode::ok);
    f.time->advance(1h);
    CHECK(relay.run_once() == 1);
    CHECK(ch.email->count_of(id) == 1); // not again
    CHECK(ch.webhook->count_of(id) == 1);
    CHECK(ch.audit->count_of(id) == 1);
    stored = f.stored(id);
    CHECK(stored.state == outbox_state::delivered);
    CHECK(stored.attempts == 2);
    CHECK(std::set<std::string>(stored.delivered_to.begin(), stored.delivered_to.end()) ==
          std::set<std::string>{"email", "audit"});
    CHECK(relay.stats().delivered == 1);
    CHECK(relay.stats().retried == 1);
}

} // TEST_SUITE
