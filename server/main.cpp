// helpdesk-server: the reference HTTP server. Reads its configuration,
// opens the store, creates the first System Admin of an empty store, serves
// until SIGINT or SIGTERM, then shuts down gracefully and exits 0. With
// `api-key ...` it manages the workflow system's keys on the store instead
// and exits (2 for a usage error, 1 when the command fails); `openapi` prints
// the OpenAPI document (what GET /api/openapi.json answers) and exits 0;
// `routes [--markdown]` prints the route reference (docs/api.md) and exits 0.
#include "app/openapi.hpp"
#include "app/route_reference.hpp"
#include "app/tokens.hpp"
#include "cli/config.hpp"
#include "delivery/relay_setup.hpp"
#include "delivery/scheduler_loop.hpp"

#include <helpdesk/adapters/open_store.hpp>
#include <helpdesk/blob/directory_blob_store.hpp>
#include <helpdesk/delivery/outbox_relay.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/error.hpp>
#include <helpdesk/server.hpp>
#ifdef HELPDESK_SERVER_WITH_TZ
#include <helpdesk/adapters/time_zones.hpp>
#endif

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <vector>

namespace hd = helpdesk;

namespace {

std::optional<std::string> environment(std::string_view name) {
    if (const char* value = std::getenv(std::string{name}.c_str())) {
        return std::string{value};
    }
    return std::nullopt;
}

void print_field_errors(const hd::error& e) {
    for (const auto& [field, messages] : e.fields()) {
        for (const auto& m : messages) {
            std::cerr << "  " << field << ": " << m << "\n";
        }
    }
}

// Says why the program stops (with the field errors of an engine error); the exit code.
int report_failure(const std::exception& e) {
    std::cerr << "helpdesk-server: " << e.what() << "\n";
    if (const auto* known = dynamic_cast<const hd::error*>(&e)) {
        print_field_errors(*known);
    }
    return 1;
}

// A SQLite file's folder is made on first use (the default is var/).
void make_store_folder(const std::string& url) {
    if (url.starts_with("sqlite://") && !url.starts_with("sqlite::memory:")) {
        const std::filesystem::path file = url.substr(std::string_view{"sqlite://"}.size());
        if (file.has_parent_path()) {
            std::filesystem::create_directories(file.parent_path());
        }
    }
}

// What `openapi` and `routes [--markdown]` print.
std::string printed_document(hd::server::printout what) {
    switch (what) {
    case hd::server::printout::openapi: return hd::server::openapi_document() + "\n";
    case hd::server::printout::routes: return hd::server::route_list_text();
    case hd::server::printout::routes_markdown: return hd::server::route_reference_markdown();
    case hd::server::printout::none: break;
    }
    return {};
}

// The IANA zones SLA calendars are read in: the system's, when the build has
// the time-zone adapter; else the engine knows UTC only.
std::shared_ptr<hd::time_zones> server_time_zones() {
#ifdef HELPDESK_SERVER_WITH_TZ
    return hd::tz::system_time_zones();
#else
    return nullptr;
#endif
}

// `helpdesk-server api-key ...`: works on the store and exits; 1 on failure.
int run_key_command(const hd::server::program_config& config) {
    try {
        make_store_folder(config.store_url);
        hd::engine desk{hd::engine_parts{.db = hd::open_store(config.store_url, {.sqlite = config.sqlite_tuning})}};
        hd::server::run_api_key_command(*config.key_command, desk, std::cout, std::cerr);
        return 0;
    } catch (const std::exception& e) {
        return report_failure(e);
    }
}

// A store URL fit to print: credentials before an `@` are hidden.
std::string redacted(const std::string& url) {
    const auto scheme_end = url.find("://");
    const auto at = url.rfind('@');
    if (scheme_end == std::string::npos || at == std::string::npos || at < scheme_end) {
        return url;
    }
    return url.substr(0, scheme_end + 3) + "***" + url.substr(at);
}

// Creates the first System Admin when the store has none; says how to log in.
std::string bootstrap_admin(hd::engine& desk) {
    const auto email = environment("HELPDESK_ADMIN_EMAIL").value_or("admin@example.com");
    const auto given = environment("HELPDESK_ADMIN_PASSWORD");
    // Upper, lower, digit and symbol, as the password rules ask.
    const auto password = given ? *given : "Hd!" + hd::server::random_id().substr(0, 20) + "9aZ";
    hd::sign_up_request admin;
    admin.email = email;
    admin.first_name = "System";
    admin.last_name = "Admin";
    admin.department = "IT Department";
    admin.password = password;
    admin.confirm_password = password;
    try {
        (void)desk.accounts().bootstrap_admin(admin);
    } catch (const hd::error& e) {
        if (e.code() == hd::errc::conflict) {
            return "log in as an existing System Admin";
        }
        throw;
    }
    if (given) {
        return "log in as " + email + " with HELPDESK_ADMIN_PASSWORD (System Admin created now)";
    }
    return "log in as " + email + " with password " + password +
           "  (System Admin created now; shown this once, change it)";
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    hd::server::program_config config;
    try {
        config = hd::server::parse_config(args, environment);
    } catch (const hd::error& e) {
        std::cerr << "helpdesk-server: " << e.what() << "\n";
        return 2;
    }
    if (config.show_help) {
        std::cout << hd::server::help_text();
        return 0;
    }
    if (config.print != hd::server::printout::none) {
        std::cout << printed_document(config.print);
        return std::cout.flush() ? 0 : 1;
    }
    if (config.key_command) {
        return run_key_command(config);
    }

    // Block the stop signals in every thread; the main thread waits for them
    // (the library installs no handlers).
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    try {
        make_store_folder(config.store_url);
        hd::engine_options engine_options;
        engine_options.password_iterations = config.password_iterations;
        engine_options.auto_close_after = config.auto_close_after;
        engine_options.pending_reminder_after = config.pending_reminder_after;
        hd::server::apply_delivery_options(config.delivery, engine_options);
        hd::engine desk{hd::engine_parts{.db = hd::open_store(config.store_url, {.sqlite = config.sqlite_tuning}),
                                         .blobs = hd::open_directory_blob_store(config.blob_dir),
                                         .zones = server_time_zones()},
                        engine_options};
        const auto login_hint = bootstrap_admin(desk);

        // The relay starts once the port is known (its attachment links may
        // need it); /metrics reads its totals through this pointer meanwhile.
        std::unique_ptr<hd::outbox_relay> relay;
        std::atomic<hd::outbox_relay*> running_relay{nullptr};
        // Without a channel a scheduler thread of its own writes the notices.
        std::unique_ptr<hd::server::scheduler_loop> scheduler;
        std::atomic<hd::server::scheduler_loop*> running_scheduler{nullptr};
        config.server.delivery_stats = [&running_relay, &running_scheduler] {
            const auto* r = running_relay.load();
            auto totals = r ? r->stats() : hd::relay_stats{};
            if (const auto* s = running_scheduler.load()) {
                totals.sla_notices += s->sla_notices();
            }
            return totals;
        };
        hd::http_server server{desk, config.server};
        server.start();
        const auto scheme = server.tls() ? "https" : "http";
        const auto& host = config.server.listen_address;
        const auto base = std::string{scheme} + "://" + (host.find(':') != std::string::npos ? "[" + host + "]" : host) +
                          ":" + std::to_string(server.port());
        auto channels = hd::server::make_channels(desk, config.delivery, config.server.jwt_secret, base);
        std::string delivery_line;
        // Without a channel there is no relay, but the scheduler's notices
        // still belong in the outbox.
        if (channels.empty()) {
            delivery_line = "no channel configured (events wait in the outbox; see --smtp-url, --webhook-url)";
            if (config.delivery.relay_threads > 0 &&
                config.delivery.relay.scheduler_every > std::chrono::milliseconds::zero()) {
                scheduler = std::make_unique<hd::server::scheduler_loop>(desk, config.delivery.relay.scheduler_every);
                running_scheduler.store(scheduler.get());
            }
        } else if (config.delivery.relay_threads == 0) {
            delivery_line = "--relay-threads 0: another process delivers (" +
                            hd::server::describe_channels(config.delivery) + ")";
        } else {
            relay = std::make_unique<hd::outbox_relay>(desk, std::move(channels), config.delivery.relay);
            relay->start(config.delivery.relay_threads);
            running_relay.store(relay.get());
            delivery_line = hd::server::describe_channels(config.delivery) + " (" +
                            std::to_string(config.delivery.relay_threads) + " relay thread" +
                            (config.delivery.relay_threads == 1 ? "" : "s") + ")";
        }
        const auto console_base = config.server.public_url.value_or(base);
        std::string console_line;
        if (server.console_built()) {
            console_line = "web console: open " + console_base + (console_base.ends_with('/') ? "" : "/") +
                           " in a browser  (files from " + config.server.web_root.value_or("") + ")";
        } else {
            console_line = "web console: not built (no index.html in " + config.server.web_root.value_or("(none)") +
                           "; build the project with Node.js, or pass --web-root DIR); the API works without it";
        }
        std::cout << "helpdesk-server listening on " << base << "  (store " << redacted(config.store_url) << ")\n"
                  << "  " << login_hint << "\n"
                  << "  " << console_line << "\n"
                  << "  e.g. curl -s -X POST " << base << "/api/token/admin/ -H 'Content-Type: application/json' \\\n"
                  << "         -d '{\"email\": \"...\", \"password\": \"...\"}'\n"
                  << "  API description: " << base << "/api/openapi.json   stop: Ctrl-C\n"
                  << "  delivery: " << delivery_line << "\n";
        if (config.generated_secret) {
            std::cout << "  note: --dev-generate-secret: a throwaway JWT secret; tokens die with this process\n";
        }
        std::cout.flush();

        int received = 0;
        sigwait(&stop_signals, &received);
        std::cout << "helpdesk-server: signal " << received << ", finishing requests in flight (up to "
                  << config.shutdown_grace.count() << " s)\n";
        server.stop(config.shutdown_grace);
        if (relay) {
            running_relay.store(nullptr);
            relay->stop(); // lets each relay thread finish the event in hand
        }
        running_scheduler.store(nullptr);
        scheduler.reset();
        std::cout << "helpdesk-server: stopped\n";
        return 0;
    } catch (const std::exception& e) {
        return report_failure(e);
    }
}
