#pragma once

#include "cli/api_key_command.hpp"
#include "cli/delivery_config.hpp"

#include <helpdesk/adapters/sqlite.hpp>
#include <helpdesk/security/password.hpp>
#include <helpdesk/server.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace helpdesk::server {

/// Everything `helpdesk-server` is configured with.
/// The documents the program prints instead of serving.
enum class printout {
    none,             ///< serve
    openapi,          ///< `helpdesk-server openapi`: the OpenAPI document
    routes,           ///< `helpdesk-server routes`: one line per route
    routes_markdown,  ///< `helpdesk-server routes --markdown`: `docs/api.md`
};

struct program_config {
    server_options server{};
    std::string store_url = "sqlite://var/helpdesk.db";
    std::string blob_dir = "var/blobs";
    std::chrono::seconds shutdown_grace{10};
    std::int32_t password_iterations = default_password_iterations;
    /// The automations (docs/product.md#automations); zero turns one off.
    std::chrono::seconds auto_close_after{std::chrono::days{7}};
    std::chrono::seconds pending_reminder_after{std::chrono::days{3}}; ///< see `auto_close_after`
    /// SQLite stores: a small page cache and no memory mapping by default. The
    /// OS page cache holds the file anyway; measured on 100k tickets, this
    /// keeps the server near 20 MiB RSS at the same read speed, and writes
    /// ran faster than with 64 MiB caches and 256 MiB maps.
    sqlite::options sqlite_tuning{.cache_kib = 512, .mmap_bytes = 0};
    delivery_config delivery{};      ///< outbox relay and channels (docs/product.md#notifications)
    bool generated_secret = false;   ///< `--dev-generate-secret` made the JWT secret
    bool show_help = false;
    /// `helpdesk-server api-key ...`: run this on the store and exit instead of serving.
    std::optional<api_key_command> key_command{};
    /// A sub-command that prints a document and exits (no store, no secret).
    printout print = printout::none;
};

/// Reads the environment (`HELPDESK_<FLAG>`, e.g. `HELPDESK_JWT_SECRET`) and
/// then the flags (`--jwt-secret X` or `--jwt-secret=X`), flags winning.
/// When the first argument is `api-key`, the words that are not flags are its
/// sub-command (see `parse_api_key_command`) and no JWT secret is needed.
/// When it is `openapi`, nothing else may follow and nothing else is read.
/// Throws `error{invalid_argument}` naming the flag for unknown flags, a
/// missing value, a malformed number, the removed `--workflow-api-key` (flag
/// or variable: keys live in the store now), a bad sub-command, or no JWT
/// secret (unless `--dev-generate-secret`).
[[nodiscard]] program_config parse_config(std::span<const std::string_view> args,
                                          const std::function<std::optional<std::string>(std::string_view)>& env);

/// The `--help` text: every flag, its variable and its default.
[[nodiscard]] std::string help_text();

} // namespace helpdesk::server
