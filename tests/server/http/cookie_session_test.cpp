// One sign-in route for every role, and cookie sessions for browsers
// (docs/product.md#sessions-and-tokens): `X-Helpdesk-Session: cookie` moves the refresh token into an
// HttpOnly, SameSite=Strict cookie scoped to /api/token/; refresh and logout
// read it there; a cross-site Origin is refused; without the header nothing
// changes.
#include "auth_support.hpp"

using namespace http_test;
using namespace http_test::guard;

namespace {

const header_list cookie_mode = {{"X-Helpdesk-Session", "cookie"}};

header_list with(header_list headers, const header_list& more) {
    headers.insert(headers.end(), more.begin(), more.end());
    return headers;
}

/// Every Set-Cookie header of a reply.
std::vector<std::string> set_cookies(const reply& r) {
    std::vector<std::string> out;
    for (const auto& [name, value] : r.headers) {
        if (name.size() == 10 && (name == "Set-Cookie" || name == "set-cookie")) {
            out.push_back(value);
        }
    }
    return out;
}

/// The one Set-Cookie header (the test fails unless there is exactly one).
std::string the_cookie(const reply& r) {
    const auto all = set_cookies(r);
    REQUIRE_MESSAGE(all.size() == 1, "Set-Cookie headers: " << all.size() << " in " << r.status << " " << r.body);
    return all.front();
}

/// The value of `helpdesk_refresh=VALUE; ...`.
std::string value_of(const std::string& set_cookie) {
    REQUIRE(set_cookie.starts_with("helpdesk_refresh="));
    const auto end = set_cookie.find(';');
    return set_cookie.substr(17, end - 17);
}

/// The request header that sends the cookie back.
header_list cookie(const std::string& value) {
    return {{"Cookie", "theme=dark; helpdesk_refresh=" + value + "; other=1"}};
}

void check_sets_cookie(const std::string& set_cookie, bool secure) {
    INFO(set_cookie);
    CHECK(set_cookie.find("; Path=/api/token/") != std::string::npos);
    CHECK(set_cookie.find("; HttpOnly") != std::string::npos);
    CHECK(set_cookie.find("; SameSite=Strict") != std::string::npos);
    CHECK(set_cookie.find("; Max-Age=86400") != std::string::npos);
    CHECK((set_cookie.find("; Secure") != std::string::npos) == secure);
    CHECK(set_cookie.find("Domain") == std::string::npos);
    CHECK(value_of(set_cookie).size() > 40);
}

void check_clears_cookie(const reply& r) {
    const auto c = the_cookie(r);
    INFO(c);
    CHECK(c.starts_with("helpdesk_refresh=;"));
    CHECK(c.find("; Max-Age=0") != std::string::npos);
    CHECK(c.find("; Path=/api/token/") != std::string::npos);
    CHECK(c.find("; HttpOnly") != std::string::npos);
}

/// Signs up `email` (pending) over HTTP.
std::int64_t sign_up(client& web, const std::string& email) {
    const auto r = web.post("/api/create_employee/", {{"email", email},
                                                      {"first_name", "Pat"},
                                                      {"last_name", "Pending"},
                                                      {"department", "IT Department"},
                                                      {"password", test_password},
                                                      {"confirm_password", test_password}});
    REQUIRE_MESSAGE(r.status == 201, r.body);
    return r.number("id");
}

reply login(client& web, const std::string& email, const std::string& password, const header_list& headers = {}) {
    return web.post("/api/token/", {{"email", email}, {"password", password}}, "", headers);
}

} // namespace

HTTP_TEST_CASE("cookie sessions - POST /api/token/ signs in every approved role with the same refusals") {
    const auto admin = f.admin();
    const auto cora = f.account("Cora", "Ticket Coordinator");
    const auto alice = f.account("Alice");
    for (const auto& [who, role] : std::vector<std::pair<person, std::string>>{
             {admin, "System Admin"}, {cora, "Ticket Coordinator"}, {alice, "Employee"}}) {
        INFO(role);
        const auto r = login(web, who.email, test_password);
        REQUIRE_MESSAGE(r.status == 200, r.body);
        CHECK(r.text("role") == role);
        CHECK(r.number("id") == who.id);
        CHECK(r.number("expires_in") == 900);
        CHECK(r.text("token_type") == "Bearer");
        CHECK_FALSE(r.text("refresh").empty());
        CHECK(set_cookies(r).empty()); // JSON mode: no cookie
        CHECK(web.get("/api/employee/profile/", r.text("access")).status == 200);
    }
    // A pending account is told why, with the exact contract message.
    (void)sign_up(web, "waiting@desk.test");
    const auto pending = login(web, "waiting@desk.test", test_password);
    check_error(pending, 403, "permission_denied");
    CHECK(pending.text("detail") == "your account is pending approval");
    // Wrong password and unknown email answer alike.
    const auto wrong = login(web, alice.email, "Wr0ng!pass");
    check_error(wrong, 401, "unauthenticated");
    const auto unknown = login(web, "nobody@desk.test", test_password);
    check_error(unknown, 401, "unauthenticated");
    CHECK(wrong.text("detail") == unknown.text("detail"));
    // A wrong password on a pending account does not reveal its state.
    check_error(login(web, "waiting@desk.test", "Wr0ng!pass"), 401, "unauthenticated");
    check_error(web.post("/api/token/", {{"email", alice.email}}), 400, "invalid_argument");
    // The role routes keep their rules.
    check_error(web.post("/api/token/admin/", {{"email", alice.email}, {"password", test_password}}), 403,
                "permission_denied");
    check_error(web.post("/api/token/employee/", {{"email", cora.email}, {"password", test_password}}), 403,
                "permission_denied");
}

TEST_CASE_TEMPLATE("cookie sessions - POST /api/token/ shares the login rate limits", Factory, HTTP_STORES) {
    server_fixture<Factory> f{[](helpdesk::server_options& o) {
        o.account_limit = helpdesk::rate_limit{3, std::chrono::milliseconds{60000}};
    }};
    auto& web = f.http();
    const auto alice = f.account("Alice");
    (void)login(web, alice.email, "Wr0ng!pass");
    (void)web.post("/api/token/employee/", {{"email", alice.email}, {"password", "Wr0ng!pass"}});
    (void)login(web, alice.email, "Wr0ng!pass");
    const auto limited = login(web, alice.email, test_password);
    check_error(limited, 429, "rate_limited");
    CHECK_FALSE(limited.header("Retry-After").empty());
}

HTTP_TEST_CASE("cookie sessions - login, refresh and rotation keep the refresh token out of the body") {
    const auto alice = f.account("Alice");

    for (const auto* route : {"/api/token/", "/api/token/employee/"}) {
        INFO(route);
        const auto r = web.post(route, {{"email", alice.email}, {"password", test_password}}, "", cookie_mode);
        REQUIRE_MESSAGE(r.status == 200, r.body);
        CHECK_FALSE(r.json().as_object().contains("refresh"));
        CHECK_FALSE(r.text("access").empty());
        CHECK(r.number("expires_in") == 900);
        CHECK(r.header("Cache-Control") == "no-store");
        check_sets_cookie(the_cookie(r), false);
    }
    const auto signed_in = login(web, alice.email, test_password, cookie_mode);
    const auto first = value_of(the_cookie(signed_in));

    // Refresh reads the cookie; `{}` or no body at all.
    const auto refreshed = web.post("/api/token/refresh/", boost::json::object{}, "", with(cookie_mode, cookie(first)));
    REQUIRE_MESSAGE(refreshed.status == 200, refreshed.body);
    CHECK_FALSE(refreshed.json().as_object().contains("refresh"));
    CHECK(refreshed.number("id") == alice.id);
    CHECK(web.get("/api/employee/profile/", refreshed.text("access")).status == 200);
    const auto second = value_of(the_cookie(refreshed));
    check_sets_cookie(the_cookie(refreshed), false);
    CHECK(second != first);
    const auto again = web.send(http::verb::post, "/api/token/refresh/", "", with(cookie_mode, cookie(second)));
    REQUIRE_MESSAGE(again.status == 200, again.body);
    const auto third = value_of(the_cookie(again));

    // The rotated-away cookie is refused (and cleared); reuse ends the session,
    // so the current one dies too.
    const auto reused = web.post("/api/token/refresh/", boost::json::object{}, "", with(cookie_mode, cookie(first)));
    check_unauthenticated(reused);
    check_clears_cookie(reused);
    check_unauthenticated(web.post("/api/token/refresh/", boost::json::object{}, "", with(cookie_mode, cookie(third))));

    // No cookie, an empty one, a forged one: 401 in the one error shape.
    check_unauthenticated(web.post("/api/token/refresh/", boost::json::object{}, "", cookie_mode));
    check_unauthenticated(
        web.post("/api/token/refresh/", boost::json::object{}, "", with(cookie_mode, {{"Cookie", "helpdesk_refresh="}})));
    const auto forged = web.post("/api/token/refresh/", boost::json::object{}, "",
                                 with(cookie_mode, cookie(forge(hs256_header(), claims_for(alice.id, "Employee", "refresh"),
                                                                "wrong-secret-0123456789abcdef0123456789"))));
    check_unauthenticated(forged);
    check_clears_cookie(forged);
    // An access token in the cookie is of the wrong type.
    check_unauthenticated(web.post("/api/token/refresh/", boost::json::object{}, "",
                                   with(cookie_mode, cookie(signed_in.text("access")))));
}

HTTP_TEST_CASE(
    "cookie sessions - a refresh whose answer never reached the browser can be repeated with the old "
    "cookie") {
    const auto alice = f.account("Alice");
    const auto first = value_of(the_cookie(login(web, alice.email, test_password, cookie_mode)));
    const auto refresh_with = [&](const std::string& value) {
        return web.post("/api/token/refresh/", boost::json::object{}, "", with(cookie_mode, cookie(value)));
    };

    // The page-load refresh rotates, but the reload drops its Set-Cookie.
    const auto lost = refresh_with(first);
    REQUIRE_MESSAGE(lost.status == 200, lost.body);
    // The next load sends the old cookie again: same successor, new access token.
    const auto repeated = refresh_with(first);
    REQUIRE_MESSAGE(repeated.status == 200, repeated.body);
    check_sets_cookie(the_cookie(repeated), false);
    const auto second = value_of(the_cookie(repeated));
    CHECK(claims_of(second).at("jti") == claims_of(value_of(the_cookie(lost))).at("jti"));
    CHECK(web.get("/api/employee/profile/", repeated.text("access")).status == 200);

    // The session keeps working from the successor.
    const auto third = refresh_with(second);
    REQUIRE_MESSAGE(third.status == 200, third.body);
    const auto third_value = value_of(the_cookie(third));
    // Now the old cookie is reuse: refused and cleared, and the session is over.
    const auto reused = refresh_with(first);
    check_unauthenticated(reused);
    check_clears_cookie(reused);
    check_unauthenticated(refresh_with(second));
    check_unauthenticated(refresh_with(third_value));
}

HTTP_TEST_CASE("cookie sessions - without the header the cookie is ignored and JSON mode is unchanged") {
    const auto alice = f.account("Alice");
    const auto browser = login(web, alice.email, test_password, cookie_mode);
    const auto value = value_of(the_cookie(browser));

    // The refresh route wants its JSON field; the cookie alone does nothing.
    const auto ignored = web.post("/api/token/refresh/", boost::json::object{}, "", cookie(value));
    check_error(ignored, 400, "invalid_argument");
    CHECK(ignored.json().at("field_errors").as_object().contains("refresh"));
    CHECK(set_cookies(ignored).empty());
    // Logout without the header still needs a bearer token.
    check_unauthenticated(web.send(http::verb::post, "/api/token/logout/", "", cookie(value)));
    // The cookie still works in cookie mode: it was neither used nor revoked.
    CHECK(web.post("/api/token/refresh/", boost::json::object{}, "", with(cookie_mode, cookie(value))).status == 200);

    // JSON clients: the pair in the body, the old refresh token revoked on rotation.
    const auto plain = login(web, alice.email, test_password);
    const auto rotated = web.post("/api/token/refresh/", {{"refresh", plain.text("refresh")}});
    REQUIRE(rotated.status == 200);
    CHECK_FALSE(rotated.text("refresh").empty());
    CHECK(set_cookies(rotated).empty());
    REQUIRE(web.post("/api/token/refresh/", {{"refresh", rotated.text("refresh")}}).status == 200);
    check_unauthenticated(web.post("/api/token/refresh/", {{"refresh", plain.text("refresh")}}));

    // Only `cookie` is a mode.
    const auto odd = login(web, alice.email, test_password, {{"X-Helpdesk-Session", "json"}});
    check_error(odd, 400, "invalid_argument");
    CHECK(odd.json().at("field_errors").as_object().contains("X-Helpdesk-Session"));
}

HTTP_TEST_CASE("cookie sessions - a second, different session cookie is refused, never the first one taken") {
    const auto alice = f.account("Alice");
    const auto mallory = f.account("Mallory");

    // Mallory's own live cookie, planted beside Alice's (a more specific path
    // makes the browser send it first): signing Alice in as Mallory must fail.
    const auto hers = value_of(the_cookie(login(web, alice.email, test_password, cookie_mode)));
    const auto planted = value_of(the_cookie(login(web, mallory.email, test_password, cookie_mode)));
    for (const auto& both : {"helpdesk_refresh=" + planted + "; helpdesk_refresh=" + hers,
                             "helpdesk_refresh=" + hers + "; helpdesk_refresh=" + planted}) {
        const auto r = web.post("/api/token/refresh/", boost::json::object{}, "", with(cookie_mode, {{"Cookie", both}}));
        check_unauthenticated(r);
        CHECK(r.text("detail").find("Conflicting session cookies") != std::string::npos);
        CHECK(set_cookies(r).empty()); // which one to clear is unknown: neither is touched
    }
    // The same value twice, or beside other cookies and an empty one, is fine.
    const auto same = web.post("/api/token/refresh/", boost::json::object{}, "",
                               with(cookie_mode, {{"Cookie", "theme=dark; helpdesk_refresh=" + hers +
                                                                 "; helpdesk_refresh=\"" + hers + "\"; helpdesk_refresh="}}));
    REQUIRE_MESSAGE(same.status == 200, same.body);
    CHECK(same.number("id") == alice.id);
    // Logout with conflicting cookies ends nothing and still clears the cookie.
    const auto current = value_of(the_cookie(same));
    const auto out = web.send(http::verb::post, "/api/token/logout/", "",
                              with(cookie_mode, {{"Cookie", "helpdesk_refresh=" + planted + "; helpdesk_refresh=" + current}}));
    CHECK(out.status == 204);
    check_clears_cookie(out);
    CHECK(web.post("/api/token/refresh/", boost::json::object{}, "", with(cookie_mode, cookie(current))).status == 200);
}

HTTP_TEST_CASE("cookie sessions - logout with the cookie alone revokes the session and clears the cookie") {
    const auto alice = f.account("Alice");

    const auto first = login(web, alice.email, test_password, cookie_mode);
    const auto value = value_of(the_cookie(first));
    const auto out = web.send(http::verb::post, "/api/token/logout/", "", with(cookie_mode, cookie(value)));
    CHECK(out.status == 204);
    check_clears_cookie(out);
    check_unauthenticated(web.post("/api/token/refresh/", boost::json::object{}, "", with(cookie_mode, cookie(value))));

    // With a bearer token too, and with a stale bearer beside a live cookie.
    const auto second = login(web, alice.email, test_password, cookie_mode);
    const auto second_value = value_of(the_cookie(second));
    const auto with_bearer = web.send(http::verb::post, "/api/token/logout/", "",
                                      with(cookie_mode, with(cookie(second_value),
                                                             {{"Authorization", "Bearer " + second.text("access")}})));
    CHECK(with_bearer.status == 204);
    check_clears_cookie(with_bearer);
    check_unauthenticated(
        web.post("/api/token/refresh/", boost::json::object{}, "", with(cookie_mode, cookie(second_value))));
    const auto third = login(web, alice.email, test_password, cookie_mode);
    const auto third_value = value_of(the_cookie(third));
    const auto stale = web.send(http::verb::post, "/api/token/logout/", "",
                                with(cookie_mode, with(cookie(third_value), {{"Authorization", "Bearer not.a.token"}})));
    CHECK(stale.status == 204);
    check_unauthenticated(
        web.post("/api/token/refresh/", boost::json::object{}, "", with(cookie_mode, cookie(third_value))));

    // Nothing to end: still 204, and the cookie is cleared.
    const auto nothing = web.send(http::verb::post, "/api/token/logout/", "", cookie_mode);
    CHECK(nothing.status == 204);
    check_clears_cookie(nothing);
    const auto garbage = web.send(http::verb::post, "/api/token/logout/", "", with(cookie_mode, cookie("garbage")));
    CHECK(garbage.status == 204);
    check_clears_cookie(garbage);

    // Other sessions of the account live on.
    const auto other = login(web, alice.email, test_password);
    const auto fourth = login(web, alice.email, test_password, cookie_mode);
    CHECK(web.send(http::verb::post, "/api/token/logout/", "", with(cookie_mode, cookie(value_of(the_cookie(fourth)))))
              .status == 204);
    CHECK(web.post("/api/token/refresh/", {{"refresh", other.text("refresh")}}).status == 200);
}

HTTP_TEST_CASE(
    "cookie sessions - a foreign Origin is refused, the server's own and allow-listed origins pass") {
    const auto alice = f.account("Alice");
    const auto port = std::to_string(f.port());
    const header_list own = {{"Host", "127.0.0.1:" + port}, {"Origin", "http://127.0.0.1:" + port}};
    const header_list listed = {{"Origin", "https://desk.example.com"}};
    const header_list foreign = {{"Host", "127.0.0.1:" + port}, {"Origin", "https://evil.example"}};

    const auto session = login(web, alice.email, test_password, with(cookie_mode, own));
    REQUIRE_MESSAGE(session.status == 200, session.body);
    const auto value = value_of(the_cookie(session));

    for (const auto& origin : {foreign, header_list{{"Host", "127.0.0.1:" + port}, {"Origin", "null"}},
                               header_list{{"Host", "127.0.0.1:" + port}, {"Origin", "http://127.0.0.1:1"}},
                               header_list{{"Host", "127.0.0.1:" + port}, {"Origin", "https://127.0.0.1:" + port}}}) {
        INFO(origin.back().second);
        const auto refused_login = login(web, alice.email, test_password, with(cookie_mode, origin));
        check_error(refused_login, 403, "permission_denied");
        CHECK(set_cookies(refused_login).empty());
        const auto refused_refresh =
            web.post("/api/token/refresh/", boost::json::object{}, "", with(with(cookie_mode, origin), cookie(value)));
        check_error(refused_refresh, 403, "permission_denied");
        CHECK(set_cookies(refused_refresh).empty());
        check_error(web.send(http::verb::post, "/api/token/logout/", "", with(with(cookie_mode, origin), cookie(value))),
                    403, "permission_denied");
    }
    // None of that touched the session: it still refreshes, from our own origin.
    const auto ours = web.post("/api/token/refresh/", boost::json::object{}, "", with(with(cookie_mode, own), cookie(value)));
    REQUIRE_MESSAGE(ours.status == 200, ours.body);
    // An allow-listed origin passes and gets its CORS headers.
    const auto cross = web.post("/api/token/refresh/", boost::json::object{}, "",
                                with(with(cookie_mode, listed), cookie(value_of(the_cookie(ours)))));
    REQUIRE_MESSAGE(cross.status == 200, cross.body);
    CHECK(cross.header("Access-Control-Allow-Origin") == "https://desk.example.com");
    CHECK(cross.header("Access-Control-Allow-Credentials") == "true");
    // Without cookie mode the Origin rule does not apply (no cookie is read).
    CHECK(login(web, alice.email, test_password, foreign).status == 200);

    // The preflight admits the header for listed origins only.
    const auto asked = preflight(web, "/api/token/refresh/", "https://desk.example.com", "POST",
                                 "content-type, x-helpdesk-session");
    CHECK(asked.status == 204);
    CHECK(asked.header("Access-Control-Allow-Headers").find("X-Helpdesk-Session") != std::string::npos);
    const auto evil =
        preflight(web, "/api/token/refresh/", "https://evil.example", "POST", "x-helpdesk-session");
    CHECK(evil.status == 403);
    CHECK_FALSE(evil.has_header("Access-Control-Allow-Origin"));
}

TEST_CASE_TEMPLATE("cookie sessions - the public URL's origin is the server's own, and https marks the cookie Secure",
                   Factory, HTTP_STORES) {
    server_fixture<Factory> f{[](helpdesk::server_options& o) { o.public_url = "https://desk.public.test/"; }};
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto r = login(web, alice.email, test_password, with(cookie_mode, {{"Origin", "https://desk.public.test"}}));
    REQUIRE_MESSAGE(r.status == 200, r.body);
    check_sets_cookie(the_cookie(r), true);
    const auto out = web.send(http::verb::post, "/api/token/logout/", "",
                              with(cookie_mode, cookie(value_of(the_cookie(r)))));
    CHECK(out.status == 204);
    CHECK(the_cookie(out).find("; Secure") != std::string::npos);
}
