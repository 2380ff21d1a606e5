// Account service: one's own profile, password changes, re-hashing and password resets.

#include "account_test_support.hpp"

TEST_SUITE("account_service") {

TEST_CASE("update_profile: names and suffix with the sign-up rules, absent fields kept, blank clears") {
    fixture f;
    auto& accounts = f.desk.accounts();
    const auto erin = f.employee("erin@example.com");

    profile_update change;
    change.first_name = "  Erina ";
    change.middle_name = "Mae";
    change.suffix = "Jr.";
    const auto updated = accounts.update_profile(erin.id, change);
    CHECK(updated.first_name == "Erina");
    CHECK(updated.middle_name == std::optional<std::string>{"Mae"});
    CHECK(updated.suffix == std::optional<std::string>{"Jr."});
    CHECK(updated.last_name == erin.last_name);
    CHECK(updated.email == erin.email);
    CHECK(accounts.get(erin.id, erin.id).first_name == "Erina");

    profile_update clear;
    clear.middle_name = "";
    clear.suffix = " ";
    const auto cleared = accounts.update_profile(erin.id, clear);
    CHECK_FALSE(cleared.middle_name.has_value());
    CHECK_FALSE(cleared.suffix.has_value());
    CHECK(cleared.first_name == "Erina");

    CHECK(accounts.update_profile(erin.id, profile_update{}).first_name == "Erina");

    for (const auto& [field, bad] : std::vector<std::pair<std::string, profile_update>>{
             {"first_name", profile_update{.first_name = "", .middle_name = {}, .last_name = {}, .suffix = {}}},
             {"first_name", profile_update{.first_name = "R2D2", .middle_name = {}, .last_name = {}, .suffix = {}}},
             {"last_name", profile_update{.first_name = {}, .middle_name = {}, .last_name = "  ", .suffix = {}}},
             {"middle_name", profile_update{.first_name = {}, .middle_name = "M!", .last_name = {}, .suffix = {}}},
             {"suffix", profile_update{.first_name = {}, .middle_name = {}, .last_name = {}, .suffix = "Esq."}},
         }) {
        INFO(field);
        const auto e = expect_error(errc::invalid_argument, [&] { (void)accounts.update_profile(erin.id, bad); });
        CHECK(e.fields().count(field) == 1);
    }
    // Nothing of the refused changes was written.
    const auto now = accounts.get(erin.id, erin.id);
    CHECK(now.first_name == "Erina");
    CHECK(now.last_name == erin.last_name);
    CHECK_FALSE(now.suffix.has_value());
}

TEST_CASE("update_profile: only approved accounts, only their own") {
    fixture f;
    const auto waiting = f.desk.accounts().sign_up(fixture::person("waiting@example.com"));
    profile_update change;
    change.first_name = "Wanda";
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().update_profile(waiting.id, change); });
    (void)expect_error(errc::not_found, [&] { (void)f.desk.accounts().update_profile(9999, change); });
    CHECK(f.desk.accounts().get(f.admin.id, waiting.id).first_name == "Erin");
}

TEST_CASE("authenticate re-hashes a password stored with fewer iterations") {
    fixture f;
    engine_options legacy_options = fixture::fast_options();
    legacy_options.password_iterations = 500;
    engine legacy{engine_parts{f.db, f.blobs, f.time, std::make_shared<counting_random>()}, legacy_options};

    const auto signed_up = legacy.accounts().sign_up(fixture::person("legacy@example.com"));
    REQUIRE(password_hash_iterations(signed_up.password_hash) == 500);
    (void)f.desk.accounts().approve(f.admin.id, signed_up.id);

    // A failed login changes nothing.
    (void)expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "legacy@example.com", "Wr0ng!Pass");
    });
    CHECK(f.desk.accounts().get(f.admin.id, signed_up.id).password_hash == signed_up.password_hash);

    const auto logged_in = f.desk.accounts().authenticate(login_kind::employee, "legacy@example.com", test_password);
    CHECK(password_hash_iterations(logged_in.password_hash) == 1000);
    const auto stored = f.desk.accounts().get(f.admin.id, signed_up.id);
    CHECK(stored.password_hash != signed_up.password_hash);
    CHECK(password_hash_iterations(stored.password_hash) == 1000);
    CHECK(verify_password(test_password, stored.password_hash));

    // An engine configured lower verifies the stronger hash and never downgrades it.
    CHECK(legacy.accounts().authenticate(login_kind::employee, "legacy@example.com", test_password).id ==
          signed_up.id);
    CHECK(password_hash_iterations(f.desk.accounts().get(f.admin.id, signed_up.id).password_hash) == 1000);
}

TEST_CASE("change_password: the current password is checked - the new one works, the old one no longer") {
    fixture f;
    const auto a = f.employee("erin@example.com");
    const std::string next = "N3w!Password";
    auto& accounts = f.desk.accounts();

    const auto before_hash = accounts.get(a.id, a.id).password_hash;
    const auto e = expect_error(errc::invalid_argument,
                                [&] { accounts.change_password(a.id, "Wr0ng!Pass", next, next); });
    CHECK(e.fields().count("current_password") == 1);
    CHECK(expect_error(errc::invalid_argument, [&] {
              accounts.change_password(a.id, test_password, "weakpass", "weakpass");
          }).fields().count("new_password") == 1);
    CHECK(expect_error(errc::invalid_argument, [&] {
              accounts.change_password(a.id, test_password, next, "N3w!Passwore");
          }).fields().count("confirm_password") == 1);
    CHECK(accounts.get(a.id, a.id).password_hash == before_hash);

    accounts.change_password(a.id, test_password, next, next);
    CHECK(accounts.authenticate(login_kind::employee, "erin@example.com", next).id == a.id);
    (void)expect_error(errc::unauthenticated,
                       [&] { (void)accounts.authenticate(login_kind::employee, "erin@example.com", test_password); });
    CHECK(accounts.check_password(a.id, next));
    CHECK_FALSE(accounts.check_password(a.id, test_password));
}

TEST_CASE("password reset: token is single-use and records a mail in the outbox") {
    fixture f;
    const auto a = f.employee("erin@example.com");
    auto& accounts = f.desk.accounts();
    const auto events_before = f.desk.outbox().count(outbox_state::pending);

    const auto token = accounts.request_password_reset("Erin@Example.com");
    REQUIRE(token.has_value());
    CHECK_FALSE(token->empty());
    CHECK(f.desk.outbox().count(outbox_state::pending) == events_before + 1);
    const auto mails = events_of_kind(f, event_kind::password_reset_requested);
    REQUIRE(mails.size() == 1);
    CHECK(mails[0].account == a.id);
    // The token travels as the event's secret, never in its payload.
    CHECK(mails[0].secret == token);
    CHECK(mails[0].payload.find(*token) == std::string::npos);

    // A weak new password is refused without spending the token.
    CHECK(expect_error(errc::invalid_argument, [&] {
              accounts.reset_password(*token, "weak", "weak");
          }).fields().count("new_password") == 1);

    const std::string next = "R3set!Password";
    accounts.reset_password(*token, next, next);
    CHECK(accounts.authenticate(login_kind::employee, "erin@example.com", next).id == a.id);
    (void)expect_error(errc::unauthenticated,
                       [&] { (void)accounts.authenticate(login_kind::employee, "erin@example.com", test_password); });

    const auto again = expect_error(errc::invalid_argument,
                                    [&] { accounts.reset_password(*token, "An0ther!Pass", "An0ther!Pass"); });
    CHECK(again.fields().count("token") == 1);
    CHECK(accounts.authenticate(login_kind::employee, "erin@example.com", next).id == a.id);

    CHECK(expect_error(errc::invalid_argument, [&] {
              accounts.reset_password("not-a-token", next, next);
          }).fields().count("token") == 1);
}

TEST_CASE("password reset: a token expires after reset_token_lifetime") {
    fixture f;
    (void)f.employee("erin@example.com");
    auto& accounts = f.desk.accounts();
    const std::string next = "R3set!Password";

    const auto fresh = accounts.request_password_reset("erin@example.com");
    REQUIRE(fresh);
    f.time->advance(3599s);
    accounts.reset_password(*fresh, next, next); // still valid just before the hour

    const auto stale = accounts.request_password_reset("erin@example.com");
    REQUIRE(stale);
    f.time->advance(3601s);
    const auto e = expect_error(errc::invalid_argument,
                                [&] { accounts.reset_password(*stale, "Lat3!Password", "Lat3!Password"); });
    CHECK(e.fields().count("token") == 1);
    CHECK(accounts.authenticate(login_kind::employee, "erin@example.com", next).id > 0);
}

TEST_CASE("password reset: unknown or unapproved emails get nullopt and nothing is written") {
    fixture f;
    (void)f.desk.accounts().sign_up(fixture::person("pending@example.com"));
    const auto before = counts_of(f);
    CHECK_FALSE(f.desk.accounts().request_password_reset("nobody@example.com").has_value());
    CHECK_FALSE(f.desk.accounts().request_password_reset("pending@example.com").has_value());
    CHECK_FALSE(f.desk.accounts().request_password_reset("").has_value());
    check_unchanged(f, before);
}

} // TEST_SUITE
