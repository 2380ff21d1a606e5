// The outbox's audience and snapshots, and the relay's background threads and options.

#include "relay_test_support.hpp"

TEST_SUITE("outbox_relay") {

// The audience of each event kind is the one docs/product.md#notifications lists.
TEST_CASE("outbox: audience follows the notification rules for every event kind, approved people only, each once") {
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
