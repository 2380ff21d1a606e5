// Sessions over real HTTP (docs/product.md#sessions-and-tokens): refresh rotation with the old
// token revoked in the store and reuse detection, logout, password change
// and reset revoking sessions, and tokens of accounts that were removed or
// are no longer approved.
#include "auth_support.hpp"

using namespace http_test;
using namespace http_test::guard;

namespace {

const std::string profile = "/api/employee/profile/";
const std::string refresh_path = "/api/token/refresh/";

reply refresh(client& web, const std::string& token) {
    return web.post(refresh_path, {{"refresh", token}});
}

} // namespace

HTTP_TEST_CASE("auth - refresh rotation returns a new pair and the old refresh token is revoked") {
    const auto alice = f.account("Alice");

    const auto rotated = refresh(web, alice.refresh);
    REQUIRE_MESSAGE(rotated.status == 200, rotated.body);
    const auto next_access = rotated.text("access");
    const auto next_refresh = rotated.text("refresh");
    CHECK(next_refresh != alice.refresh);
    CHECK(next_access != alice.access);
    CHECK(rotated.number("id") == alice.id);
    CHECK(rotated.text("email") == alice.email);
    CHECK(rotated.text("role") == "Employee");
    CHECK(claims_of(next_refresh).at("type").as_string() == "refresh");
    CHECK(claims_of(next_access).at("type").as_string() == "access");
    // Same session, new token id.
    CHECK(claims_of(next_refresh).at("sid") == claims_of(alice.refresh).at("sid"));
    CHECK(claims_of(next_refresh).at("jti") != claims_of(alice.refresh).at("jti"));
    CHECK(web.get(profile, next_access).status == 200);

    // Once its successor has been used, the old refresh token is spent.
    REQUIRE(refresh(web, next_refresh).status == 200);
    check_unauthenticated(refresh(web, alice.refresh));
}

HTTP_TEST_CASE("auth - reusing a spent refresh token closes its session but not the account's others") {
    const auto alice = f.account("Alice");
    const auto other_login = f.login("/api/token/employee/", alice.email, test_password);

    const auto rotated = refresh(web, alice.refresh);
    REQUIRE_MESSAGE(rotated.status == 200, rotated.body);
    const auto legitimate = rotated.text("refresh");
    const auto later = refresh(web, legitimate);
    REQUIRE_MESSAGE(later.status == 200, later.body);

    // The thief (or the victim) presents the spent token after its successor
    // was used: refused, and the whole session is closed, so the newer tokens
    // die too.
    check_unauthenticated(refresh(web, alice.refresh));
    check_unauthenticated(refresh(web, legitimate));
    check_unauthenticated(refresh(web, later.text("refresh")));
    // The other login is a different session and lives on.
    const auto other = refresh(web, other_login.refresh);
    CHECK_MESSAGE(other.status == 200, other.body);
}

HTTP_TEST_CASE(
    "auth - a refresh whose answer was lost can be repeated: the same successor, the session lives on") {
    const auto alice = f.account("Alice");

    const auto first = refresh(web, alice.refresh);
    REQUIRE_MESSAGE(first.status == 200, first.body);
    const auto repeated = refresh(web, alice.refresh);
    REQUIRE_MESSAGE(repeated.status == 200, repeated.body);
    CHECK(claims_of(repeated.text("refresh")).at("jti") == claims_of(first.text("refresh")).at("jti"));
    CHECK(claims_of(repeated.text("refresh")).at("sid") == claims_of(alice.refresh).at("sid"));
    CHECK(claims_of(repeated.text("refresh")).at("jti") != claims_of(alice.refresh).at("jti"));
    CHECK(repeated.text("access") != first.text("access"));
    CHECK(web.get(profile, repeated.text("access")).status == 200);
    CHECK(web.get(profile, first.text("access")).status == 200);

    // Either copy of the successor carries the session on.
    const auto next = refresh(web, repeated.text("refresh"));
    REQUIRE_MESSAGE(next.status == 200, next.body);
    // From then on the first token is reuse: the session closes.
    check_unauthenticated(refresh(web, alice.refresh));
    check_unauthenticated(refresh(web, first.text("refresh")));
    check_unauthenticated(refresh(web, next.text("refresh")));
}

TEST_CASE_TEMPLATE("auth - --refresh-reissue-window 0: an immediate repeat is reuse and closes the session", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f([](helpdesk::server_options& o) { o.refresh_reissue_window = std::chrono::seconds{0}; });
    const auto alice = f.account("Alice");
    auto& web = f.http();

    const auto first = refresh(web, alice.refresh);
    REQUIRE_MESSAGE(first.status == 200, first.body);
    check_unauthenticated(refresh(web, alice.refresh));
    check_unauthenticated(refresh(web, first.text("refresh")));
}

HTTP_TEST_CASE("auth - refresh refuses malformed bodies and foreign tokens") {
    const auto alice = f.account("Alice");

    check_error(web.post(refresh_path, boost::json::object{}), 400);
    check_error(web.post(refresh_path, {{"refresh", 42}}), 400);
    check_unauthenticated(refresh(web, "not-a-token"));
    // Well signed but never stored (no login made it): unknown.
    auto claims = claims_for(alice.id, "Employee", "refresh");
    claims["sid"] = "made-up-session";
    check_unauthenticated(refresh(web, forge(hs256_header(), claims, test_secret)));
    // Signed with another key, copying the genuine token's claims.
    check_unauthenticated(
        refresh(web, forge(hs256_header(), claims_of(alice.refresh), "another-secret-0123456789abcdef01234567")));
    // None of that spent the genuine token.
    CHECK(refresh(web, alice.refresh).status == 200);
}

HTTP_TEST_CASE("auth - logout revokes the session's refresh token and only that one") {
    const auto alice = f.account("Alice");
    const auto laptop = f.login("/api/token/employee/", alice.email, test_password);

    check_unauthenticated(web.post("/api/token/logout/", boost::json::object{}));
    check_unauthenticated(web.post("/api/token/logout/", boost::json::object{}, alice.refresh));

    const auto out = web.send(http::verb::post, "/api/token/logout/", "", {{"Authorization", "Bearer " + alice.access}});
    CHECK(out.status == 204);
    CHECK(out.body.empty());
    check_unauthenticated(refresh(web, alice.refresh));
    // The laptop's session is another one.
    CHECK(refresh(web, laptop.refresh).status == 200);
    // Logging out twice is harmless.
    CHECK(web.send(http::verb::post, "/api/token/logout/", "", {{"Authorization", "Bearer " + alice.access}}).status ==
          204);
}

HTTP_TEST_CASE("auth - change-password keeps the current session and revokes the account's others") {
    const auto alice = f.account("Alice");
    const auto phone = f.login("/api/token/employee/", alice.email, test_password);
    const auto bob = f.account("Bob");
    const std::string next_password = "N3w-Passw0rd!";
    const auto change = [&](const person& who, const boost::json::object& body) {
        return web.post("/api/employee/change-password/", body, who.access);
    };

    // Refusals change nothing and revoke nothing.
    check_unauthenticated(web.post("/api/employee/change-password/",
                                   {{"current_password", test_password},
                                    {"new_password", next_password},
                                    {"confirm_password", next_password}}));
    check_error(change(alice, {{"current_password", "wrong-Passw0rd!"},
                               {"new_password", next_password},
                               {"confirm_password", next_password}}),
                400);
    const auto mismatch = change(alice, {{"current_password", test_password},
                                         {"new_password", next_password},
                                         {"confirm_password", next_password + "x"}});
    check_error(mismatch, 400);
    CHECK(mismatch.json().as_object().contains("field_errors"));
    check_error(change(alice, {{"current_password", test_password},
                               {"new_password", "short"},
                               {"confirm_password", "short"}}),
                400);
    auto phone_rotated = refresh(web, phone.refresh);
    REQUIRE_MESSAGE(phone_rotated.status == 200, phone_rotated.body);
    const auto phone_refresh = phone_rotated.text("refresh");

    const auto changed = change(alice, {{"current_password", test_password},
                                        {"new_password", next_password},
                                        {"confirm_password", next_password}});
    REQUIRE_MESSAGE(changed.status == 200, changed.body);

    // This session continues; the phone's is over; Bob is untouched.
    CHECK(refresh(web, alice.refresh).status == 200);
    check_unauthenticated(refresh(web, phone_refresh));
    CHECK(refresh(web, bob.refresh).status == 200);
    // The old password is gone, the new one works.
    check_unauthenticated(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}));
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", next_password}}).status == 200);
}

HTTP_TEST_CASE("auth - reset-password revokes every session of the account and is single-use") {
    const auto alice = f.account("Alice");
    const auto phone = f.login("/api/token/employee/", alice.email, test_password);
    const std::string next_password = "R3set-Passw0rd!";

    check_error(web.post("/api/employee/reset-password/",
                         {{"token", "no-such-token"}, {"new_password", next_password}, {"confirm_password", next_password}}),
                400);
    const auto token = f.desk().accounts().request_password_reset(alice.email);
    REQUIRE(token.has_value());
    const auto reset = web.post("/api/employee/reset-password/",
                                {{"token", *token}, {"new_password", next_password}, {"confirm_password", next_password}});
    REQUIRE_MESSAGE(reset.status == 200, reset.body);
    check_unauthenticated(refresh(web, alice.refresh));
    check_unauthenticated(refresh(web, phone.refresh));
    // Single use.
    const auto again = web.post("/api/employee/reset-password/",
                                {{"token", *token}, {"new_password", "An0ther-Pass!"}, {"confirm_password", "An0ther-Pass!"}});
    CHECK(again.status >= 400);
    CHECK(again.status < 500);
    check_error_shape(again);
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", next_password}}).status == 200);
}

HTTP_TEST_CASE("auth - tokens of a removed account are refused") {
    const auto admin = f.admin();
    const auto alice = f.account("Alice");
    REQUIRE(web.get(profile, alice.access).status == 200);

    // The account goes back to Pending (an operator's doing) and is rejected,
    // which removes it.
    set_account_status(f.factory(), alice.id, helpdesk::account_status::pending);
    const auto rejected = web.post("/api/employees/" + std::to_string(alice.id) + "/reject/",
                                   {{"reason", "Not one of ours"}}, admin.access);
    REQUIRE_MESSAGE(rejected.status == 200, rejected.body);

    check_unauthenticated(web.get(profile, alice.access));
    const auto tickets = web.get("/api/tickets/", alice.access);
    CHECK((tickets.status == 401 || tickets.status == 403));
    check_error_shape(tickets);
    check_unauthenticated(refresh(web, alice.refresh));
    const auto login = web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}});
    check_unauthenticated(login);
}

HTTP_TEST_CASE("auth - tokens of an account that is no longer approved are refused") {
    const auto alice = f.account("Alice");
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    (void)f.ticket(alice);

    set_account_status(f.factory(), alice.id, helpdesk::account_status::pending);
    set_account_status(f.factory(), coordinator.id, helpdesk::account_status::rejected);

    for (const auto* who : {&alice, &coordinator}) {
        CAPTURE(who->email);
        // Refresh re-checks the account.
        check_unauthenticated(refresh(web, who->refresh));
        // The access token no longer opens anything.
        for (const auto* path : {"/api/employee/profile/", "/api/tickets/", "/api/tickets/stats/"}) {
            INFO("path := " << std::string{path});
            const auto r = web.get(path, who->access);
            CHECK((r.status == 401 || r.status == 403));
            check_error_shape(r);
        }
        const auto created = web.post("/api/tickets/",
                                      {{"subject", "Still here"},
                                       {"category", "IT Category"},
                                       {"sub_category", "Technical Support & Troubleshooting"},
                                       {"description", "Am I?"}},
                                      who->access);
        CHECK((created.status == 401 || created.status == 403));
        const auto check = web.post("/api/employee/check-password/", {{"password", test_password}}, who->access);
        CHECK((check.status == 401 || check.status == 403));
        const auto change = web.post("/api/employee/change-password/",
                                     {{"current_password", test_password},
                                      {"new_password", "Ch4nged-Passw0rd!"},
                                      {"confirm_password", "Ch4nged-Passw0rd!"}},
                                     who->access);
        CHECK((change.status == 401 || change.status == 403));
        check_error_shape(change);
        const auto image = web.post_form("/api/employee/upload-image/", {{"image", tiny_png(), "me.png", "image/png"}},
                                         who->access);
        CHECK((image.status == 401 || image.status == 403));
        check_error_shape(image);
    }
    // Approved again, a fresh login works, with the unchanged password.
    set_account_status(f.factory(), alice.id, helpdesk::account_status::approved);
    const auto back = f.login("/api/token/employee/", alice.email, test_password);
    CHECK(web.get(profile, back.access).json().at("image_url").is_null());
    CHECK(web.get(profile, back.access).status == 200);
}
