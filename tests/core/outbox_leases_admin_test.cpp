// The outbox's leases, secrets and admin calls (requeue, list).

#include "relay_test_support.hpp"

TEST_SUITE("outbox_relay") {

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

    const auto all = f.desk.outbox().list(f.admin.id, outbox_state::pending, {.page_number = 1, .page_size = 100});
    CHECK(all.count == total);
    REQUIRE(all.results.size() == static_cast<std::size_t>(total));
    for (std::size_t i = 1; i < all.results.size(); ++i) {
        CHECK(all.results[i - 1].id > all.results[i].id);
    }
    CHECK(all.results[0].kind == event_kind::ticket_created);
    bool saw_reset = false;
    for (const auto& e : all.results) {
        CHECK(e.state == outbox_state::pending);
        CHECK_FALSE(e.secret);
        saw_reset = saw_reset || e.kind == event_kind::password_reset_requested;
    }
    CHECK(saw_reset);

    const auto second = f.desk.outbox().list(f.admin.id, outbox_state::pending, {.page_number = 2, .page_size = 2});
    CHECK(second.count == total);
    REQUIRE(second.results.size() == 2);
    CHECK(second.results[0].id == all.results[2].id);
    CHECK(second.results[1].id == all.results[3].id);
    const auto none = f.desk.outbox().list(f.admin.id, outbox_state::dead);
    CHECK(none.count == 0);
    CHECK(none.results.empty());
    CHECK(f.desk.outbox().list(f.admin.id, outbox_state::delivered).count ==
          f.desk.outbox().count(outbox_state::delivered));

    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.outbox().list(erin.id, outbox_state::pending); });
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.outbox().list(cora.id, outbox_state::dead); });
    (void)expect_error(errc::unauthenticated, [&] { (void)f.desk.outbox().list(999999, outbox_state::dead); });
    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)f.desk.outbox().list(f.admin.id, outbox_state::dead, {.page_number = 0, .page_size = 20});
          }).fields().count("page") == 1);
    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)f.desk.outbox().list(f.admin.id, outbox_state::dead, {.page_number = 1, .page_size = 101});
          }).fields().count("page_size") == 1);
}

} // TEST_SUITE
