// The helpdesk-server program as an operator runs it
// (docs/product.md#server-protections): started as a child process on port 0 over a temporary SQLite
// store, it prints where it listens and how to log in, serves, and exits 0 on
// SIGTERM or SIGINT; --help lists the flags; bad configuration exits non-zero
// with a clear message; `api-key create|list|revoke` manage the workflow
// system's keys on the same store and exit.
#include "auth_support.hpp"
#include "support/child_process.hpp"

#include "app/route_reference.hpp"
#include "app/route_table.hpp"

#include <algorithm>

#include <signal.h>

using namespace http_test;
using namespace http_test::guard;

namespace {

/// A running helpdesk-server with its stdout and stderr on pipes.
struct child : test_support::child_process {
    child(const std::vector<std::string>& args, const std::vector<std::string>& env)
        : child_process(HELPDESK_SERVER_PROGRAM, args, env) {}
};

using test_support::temp_dir;

std::vector<std::string> run_args(const temp_dir& dir) {
    return {"--listen",    "127.0.0.1:0", "--store", "sqlite://" + (dir.path / "desk.db").string(),
            "--blob-dir",  (dir.path / "blobs").string(), "--password-iterations", "1000"};
}

/// The port in "helpdesk-server listening on http://127.0.0.1:PORT  (store ...)".
std::uint16_t port_of(const std::string& banner) {
    const std::string prefix = "helpdesk-server listening on http://127.0.0.1:";
    REQUIRE_MESSAGE(banner.starts_with(prefix), banner);
    const auto port = std::stoul(banner.substr(prefix.size()));
    REQUIRE(port > 0);
    REQUIRE(port < 65536);
    return static_cast<std::uint16_t>(port);
}

} // namespace

TEST_CASE("program - starts on port 0, tells how to log in, serves, and exits 0 on SIGTERM") {
    temp_dir dir;
    auto args = run_args(dir);
    args.push_back("--dev-generate-secret");
    child server{args, {"HELPDESK_ADMIN_EMAIL=boss@desk.test", "HELPDESK_ADMIN_PASSWORD=" + test_password}};
    const auto banner = server.line();
    REQUIRE(banner.has_value());
    const auto port = port_of(*banner);
    const auto hint = server.line();
    REQUIRE(hint.has_value());
    CHECK(hint->find("log in as boss@desk.test") != std::string::npos);
    // The password given in the environment is not echoed.
    CHECK(hint->find(test_password) == std::string::npos);
    std::string more;
    while (const auto l = server.line(std::chrono::milliseconds{300})) {
        more += *l + "\n";
    }
    CHECK(more.find("/api/token/admin/") != std::string::npos);
    CHECK(more.find("--dev-generate-secret") != std::string::npos);

    client web{port};
    CHECK(web.get("/healthz").status == 200);
    const auto login = web.post("/api/token/admin/", {{"email", "boss@desk.test"}, {"password", test_password}});
    REQUIRE_MESSAGE(login.status == 200, login.body);
    CHECK(login.text("role") == "System Admin");
    CHECK(web.get("/api/employee/profile/", login.text("access")).status == 200);
#ifdef HELPDESK_SERVER_WITH_TZ
    // SLA calendars take IANA zones: the program hands the engine the system's.
    const auto zone = web.patch("/api/sla/policy/", {{"calendar", {{"time_zone", "Europe/Berlin"}}}}, login.text("access"));
    REQUIRE_MESSAGE(zone.status == 200, zone.body);
    CHECK(zone.json().at("calendar").at("time_zone") == "Europe/Berlin");
#endif
    // The generated secret is not the fixture's: a token forged with that one is refused.
    check_unauthenticated(web.get("/api/employee/profile/", forge(hs256_header(), claims_for(1, "System Admin"), test_secret)));

    server.signal(SIGTERM);
    CHECK(server.wait() == 0);
    CHECK(server.rest_of_stdout().find("stopped") != std::string::npos);
    // It no longer listens.
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket s{ioc};
    boost::system::error_code ec;
    s.connect(boost::asio::ip::tcp::endpoint{boost::asio::ip::make_address("127.0.0.1"), port}, ec);
    CHECK(ec);
}

TEST_CASE("program - SIGINT also stops it with exit 0, and a generated admin password is printed once") {
    temp_dir dir;
    // The secret from the environment this time.
    child server{run_args(dir), {"HELPDESK_JWT_SECRET=" + test_secret}};
    const auto banner = server.line();
    REQUIRE(banner.has_value());
    const auto port = port_of(*banner);
    const auto hint = server.line();
    REQUIRE(hint.has_value());
    const std::string marker = "with password ";
    const auto at = hint->find(marker);
    REQUIRE_MESSAGE(at != std::string::npos, *hint);
    CHECK(hint->find("log in as admin@example.com") != std::string::npos);
    const auto password = hint->substr(at + marker.size(), hint->find(' ', at + marker.size()) - at - marker.size());
    client web{port};
    const auto login = web.post("/api/token/admin/", {{"email", "admin@example.com"}, {"password", password}});
    REQUIRE_MESSAGE(login.status == 200, login.body);
    // Tokens are signed with the secret from the environment.
    CHECK(web.get("/api/employee/profile/", forge(hs256_header(), claims_for(login.number("id"), "System Admin"), test_secret))
              .status == 200);

    server.signal(SIGINT);
    CHECK(server.wait() == 0);
}

TEST_CASE("program - a restart on the same store keeps the admin and prints no new password") {
    temp_dir dir;
    {
        child first{run_args(dir), {"HELPDESK_JWT_SECRET=" + test_secret}};
        REQUIRE(first.line().has_value());
        first.signal(SIGTERM);
        REQUIRE(first.wait() == 0);
    }
    child second{run_args(dir), {"HELPDESK_JWT_SECRET=" + test_secret}};
    REQUIRE(second.line().has_value());
    const auto hint = second.line();
    REQUIRE(hint.has_value());
    CHECK(hint->find("existing System Admin") != std::string::npos);
    CHECK(hint->find("password") == std::string::npos);
    second.signal(SIGTERM);
    CHECK(second.wait() == 0);
}

TEST_CASE("program - --help lists the flags with their environment variables and exits 0") {
    child help{{"--help"}, {}};
    CHECK(help.wait() == 0);
    std::string text = help.rest_of_stdout();
    for (const auto* expected :
         {"--listen", "--store", "--jwt-secret", "HELPDESK_JWT_SECRET", "--dev-generate-secret", "--cors-origins",
          "--max-body-bytes", "--idle-timeout", "--request-timeout", "--max-connections", "--tls-cert", "--tls-key",
          "--rate-limit-address", "--rate-limit-account", "--shutdown-grace", "--password-iterations", "SIGTERM",
          "api-key create NAME", "api-key list", "api-key revoke ID", "X-API-Key"}) {
        INFO("expected := " << std::string{expected});
        CHECK(text.find(expected) != std::string::npos);
    }
    CHECK(text.find("workflow-api-key") == std::string::npos);
}

TEST_CASE("program - `openapi` prints the document GET /api/openapi.json serves and exits 0, needing no secret") {
    child printer{{"openapi"}, {}};
    const auto document = printer.line(); // one line of JSON: read before the pipe fills
    REQUIRE(document.has_value());
    CHECK(printer.wait() == 0);
    const auto parsed = boost::json::parse(*document).as_object();
    CHECK(parsed.at("openapi").as_string() == "3.0.3");
    CHECK(parsed.at("paths").as_object().contains("/api/tickets/"));
    CHECK(parsed.at("paths").as_object().contains("/api/catalog/"));
    CHECK(parsed.at("components").as_object().at("schemas").as_object().contains("Catalog"));

    temp_dir dir;
    auto args = run_args(dir);
    args.push_back("--dev-generate-secret");
    child server{args, {"HELPDESK_ADMIN_PASSWORD=" + test_password}};
    const auto banner = server.line();
    REQUIRE(banner.has_value());
    client web{port_of(*banner)};
    const auto served = web.get("/api/openapi.json");
    REQUIRE(served.status == 200);
    CHECK(boost::json::parse(served.body) == boost::json::value(parsed));
    server.signal(SIGTERM);
    CHECK(server.wait() == 0);

    child extra{{"openapi", "--jwt-secret", test_secret}, {}};
    CHECK(extra.wait() == 2);
    CHECK(extra.stderr_text().find("takes no arguments") != std::string::npos);
}

TEST_CASE("program - `routes --markdown` prints docs/api.md, `routes` one line per route, needing no secret") {
    child page{{"routes", "--markdown"}, {}};
    CHECK(page.wait() == 0);
    const auto markdown = page.rest_of_stdout();
    CHECK(markdown == helpdesk::server::route_reference_markdown());

    child list{{"routes"}, {}};
    CHECK(list.wait() == 0);
    const auto lines = list.rest_of_stdout();
    CHECK(static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n')) ==
          helpdesk::server::route_table().size());
    CHECK(lines.find("POST /api/tickets/{id}/approve/  (bearer token; Ticket Coordinator, System Admin)") !=
          std::string::npos);

    child other{{"routes", "--html"}, {}};
    CHECK(other.wait() == 2);
    CHECK(other.stderr_text().find("--markdown") != std::string::npos);
}

TEST_CASE("program - without a JWT secret it refuses to start with a clear message") {
    temp_dir dir;
    child server{run_args(dir), {}};
    const auto code = server.wait();
    CHECK(code != 0);
    CHECK(code != -1);
    CHECK(server.stderr_text().find("--jwt-secret") != std::string::npos);
    CHECK(server.stderr_text().find("required") != std::string::npos);
    CHECK(server.rest_of_stdout().find("listening") == std::string::npos);
}

TEST_CASE("program - a short secret, an unknown flag or a bad value exits non-zero naming the problem") {
    temp_dir dir;
    struct bad_run {
        std::vector<std::string> extra;
        std::string expected;
    };
    for (const auto& run : std::vector<bad_run>{{{"--jwt-secret", "short"}, "at least 32 bytes"},
                                                {{"--jwt-secret", test_secret, "--no-such-flag"}, "unknown flag"},
                                                {{"--jwt-secret", test_secret, "--max-connections", "lots"}, "max-connections"},
                                                {{"--jwt-secret", test_secret, "--rate-limit-address", "5"}, "BURST/SECONDS"},
                                                {{"--jwt-secret", test_secret, "stray"}, "unexpected argument"}}) {
        CAPTURE(run.expected);
        auto args = run_args(dir);
        args.insert(args.end(), run.extra.begin(), run.extra.end());
        child server{args, {}};
        const auto code = server.wait();
        CHECK(code != 0);
        CHECK(code != -1);
        CHECK(server.stderr_text().find(run.expected) != std::string::npos);
    }
}

TEST_CASE("program - api-key create prints a key that works against the running server, list shows it, revoke stops it") {
    temp_dir dir;
    const std::string store = "sqlite://" + (dir.path / "desk.db").string();
    // Made before the server ever ran: the command creates and migrates the store.
    child create{{"api-key", "create", "ERP sync", "--store", store}, {}};
    REQUIRE(create.wait() == 0);
    const auto key_line = create.rest_of_stdout();
    REQUIRE_MESSAGE(key_line.ends_with("\n"), key_line);
    const auto key = key_line.substr(0, key_line.size() - 1);
    CHECK(key.starts_with("hdk_"));
    CHECK(key.size() == 52);
    CHECK(create.stderr_text().find("ERP sync") != std::string::npos);
    CHECK(create.stderr_text().find("shown this once") != std::string::npos);

    child server{run_args(dir), {"HELPDESK_JWT_SECRET=" + test_secret, "HELPDESK_ADMIN_EMAIL=boss@desk.test",
                                 "HELPDESK_ADMIN_PASSWORD=" + test_password}};
    const auto banner = server.line();
    REQUIRE(banner.has_value());
    client web{port_of(*banner)};
    const auto login = web.post("/api/token/admin/", {{"email", "boss@desk.test"}, {"password", test_password}});
    REQUIRE_MESSAGE(login.status == 200, login.body);
    const auto admin = login.text("access");
    const auto ticket = web.post("/api/tickets/",
                                 {{"subject", "Badge reader"},
                                  {"category", "IT Category"},
                                  {"sub_category", "Technical Support & Troubleshooting"},
                                  {"description", "Blinks red."}},
                                 admin);
    REQUIRE_MESSAGE(ticket.status == 201, ticket.body);
    const auto id = std::to_string(ticket.number("id"));
    REQUIRE(web.post("/api/tickets/" + id + "/approve/", {{"priority", "High"}}, admin).status == 200);
    const auto status_path = "/api/workflow/tickets/" + ticket.text("ticket_number") + "/status/";

    const auto moved = web.post(status_path, {{"status", "In Progress"}}, "", {{"X-API-Key", key}});
    REQUIRE_MESSAGE(moved.status == 200, moved.body);
    const auto comments = web.get("/api/tickets/" + id + "/comments/", admin);
    CHECK(comments.body.find("by the workflow system (key ERP sync)") != std::string::npos);
    // The admin's list over HTTP sees the operator's key, made by nobody.
    const auto listed = web.get("/api/workflow/api-keys/", admin).json().at("results").as_array();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].at("created_by").is_null());

    // list, while the server runs on the same file.
    child list{{"api-key", "list", "--store", store}, {}};
    REQUIRE(list.wait() == 0);
    const auto table = list.rest_of_stdout();
    CHECK(table.starts_with("ID"));
    const auto row_at = table.find(key.substr(0, 12));
    REQUIRE_MESSAGE(row_at != std::string::npos, table);
    CHECK(table.find(key) == std::string::npos);
    CHECK(table.find("ERP sync") != std::string::npos);
    CHECK(table.find("operator") != std::string::npos);
    const auto row_start = table.rfind('\n', row_at) + 1;
    const auto key_id = table.substr(row_start, table.find(' ', row_start) - row_start);
    CHECK(key_id == std::to_string(listed[0].at("id").as_int64()));

    child revoke{{"api-key", "revoke", key_id, "--store", store}, {}};
    REQUIRE(revoke.wait() == 0);
    CHECK(revoke.stderr_text().find("revoked") != std::string::npos);
    const auto refused = web.post(status_path, {{"status", "Resolved"}}, "", {{"X-API-Key", key}});
    check_error(refused, 401, "unauthenticated");
    CHECK(web.get("/api/tickets/" + id + "/", admin).text("status") == "In Progress");

    server.signal(SIGTERM);
    CHECK(server.wait() == 0);
}

TEST_CASE("program - api-key usage errors exit 2, failures exit 1, and the old key flag is refused with a pointer") {
    temp_dir dir;
    const std::string store = "sqlite://" + (dir.path / "desk.db").string();
    struct run {
        std::vector<std::string> args;
        std::vector<std::string> env;
        int code;
        std::string expected;
    };
    for (const auto& r : std::vector<run>{
             {{"api-key"}, {}, 2, "create, list or revoke"},
             {{"api-key", "rotate", "--store", store}, {}, 2, "unknown action"},
             {{"api-key", "create", "--store", store}, {}, 2, "one NAME"},
             {{"api-key", "create", "a", "b", "--store", store}, {}, 2, "one NAME"},
             {{"api-key", "list", "extra", "--store", store}, {}, 2, "no arguments"},
             {{"api-key", "revoke", "--store", store}, {}, 2, "one ID"},
             {{"api-key", "revoke", "abc", "--store", store}, {}, 2, "positive whole number"},
             {{"api-key", "revoke", "-3", "--store", store}, {}, 2, "positive whole number"},
             {{"api-key", "list", "--no-such-flag"}, {}, 2, "unknown flag"},
             {{"api-key", "revoke", "42", "--store", store}, {}, 1, "does not exist"},
             {{"api-key", "create", "two\nlines", "--store", store}, {}, 1, "name"},
             {{"api-key", "list", "--store", "mysql://x"}, {}, 1, "mysql"},
             {{"--jwt-secret", test_secret, "--workflow-api-key", "workflow-key-0123456789"}, {}, 2, "api-key create"},
             {{"--jwt-secret", test_secret}, {"HELPDESK_WORKFLOW_API_KEY=workflow-key-0123456789"}, 2,
              "HELPDESK_WORKFLOW_API_KEY"},
         }) {
        CAPTURE(r.expected);
        child program{r.args, r.env};
        CHECK(program.wait() == r.code);
        CHECK(program.stderr_text().find(r.expected) != std::string::npos);
        CHECK(program.rest_of_stdout().find("listening") == std::string::npos);
        CHECK(program.rest_of_stdout().find("hdk_") == std::string::npos);
    }
    // No key was made by any of them; and an operator who still has the old
    // variable set can run the command that replaces it.
    child list{{"api-key", "list", "--store", store}, {"HELPDESK_WORKFLOW_API_KEY=workflow-key-0123456789"}};
    REQUIRE(list.wait() == 0);
    CHECK(list.rest_of_stdout().find("hdk_") == std::string::npos);
}
