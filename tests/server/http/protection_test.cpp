// The server's protections over real HTTP (docs/product.md#server-protections): the
// CORS allow-list and preflights, security headers, header and body size
// limits, idle and request timeouts, the connection cap, and the answers to
// wrong methods, unknown paths and malformed HTTP. HTTP-layer behaviour, so
// one store (SQLite file) is enough.
#include "auth_support.hpp"

#include <boost/asio/connect.hpp>

using namespace http_test;
using namespace http_test::guard;
using sqlite_fixture = server_fixture<contract::sqlite_file_factory>;

namespace {

const std::string allowed_origin = "https://desk.example.com";

std::vector<std::string> header_values(const reply& r, std::string_view name) {
    std::vector<std::string> out;
    for (const auto& [k, v] : r.headers) {
        if (k.size() == name.size() && std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
            })) {
            out.push_back(v);
        }
    }
    return out;
}

bool varies_by_origin(const reply& r) {
    for (const auto& v : header_values(r, "Vary")) {
        if (v.find("Origin") != std::string::npos) {
            return true;
        }
    }
    return false;
}

void check_no_cors_grant(const reply& r) {
    CHECK_FALSE(r.has_header("Access-Control-Allow-Origin"));
    CHECK_FALSE(r.has_header("Access-Control-Allow-Credentials"));
    CHECK_FALSE(r.has_header("Access-Control-Allow-Methods"));
}

void check_security_headers(const reply& r) {
    CAPTURE(r.status);
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK_FALSE(r.header("Referrer-Policy").empty());
    CHECK(r.header("Cache-Control").find("no-store") != std::string::npos);
}

std::string chunked(const std::string& body, std::size_t piece) {
    std::string out;
    for (std::size_t at = 0; at < body.size(); at += piece) {
        const auto part = body.substr(at, piece);
        char size[32];
        std::snprintf(size, sizeof size, "%zx\r\n", part.size());
        out += size + part + "\r\n";
    }
    return out + "0\r\n\r\n";
}

} // namespace

// ---------------------------------------------------------------- CORS

TEST_CASE("cors - a request from the allowed origin gets its origin echoed, never a wildcard") {
    sqlite_fixture f;
    auto& web = f.http();
    const auto r = web.get("/healthz", "", {{"Origin", allowed_origin}});
    CHECK(r.status == 200);
    CHECK(r.header("Access-Control-Allow-Origin") == allowed_origin);
    CHECK(r.header("Access-Control-Allow-Credentials") == "true");
    CHECK(varies_by_origin(r));
    // Errors carry the grant too, so the page can read them.
    const auto refused = web.get("/api/employee/profile/", "", {{"Origin", allowed_origin}});
    CHECK(refused.status == 401);
    CHECK(refused.header("Access-Control-Allow-Origin") == allowed_origin);
    // The default port is the same origin.
    CHECK(web.get("/healthz", "", {{"Origin", "https://desk.example.com:443"}}).has_header("Access-Control-Allow-Origin"));
}

TEST_CASE("cors - unlisted and malformed origins get no grant") {
    sqlite_fixture f;
    auto& web = f.http();
    for (const auto* origin : {"https://evil.example.com", "http://desk.example.com", "https://desk.example.com.evil.com",
                               "https://desk.example.com:8443", "https://evil.com/https://desk.example.com", "null", "*",
                               "https://desk.example.com/", "desk.example.com"}) {
        INFO("origin := " << std::string{origin});
        const auto r = web.get("/healthz", "", {{"Origin", origin}});
        CHECK(r.status == 200);
        check_no_cors_grant(r);
        CHECK(varies_by_origin(r));
        CHECK(r.header("Access-Control-Allow-Origin") != "*");
    }
    // No origin at all: no CORS headers of any kind granting access.
    check_no_cors_grant(web.get("/healthz"));
}

TEST_CASE("cors - a preflight from the allowed origin is answered 204 with methods, headers and max-age") {
    sqlite_fixture f;
    auto& web = f.http();
    const auto r = preflight(web, "/api/tickets/", allowed_origin, "POST", "authorization, content-type, if-match");
    CHECK(r.status == 204);
    CHECK(r.body.empty());
    CHECK(r.header("Access-Control-Allow-Origin") == allowed_origin);
    CHECK(r.header("Access-Control-Allow-Credentials") == "true");
    CHECK(r.header("Access-Control-Allow-Methods").find("POST") != std::string::npos);
    CHECK(r.header("Access-Control-Allow-Methods").find("GET") != std::string::npos);
    const auto allowed_headers = r.header("Access-Control-Allow-Headers");
    CHECK(allowed_headers.find("Authorization") != std::string::npos);
    CHECK(allowed_headers.find("Content-Type") != std::string::npos);
    CHECK(allowed_headers.find("*") == std::string::npos);
    const auto max_age = r.header("Access-Control-Max-Age");
    REQUIRE_FALSE(max_age.empty());
    CHECK(std::stol(max_age) > 0);
    CHECK(varies_by_origin(r));
    // A preflight needs no token and touches no handler: also for bearer routes.
    CHECK(preflight(web, "/api/employee/profile/", allowed_origin, "GET", "authorization").status == 204);
}

TEST_CASE("cors - preflights from a bad origin or asking for a disallowed method or header are refused") {
    sqlite_fixture f;
    auto& web = f.http();
    const auto bad_origin = preflight(web, "/api/tickets/", "https://evil.example.com", "POST", "content-type");
    CHECK(bad_origin.status == 403);
    check_no_cors_grant(bad_origin);
    CHECK_FALSE(bad_origin.has_header("Access-Control-Max-Age"));
    const auto bad_header = preflight(web, "/api/tickets/", allowed_origin, "POST", "content-type, x-evil");
    CHECK(bad_header.status == 403);
    check_no_cors_grant(bad_header);
    const auto bad_method = preflight(web, "/api/tickets/", allowed_origin, "DELETE", "");
    CHECK(bad_method.status == 403);
    check_no_cors_grant(bad_method);
    // Methods are the path's own: DELETE where a route takes it, nowhere else.
    const auto key_delete = preflight(web, "/api/workflow/api-keys/1/", allowed_origin, "DELETE", "authorization");
    CHECK(key_delete.status == 204);
    CHECK(key_delete.header("Access-Control-Allow-Methods").find("DELETE") != std::string::npos);
    CHECK(key_delete.header("Access-Control-Allow-Methods").find("POST") == std::string::npos);
    check_no_cors_grant(preflight(web, "/api/workflow/api-keys/", allowed_origin, "DELETE", ""));
    check_no_cors_grant(preflight(web, "/api/no-such-thing/", allowed_origin, "POST", ""));
    const auto null_origin = preflight(web, "/api/tickets/", "null", "POST", "");
    CHECK(null_origin.status == 403);
    check_no_cors_grant(null_origin);
}

TEST_CASE("cors - an OPTIONS that is not a preflight lists the path's methods") {
    sqlite_fixture f;
    auto& web = f.http();
    const auto r = web.send(http::verb::options, "/api/tickets/");
    CHECK(r.status == 204);
    CHECK(r.header("Allow").find("GET") != std::string::npos);
    CHECK(r.header("Allow").find("POST") != std::string::npos);
    check_no_cors_grant(r);
}

TEST_CASE("cors - with no origins configured nothing is granted") {
    sqlite_fixture f{[](helpdesk::server_options& o) { o.cors_origins.clear(); }};
    auto& web = f.http();
    check_no_cors_grant(web.get("/healthz", "", {{"Origin", allowed_origin}}));
    const auto r = preflight(web, "/api/tickets/", allowed_origin, "POST", "");
    CHECK(r.status == 403);
    check_no_cors_grant(r);
}

// ---------------------------------------------------------------- headers

TEST_CASE("headers - API responses carry nosniff, Referrer-Policy and Cache-Control no-store") {
    sqlite_fixture f;
    auto& web = f.http();
    const auto ok = web.get("/healthz");
    CHECK(ok.status == 200);
    check_security_headers(ok);
    const auto doc = web.get("/api/openapi.json");
    CHECK(doc.status == 200);
    CHECK(doc.header("X-Content-Type-Options") == "nosniff");
    const auto unauthenticated = web.get("/api/employee/profile/");
    check_unauthenticated(unauthenticated);
    check_security_headers(unauthenticated);
    CHECK(unauthenticated.header("WWW-Authenticate") == "Bearer");
    const auto missing = web.get("/api/no-such-thing/");
    check_error(missing, 404, "not_found");
    check_security_headers(missing);
    const auto bad = web.post("/api/token/admin/", {{"email", 5}});
    check_error(bad, 400);
    check_security_headers(bad);
    // Plain HTTP: no HSTS (that belongs to TLS).
    CHECK_FALSE(ok.has_header("Strict-Transport-Security"));
    // No framing, and the server does not announce a version.
    CHECK(ok.header("X-Frame-Options") == "DENY");
    CHECK(ok.header("Server").find('/') == std::string::npos);
}

TEST_CASE("headers - a logged-in JSON response is not cacheable either") {
    sqlite_fixture f;
    const auto admin = f.admin();
    const auto r = f.http().get("/api/employee/profile/", admin.access);
    CHECK(r.status == 200);
    CHECK(r.header("Content-Type").starts_with("application/json"));
    check_security_headers(r);
}

// ---------------------------------------------------------------- body and header limits

TEST_CASE("limits - a JSON body over max_json_body_bytes gets 413, declared or chunked") {
    sqlite_fixture f{[](helpdesk::server_options& o) { o.max_json_body_bytes = 4096; }};
    auto& web = f.http();
    const std::string padding(5000, 'x');
    const boost::json::object big{{"email", "a@desk.test"}, {"password", padding}};

    const auto declared = web.post("/api/token/admin/", big);
    check_error(declared, 413, "payload_too_large");
    check_security_headers(declared);

    // Just under the limit is read and answered on its merits (401 here).
    const boost::json::object fits{{"email", "a@desk.test"}, {"password", std::string(3000, 'x')}};
    check_unauthenticated(web.post("/api/token/admin/", fits));

    // Chunked: no length declared; the parser stops at the limit.
    boost::asio::io_context ioc;
    auto s = raw_connect(ioc, f.port());
    const auto body = boost::json::serialize(big);
    raw_write(s, "POST /api/token/admin/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n" +
                     chunked(body, 1000));
    const auto got = raw_read(s, std::chrono::milliseconds{3000}, true);
    const auto r = raw_reply(got.data);
    check_error(r, 413, "payload_too_large");
}

TEST_CASE("limits - an upload over max_upload_body_bytes gets 413 while a smaller one passes the JSON limit") {
    sqlite_fixture f{[](helpdesk::server_options& o) {
        o.max_json_body_bytes = 4096;
        o.max_upload_body_bytes = 64 * 1024;
    }};
    const auto admin = f.admin();
    const auto alice = f.account("Alice");
    auto& web = f.http();
    std::string csv;
    while (csv.size() < 10 * 1024) {
        csv += "printer,on fire,again\n";
    }
    const std::vector<form_field> base{{"subject", "Printer on fire"},
                                       {"category", "IT Category"},
                                       {"sub_category", "Technical Support & Troubleshooting"},
                                       {"description", "It smokes."}};
    auto small = base;
    small.push_back({"attachments", csv, "log.csv", "text/csv"});
    const auto fits = web.post_form("/api/tickets/", small, alice.access);
    CHECK_MESSAGE(fits.status == 201, fits.body);

    auto big = base;
    std::string huge;
    while (huge.size() < 80 * 1024) {
        huge += csv;
    }
    big.push_back({"attachments", huge, "log.csv", "text/csv"});
    const auto refused = web.post_form("/api/tickets/", big, alice.access);
    check_error(refused, 413, "payload_too_large");
    // Only the first ticket exists.
    const auto list = web.get("/api/tickets/", alice.access);
    REQUIRE(list.status == 200);
    CHECK(list.number("count") == 1);
    (void)admin;
}

TEST_CASE("limits - request headers over max_header_bytes get 431") {
    sqlite_fixture f;
    auto& web = f.http();
    const auto r = web.get("/healthz", "", {{"X-Padding", std::string(20000, 'a')}});
    check_error(r, 431, "headers_too_large");
    check_security_headers(r);
    // Many small headers add up the same way.
    header_list many;
    for (int i = 0; i < 400; ++i) {
        many.emplace_back("X-H" + std::to_string(i), std::string(50, 'b'));
    }
    check_error(web.get("/healthz", "", many), 431, "headers_too_large");
    // A long target counts as well.
    check_error(web.get("/healthz?" + std::string(17000, 'q')), 431, "headers_too_large");
    CHECK(web.get("/healthz").status == 200);
}

// ---------------------------------------------------------------- timeouts and connections

TEST_CASE("limits - a slow-header client is disconnected by the idle timeout") {
    sqlite_fixture f{[](helpdesk::server_options& o) { o.idle_timeout = std::chrono::seconds{1}; }};
    boost::asio::io_context ioc;
    auto s = raw_connect(ioc, f.port());
    raw_write(s, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const auto got = raw_read(s, std::chrono::milliseconds{5000});
    CHECK(got.closed);
    CHECK(got.data.empty());
    CHECK(got.elapsed >= std::chrono::milliseconds{800});
    CHECK(got.elapsed < std::chrono::milliseconds{3500});
    // The server is fine afterwards.
    CHECK(f.http().get("/healthz").status == 200);
}

TEST_CASE("limits - trickling header bytes does not extend the idle timeout") {
    sqlite_fixture f{[](helpdesk::server_options& o) { o.idle_timeout = std::chrono::seconds{1}; }};
    boost::asio::io_context ioc;
    auto s = raw_connect(ioc, f.port());
    const auto start = std::chrono::steady_clock::now();
    const std::string header = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    bool cut = false;
    for (const char c : header) {
        boost::system::error_code ec;
        boost::asio::write(s, boost::asio::buffer(&c, 1), ec);
        pollfd p{s.native_handle(), POLLIN, 0};
        if (ec || ::poll(&p, 1, 100) > 0) {
            cut = true;
            break;
        }
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(cut);
    CHECK(elapsed < std::chrono::milliseconds{3000});
    if (cut) {
        const auto rest = raw_read(s, std::chrono::milliseconds{1000});
        CHECK(raw_status(rest.data) == 0);
    }
}

TEST_CASE("limits - an idle keep-alive connection is closed after the idle timeout") {
    sqlite_fixture f{[](helpdesk::server_options& o) { o.idle_timeout = std::chrono::seconds{1}; }};
    boost::asio::io_context ioc;
    auto s = raw_connect(ioc, f.port());
    raw_write(s, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const auto first = raw_read(s, std::chrono::milliseconds{2000}, true);
    CHECK(raw_status(first.data) == 200);
    CHECK_FALSE(first.closed);
    const auto then = raw_read(s, std::chrono::milliseconds{4000});
    CHECK(then.closed);
    CHECK(then.elapsed < std::chrono::milliseconds{3000});
}

TEST_CASE("limits - a body sent too slowly is cut off by the request timeout") {
    sqlite_fixture f{[](helpdesk::server_options& o) {
        o.idle_timeout = std::chrono::seconds{5};
        o.request_timeout = std::chrono::seconds{1};
    }};
    boost::asio::io_context ioc;
    auto s = raw_connect(ioc, f.port());
    raw_write(s, "POST /api/token/admin/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Content-Length: 100\r\n\r\n{\"email\":");
    const auto got = raw_read(s, std::chrono::milliseconds{5000});
    CHECK(got.closed);
    CHECK(got.elapsed >= std::chrono::milliseconds{800});
    CHECK(got.elapsed < std::chrono::milliseconds{3500});
}

TEST_CASE("limits - connections over max_connections get 503 and a freed slot is usable again") {
    sqlite_fixture f{[](helpdesk::server_options& o) { o.max_connections = 2; }};
    std::optional<client> first;
    first.emplace(f.port());
    client second = f.connect();
    REQUIRE(first->get("/healthz").status == 200);
    REQUIRE(second.get("/healthz").status == 200);

    boost::asio::io_context ioc;
    auto third = raw_connect(ioc, f.port());
    raw_write(third, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const auto got = raw_read(third, std::chrono::milliseconds{3000});
    const auto r = raw_reply(got.data);
    check_error(r, 503);
    CHECK_FALSE(r.header("Retry-After").empty());
    CHECK(got.closed);

    // The two held connections still work.
    CHECK(second.get("/healthz").status == 200);
    // Closing one frees its slot.
    first.reset();
    bool served = false;
    for (int attempt = 0; attempt < 50 && !served; ++attempt) {
        auto s = raw_connect(ioc, f.port());
        raw_write(s, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        served = raw_status(raw_read(s, std::chrono::milliseconds{2000}).data) == 200;
        if (!served) {
            std::this_thread::sleep_for(std::chrono::milliseconds{20});
        }
    }
    CHECK(served);
}

// ---------------------------------------------------------------- methods, paths, malformed HTTP

TEST_CASE("errors - a wrong method gets 405 with Allow and an unknown path a JSON 404") {
    sqlite_fixture f;
    auto& web = f.http();
    const auto get_login = web.get("/api/token/admin/");
    check_error(get_login, 405, "method_not_allowed");
    CHECK(get_login.header("Allow") == "POST");
    const auto delete_tickets = web.send(http::verb::delete_, "/api/tickets/");
    check_error(delete_tickets, 405, "method_not_allowed");
    CHECK(delete_tickets.header("Allow").find("GET") != std::string::npos);
    CHECK(delete_tickets.header("Allow").find("POST") != std::string::npos);
    // Two GET routes take this path (stats and `{id}`), and the PATCH of
    // `{id}`: GET is listed once.
    const auto post_stats = web.post("/api/tickets/stats/", boost::json::object{});
    check_error(post_stats, 405, "method_not_allowed");
    CHECK(post_stats.header("Allow") == "GET, PATCH");
    const auto put_profile = web.send(http::verb::put, "/api/employee/profile/", "{}", {{"Content-Type", "application/json"}});
    check_error(put_profile, 405, "method_not_allowed");
    CHECK(put_profile.header("Allow").find("GET") != std::string::npos);

    for (const auto* path : {"/api/nope/", "/api/tickets/1/explode/", "/nope", "/api/token/admin", "/API/tickets/"}) {
        INFO("path := " << std::string{path});
        check_error(web.get(path), 404, "not_found");
    }
    check_error(web.post("/api/nope/", boost::json::object{}), 404, "not_found");
}

TEST_CASE("errors - malformed HTTP gets 400 and the connection is closed") {
    sqlite_fixture f;
    for (const auto* junk : {"GARBAGE\r\n\r\n", "GET /healthz HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n",
                             "POST /api/token/admin/ HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                             "POST /api/token/admin/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef",
                             "POST /api/token/admin/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"}) {
        INFO("junk := " << std::string{junk});
        boost::asio::io_context ioc;
        auto s = raw_connect(ioc, f.port());
        raw_write(s, junk);
        const auto got = raw_read(s, std::chrono::milliseconds{3000});
        const auto r = raw_reply(got.data);
        check_error(r, 400, "bad_request");
        CHECK(got.closed);
    }
    // A target that is not a path.
    check_error(f.http().get("http://evil.example.com/healthz"), 400);
    CHECK(f.http().get("/healthz").status == 200);
}
