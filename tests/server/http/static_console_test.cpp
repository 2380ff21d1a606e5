// The web console served by helpdesk-server: files from a web
// root made by the test, with their content types, caching and CSP;
// index.html for client routes; the API and operations paths unchanged; and
// every way out of the root refused.
#include "auth_support.hpp"
#include "support/child_process.hpp"

#include <csignal>
#include <fstream>
#include <thread>

using namespace http_test;
using namespace http_test::guard;

namespace {

namespace fs = std::filesystem;

const std::string index_html = "<!doctype html><html><head><meta name=\"referrer\" content=\"no-referrer\">"
                               "<script type=\"module\" src=\"/assets/index-4f2a9c.js\"></script></head>"
                               "<body><div id=\"root\"></div></body></html>";
const std::string secret_text = "top secret outside the web root";

void write(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << bytes;
}

/// A web root like Vite's output, inside a folder that also holds a secret
/// file next to the root and symbolic links out of it.
struct web_root {
    test_support::temp_dir dir;
    fs::path root = dir.path / "dist";

    web_root() {
        write(root / "index.html", index_html);
        write(root / "assets/index-4f2a9c.js", "console.log('console');");
        write(root / "assets/chunk-77aa.mjs", "export const x = 1;");
        write(root / "assets/index-9b1e.css", "body{margin:0}");
        write(root / "assets/logo-12ab.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write(root / "assets/font-3c4d.woff2", std::string("wOF2\0\0", 6));
        write(root / "assets/index-4f2a9c.js.map", "{\"version\":3}");
        write(root / "assets/photo-5e6f.jpg", std::string("\xFF\xD8\xFF\xE0", 4));
        write(root / "favicon.ico", std::string("\0\0\1\0", 4));
        write(root / "icon.png", tiny_png());
        write(root / "robots.txt", "User-agent: *\n");
        write(root / "site.webmanifest", "{\"name\":\"Help desk\"}");
        write(root / "config.json", "{\"ok\":true}");
        write(root / "download.bin", "raw");
        write(dir.path / "secret.txt", secret_text);
        fs::create_symlink(dir.path / "secret.txt", root / "leak.txt");
        fs::create_directory_symlink(dir.path, root / "up");
        fs::create_symlink(root / "robots.txt", root / "robots-link.txt"); // inside: fine
    }
};

/// A fixture serving `root`.
template <class Factory>
server_fixture<Factory> serving(const std::optional<fs::path>& root) {
    return server_fixture<Factory>{[root](helpdesk::server_options& o) {
        if (root) {
            o.web_root = root->string();
        }
    }};
}

void check_html_page(const reply& r) {
    INFO(r.status << " " << r.body.substr(0, 200));
    CHECK(r.status == 200);
    CHECK(r.body == index_html);
    CHECK(r.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(r.header("Cache-Control") == "no-cache");
    CHECK(r.header("Content-Security-Policy") ==
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
          "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(r.header("Referrer-Policy") == "no-referrer");
    CHECK(r.header("ETag").starts_with("W/\""));
}

/// A refusal in the one JSON error shape that gives nothing away.
void check_refused(const reply& r) {
    INFO(r.status << " " << r.body);
    CHECK((r.status == 400 || r.status == 404));
    check_error_shape(r);
    CHECK(r.body.find(secret_text) == std::string::npos);
    CHECK(r.body.find("doctype") == std::string::npos);
}

} // namespace

TEST_CASE_TEMPLATE("web console - files get their content types, hashed assets are immutable, the rest revalidated",
                   Factory, HTTP_STORES) {
    web_root site;
    auto f = serving<Factory>(site.root);
    CHECK(f.server().console_built());
    auto& web = f.http();
    check_html_page(web.get("/"));
    check_html_page(web.get("/index.html"));

    struct expected {
        std::string path, type;
        bool immutable;
    };
    for (const auto& e : std::vector<expected>{
             {"/assets/index-4f2a9c.js", "text/javascript; charset=utf-8", true},
             {"/assets/chunk-77aa.mjs", "text/javascript; charset=utf-8", true},
             {"/assets/index-9b1e.css", "text/css; charset=utf-8", true},
             {"/assets/logo-12ab.svg", "image/svg+xml", true},
             {"/assets/font-3c4d.woff2", "font/woff2", true},
             {"/assets/index-4f2a9c.js.map", "application/json", true},
             {"/assets/photo-5e6f.jpg", "image/jpeg", true},
             {"/favicon.ico", "image/x-icon", false},
             {"/icon.png", "image/png", false},
             {"/robots.txt", "text/plain; charset=utf-8", false},
             {"/site.webmanifest", "application/manifest+json", false},
             {"/config.json", "application/json", false},
             {"/download.bin", "application/octet-stream", false},
             {"/robots-link.txt", "text/plain; charset=utf-8", false},
         }) {
        INFO(e.path);
        const auto r = web.get(e.path);
        REQUIRE(r.status == 200);
        CHECK(r.header("Content-Type") == e.type);
        CHECK(r.header("Cache-Control") == (e.immutable ? "public, max-age=31536000, immutable" : "no-cache"));
        CHECK(r.header("X-Content-Type-Options") == "nosniff");
        CHECK(r.header("Referrer-Policy") == "no-referrer");
        // Only HTML pages get the console's policy; files keep the strict one.
        CHECK(r.header("Content-Security-Policy") == "default-src 'none'; frame-ancestors 'none'");
        CHECK_FALSE(r.header("ETag").empty());
    }
    CHECK(web.get("/assets/index-4f2a9c.js").body == "console.log('console');");
    CHECK(web.get("/icon.png").body == tiny_png());

    // HEAD: the headers and length of GET, no body.
    const auto head = web.send(http::verb::head, "/assets/index-4f2a9c.js");
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(head.header("Content-Length") == std::to_string(std::string{"console.log('console');"}.size()));
    CHECK(head.header("Content-Type") == "text/javascript; charset=utf-8");
    const auto head_page = web.send(http::verb::head, "/tickets/TX0001");
    CHECK(head_page.status == 200);
    CHECK(head_page.header("Content-Length") == std::to_string(index_html.size()));

    // A matching If-None-Match is a 304 without a body; another tag is a 200.
    const auto tag = web.get("/").header("ETag");
    const auto unchanged = web.get("/", "", {{"If-None-Match", tag}});
    CHECK(unchanged.status == 304);
    CHECK(unchanged.body.empty());
    CHECK(unchanged.header("ETag") == tag);
    // Browsers copy a 304's headers into the cached page: it must carry the
    // page's policy, not the API's `default-src 'none'`, or revisits go blank.
    CHECK(unchanged.header("Content-Security-Policy") == web.get("/").header("Content-Security-Policy"));
    CHECK(unchanged.header("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    const auto route_revisit = web.get("/tickets/TX0001", "", {{"If-None-Match", tag}});
    CHECK(route_revisit.status == 304);
    CHECK(route_revisit.header("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    CHECK(web.get("/assets/index-9b1e.css", "", {{"If-None-Match", "W/\"0-0\", " + web.get("/assets/index-9b1e.css").header("ETag")}})
              .status == 304);
    CHECK(web.get("/", "", {{"If-None-Match", "W/\"0-0\""}}).status == 200);
    // A changed file has a new tag.
    write(site.root / "robots.txt", "User-agent: *\nDisallow: /api/\n");
    const auto changed = web.get("/robots.txt", "", {{"If-None-Match", web.get("/favicon.ico").header("ETag")}});
    CHECK(changed.status == 200);
    CHECK(changed.body == "User-agent: *\nDisallow: /api/\n");

    // The console's requests show in the metrics under their own label (each
    // counted once its response is written: allow a moment).
    bool counted = false;
    for (int attempt = 0; attempt < 50 && !counted; ++attempt) {
        counted = web.get("/metrics").body.find("route=\"GET (web console)\",status=\"200\"") != std::string::npos;
        if (!counted) {
            std::this_thread::sleep_for(std::chrono::milliseconds{20});
        }
    }
    CHECK(counted);
}

TEST_CASE_TEMPLATE("web console - client routes get index.html, missing files and the server's paths do not", Factory,
                   HTTP_STORES) {
    web_root site;
    auto f = serving<Factory>(site.root);
    auto& web = f.http();
    for (const auto* route : {"/login", "/signup", "/tickets", "/tickets/new", "/tickets/TX0001", "/queue?view=mine",
                              "/reset-password?token=abc", "/admin/accounts/", "/dashboard", "/some/deep/client/route",
                              "/v1.2/page"}) {
        INFO(route);
        // "/v1.2/page": only the last segment's extension counts.
        check_html_page(web.get(route));
    }
    // A missing file (its name has an extension) is a 404, as is anything
    // missing under /assets/: a stale page must not load HTML as a script.
    for (const auto* missing : {"/nope.js", "/assets/index-old.js", "/assets/gone", "/assets/", "/assets",
                                "/favicon.png", "/tickets/report.pdf"}) {
        INFO(missing);
        const auto r = web.get(missing);
        check_error(r, 404, "not_found");
        CHECK(r.header("Cache-Control") == "no-store");
        CHECK(r.header("Content-Security-Policy") == "default-src 'none'; frame-ancestors 'none'");
    }
    // The API keeps its JSON 404 and the operations endpoints their answers.
    for (const auto* api : {"/api", "/api/", "/api/nope", "/api/tickets/x/y/z", "/api/login"}) {
        INFO(api);
        const auto r = web.get(api);
        check_error(r, 404, "not_found");
        CHECK(r.text("detail") == "No such endpoint.");
    }
    const auto health = web.get("/healthz");
    CHECK(health.status == 200);
    CHECK(health.body == R"({"status":"ok"})");
    CHECK(health.header("Cache-Control") == "no-store");
    CHECK(web.get("/readyz").body == R"({"status":"ready"})");
    const auto metrics = web.get("/metrics");
    CHECK(metrics.status == 200);
    CHECK(metrics.header("Content-Type").starts_with("text/plain"));
    for (const auto* reserved : {"/healthz/x", "/metrics/x", "/readyz/"}) {
        INFO(reserved);
        check_error(web.get(reserved), 404, "not_found");
    }
    CHECK(web.get("/api/catalog/").header("Content-Type") == "application/json");
    // Other methods on console paths are not pages.
    check_error(web.post("/login", boost::json::object{}), 404, "not_found");
    check_error(web.send(http::verb::delete_, "/index.html"), 404, "not_found");
}

TEST_CASE_TEMPLATE("web console - paths out of the root are refused: dot segments, escapes, backslashes, symlinks",
                   Factory, HTTP_STORES) {
    web_root site;
    auto f = serving<Factory>(site.root);
    auto& web = f.http();
    for (const auto* attempt : {"/../secret.txt",
                                "/assets/../../secret.txt",
                                "/..",
                                "/./index.html",
                                "/%2e%2e/secret.txt",
                                "/%2E%2E/secret.txt",
                                "/.%2e/secret.txt",
                                "/assets/%2e%2e/%2e%2e/secret.txt",
                                "/%2e%2e%2fsecret.txt",
                                "/assets%2f..%2f..%2fsecret.txt",
                                "/..%2fsecret.txt",
                                "/..%5csecret.txt",
                                "/..\\secret.txt",
                                "/assets\\..\\..\\secret.txt",
                                "/index.html%00.js",
                                "/%00",
                                "/a%0d%0aSet-Cookie:x=1",
                                "/%zz",
                                "//secret.txt",
                                "/.env",
                                "/leak.txt",
                                "/up/secret.txt"}) {
        INFO(attempt);
        check_refused(web.get(attempt));
    }
    // The one allowed symlink stays inside the root.
    CHECK(web.get("/robots-link.txt").status == 200);
    // A symlinked directory out of the root is no client route either.
    CHECK(web.get("/up").body.find(secret_text) == std::string::npos);
}

TEST_CASE_TEMPLATE("web console - without a built console / says so in JSON and the API still works", Factory,
                   HTTP_STORES) {
    test_support::temp_dir empty;
    for (const auto& root : {std::optional<fs::path>{}, std::optional<fs::path>{empty.path / "missing"},
                             std::optional<fs::path>{empty.path}}) {
        INFO((root ? root->string() : std::string{"(unset)"}));
        auto f = serving<Factory>(root);
        auto& web = f.http();
        CHECK_FALSE(f.server().console_built());
        for (const auto* path : {"/", "/login", "/tickets/TX0001"}) {
            const auto r = web.get(path);
            check_error(r, 404, "not_found");
            CHECK(r.text("detail").find("web console is not built") != std::string::npos);
        }
        check_error(web.get("/app.js"), 404, "not_found");
        check_error(web.get("/../etc/passwd"), 404, "not_found");
        CHECK(web.get("/api/catalog/").status == 200);
        CHECK(web.get("/healthz").status == 200);
    }
}

TEST_CASE("web console - helpdesk-server serves --web-root and its banner says where to open it") {
    web_root site;
    test_support::temp_dir dir;
    const std::vector<std::string> base = {"--listen",    "127.0.0.1:0", "--store", "sqlite://" + (dir.path / "desk.db").string(),
                                           "--blob-dir",  (dir.path / "blobs").string(), "--password-iterations", "1000",
                                           "--dev-generate-secret"};
    const auto banner_of = [](test_support::child_process& p) {
        std::string all;
        while (const auto line = p.line(std::chrono::milliseconds{3000})) {
            all += *line + "\n";
            if (line->find("delivery:") != std::string::npos) {
                break;
            }
        }
        return all;
    };
    {
        auto args = base;
        args.insert(args.end(), {"--web-root", site.root.string()});
        test_support::child_process server{HELPDESK_SERVER_PROGRAM, args, {}};
        const auto banner = banner_of(server);
        const auto prefix = std::string{"helpdesk-server listening on http://127.0.0.1:"};
        REQUIRE_MESSAGE(banner.starts_with(prefix), banner);
        const auto port = std::stoul(banner.substr(prefix.size()));
        const auto url = "http://127.0.0.1:" + std::to_string(port) + "/";
        CHECK_MESSAGE(banner.find("open " + url + " in a browser") != std::string::npos, banner);
        CHECK(banner.find(site.root.string()) != std::string::npos);
        client web{static_cast<std::uint16_t>(port)};
        check_html_page(web.get("/tickets"));
        server.signal(SIGTERM);
        CHECK(server.wait() == 0);
    }
    {
        // HELPDESK_WEB_ROOT works like the flag; a folder without index.html is "not built".
        test_support::child_process server{HELPDESK_SERVER_PROGRAM, base,
                                           {"HELPDESK_WEB_ROOT=" + (dir.path / "nothing").string()}};
        const auto banner = banner_of(server);
        CHECK_MESSAGE(banner.find("web console: not built") != std::string::npos, banner);
        CHECK(banner.find((dir.path / "nothing").string()) != std::string::npos);
        server.signal(SIGTERM);
        CHECK(server.wait() == 0);
    }
    {
        test_support::child_process help{HELPDESK_SERVER_PROGRAM, {"--help"}, {}};
        CHECK(help.wait() == 0);
        const auto text = help.rest_of_stdout();
        CHECK(text.find("--web-root DIR") != std::string::npos);
        CHECK(text.find("HELPDESK_WEB_ROOT") != std::string::npos);
        CHECK(text.find("web/dist") != std::string::npos);
        CHECK(text.find("localhost:3000") == std::string::npos);
    }
}
