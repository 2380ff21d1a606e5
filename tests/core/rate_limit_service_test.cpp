// Rate limits shared through the store (docs/product.md#rate-limits): a token
// bucket per key, refilled by the engine's clock.

#include "test_support.hpp"

#include <chrono>
#include <string>

namespace {

using namespace helpdesk;
using namespace helpdesk::testing;
using namespace std::chrono_literals;

/// A login-like limit: 5 at once, then one every 12 s.
const rate_limit login_limit{};

TEST_CASE("rate limits: the burst is allowed, then refused with a retry-after of at least 1 s") {
    fixture f;
    auto& limits = f.desk.limits();
    for (int i = 0; i < 5; ++i) {
        CAPTURE(i);
        CHECK_FALSE(limits.take("login:ip:127.0.0.1", login_limit));
    }
    const auto refused = limits.take("login:ip:127.0.0.1", login_limit);
    REQUIRE(refused);
    CHECK(*refused == 12s);
    // A refusal takes nothing: the wait only shrinks as time passes.
    f.time->advance(5s);
    CHECK(limits.take("login:ip:127.0.0.1", login_limit) == std::optional{7s});
    f.time->advance(6s + 500ms);
    CHECK(limits.take("login:ip:127.0.0.1", login_limit) == std::optional{1s}); // 0.5 s rounds up
    f.time->advance(499ms);
    CHECK(limits.take("login:ip:127.0.0.1", login_limit) == std::optional{1s}); // 1 ms still waits 1 s
}

TEST_CASE("rate limits: tokens come back with the fixed clock, up to the burst only") {
    fixture f;
    auto& limits = f.desk.limits();
    for (int i = 0; i < 5; ++i) {
        REQUIRE_FALSE(limits.take("k", login_limit));
    }
    REQUIRE(limits.take("k", login_limit));
    f.time->advance(12s);
    CHECK_FALSE(limits.take("k", login_limit)); // one came back
    CHECK(limits.take("k", login_limit));
    f.time->advance(24s);
    CHECK_FALSE(limits.take("k", login_limit));
    CHECK_FALSE(limits.take("k", login_limit));
    CHECK(limits.take("k", login_limit));

    // A long pause refills to the burst, not beyond.
    f.time->advance(1h);
    for (int i = 0; i < 5; ++i) {
        CHECK_FALSE(limits.take("k", login_limit));
    }
    CHECK(limits.take("k", login_limit));
}

TEST_CASE("rate limits: keys are independent, and each call names its own limit") {
    fixture f;
    auto& limits = f.desk.limits();
    const rate_limit one_a_minute{1, 60s};
    CHECK_FALSE(limits.take("login:ip:10.0.0.1", one_a_minute));
    CHECK(limits.take("login:ip:10.0.0.1", one_a_minute) == std::optional{60s});
    CHECK_FALSE(limits.take("login:ip:10.0.0.2", one_a_minute));
    CHECK_FALSE(limits.take("login:account:7", one_a_minute));
    CHECK(limits.take("login:ip:10.0.0.2", one_a_minute));
    CHECK(limits.take("login:account:7", one_a_minute));
}

TEST_CASE("rate limits: buckets are shared by every engine on the store") {
    fixture f;
    engine second{engine_parts{f.db, f.blobs, f.time, std::make_shared<counting_random>()},
                  fixture::fast_options()};
    const rate_limit two{2, 10s};
    CHECK_FALSE(f.desk.limits().take("forgot:ip:1", two));
    CHECK_FALSE(second.limits().take("forgot:ip:1", two));
    CHECK(f.desk.limits().take("forgot:ip:1", two));
    CHECK(second.limits().take("forgot:ip:1", two));
}

TEST_CASE("rate limits: a bad key or limit is invalid_argument") {
    fixture f;
    auto& limits = f.desk.limits();
    (void)expect_error(errc::invalid_argument, [&] { (void)limits.take("", login_limit); });
    (void)expect_error(errc::invalid_argument,
                       [&] { (void)limits.take(std::string(257, 'k'), login_limit); });
    (void)expect_error(errc::invalid_argument, [&] { (void)limits.take("k", rate_limit{0, 1s}); });
    (void)expect_error(errc::invalid_argument, [&] { (void)limits.take("k", rate_limit{1, 0ms}); });
    const auto e = expect_error(errc::invalid_argument, [&] {
        (void)limits.take("k", rate_limit{-1, -1ms});
    });
    CHECK(e.fields().count("burst") == 1);
    CHECK(e.fields().count("refill_every") == 1);
}

TEST_CASE("rate limits: every 1000th take deletes buckets idle for more than a day") {
    fixture f;
    auto& limits = f.desk.limits();
    const auto stored = [&](std::string_view key) {
        auto tx = f.db->begin(tx_mode::read);
        return tx->rate_limits().find(key).has_value();
    };
    CHECK_FALSE(limits.take("idle", login_limit)); // take 1
    f.time->advance(24h + 1s);
    CHECK_FALSE(limits.take("busy", login_limit)); // take 2
    for (int i = 3; i < 1000; ++i) {
        (void)limits.take("busy", login_limit); // refused mostly; refusals count too
    }
    CHECK(stored("idle"));
    (void)limits.take("busy", login_limit); // take 1000
    CHECK_FALSE(stored("idle"));
    CHECK(stored("busy"));
}

} // namespace
