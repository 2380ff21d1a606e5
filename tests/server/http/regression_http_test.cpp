// Regression tests at the HTTP layer (docs/product.md#safeguards), each as a
// named test over real loopback HTTP (the file-name escaping and upload
// limits of attachments are in the files tests).
#include "auth_support.hpp"
#include "request_bodies.hpp"

#include <boost/url/parse.hpp>

using namespace http_test;
using namespace http_test::guard;

namespace {

/// The query parameter names of a relative URL, in order.
std::vector<std::string> query_names(const std::string& url) {
    const auto parsed = boost::urls::parse_origin_form(url);
    REQUIRE(parsed.has_value());
    std::vector<std::string> names;
    for (const auto& p : parsed->params()) {
        names.push_back(p.key);
    }
    return names;
}

helpdesk::time_point a_day_from_now() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()) +
           std::chrono::hours{24};
}

bool ends_in_z(const boost::json::value& v) {
    return v.is_string() && v.as_string().size() >= 20 && v.as_string().ends_with("Z") &&
           v.as_string()[10] == 'T';
}

} // namespace

// ------------------------------------------------------------------- signing in (docs/product.md#signing-in)

HTTP_TEST_CASE("a pending account cannot log in at either endpoint and is told it is pending") {
    (void)f.admin();
    REQUIRE(web.post("/api/create_employee/", sign_up_body("pat@desk.test")).status == 201);

    for (const auto* endpoint : {"/api/token/employee/", "/api/token/admin/", "/api/token/"}) {
        INFO("endpoint := " << std::string{endpoint});
        const auto r = web.post(endpoint, {{"email", "pat@desk.test"}, {"password", test_password}});
        check_error(r, 403, "permission_denied");
        CHECK(r.text("detail").find("pending approval") != std::string::npos);
        CHECK_FALSE(r.json().as_object().contains("access"));
        CHECK_FALSE(r.json().as_object().contains("refresh"));
        // A wrong password reveals nothing about the status.
        check_unauthenticated(web.post(endpoint, {{"email", "pat@desk.test"}, {"password", "Wr0ng-Passw0rd!"}}));
    }
}

HTTP_TEST_CASE("each role login endpoint admits only its roles, and no SimpleJWT endpoints exist") {
    const auto admin = f.admin();
    const auto alice = f.account("Alice");
    const auto cora = f.account("Cora", "Ticket Coordinator");

    const auto employee_as_staff = web.post("/api/token/admin/", {{"email", alice.email}, {"password", test_password}});
    check_error(employee_as_staff, 403, "permission_denied");
    CHECK_FALSE(employee_as_staff.json().as_object().contains("access"));
    for (const auto* who : {&cora, &admin}) {
        const auto staff_as_employee =
            web.post("/api/token/employee/", {{"email", who->email}, {"password", test_password}});
        check_error(staff_as_employee, 403, "permission_denied");
    }
    // Django/SimpleJWT's generic endpoints do not exist. (`/api/token/`, the
    // console's one sign-in for every role, keeps the approval gate above;
    // see cookie_session_test.cpp.)
    for (const auto* path : {"/api/token/obtain/", "/api/token/pair/", "/api/auth/login/", "/api/login/",
                             "/api/token/verify/", "/api-token-auth/", "/api/auth/token/"}) {
        INFO("path := " << std::string{path});
        check_error(web.post(path, {{"email", alice.email}, {"password", test_password}}), 404, "not_found");
    }
}

HTTP_TEST_CASE("refresh re-checks that the account is still approved") {
    const auto alice = f.account("Alice");
    const auto before = web.post("/api/token/refresh/", {{"refresh", alice.refresh}});
    REQUIRE_MESSAGE(before.status == 200, before.body);
    set_account_status(f.factory(), alice.id, helpdesk::account_status::pending);
    check_unauthenticated(web.post("/api/token/refresh/", {{"refresh", before.text("refresh")}}));
}

// ------------------------------------------------------ debug endpoints (docs/product.md#server-protections)

HTTP_TEST_CASE("there are no anonymous debug, mail relay or config endpoints") {
    for (const auto* path :
         {"/api/debug/", "/api/send-email/", "/api/send_email/", "/api/sendmail/", "/api/email/", "/api/test-email/",
          "/api/config/", "/api/settings/", "/api/env/", "/api/environment/", "/admin/", "/admin/login/", "/debug/",
          "/__debug__/", "/api/debug/config/", "/api/admin/config/", "/api/admin/settings/", "/.env", "/settings.py",
          "/static/", "/api/"}) {
        INFO("path := " << std::string{path});
        check_error(web.get(path), 404, "not_found");
        check_error(web.post(path, {{"to", "victim@example.com"}, {"subject", "spam"}, {"body", "spam"}}), 404,
                    "not_found");
    }
    // The API description lists nothing of the kind either.
    const auto doc = web.get("/api/openapi.json");
    REQUIRE(doc.status == 200);
    const auto description = doc.json();
    for (const auto& [path, item] : description.at("paths").as_object()) {
        INFO("path := " << std::string{path});
        for (const auto* word : {"debug", "send", "config", "settings", "mail", "env"}) {
            CHECK(std::string{path}.find(word) == std::string::npos);
        }
    }
    // No mail was queued by any of it.
    auto db = f.factory().open();
    auto tx = db->begin(helpdesk::tx_mode::read);
    CHECK(tx->outbox().due(a_day_from_now(), 10).empty());
}

// --------------------------------------------- tokens in URLs and logs (docs/product.md#sessions-and-tokens)

HTTP_TEST_CASE("bearer tokens and the API key are not accepted in URLs") {
    const auto alice = f.account("Alice");
    const auto cora = f.account("Cora", "Ticket Coordinator");
    for (const auto* name : {"token", "access", "access_token", "jwt", "auth", "bearer", "Authorization"}) {
        INFO("name := " << std::string{name});
        check_unauthenticated(web.get(std::string{"/api/employee/profile/?"} + name + "=" + alice.access));
    }
    const auto ticket = f.ticket(alice);
    const std::string number{ticket.at("ticket_number").as_string()};
    const auto approved =
        web.post("/api/tickets/" + std::to_string(ticket.at("id").as_int64()) + "/approve/", {{"priority", "High"}}, cora.access);
    REQUIRE_MESSAGE(approved.status == 200, approved.body);
    const auto key = f.workflow_key();
    for (const auto* name : {"api_key", "apikey", "key", "X-API-Key"}) {
        INFO("name := " << std::string{name});
        const auto r = web.post("/api/workflow/tickets/" + number + "/status/?" + name + "=" + key,
                                {{"status", "In Progress"}});
        check_unauthenticated(r);
    }
    // The header is the way.
    const auto by_header = web.post("/api/workflow/tickets/" + number + "/status/", {{"status", "In Progress"}}, "",
                                    {{"X-API-Key", key}});
    CHECK_MESSAGE(by_header.status != 401, by_header.body);
    CHECK(by_header.status < 500);
}

HTTP_TEST_CASE("download and image links carry only u, exp and sig, never a token") {
    const auto alice = f.account("Alice");
    const auto created =
        web.post_form("/api/tickets/", ticket_form_with_png("Screen", "Flickers."), alice.access);
    REQUIRE_MESSAGE(created.status == 201, created.body);
    const std::string download{
        created.json().at("attachments").as_array().at(0).at("download_url").as_string()};
    CHECK(query_names(download) == std::vector<std::string>{"u", "exp", "sig"});
    CHECK(download.find(alice.access) == std::string::npos);
    CHECK(download.find("eyJ") == std::string::npos);
    CHECK(web.get(download).status == 200);

    const auto image = web.post_form("/api/employee/upload-image/", {{"image", tiny_png(), "me.png", "image/png"}},
                                     alice.access);
    REQUIRE_MESSAGE(image.status == 200, image.body);
    const std::string image_url{image.json().at("image_url").as_string()};
    CHECK(query_names(image_url) == std::vector<std::string>{"u", "exp", "sig"});
    CHECK(image_url.find("eyJ") == std::string::npos);
    CHECK(web.get(image_url).status == 200);

    // The signed routes take no bearer token instead of the signature, in the
    // header or the URL.
    const auto bare = download.substr(0, download.find('?'));
    check_unauthenticated(web.get(bare, alice.access));
    check_unauthenticated(web.get(bare + "?token=" + alice.access));
    // And the signature binds the path: moved to the image route it fails.
    check_unauthenticated(web.get(image_url.substr(0, image_url.find('?')) + download.substr(download.find('?'))));
}

HTTP_TEST_CASE("the access log holds no tokens, query strings or passwords") {
    const auto alice = f.account("Alice");
    (void)web.get("/api/employee/profile/?token=" + alice.access + "&password=" + test_password);
    (void)web.get("/api/tickets/?search=secret-search-term&page=1", alice.access);
    (void)web.post("/api/token/refresh/", {{"refresh", alice.refresh}});
    (void)web.post("/api/employee/check-password/", {{"password", test_password}}, alice.access);
    (void)web.post("/api/token/employee/", {{"email", alice.email}, {"password", "Wr0ng-Passw0rd!"}});
    (void)web.get("/healthz");

    const auto lines = f.log_lines();
    REQUIRE(lines.size() >= 6);
    const auto access_signature = alice.access.substr(alice.access.rfind('.') + 1);
    bool saw_profile = false;
    for (const auto& line : lines) {
        CAPTURE(line);
        CHECK(line.find(access_signature) == std::string::npos);
        CHECK(line.find(alice.refresh.substr(alice.refresh.rfind('.') + 1)) == std::string::npos);
        CHECK(line.find("eyJ") == std::string::npos);
        CHECK(line.find(test_password) == std::string::npos);
        CHECK(line.find("Wr0ng-Passw0rd!") == std::string::npos);
        CHECK(line.find("secret-search-term") == std::string::npos);
        CHECK(line.find('?') == std::string::npos);
        if (line.find("\"path\":\"/api/employee/profile/\"") != std::string::npos) {
            saw_profile = true;
            const auto json = boost::json::parse(line).as_object();
            CHECK(ends_in_z(json.at("time")));
            CHECK(json.at("status").as_int64() == 401);
        }
    }
    CHECK(saw_profile);
}

// ------------------------------------------------------------ password oracles (docs/product.md#rate-limits)

TEST_CASE_TEMPLATE("check-password is throttled, not an unlimited password oracle", Factory, HTTP_STORES) {
    server_fixture<Factory> f{[](helpdesk::server_options& o) {
        o.address_limit = {100000, std::chrono::milliseconds{1}};
        o.account_limit = {3, std::chrono::milliseconds{60000}};
    }};
    const auto alice = f.account("Alice");
    auto& web = f.http();
    // The refusal needs a token: no anonymous oracle.
    check_unauthenticated(web.post("/api/employee/check-password/", {{"password", test_password}}));
    int allowed = 0;
    reply last;
    for (int i = 0; i < 6; ++i) {
        last = web.post("/api/employee/check-password/", {{"password", "guess-" + std::to_string(i)}}, alice.access);
        if (last.status != 200) {
            break;
        }
        ++allowed;
    }
    CHECK(allowed == 3);
    check_error(last, 429, "rate_limited");
    CHECK(std::stol(last.header("Retry-After")) >= 1);
    // Once limited, even the right password is not confirmed.
    const auto right = web.post("/api/employee/check-password/", {{"password", test_password}}, alice.access);
    check_error(right, 429, "rate_limited");
    CHECK(right.body.find("valid") == std::string::npos);
}

HTTP_TEST_CASE("forgot-password answers alike for known, pending and unknown emails") {
    const auto alice = f.account("Alice");
    REQUIRE(web.post("/api/create_employee/", sign_up_body("pending@desk.test")).status == 201);

    const auto known = web.post("/api/employee/forgot-password/", {{"email", alice.email}});
    const auto known_upper = web.post("/api/employee/forgot-password/", {{"email", "ALICE" + alice.email.substr(5)}});
    const auto pending = web.post("/api/employee/forgot-password/", {{"email", "pending@desk.test"}});
    const auto unknown = web.post("/api/employee/forgot-password/", {{"email", "nobody@desk.test"}});
    CHECK(known.status == 200);
    for (const auto* r : {&known_upper, &pending, &unknown}) {
        CHECK(r->status == known.status);
        CHECK(r->body == known.body);
        CHECK(r->header("Content-Length") == known.header("Content-Length"));
        CHECK(r->header("Content-Type") == known.header("Content-Type"));
    }
    // Only the real, approved account got a mail in the outbox.
    auto db = f.factory().open();
    auto tx = db->begin(helpdesk::tx_mode::read);
    std::size_t reset_mails = 0;
    for (const auto& e : tx->outbox().due(a_day_from_now(), 100)) {
        if (e.kind == "password_reset.requested") {
            ++reset_mails;
            CHECK(e.account == std::optional<std::int64_t>{alice.id});
        }
    }
    CHECK(reset_mails >= 1);
}

// ------------------------------------------------------------------- missing things (docs/product.md#errors)

HTTP_TEST_CASE("a missing ticket or attachment is a JSON 404, never a 500") {
    const auto alice = f.account("Alice");
    const auto cora = f.account("Cora", "Ticket Coordinator");
    for (const auto* who : {&alice, &cora}) {
        for (const auto* path : {"/api/tickets/999999/", "/api/tickets/TX999999/", "/api/tickets/999999/comments/",
                                 "/api/tickets/999999/history/"}) {
            INFO("path := " << std::string{path});
            check_error(web.get(path, who->access), 404, "not_found");
        }
        check_error(web.post("/api/tickets/999999/claim/", boost::json::object{}, who->access), 404, "not_found");
        check_error(web.post("/api/tickets/999999/comments/", {{"text", "hello"}}, who->access), 404, "not_found");
    }
    // Ids that are not ids at all.
    for (const auto* path : {"/api/tickets/abc/", "/api/tickets/-1/", "/api/tickets/99999999999999999999999/"}) {
        INFO("path := " << std::string{path});
        const auto r = web.get(path, cora.access);
        CHECK((r.status == 404 || r.status == 400));
        check_error_shape(r);
    }
}

// ---------------------------------------------------------------------- error shape (docs/product.md#errors)

HTTP_TEST_CASE("every error has the one shape and every timestamp is UTC with Z") {
    const auto alice = f.account("Alice");
    const auto cora = f.account("Cora", "Ticket Coordinator");
    const auto ticket = f.ticket(alice);
    const auto id = std::to_string(ticket.at("id").as_int64());

    std::vector<std::pair<unsigned, reply>> errors;
    errors.emplace_back(400, web.post("/api/create_employee/", {{"email", "bad"}}));
    errors.emplace_back(400, web.post("/api/token/admin/", boost::json::object{}));
    errors.emplace_back(400, web.send(http::verb::post, "/api/token/admin/", "{not json", {{"Content-Type", "application/json"}}));
    errors.emplace_back(401, web.get("/api/tickets/"));
    errors.emplace_back(401, web.post("/api/token/admin/", {{"email", alice.email}, {"password", "Wr0ng-Passw0rd!"}}));
    errors.emplace_back(403, web.get("/api/rejected-employees/", alice.access));
    errors.emplace_back(404, web.get("/api/tickets/999999/", alice.access));
    errors.emplace_back(405, web.get("/api/token/admin/"));
    errors.emplace_back(409, web.post("/api/create_employee/", sign_up_body(alice.email)));
    errors.emplace_back(409, web.post("/api/tickets/" + id + "/claim/", boost::json::object{}, cora.access));
    errors.emplace_back(412, web.post("/api/tickets/" + id + "/approve/", {{"priority", "High"}}, cora.access,
                                      {{"If-Match", "99"}}));
    errors.emplace_back(415, web.send(http::verb::post, "/api/token/admin/", "email=a", {{"Content-Type", "text/plain"}}));
    for (const auto& [status, r] : errors) {
        CAPTURE(status);
        check_error(r, status);
        CHECK(r.body.find("non_field_errors") == std::string::npos);
    }
    // Field errors travel under field_errors, keyed by field.
    const auto fields = errors.front().second.json().as_object();
    REQUIRE(fields.contains("field_errors"));
    CHECK(fields.at("field_errors").as_object().contains("email"));

    // Timestamps: RFC 3339 in UTC, with Z.
    const auto me = web.get("/api/employee/profile/", alice.access);
    REQUIRE(me.status == 200);
    CHECK(ends_in_z(me.json().at("date_created")));
    const auto detail = web.get("/api/tickets/" + id + "/", alice.access);
    REQUIRE(detail.status == 200);
    CHECK(ends_in_z(detail.json().at("submit_date")));
    CHECK(ends_in_z(detail.json().at("update_date")));
    const auto comment = web.post("/api/tickets/" + id + "/comments/", {{"text", "Any news?"}}, alice.access);
    REQUIRE_MESSAGE(comment.status == 201, comment.body);
    CHECK(ends_in_z(comment.json().at("created_at")));
    const auto history = web.get("/api/tickets/" + id + "/history/", alice.access);
    REQUIRE(history.status == 200);
    const auto h = history.json();
    const auto& rows = h.is_array() ? h.as_array() : h.at("results").as_array();
    REQUIRE_FALSE(rows.empty());
    for (const auto& row : rows) {
        for (const auto& [key, value] : row.as_object()) {
            if (key == "at" || key.ends_with("_at") || key.ends_with("_date")) {
                INFO("key := " << std::string{key});
                CHECK(ends_in_z(value));
            }
        }
    }
}
