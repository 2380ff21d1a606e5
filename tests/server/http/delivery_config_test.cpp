// helpdesk-server's delivery settings (docs/product.md#notifications): every one by flag and by
// environment variable, with the refusals that name the flag at fault.
#include "cli/config.hpp"

#include <helpdesk/error.hpp>

#include <doctest/doctest.h>

#include <map>

namespace {

using helpdesk::server::parse_config;
using helpdesk::server::program_config;

const std::string secret = "0123456789abcdef0123456789abcdef-config";

program_config parse(std::vector<std::string_view> args, const std::map<std::string, std::string>& env = {}) {
    args.insert(args.begin(), {"--jwt-secret", secret});
    return parse_config(args, [&](std::string_view name) -> std::optional<std::string> {
        const auto found = env.find(std::string{name});
        return found == env.end() ? std::nullopt : std::optional<std::string>{found->second};
    });
}

// The flag named by the refusal of `args`.
std::string refused_flag(std::vector<std::string_view> args, const std::map<std::string, std::string>& env = {}) {
    try {
        (void)parse(std::move(args), env);
    } catch (const helpdesk::error& e) {
        CHECK(e.code() == helpdesk::errc::invalid_argument);
        REQUIRE(e.fields().size() == 1);
        return e.fields().begin()->first;
    }
    FAIL("accepted");
    return {};
}

} // namespace

TEST_CASE("delivery settings: defaults - one relay thread, no channel, the default retry policy") {
    const auto c = parse({});
    CHECK(c.delivery.relay_threads == 1);
    CHECK(c.delivery.relay.batch == 20);
    CHECK(c.delivery.max_attempts == 8);
    CHECK(c.delivery.first_retry == std::chrono::seconds{30});
    CHECK(c.delivery.lease == std::chrono::seconds{120});
    CHECK(c.delivery.smtp.url.empty());
    CHECK_FALSE(c.delivery.webhook_url);
    CHECK_FALSE(c.delivery.workflow_webhook_url);
    CHECK(c.delivery.smtp.tls == helpdesk::smtp::tls_mode::opportunistic);
    CHECK(c.delivery.smtp.verify_peer);
}

TEST_CASE("delivery settings: flags and HELPDESK_ variables set every channel, flags winning") {
    const auto c = parse({"--smtp-url", "smtp://mail.test:587", "--smtp-from", "desk@desk.test", "--smtp-tls",
                          "required", "--webhook-url", "https://hooks.test/a", "--webhook-events",
                          "ticket.created, ticket.closed", "--relay-threads", "3", "--delivery-lease", "300"},
                         {{"HELPDESK_SMTP_PASSWORD", "from-env"},
                          {"HELPDESK_SMTP_USER", "mailer"},
                          {"HELPDESK_WEBHOOK_SECRET", "0123456789abcdef"},
                          {"HELPDESK_RELAY_THREADS", "9"},
                          {"HELPDESK_WORKFLOW_WEBHOOK_URL", "https://erp.test/hook"},
                          {"HELPDESK_WORKFLOW_WEBHOOK_SECRET", "fedcba9876543210"},
                          {"HELPDESK_FRONTEND_URL", "https://desk.test"}});
    CHECK(c.delivery.smtp.url == "smtp://mail.test:587");
    CHECK(c.delivery.smtp.username == "mailer");
    CHECK(c.delivery.smtp.password == "from-env");
    CHECK(c.delivery.smtp.tls == helpdesk::smtp::tls_mode::required);
    CHECK(c.delivery.webhook_url == "https://hooks.test/a");
    CHECK(c.delivery.webhook_events == std::vector<std::string>{"ticket.created", "ticket.closed"});
    CHECK(c.delivery.workflow_webhook_url == "https://erp.test/hook");
    CHECK(c.delivery.relay_threads == 3);
    CHECK(c.delivery.lease == std::chrono::seconds{300});
    CHECK(c.delivery.frontend_url == "https://desk.test");
}

TEST_CASE("delivery settings: refusals name the flag at fault") {
    CHECK(refused_flag({"--smtp-url", "smtp://mail.test"}) == "smtp-from");
    CHECK(refused_flag({"--webhook-url", "https://hooks.test"}) == "webhook-secret");
    CHECK(refused_flag({"--webhook-url", "https://hooks.test", "--webhook-secret", "short"}) == "webhook-secret");
    CHECK(refused_flag({"--workflow-webhook-url", "https://erp.test"}) == "workflow-webhook-secret");
    CHECK(refused_flag({"--smtp-tls", "sometimes"}) == "smtp-tls");
    CHECK(refused_flag({"--frontend-url", "desk.test"}) == "frontend-url");
    CHECK(refused_flag({"--public-url", "ftp://desk.test"}) == "public-url");
    CHECK(refused_flag({"--relay-threads", "-1"}) == "relay-threads");
    CHECK(refused_flag({"--delivery-max-attempts", "0"}) == "delivery-max-attempts");
    CHECK(refused_flag({"--relay-batch", "x"}) == "relay-batch");
    // The lease must outlast two of the slowest channel call.
    CHECK(refused_flag({"--smtp-url", "smtp://mail.test", "--smtp-from", "d@desk.test", "--smtp-timeout", "90"}) ==
          "delivery-lease");
    CHECK(refused_flag({"--webhook-url", "https://hooks.test", "--webhook-secret", "0123456789abcdef",
                        "--webhook-timeout-ms", "61000"}) == "delivery-lease");
    CHECK_NOTHROW((void)parse({"--webhook-url", "https://hooks.test", "--webhook-secret", "0123456789abcdef",
                               "--webhook-timeout-ms", "60000"}));
    // Without a channel the timeouts do not matter.
    CHECK_NOTHROW((void)parse({"--smtp-timeout", "600", "--delivery-lease", "10"}));
}

TEST_CASE("console settings: mail links default to the server itself, --web-root and --public-url") {
    const auto defaults = parse({});
    CHECK_FALSE(defaults.delivery.frontend_url.has_value()); // the relay uses --public-url, else the listen address
    CHECK_FALSE(defaults.server.public_url.has_value());
    REQUIRE(defaults.server.web_root.has_value());
    CHECK(defaults.server.web_root->ends_with("/web/dist"));

    const auto set = parse({"--web-root", "/srv/console", "--public-url", "https://desk.example.test"});
    CHECK(set.server.web_root == "/srv/console");
    CHECK(set.server.public_url == "https://desk.example.test");
    CHECK(set.delivery.public_url == "https://desk.example.test");
    CHECK_FALSE(set.delivery.frontend_url.has_value());

    const auto from_env = parse({}, {{"HELPDESK_WEB_ROOT", "/opt/web"}, {"HELPDESK_FRONTEND_URL", "https://other.test"}});
    CHECK(from_env.server.web_root == "/opt/web");
    CHECK(from_env.delivery.frontend_url == "https://other.test");
    CHECK(refused_flag({"--public-url", "desk.example.test"}) == "public-url");
}

TEST_CASE("session settings: --refresh-reissue-window defaults to 60 s, 0 turns it off, 600 s at most") {
    using std::chrono::seconds;
    CHECK(parse({}).server.refresh_reissue_window == seconds{60});
    CHECK(parse({"--refresh-reissue-window", "0"}).server.refresh_reissue_window == seconds{0});
    CHECK(parse({"--refresh-reissue-window=600"}).server.refresh_reissue_window == seconds{600});
    CHECK(parse({}, {{"HELPDESK_REFRESH_REISSUE_WINDOW", "30"}}).server.refresh_reissue_window == seconds{30});
    CHECK(parse({"--refresh-reissue-window", "5"}, {{"HELPDESK_REFRESH_REISSUE_WINDOW", "30"}})
              .server.refresh_reissue_window == seconds{5});
    CHECK(refused_flag({"--refresh-reissue-window", "-1"}) == "refresh-reissue-window");
    CHECK(refused_flag({"--refresh-reissue-window", "601"}) == "refresh-reissue-window");
    CHECK(refused_flag({"--refresh-reissue-window", "1m"}) == "refresh-reissue-window");
    CHECK(refused_flag({}, {{"HELPDESK_REFRESH_REISSUE_WINDOW", "-5"}}) == "refresh-reissue-window");
    const auto help = helpdesk::server::help_text();
    CHECK(help.find("--refresh-reissue-window SECONDS") != std::string::npos);
    CHECK(help.find("[HELPDESK_REFRESH_REISSUE_WINDOW]") != std::string::npos);
}
