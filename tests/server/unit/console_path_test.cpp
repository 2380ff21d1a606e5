// The web console's path rules: which paths are the server's own, how a
// console path is decoded, which tricks are refused, and content types.
#include "web/console_path.hpp"
#include "web/content_types.hpp"

#include <helpdesk/error.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace helpdesk::server;
using helpdesk::errc;

namespace {

errc refusal(std::string_view path) {
    try {
        (void)console_segments(path);
    } catch (const helpdesk::error& e) {
        return e.code();
    }
    FAIL("not refused: " << std::string{path});
    return errc::internal;
}

} // namespace

TEST_CASE("console paths: the API and the operations endpoints are never the console's") {
    for (const auto* path : {"/api", "/api/", "/api/tickets/", "/api/nope", "/healthz", "/readyz", "/metrics",
                             "/healthz/", "/metrics/x", "/api/../x"}) {
        INFO(path);
        CHECK(is_server_path(path));
    }
    for (const auto* path : {"/", "/login", "/tickets/TX0001", "/assets/index-abc.js", "/apis", "/api-docs",
                             "/metricsx", "/favicon.ico", "/x/api/"}) {
        INFO(path);
        CHECK_FALSE(is_server_path(path));
    }
}

TEST_CASE("console paths: segments are decoded, the root and trailing slashes add none") {
    CHECK(console_segments("/").empty());
    CHECK(console_segments("/login") == std::vector<std::string>{"login"});
    CHECK(console_segments("/tickets/TX0001/") == std::vector<std::string>{"tickets", "TX0001"});
    CHECK(console_segments("/assets/index-4f2a.js") == std::vector<std::string>{"assets", "index-4f2a.js"});
    CHECK(console_segments("/a%20b/%C3%A9t%C3%A9") == std::vector<std::string>{"a b", "\xC3\xA9t\xC3\xA9"});
    CHECK(console_segments("/file.name.txt") == std::vector<std::string>{"file.name.txt"});
}

TEST_CASE("console paths: dot segments, dot files and empty segments are not found") {
    for (const auto* path : {"/..", "/../etc/passwd", "/assets/../../secret", "/.", "/./index.html", "/.env",
                             "/assets/.hidden", "/a//b", "//etc/passwd", "/a/.."}) {
        INFO(path);
        CHECK(refusal(path) == errc::not_found);
    }
}

TEST_CASE("console paths: escapes that hide dots, separators or control bytes are refused as malformed") {
    for (const auto* path : {"/%2e%2e/etc/passwd", "/%2E%2E/secret", "/.%2e/x", "/%2e", "/a%2fb", "/a%2Fb",
                             "/..%2f..%2fetc", "/a%5cb", "/a%5Cb", "/a%00b", "/a%0ab", "/a%7f", "/a\\b",
                             "/..\\..\\x", "/a%zz", "/a%4", "/a%", "relative", ""}) {
        INFO(path);
        CHECK(refusal(path) == errc::invalid_argument);
    }
    const std::string nul{"/a\0b", 4};
    CHECK(refusal(nul) == errc::invalid_argument);
}

TEST_CASE("content types: by extension, case-insensitive, octet-stream otherwise") {
    CHECK(content_type_for("index.html") == "text/html; charset=utf-8");
    CHECK(content_type_for("assets/app-1a2b.js") == "text/javascript; charset=utf-8");
    CHECK(content_type_for("worker.mjs") == "text/javascript; charset=utf-8");
    CHECK(content_type_for("app.CSS") == "text/css; charset=utf-8");
    CHECK(content_type_for("logo.svg") == "image/svg+xml");
    CHECK(content_type_for("shot.png") == "image/png");
    CHECK(content_type_for("photo.jpg") == "image/jpeg");
    CHECK(content_type_for("photo.jpeg") == "image/jpeg");
    CHECK(content_type_for("favicon.ico") == "image/x-icon");
    CHECK(content_type_for("data.json") == "application/json");
    CHECK(content_type_for("font.woff2") == "font/woff2");
    CHECK(content_type_for("robots.txt") == "text/plain; charset=utf-8");
    CHECK(content_type_for("app.js.map") == "application/json");
    CHECK(content_type_for("site.webmanifest") == "application/manifest+json");
    CHECK(content_type_for("archive.tar.gz") == "application/octet-stream");
    CHECK(content_type_for("README") == "application/octet-stream");
    CHECK(content_type_for(".html") == "application/octet-stream");
    CHECK(is_html("index.html"));
    CHECK(is_html("page.HTM"));
    CHECK_FALSE(is_html("app.js"));
}
