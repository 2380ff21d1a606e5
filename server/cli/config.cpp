#include "cli/config.hpp"

#include "app/tokens.hpp"

#include <helpdesk/error.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <vector>

// The build's console output folder, set by server/CMakeLists.txt.
#ifndef HELPDESK_DEFAULT_WEB_ROOT
#define HELPDESK_DEFAULT_WEB_ROOT "web/dist"
#endif

namespace helpdesk::server {

namespace {

struct flag {
    std::string_view name;        ///< without the leading `--`
    std::string_view value_hint;  ///< empty for switches
    std::string_view help;
    void (*apply)(program_config&, std::string_view value);
};

[[noreturn]] void bad(std::string_view flag_name, std::string message) {
    // Built first: the order in which arguments are evaluated is unspecified,
    // and the field error below moves `message` away.
    auto text = "--" + std::string{flag_name} + ": " + message;
    throw error(errc::invalid_argument, std::move(text), {{std::string{flag_name}, {std::move(message)}}});
}

std::int64_t number(std::string_view name, std::string_view text, std::int64_t min, std::int64_t max) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
        bad(name, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    }
    return value;
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        auto item = text.substr(0, comma);
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        while (!item.empty() && item.back() == ' ') {
            item.remove_suffix(1);
        }
        if (!item.empty()) {
            out.emplace_back(item);
        }
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return out;
}

rate_limit parse_limit(std::string_view name, std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) {
        bad(name, "expected BURST/SECONDS, e.g. 20/3");
    }
    rate_limit out;
    out.burst = static_cast<std::int32_t>(number(name, text.substr(0, slash), 1, 1'000'000'000));
    out.refill_every = std::chrono::milliseconds{number(name, text.substr(slash + 1), 1, 86'400) * 1000};
    return out;
}

void listen_on(program_config& c, std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) {
        bad("listen", "expected HOST:PORT, e.g. 127.0.0.1:8000 or [::1]:8000");
    }
    auto host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    c.server.listen_address = std::string{host};
    c.server.port = static_cast<std::uint16_t>(number("listen", text.substr(colon + 1), 0, 65535));
}

// clang-format off
const std::array flags{
    flag{"listen", "HOST:PORT", "address and port to listen on (default 127.0.0.1:8000; port 0 picks one)", listen_on},
    flag{"store", "URL", "sqlite:///abs.db, sqlite://relative.db, sqlite::memory: or postgresql://user@host:port/db (default sqlite://var/helpdesk.db)",
         [](program_config& c, std::string_view v) { c.store_url = std::string{v}; }},
    flag{"blob-dir", "DIR", "where attachments and pictures are kept (default var/blobs)",
         [](program_config& c, std::string_view v) { c.blob_dir = std::string{v}; }},
    flag{"jwt-secret", "SECRET", "HS256 key for tokens and signed URLs, at least 32 bytes (required)",
         [](program_config& c, std::string_view v) { c.server.jwt_secret = std::string{v}; }},
    flag{"dev-generate-secret", "", "generate a random JWT secret for this run (development only: tokens die with the process)",
         [](program_config& c, std::string_view) { c.generated_secret = true; }},
    flag{"cors-origins", "LIST", "comma-separated origins allowed by CORS, e.g. https://desk.example.com (default none)",
         [](program_config& c, std::string_view v) { c.server.cors_origins = split_list(v); }},
    flag{"access-token-ttl", "SECONDS", "access token lifetime (default 900)",
         [](program_config& c, std::string_view v) { c.server.access_token_lifetime = std::chrono::seconds{number("access-token-ttl", v, 10, 86'400)}; }},
    flag{"refresh-token-ttl", "SECONDS", "refresh token lifetime (default 86400)",
         [](program_config& c, std::string_view v) { c.server.refresh_token_lifetime = std::chrono::seconds{number("refresh-token-ttl", v, 60, 90 * 86'400)}; }},
    flag{"refresh-reissue-window", "SECONDS", "how long a just-rotated refresh token still gets the same successor instead of closing its session as reuse (default 60; 0 disables; at most 600)",
         [](program_config& c, std::string_view v) { c.server.refresh_reissue_window = std::chrono::seconds{number("refresh-reissue-window", v, 0, 600)}; }},
    flag{"signed-url-ttl", "SECONDS", "lifetime of signed download and image URLs (default 300)",
         [](program_config& c, std::string_view v) { c.server.signed_url_lifetime = std::chrono::seconds{number("signed-url-ttl", v, 10, 86'400)}; }},
    flag{"max-header-bytes", "BYTES", "largest request line plus headers (default 16384)",
         [](program_config& c, std::string_view v) { c.server.max_header_bytes = static_cast<std::size_t>(number("max-header-bytes", v, 1024, 1 << 20)); }},
    flag{"max-body-bytes", "BYTES", "largest JSON body (default 1048576)",
         [](program_config& c, std::string_view v) { c.server.max_json_body_bytes = static_cast<std::size_t>(number("max-body-bytes", v, 1024, 64 << 20)); }},
    flag{"max-upload-bytes", "BYTES", "largest multipart upload body (default 26214400)",
         [](program_config& c, std::string_view v) { c.server.max_upload_body_bytes = static_cast<std::size_t>(number("max-upload-bytes", v, 1024, 1LL << 30)); }},
    flag{"idle-timeout", "SECONDS", "time allowed to send a request's headers, and to idle between requests (default 30)",
         [](program_config& c, std::string_view v) { c.server.idle_timeout = std::chrono::seconds{number("idle-timeout", v, 1, 3600)}; }},
    flag{"request-timeout", "SECONDS", "time allowed to send a body and to receive the response (default 60)",
         [](program_config& c, std::string_view v) { c.server.request_timeout = std::chrono::seconds{number("request-timeout", v, 1, 3600)}; }},
    flag{"max-connections", "N", "open connections at most; more get 503 (default 1024)",
         [](program_config& c, std::string_view v) { c.server.max_connections = static_cast<std::size_t>(number("max-connections", v, 1, 1'000'000)); }},
    flag{"io-threads", "N", "threads running the sockets (default 1)",
         [](program_config& c, std::string_view v) { c.server.io_threads = static_cast<unsigned>(number("io-threads", v, 1, 256)); }},
    flag{"worker-threads", "N", "threads running store calls (default 4)",
         [](program_config& c, std::string_view v) { c.server.worker_threads = static_cast<unsigned>(number("worker-threads", v, 1, 1024)); }},
    flag{"tls-cert", "FILE", "PEM certificate chain: serve HTTPS (with --tls-key)",
         [](program_config& c, std::string_view v) { c.server.tls_certificate_file = std::string{v}; }},
    flag{"tls-key", "FILE", "PEM private key for --tls-cert",
         [](program_config& c, std::string_view v) { c.server.tls_private_key_file = std::string{v}; }},
    flag{"trusted-proxies", "LIST", "comma-separated addresses of load balancers whose X-Forwarded-For is believed (default none)",
         [](program_config& c, std::string_view v) { c.server.trusted_proxies = split_list(v); }},
    flag{"metrics-token", "TOKEN", "when set, /metrics needs Authorization: Bearer TOKEN",
         [](program_config& c, std::string_view v) { c.server.metrics_token = std::string{v}; }},
    flag{"rate-limit-address", "BURST/SECONDS", "per client address and endpoint: BURST attempts, one more every SECONDS (default 20/3)",
         [](program_config& c, std::string_view v) { c.server.address_limit = parse_limit("rate-limit-address", v); }},
    flag{"rate-limit-account", "BURST/SECONDS", "per account (or email) and endpoint (default 5/60)",
         [](program_config& c, std::string_view v) { c.server.account_limit = parse_limit("rate-limit-account", v); }},
    flag{"sqlite-cache-kib", "KIB", "SQLite page cache per connection (5 connections), in KiB (default 512)",
         [](program_config& c, std::string_view v) { c.sqlite_tuning.cache_kib = number("sqlite-cache-kib", v, 64, 16LL << 20); }},
    flag{"sqlite-mmap-mib", "MIB", "SQLite memory-mapped I/O per connection, in MiB; 0 reads with pread (default 0)",
         [](program_config& c, std::string_view v) { c.sqlite_tuning.mmap_bytes = number("sqlite-mmap-mib", v, 0, 1 << 20) * 1024 * 1024; }},
    flag{"password-iterations", "N", "PBKDF2 iterations for new password hashes (default 600000)",
         [](program_config& c, std::string_view v) { c.password_iterations = static_cast<std::int32_t>(number("password-iterations", v, 1000, 100'000'000)); }},
    flag{"auto-close-days", "N", "Resolved tickets without an answer from their owner this many days close themselves; 0 never (default 7)",
         [](program_config& c, std::string_view v) { c.auto_close_after = std::chrono::days{number("auto-close-days", v, 0, 3650)}; }},
    flag{"pending-reminder-hours", "N", "owners of tickets Pending this many hours are reminded once; 0 never (default 72)",
         [](program_config& c, std::string_view v) { c.pending_reminder_after = std::chrono::hours{number("pending-reminder-hours", v, 0, 87'600)}; }},
    flag{"shutdown-grace", "SECONDS", "on SIGINT/SIGTERM, how long requests in flight may finish (default 10)",
         [](program_config& c, std::string_view v) { c.shutdown_grace = std::chrono::seconds{number("shutdown-grace", v, 0, 3600)}; }},
    flag{"log-format", "json|text", "access log and event lines (default json)",
         [](program_config& c, std::string_view v) {
             if (v == "json") { c.server.logs = log_format::json; }
             else if (v == "text") { c.server.logs = log_format::text; }
             else { bad("log-format", "expected json or text"); }
         }},
    flag{"no-access-log", "", "do not log each request",
         [](program_config& c, std::string_view) { c.server.access_log = false; }},
    flag{"relay-threads", "N", "threads delivering outbox events (email, webhooks); 0 delivers none in this process (default 1)",
         [](program_config& c, std::string_view v) { c.delivery.relay_threads = static_cast<unsigned>(number("relay-threads", v, 0, 64)); }},
    flag{"relay-batch", "N", "events a relay thread claims at a time (default 20)",
         [](program_config& c, std::string_view v) { c.delivery.relay.batch = number("relay-batch", v, 1, 1000); }},
    flag{"relay-idle-ms", "MS", "how long an idle relay thread waits before looking for due events again (default 1000)",
         [](program_config& c, std::string_view v) { c.delivery.relay.idle_wait = std::chrono::milliseconds{number("relay-idle-ms", v, 10, 600'000)}; }},
    flag{"scheduler-every-ms", "MS", "how often this process's delivery workers run the scheduler (SLA notices); 0 leaves it to another process (default 5000)",
         [](program_config& c, std::string_view v) { c.delivery.relay.scheduler_every = std::chrono::milliseconds{number("scheduler-every-ms", v, 0, 3'600'000)}; }},
    flag{"delivery-max-attempts", "N", "failed attempts before an event is parked as dead (default 8)",
         [](program_config& c, std::string_view v) { c.delivery.max_attempts = static_cast<std::int32_t>(number("delivery-max-attempts", v, 1, 100)); }},
    flag{"delivery-first-retry", "SECONDS", "delay before the first retry; doubled after each failure, with jitter (default 30)",
         [](program_config& c, std::string_view v) { c.delivery.first_retry = std::chrono::seconds{number("delivery-first-retry", v, 1, 86'400)}; }},
    flag{"delivery-lease", "SECONDS", "a claimed event is withheld from other relays this long; keep it above the channel timeouts (default 120)",
         [](program_config& c, std::string_view v) { c.delivery.lease = std::chrono::seconds{number("delivery-lease", v, 1, 86'400)}; }},
    flag{"web-root", "DIR", "the web console's built files, served at / (default " HELPDESK_DEFAULT_WEB_ROOT ")",
         [](program_config& c, std::string_view v) { c.server.web_root = std::string{v}; }},
    flag{"frontend-url", "URL", "base URL of the web console, for links in mail (default --public-url, else the listen address)",
         [](program_config& c, std::string_view v) { c.delivery.frontend_url = std::string{v}; }},
    flag{"public-url", "URL", "this server's external base URL: workflow attachment links, mail links, the cookie session's origin (default the listen address)",
         [](program_config& c, std::string_view v) {
             c.delivery.public_url = std::string{v};
             c.server.public_url = std::string{v};
         }},
    flag{"smtp-url", "URL", "smtp://host:port or smtps://host:port: send mail (default: no email)",
         [](program_config& c, std::string_view v) { c.delivery.smtp.url = std::string{v}; }},
    flag{"smtp-user", "USER", "SMTP AUTH user (default: no AUTH)",
         [](program_config& c, std::string_view v) { c.delivery.smtp.username = std::string{v}; }},
    flag{"smtp-password", "PASSWORD", "SMTP AUTH password (prefer HELPDESK_SMTP_PASSWORD: flags show in ps)",
         [](program_config& c, std::string_view v) { c.delivery.smtp.password = std::string{v}; }},
    flag{"smtp-tls", "off|opportunistic|required", "STARTTLS: never, when offered, or always (default opportunistic)",
         [](program_config& c, std::string_view v) {
             if (v == "off") { c.delivery.smtp.tls = smtp::tls_mode::off; }
             else if (v == "opportunistic") { c.delivery.smtp.tls = smtp::tls_mode::opportunistic; }
             else if (v == "required") { c.delivery.smtp.tls = smtp::tls_mode::required; }
             else { bad("smtp-tls", "expected off, opportunistic or required"); }
         }},
    flag{"smtp-insecure", "", "do not verify the SMTP server's certificate (testing only)",
         [](program_config& c, std::string_view) { c.delivery.smtp.verify_peer = false; }},
    flag{"smtp-from", "ADDRESS", "sender address of the mail (required with --smtp-url)",
         [](program_config& c, std::string_view v) { c.delivery.smtp.from = std::string{v}; }},
    flag{"smtp-from-name", "NAME", "sender display name (default Help desk)",
         [](program_config& c, std::string_view v) { c.delivery.smtp.from_name = std::string{v}; }},
    flag{"smtp-timeout", "SECONDS", "time allowed for one SMTP conversation (default 30)",
         [](program_config& c, std::string_view v) { c.delivery.smtp.timeout = std::chrono::seconds{number("smtp-timeout", v, 1, 3600)}; }},
    flag{"webhook-url", "URL", "POST every event (or --webhook-events) as signed JSON to this http(s) URL (default none)",
         [](program_config& c, std::string_view v) { c.delivery.webhook_url = std::string{v}; }},
    flag{"webhook-secret", "SECRET", "HMAC-SHA256 key for --webhook-url's X-Helpdesk-Signature, at least 16 bytes",
         [](program_config& c, std::string_view v) { c.delivery.webhook_secret = std::string{v}; }},
    flag{"webhook-events", "LIST", "comma-separated event kinds for --webhook-url, e.g. ticket.created,ticket.closed (default all)",
         [](program_config& c, std::string_view v) { c.delivery.webhook_events = split_list(v); }},
    flag{"workflow-webhook-url", "URL", "the external workflow system: ticket approval and finalize, with the workflow payload (default none)",
         [](program_config& c, std::string_view v) { c.delivery.workflow_webhook_url = std::string{v}; }},
    flag{"workflow-webhook-secret", "SECRET", "HMAC-SHA256 key for --workflow-webhook-url, at least 16 bytes",
         [](program_config& c, std::string_view v) { c.delivery.workflow_webhook_secret = std::string{v}; }},
    flag{"webhook-timeout-ms", "MS", "time allowed for one webhook POST, connect included (default 10000)",
         [](program_config& c, std::string_view v) { c.delivery.webhook_timeout = std::chrono::milliseconds{number("webhook-timeout-ms", v, 100, 600'000)}; }},
    flag{"webhook-insecure", "", "do not verify https webhook certificates (testing only)",
         [](program_config& c, std::string_view) { c.delivery.webhook_verify_peer = false; }},
    flag{"webhook-link-ttl", "SECONDS", "lifetime of signed attachment links in workflow payloads (default 86400)",
         [](program_config& c, std::string_view v) { c.delivery.webhook_link_lifetime = std::chrono::seconds{number("webhook-link-ttl", v, 60, 30 * 86'400)}; }},
    flag{"help", "", "print this help and exit",
         [](program_config& c, std::string_view) { c.show_help = true; }},
};
// clang-format on

// Settings that only make sense together, named by flag (the adapters check
// the values themselves when the channels are built).
void check_delivery(const delivery_config& d) {
    if (!d.smtp.url.empty() && d.smtp.from.empty()) {
        bad("smtp-from", "required with --smtp-url (the sender address)");
    }
    if (d.webhook_url && d.webhook_secret.size() < 16) {
        bad("webhook-secret", "required with --webhook-url, at least 16 bytes");
    }
    if (d.workflow_webhook_url && d.workflow_webhook_secret.size() < 16) {
        bad("workflow-webhook-secret", "required with --workflow-webhook-url, at least 16 bytes");
    }
    if (d.frontend_url && !d.frontend_url->starts_with("http://") && !d.frontend_url->starts_with("https://")) {
        bad("frontend-url", "expected an http:// or https:// URL");
    }
    if (d.public_url && !d.public_url->starts_with("http://") && !d.public_url->starts_with("https://")) {
        bad("public-url", "expected an http:// or https:// URL");
    }
    // A relay renews its claim when under half the lease is left, before each
    // channel; a channel call must end within that half, or another relay
    // could take the event while it is still being delivered.
    std::chrono::milliseconds longest{0};
    if (!d.smtp.url.empty()) {
        longest = std::max<std::chrono::milliseconds>(longest, d.smtp.timeout);
    }
    if (d.webhook_url || d.workflow_webhook_url) {
        longest = std::max(longest, d.webhook_timeout);
    }
    if (d.lease < 2 * longest) {
        bad("delivery-lease", "must be at least twice the longest channel timeout (--smtp-timeout, "
                              "--webhook-timeout-ms), here " +
                                  std::to_string((2 * longest + std::chrono::milliseconds{999}) / std::chrono::seconds{1}) +
                                  " s");
    }
}

std::string env_name(std::string_view flag_name) {
    std::string out = "HELPDESK_";
    for (const char ch : flag_name) {
        out.push_back(ch == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
    }
    return out;
}

const flag* find_flag(std::string_view name) {
    for (const auto& f : flags) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

} // namespace

program_config parse_config(std::span<const std::string_view> args,
                            const std::function<std::optional<std::string>(std::string_view)>& env) {
    program_config c;
    if (!args.empty() && args[0] == "openapi") {
        if (args.size() > 1) {
            throw error(errc::invalid_argument, "`helpdesk-server openapi` takes no arguments (got `" +
                                                    std::string{args[1]} + "`)");
        }
        c.print = printout::openapi;
        return c; // prints a constant document: no configuration applies
    }
    if (!args.empty() && args[0] == "routes") {
        if (args.size() > 2 || (args.size() == 2 && args[1] != "--markdown")) {
            throw error(errc::invalid_argument, "`helpdesk-server routes` takes only `--markdown` (got `" +
                                                    std::string{args.back()} + "`)");
        }
        c.print = args.size() == 2 ? printout::routes_markdown : printout::routes;
        return c;
    }
    c.server.web_root = std::string{HELPDESK_DEFAULT_WEB_ROOT};
    const bool key_command = !args.empty() && args[0] == "api-key";
    std::vector<std::string_view> command_words;
    if (key_command) {
        args = args.subspan(1);
    }
    for (const auto& f : flags) {
        if (f.name == "help") {
            continue;
        }
        if (const auto value = env(env_name(f.name))) {
            if (f.value_hint.empty()) {
                if (*value == "1" || *value == "true") {
                    f.apply(c, *value);
                }
            } else {
                f.apply(c, *value);
            }
        }
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto arg = args[i];
        if (!arg.starts_with("--")) {
            if (key_command) {
                command_words.push_back(arg);
                continue;
            }
            bad(arg, "unexpected argument (flags start with --; see --help)");
        }
        arg.remove_prefix(2);
        std::optional<std::string_view> value;
        if (const auto eq = arg.find('='); eq != std::string_view::npos) {
            value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        const auto* f = find_flag(arg);
        if (!f && arg == "workflow-api-key") {
            bad(arg, "removed: the workflow system's keys live in the store; make one with "
                     "`helpdesk-server api-key create NAME` (see --help)");
        }
        if (!f) {
            bad(arg, "unknown flag (see --help)");
        }
        if (f->value_hint.empty()) {
            if (value) {
                bad(arg, "takes no value");
            }
            f->apply(c, "");
            continue;
        }
        if (!value) {
            if (i + 1 >= args.size()) {
                bad(arg, "needs a value: " + std::string{f->value_hint});
            }
            value = args[++i];
        }
        f->apply(c, *value);
    }
    if (c.show_help) {
        return c;
    }
    if (key_command) {
        c.key_command = parse_api_key_command(command_words);
        return c; // no server runs: no JWT secret needed
    }
    // A server that silently dropped its old key would refuse the workflow
    // system; say so at start instead (the api-key command above still runs).
    if (env(env_name("workflow-api-key"))) {
        bad("workflow-api-key", "HELPDESK_WORKFLOW_API_KEY is no longer read: the workflow system's keys live in "
                                "the store; make one with `helpdesk-server api-key create NAME` (see --help)");
    }
    if (c.server.jwt_secret.empty()) {
        if (!c.generated_secret) {
            bad("jwt-secret", "required (or HELPDESK_JWT_SECRET); --dev-generate-secret makes a throwaway one");
        }
        c.server.jwt_secret = random_id() + random_id();
    } else {
        c.generated_secret = false;
    }
    if (c.server.jwt_secret.size() < 32) {
        bad("jwt-secret", "must be at least 32 bytes");
    }
    check_delivery(c.delivery);
    return c;
}

std::string help_text() {
    std::string out = "Usage: helpdesk-server [flags]\n"
                      "       helpdesk-server api-key create NAME | list | revoke ID [flags]\n"
                      "       helpdesk-server openapi   (prints the OpenAPI document of /api/openapi.json and exits)\n"
                      "       helpdesk-server routes [--markdown]   (prints every route and who may call it; "
                      "--markdown: docs/api.md)\n\n"
                      "The helpdesk reference server: the SmartSupport REST API over HTTP.\n"
                      "Every flag can also be set by the environment variable shown; flags win.\n\n";
    for (const auto& f : flags) {
        std::string left = "  --" + std::string{f.name};
        if (!f.value_hint.empty()) {
            left += " " + std::string{f.value_hint};
        }
        out += left + "\n      " + std::string{f.help};
        if (f.name != "help") {
            out += "  [" + env_name(f.name) + "]";
        }
        out += "\n";
    }
    out += "\nFirst start on an empty store creates a System Admin from HELPDESK_ADMIN_EMAIL and\n"
           "HELPDESK_ADMIN_PASSWORD, or admin@example.com with a generated password printed once.\n"
           "SIGINT/SIGTERM stop accepting, let requests in flight finish, and exit 0.\n"
           "\nThe external workflow system sends an API key as X-API-Key. System Admins manage keys\n"
           "at /api/workflow/api-keys/; the operator can, on the same store, without a server:\n";
    out += api_key_command_usage();
    return out;
}

} // namespace helpdesk::server
