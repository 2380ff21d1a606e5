// Refresh-token sessions against docs/product.md#sessions-and-tokens (`token/refresh/` rotation that
// re-checks the account, `token/logout/`, password change revoking the other
// sessions, reset) and §7 (revocations live in the store).

#include "security/tokens.hpp"
#include "test_support.hpp"

#include <chrono>
#include <string>

namespace {

using namespace helpdesk;
using namespace helpdesk::testing;
using namespace std::chrono_literals;

/// A fixture with one approved employee, logged in once (session "s1", token "t1").
struct session_fixture : fixture {
    account erin = employee("erin@example.com");
    session_service& sessions = desk.sessions();

    session_fixture() { sessions.open(erin.id, "s1", "t1", in(24h)); }

    [[nodiscard]] time_point in(std::chrono::microseconds from_now) const { return time->now() + from_now; }

    /// The stored row of a token, read straight from the store.
    [[nodiscard]] std::optional<session_token> row(std::string_view token_id) {
        auto tx = db->begin(tx_mode::read);
        return tx->sessions().find(detail::sha256_hex(token_id));
    }

    /// Overwrites the employee's status behind the services' back.
    void set_status(account_status s) {
        auto tx = db->begin(tx_mode::write);
        auto a = *tx->accounts().find(erin.id);
        a.status = s;
        tx->accounts().update(a);
        tx->commit();
    }
};

/// Expects `rotate` to be refused as unauthenticated with `why` in the detail.
void expect_refused_rotation(session_fixture& f, std::string_view old_token, std::string_view new_token,
                             std::string_view why) {
    const auto e = expect_error(errc::unauthenticated,
                                [&] { (void)f.sessions.rotate(old_token, new_token, f.in(24h)); });
    CHECK_MESSAGE(std::string{e.what()}.find(why) != std::string::npos, "detail: " << std::string{e.what()});
    CHECK_FALSE(f.row(new_token)); // nothing recorded
}

TEST_CASE("sessions: open stores only hashes - the token is active until it expires") {
    session_fixture f;
    CHECK(f.sessions.active("t1"));
    const auto stored = f.row("t1");
    REQUIRE(stored);
    CHECK(stored->token_hash == detail::sha256_hex("t1"));
    CHECK(stored->session_hash == detail::sha256_hex("s1"));
    CHECK(stored->token_hash != "t1");
    CHECK(stored->session_hash != "s1");
    CHECK(stored->account == f.erin.id);
    CHECK(stored->created_at == test_epoch());

    CHECK_FALSE(f.sessions.active("t2"));
    CHECK_FALSE(f.sessions.active(""));
    f.time->advance(24h - 1us);
    CHECK(f.sessions.active("t1"));
    f.time->advance(1us);
    CHECK_FALSE(f.sessions.active("t1")); // expiry is exclusive
}

TEST_CASE("sessions: open is refused for an unknown or unapproved account, bad ids and a past expiry") {
    session_fixture f;
    const auto pending = f.desk.accounts().sign_up(fixture::person("pat@example.com"));
    (void)expect_error(errc::unauthenticated, [&] { f.sessions.open(pending.id, "s9", "t9", f.in(1h)); });
    (void)expect_error(errc::unauthenticated,
                       [&] { f.sessions.open(f.erin.id + 100, "s9", "t9", f.in(1h)); });
    (void)expect_error(errc::invalid_argument, [&] { f.sessions.open(f.erin.id, "", "t9", f.in(1h)); });
    (void)expect_error(errc::invalid_argument, [&] { f.sessions.open(f.erin.id, "s9", "", f.in(1h)); });
    (void)expect_error(errc::invalid_argument,
                       [&] { f.sessions.open(f.erin.id, "s9", std::string(257, 'x'), f.in(1h)); });
    (void)expect_error(errc::invalid_argument, [&] { f.sessions.open(f.erin.id, "s9", "t9", f.in(0us)); });
    (void)expect_error(errc::conflict, [&] { f.sessions.open(f.erin.id, "s9", "t1", f.in(1h)); });
    CHECK_FALSE(f.row("t9"));
}

TEST_CASE("sessions: rotation revokes the old token, records the new one in the same session and returns the "
          "account") {
    session_fixture f;
    f.time->advance(15min);
    const auto who = f.sessions.rotate("t1", "t2", f.in(24h));
    CHECK(who.id == f.erin.id);
    CHECK(who.email == "erin@example.com");
    CHECK(who.status == account_status::approved);

    CHECK_FALSE(f.sessions.active("t1"));
    CHECK(f.sessions.active("t2"));
    const auto old_row = f.row("t1");
    REQUIRE(old_row);
    CHECK(old_row->revoked_at == f.time->now());
    const auto new_row = f.row("t2");
    REQUIRE(new_row);
    CHECK(new_row->session_hash == old_row->session_hash);
    CHECK(new_row->expires_at == f.in(24h));

    // The new token rotates in turn.
    f.time->advance(15min);
    (void)f.sessions.rotate("t2", "t3", f.in(24h));
    CHECK(f.sessions.active("t3"));
    CHECK_FALSE(f.sessions.active("t2"));
}

TEST_CASE("sessions: the account is fresh from the store - a role change shows in the rotation") {
    session_fixture f;
    (void)f.desk.accounts().change_role(f.admin.id, f.erin.id, "Ticket Coordinator");
    CHECK(f.sessions.rotate("t1", "t2", f.in(24h)).account_role == role::ticket_coordinator);
}

TEST_CASE("sessions: reusing a rotated token is refused as revoked and closes the whole session, committed") {
    session_fixture f;
    f.sessions.open(f.erin.id, "s2", "other", f.in(24h)); // another login of the same person
    (void)f.sessions.rotate("t1", "t2", f.in(24h));
    (void)f.sessions.rotate("t2", "t3", f.in(24h));
    REQUIRE(f.sessions.active("t3"));

    expect_refused_rotation(f, "t1", "t4", "revoked");
    // The live token of that session is revoked too, and stays so: the
    // revocation was committed although rotate threw.
    CHECK_FALSE(f.sessions.active("t3"));
    expect_refused_rotation(f, "t3", "t5", "revoked");
    // Other sessions are untouched.
    CHECK(f.sessions.active("other"));
    (void)f.sessions.rotate("other", "other-2", f.in(24h));
}

/// Rotates with a repeat window of a minute.
account rotate_windowed(session_fixture& f, std::string_view old_token, std::string_view new_token) {
    return f.sessions.rotate(old_token, new_token, f.in(24h), 60s);
}

/// Expects a windowed `rotate` to be refused as reuse, closing the session.
void expect_reuse(session_fixture& f, std::string_view old_token, std::string_view new_token) {
    const auto e =
        expect_error(errc::unauthenticated, [&] { (void)rotate_windowed(f, old_token, new_token); });
    CHECK_MESSAGE(std::string{e.what()}.find("revoked") != std::string::npos,
                  "detail: " << std::string{e.what()});
}

TEST_CASE("sessions: repeating a rotation within the window returns the account and changes nothing") {
    session_fixture f;
    f.sessions.open(f.erin.id, "s2", "other", f.in(24h));
    (void)rotate_windowed(f, "t1", "t2");
    const auto t1 = f.row("t1");
    const auto t2 = f.row("t2");
    REQUIRE(t1);
    REQUIRE(t2);

    f.time->advance(60s); // the window is inclusive
    const auto who = rotate_windowed(f, "t1", "t2");
    CHECK(who.id == f.erin.id);
    CHECK(who.status == account_status::approved);
    CHECK(f.row("t1")->revoked_at == t1->revoked_at);
    CHECK(f.row("t2")->expires_at == t2->expires_at);
    CHECK(f.row("t2")->created_at == t2->created_at);
    CHECK(f.sessions.active("t2"));
    CHECK(f.sessions.active("other"));

    // Again, and then the session goes on from the successor.
    (void)rotate_windowed(f, "t1", "t2");
    (void)rotate_windowed(f, "t2", "t3");
    CHECK(f.sessions.active("t3"));
}

TEST_CASE("sessions: a repeat still re-checks the account") {
    session_fixture f;
    (void)rotate_windowed(f, "t1", "t2");
    f.set_status(account_status::pending);
    const auto e = expect_error(errc::unauthenticated, [&] { (void)rotate_windowed(f, "t1", "t2"); });
    CHECK(std::string{e.what()}.find("account not approved") != std::string::npos);
    f.set_status(account_status::approved);
    CHECK(f.sessions.active("t2")); // not treated as reuse
}

TEST_CASE("sessions: a repeat after the window is reuse and closes the session") {
    session_fixture f;
    (void)rotate_windowed(f, "t1", "t2");
    f.time->advance(60s + 1us);
    expect_reuse(f, "t1", "t2");
    CHECK_FALSE(f.sessions.active("t2"));
    expect_reuse(f, "t2", "t3");
}

TEST_CASE(
    "sessions: once the successor rotated, the old token is reuse - its successor's successor dies too") {
    session_fixture f;
    f.sessions.open(f.erin.id, "s2", "other", f.in(24h));
    (void)rotate_windowed(f, "t1", "t2");
    (void)rotate_windowed(f, "t2", "t3");
    expect_reuse(f, "t1", "t2");
    CHECK_FALSE(f.sessions.active("t3"));
    expect_reuse(f, "t3", "t4");
    CHECK(f.sessions.active("other"));
}

TEST_CASE(
    "sessions: a repeat naming another successor is reuse - an unknown id, or a later token of the session") {
    for (const auto* next : {"t9", "t3"}) {
        CAPTURE(next);
        session_fixture f;
        (void)rotate_windowed(f, "t1", "t2");
        if (std::string_view{next} == "t3") {
            f.time->advance(1s);
            (void)rotate_windowed(f, "t2", "t3"); // live, same session, but not t1's successor
        }
        expect_reuse(f, "t1", next);
        CHECK_FALSE(f.sessions.active("t2"));
        CHECK_FALSE(f.sessions.active("t3"));
        CHECK_FALSE(f.row("t9"));
    }
}

TEST_CASE("sessions: a token revoked by logout is reuse even within the window") {
    session_fixture f;
    (void)rotate_windowed(f, "t1", "t2");
    f.sessions.close(f.erin.id, "s1");
    expect_reuse(f, "t1", "t2");
    expect_reuse(f, "t2", "t3");
}

TEST_CASE(
    "sessions: without a window (the default) a repeated rotation is reuse, a negative one is refused") {
    session_fixture f;
    (void)f.sessions.rotate("t1", "t2", f.in(24h));
    expect_refused_rotation(f, "t1", "t2-again", "revoked");
    CHECK_FALSE(f.sessions.active("t2"));

    session_fixture g;
    (void)g.sessions.rotate("t1", "t2", g.in(24h), 0s);
    const auto e =
        expect_error(errc::unauthenticated, [&] { (void)g.sessions.rotate("t1", "t2", g.in(24h), 0s); });
    CHECK(std::string{e.what()}.find("revoked") != std::string::npos);
    CHECK_FALSE(g.sessions.active("t2"));

    session_fixture h;
    (void)expect_error(errc::invalid_argument, [&] { (void)h.sessions.rotate("t1", "t2", h.in(24h), -1s); });
    CHECK(h.sessions.active("t1"));
}

TEST_CASE("sessions: an expired or unknown refresh token is refused") {
    session_fixture f;
    expect_refused_rotation(f, "nope", "t2", "unknown");
    expect_refused_rotation(f, "", "t2", "unknown");
    expect_refused_rotation(f, std::string(300, 'x'), "t2", "unknown");
    f.time->advance(24h);
    expect_refused_rotation(f, "t1", "t2", "expired");
    // An expired token is not a reuse: nothing else is revoked, nothing written.
    CHECK_FALSE(f.row("t1")->revoked_at);
}

TEST_CASE("sessions: rotation refuses a bad new token id or expiry without spending the old token") {
    session_fixture f;
    (void)expect_error(errc::invalid_argument, [&] { (void)f.sessions.rotate("t1", "", f.in(24h)); });
    (void)expect_error(errc::invalid_argument, [&] { (void)f.sessions.rotate("t1", "t2", f.in(0us)); });
    f.sessions.open(f.erin.id, "s2", "taken", f.in(24h));
    (void)expect_error(errc::conflict, [&] { (void)f.sessions.rotate("t1", "taken", f.in(24h)); });
    CHECK(f.sessions.active("t1"));
    (void)f.sessions.rotate("t1", "t2", f.in(24h));
}

TEST_CASE("sessions: rotation re-checks the account - demoted to Pending or set Rejected is refused") {
    for (const auto status : {account_status::pending, account_status::rejected}) {
        CAPTURE(to_string(status));
        session_fixture f;
        f.set_status(status);
        expect_refused_rotation(f, "t1", "t2", "account not approved");
        CHECK_FALSE(f.row("t1")->revoked_at); // nothing written
        f.set_status(account_status::approved);
        (void)f.sessions.rotate("t1", "t2", f.in(24h));
    }
}

TEST_CASE("sessions: a removed (rejected) account leaves no usable session") {
    session_fixture f;
    // A pending account with a session (set up behind the services' back:
    // login refuses pending accounts) is rejected, i.e. removed.
    const auto pat = f.desk.accounts().sign_up(fixture::person("pat@example.com"));
    {
        auto tx = f.db->begin(tx_mode::write);
        session_token t;
        t.token_hash = detail::sha256_hex("pat-token");
        t.session_hash = detail::sha256_hex("pat-session");
        t.account = pat.id;
        t.created_at = f.time->now();
        t.expires_at = f.in(24h);
        tx->sessions().insert(t);
        tx->commit();
    }
    REQUIRE(f.sessions.active("pat-token"));
    (void)f.desk.accounts().reject(f.admin.id, pat.id, "Not an employee.");
    CHECK_FALSE(f.sessions.active("pat-token"));
    (void)expect_error(errc::unauthenticated,
                       [&] { (void)f.sessions.rotate("pat-token", "pat-2", f.in(24h)); });
}

TEST_CASE("sessions: close (logout) revokes the actor's session only - idempotent, unknown is a no-op") {
    session_fixture f;
    const auto other = f.employee("olga@example.com");
    f.sessions.open(other.id, "s1", "olga-t1", f.in(24h)); // same session id, another account
    (void)f.sessions.rotate("t1", "t2", f.in(24h));

    f.sessions.close(other.id, "unknown");
    f.sessions.close(f.erin.id, "");
    f.sessions.close(f.erin.id, "s1");
    CHECK_FALSE(f.sessions.active("t2"));
    CHECK(f.sessions.active("olga-t1"));
    f.sessions.close(f.erin.id, "s1"); // again: nothing to do
    expect_refused_rotation(f, "t2", "t3", "revoked");
}

TEST_CASE("sessions: close_all revokes every session of the account except the one kept") {
    session_fixture f;
    const auto other = f.employee("olga@example.com");
    f.sessions.open(f.erin.id, "s2", "t-s2", f.in(24h));
    f.sessions.open(f.erin.id, "s3", "t-s3", f.in(24h));
    f.sessions.open(other.id, "s2", "olga-s2", f.in(24h));

    f.sessions.close_all(f.erin.id, "s2");
    CHECK_FALSE(f.sessions.active("t1"));
    CHECK(f.sessions.active("t-s2"));
    CHECK_FALSE(f.sessions.active("t-s3"));
    CHECK(f.sessions.active("olga-s2"));

    f.sessions.close_all(f.erin.id);
    CHECK_FALSE(f.sessions.active("t-s2"));
    CHECK(f.sessions.active("olga-s2"));
}

TEST_CASE("sessions: change_password keeps only the current session") {
    session_fixture f;
    f.sessions.open(f.erin.id, "s2", "t-s2", f.in(24h));
    f.sessions.open(f.erin.id, "s3", "t-s3", f.in(24h));
    f.desk.accounts().change_password(f.erin.id, test_password, "N3w!Passw0rd", "N3w!Passw0rd", "s2");
    CHECK_FALSE(f.sessions.active("t1"));
    CHECK(f.sessions.active("t-s2"));
    CHECK_FALSE(f.sessions.active("t-s3"));

    // Without a session to keep, all are revoked.
    f.desk.accounts().change_password(f.erin.id, "N3w!Passw0rd", "An0ther!Pass", "An0ther!Pass");
    CHECK_FALSE(f.sessions.active("t-s2"));
}

TEST_CASE("sessions: a refused change_password revokes nothing") {
    session_fixture f;
    (void)expect_error(errc::invalid_argument, [&] {
        f.desk.accounts().change_password(f.erin.id, "Wr0ng!Password", "N3w!Passw0rd", "N3w!Passw0rd",
                                          "other");
    });
    CHECK(f.sessions.active("t1"));
}

TEST_CASE("sessions: reset_password closes every session of the account") {
    session_fixture f;
    f.sessions.open(f.erin.id, "s2", "t-s2", f.in(24h));
    const auto token = f.desk.accounts().request_password_reset("erin@example.com");
    REQUIRE(token);
    f.desk.accounts().reset_password(*token, "N3w!Passw0rd", "N3w!Passw0rd");
    CHECK_FALSE(f.sessions.active("t1"));
    CHECK_FALSE(f.sessions.active("t-s2"));
    expect_refused_rotation(f, "t-s2", "t3", "revoked");
}

TEST_CASE(
    "sessions: tokens expired for more than a day are purged when the account opens or rotates a session") {
    session_fixture f;
    (void)f.sessions.rotate("t1", "t2", f.in(1h)); // t1 revoked, expires in 24h
    f.time->advance(24h + 1h);
    // Still kept (expired less than a day ago): a replay is still seen as reuse.
    f.sessions.open(f.erin.id, "s2", "t-s2", f.in(72h));
    CHECK(f.row("t1"));
    CHECK(f.row("t2"));

    f.time->advance(24h);
    (void)f.sessions.rotate("t-s2", "t-s2b", f.in(72h));
    CHECK_FALSE(f.row("t1"));
    CHECK_FALSE(f.row("t2"));
    CHECK(f.row("t-s2")); // revoked, not yet expired: kept
    CHECK(f.sessions.active("t-s2b"));
}

} // namespace
