#include "http/cors.hpp"

#include <doctest/doctest.h>

#include <array>
#include <optional>
#include <string>

namespace {

using namespace helpdesk::server;

const cors_policy policy{{"https://app.example.com", "http://localhost:5173", "https://Admin.Example.com:8443"},
                         std::chrono::seconds(600)};

constexpr std::array<std::string_view, 4> methods = {"GET", "POST", "PUT", "DELETE"};

std::optional<std::string> header(const cors_headers& h, std::string_view name) {
    for (const auto& [n, v] : h.headers)
        if (n == name) return v;
    return std::nullopt;
}

bool only_vary(const cors_headers& h) {
    return !h.origin_allowed && h.headers.size() == 1 && h.headers[0].first == "Vary" &&
           h.headers[0].second == "Origin";
}

cors_headers preflight(std::string_view origin, std::string_view method, std::string_view headers) {
    return cors_for_preflight(policy, origin, method, headers, methods);
}

} // namespace

TEST_CASE("cors: a listed origin is echoed with credentials, never a wildcard") {
    const auto h = cors_for_request(policy, "https://app.example.com");
    CHECK(h.origin_allowed);
    CHECK(header(h, "Access-Control-Allow-Origin") == "https://app.example.com");
    CHECK(header(h, "Access-Control-Allow-Credentials") == "true");
    CHECK(header(h, "Vary") == "Origin");
    CHECK(header(h, "Access-Control-Expose-Headers") == "ETag, Retry-After, Content-Disposition");
    CHECK(h.headers.size() == 4);
    CHECK(cors_for_request(policy, "http://localhost:5173").origin_allowed);
}

TEST_CASE("cors: an unlisted origin gets only Vary") {
    for (const auto* origin : {"https://evil.example.com", "https://app.example.com.evil.com",
                               "https://evilapp.example.com", ""}) {
        CAPTURE(origin);
        CHECK(only_vary(cors_for_request(policy, origin)));
    }
}

TEST_CASE("cors: null is never allowed, even when configured") {
    CHECK(only_vary(cors_for_request(policy, "null")));
    const cors_policy with_null{{"null", "*"}, std::chrono::seconds(1)};
    CHECK(only_vary(cors_for_request(with_null, "null")));
    CHECK(only_vary(cors_for_request(with_null, "*")));
    CHECK(only_vary(cors_for_request(with_null, "https://anything.example")));
}

TEST_CASE("cors: scheme and host compare case-insensitively and the origin is echoed as sent") {
    const auto h = cors_for_request(policy, "HTTPS://APP.Example.COM");
    CHECK(h.origin_allowed);
    CHECK(header(h, "Access-Control-Allow-Origin") == "HTTPS://APP.Example.COM");
    CHECK(cors_for_request(policy, "https://admin.example.com:8443").origin_allowed);
}

TEST_CASE("cors: the scheme and port must match") {
    for (const auto* origin :
         {"http://app.example.com", "https://app.example.com:8443", "http://localhost:5174",
          "http://localhost", "https://admin.example.com", "https://admin.example.com:443"}) {
        CAPTURE(origin);
        CHECK(only_vary(cors_for_request(policy, origin)));
    }
    // A default port written out is the same origin.
    CHECK(cors_for_request(policy, "https://app.example.com:443").origin_allowed);
}

TEST_CASE("cors: things that are not serialised origins never match") {
    for (const auto* origin :
         {"https://app.example.com/", "https://app.example.com/path", "https://user@app.example.com",
          "https://app.example.com:", "https://app.example.com:0443", "https://app.example.com:99999",
          "https://app.example.com\r\nX-Evil: 1", "https://app.example.com ", "app.example.com",
          "ftp://app.example.com", "https://", "https://app.example.com?x", "https://app.example.com#x"}) {
        CAPTURE(origin);
        CHECK(only_vary(cors_for_request(policy, origin)));
    }
}

TEST_CASE("cors: IPv6 literal origins") {
    const cors_policy v6{{"http://[::1]:8080"}, std::chrono::seconds(600)};
    CHECK(cors_for_request(v6, "http://[::1]:8080").origin_allowed);
    CHECK(only_vary(cors_for_request(v6, "http://[::1]:8081")));
    CHECK(only_vary(cors_for_request(v6, "http://[::1")));
}

TEST_CASE("cors: a valid preflight gets methods, headers and max age") {
    const auto h = preflight("https://app.example.com", "POST", "Authorization, content-type, IF-MATCH");
    CHECK(h.origin_allowed);
    CHECK(header(h, "Access-Control-Allow-Origin") == "https://app.example.com");
    CHECK(header(h, "Access-Control-Allow-Credentials") == "true");
    CHECK(header(h, "Access-Control-Allow-Methods") == "GET, POST, PUT, DELETE");
    CHECK(header(h, "Access-Control-Allow-Headers") ==
          "Authorization, Content-Type, If-Match, Idempotency-Key, X-API-Key, X-Helpdesk-Session");
    CHECK(header(h, "Access-Control-Max-Age") == "600");
    CHECK(header(h, "Vary") == "Origin");
    CHECK(h.headers.size() == 6);
    CHECK(preflight("https://app.example.com", "GET", "").origin_allowed);
    CHECK(preflight("https://app.example.com", "POST", "idempotency-key,x-api-key").origin_allowed);
    CHECK(preflight("https://app.example.com", "POST", " Content-Type ,, ").origin_allowed);
    // The console's cookie-session header, from an allow-listed origin only.
    CHECK(preflight("https://app.example.com", "POST", "content-type, x-helpdesk-session").origin_allowed);
    CHECK(only_vary(preflight("https://evil.example.com", "POST", "X-Helpdesk-Session")));
}

TEST_CASE("cors: origin_allowed and same_origin compare serialised origins exactly") {
    const cors_policy p{{"https://app.example.com", "http://localhost:5173"}, std::chrono::seconds(600)};
    CHECK(origin_allowed(p, "https://app.example.com"));
    CHECK(origin_allowed(p, "HTTPS://APP.example.com:443"));
    CHECK(origin_allowed(p, "http://localhost:5173"));
    CHECK_FALSE(origin_allowed(p, "http://app.example.com"));
    CHECK_FALSE(origin_allowed(p, "https://app.example.com.evil.test"));
    CHECK_FALSE(origin_allowed(p, "null"));
    CHECK_FALSE(origin_allowed(p, ""));
    CHECK(same_origin("http://127.0.0.1:8000", "http://127.0.0.1:8000"));
    CHECK(same_origin("http://Desk.Example.com", "http://desk.example.com:80"));
    CHECK_FALSE(same_origin("http://127.0.0.1:8000", "http://127.0.0.1:8001"));
    CHECK_FALSE(same_origin("https://127.0.0.1:8000", "http://127.0.0.1:8000"));
    CHECK_FALSE(same_origin("null", "null"));
    CHECK_FALSE(same_origin("http://127.0.0.1:8000/", "http://127.0.0.1:8000"));
}

TEST_CASE("cors: a preflight with a bad method is refused") {
    CHECK(only_vary(preflight("https://app.example.com", "PATCH", "")));
    CHECK(only_vary(preflight("https://app.example.com", "post", "")));
    CHECK(only_vary(preflight("https://app.example.com", "", "")));
    CHECK(only_vary(preflight("https://app.example.com", "GET, POST", "")));
}

TEST_CASE("cors: a preflight asking for an unsafe header is refused") {
    CHECK(only_vary(preflight("https://app.example.com", "POST", "X-Custom")));
    CHECK(only_vary(preflight("https://app.example.com", "POST", "Authorization, Cookie")));
    CHECK(only_vary(preflight("https://app.example.com", "POST", "Content-Type;x")));
    CHECK(only_vary(preflight("https://app.example.com", "POST", "Authorization X-API-Key")));
}

TEST_CASE("cors: a preflight from an unlisted origin is refused") {
    CHECK(only_vary(preflight("https://evil.example.com", "GET", "")));
    CHECK(only_vary(preflight("null", "GET", "")));
    CHECK(only_vary(preflight("", "GET", "")));
}

TEST_CASE("cors: the max age comes from the policy") {
    const cors_policy p{{"https://app.example.com"}, std::chrono::seconds(86400)};
    const auto h = cors_for_preflight(p, "https://app.example.com", "GET", "", methods);
    CHECK(header(h, "Access-Control-Max-Age") == "86400");
}
