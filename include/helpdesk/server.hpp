#pragma once

#include <helpdesk/delivery/outbox_relay.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/services/rate_limit_service.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk {

/// How the server writes its access log and event lines.
enum class log_format { json, text };

/// Everything the reference HTTP server can be told. The defaults suit a
/// single machine; `jwt_secret` has no default and is required. (The
/// workflow system's `X-API-Key`s live in the store: `engine::api_keys()`.)
struct server_options {
    std::string listen_address = "127.0.0.1";      ///< IPv4 or IPv6 literal
    std::uint16_t port = 8000;                       ///< 0 picks a free port (see `http_server::port()`)
    std::string jwt_secret{};                        ///< HS256 key for tokens and signed URLs, ≥ 32 bytes
    std::chrono::seconds access_token_lifetime{15 * 60};
    std::chrono::seconds refresh_token_lifetime{24 * 60 * 60};
    std::chrono::seconds signed_url_lifetime{5 * 60};
    /// How long after a refresh token's rotation presenting it again still gets the same successor
    /// instead of closing the session as reuse (a browser that lost the answer); 0 to 600 s, 0 disables
    /// it. See `session_service::rotate` for the trade-off.
    std::chrono::seconds refresh_reissue_window{60};
    std::vector<std::string> cors_origins{};         ///< exact `scheme://host[:port]`; empty allows none
    /// This server's external base URL (`https://desk.example.com`), when it
    /// is reached through another name than its listen address: its origin
    /// counts as the server's own for cookie-session requests, and an https
    /// one marks the session cookie `Secure` (as TLS here does).
    std::optional<std::string> public_url{};
    /// The web console's files (`index.html`, `assets/`), served at `/` and
    /// for client routes; unset or missing: `/` answers a JSON 404 saying the
    /// console is not built. Read from disk per request on the worker threads.
    std::optional<std::string> web_root{};
    std::size_t max_header_bytes = 16 * 1024;        ///< request line and headers
    std::size_t max_json_body_bytes = 1024 * 1024;   ///< bodies of non-upload routes
    std::size_t max_upload_body_bytes = 25 * 1024 * 1024; ///< multipart bodies of upload routes
    std::chrono::seconds idle_timeout{30};           ///< waiting for and reading a request's header
    std::chrono::seconds request_timeout{60};        ///< reading a body, writing a response
    std::size_t max_connections = 1024;              ///< further connections get 503 and are closed
    unsigned io_threads = 1;                         ///< threads running the sockets
    unsigned worker_threads = 4;                     ///< threads running store calls
    std::optional<std::string> tls_certificate_file{}; ///< PEM chain; HTTPS when set with the key
    std::optional<std::string> tls_private_key_file{}; ///< PEM key
    std::optional<std::string> metrics_token{};      ///< when set, `/metrics` needs `Authorization: Bearer <it>`
    /// Addresses of load balancers whose `X-Forwarded-For` is believed: the
    /// client is then the rightmost address in it that is not one of these
    /// (rate limits and logs use it). Empty: the peer address, always.
    std::vector<std::string> trusted_proxies{};
    rate_limit address_limit{20, std::chrono::milliseconds{3000}};  ///< per client address and endpoint
    rate_limit account_limit{5, std::chrono::milliseconds{60000}};  ///< per account (or email) and endpoint
    log_format logs = log_format::json;
    bool access_log = true;                          ///< one line per request
    /// When set, `/metrics` also exports these delivery totals (the program
    /// passes its `outbox_relay::stats`). Called from request threads.
    std::function<relay_stats()> delivery_stats{};
    /// Receives each log line (no trailing newline). Empty: standard error.
    /// Called from several threads at once.
    std::function<void(std::string_view line)> log_sink{};
};

/// The SmartSupport REST API (docs/api.md) over an engine, on Boost.Beast.
/// Installs no signal handlers: its owner calls `stop`. Thread-safe: `stop`
/// may be called from any thread, once `start` has returned.
class http_server {
public:
    /// Checks the options (throws `error{invalid_argument}`); binds nothing yet.
    /// The engine must outlive the server.
    http_server(engine& desk, server_options options);
    /// Stops with no grace period if still running.
    ~http_server();
    http_server(const http_server&) = delete;
    http_server& operator=(const http_server&) = delete;

    /// Binds, listens and starts the I/O and worker threads; returns at once.
    /// Throws `error{invalid_argument}` for a bad address or TLS files and
    /// `error{storage_unavailable}` when the port cannot be bound.
    void start();
    /// The bound port (useful with port 0). Valid after `start`.
    [[nodiscard]] std::uint16_t port() const noexcept;
    /// Whether the server speaks HTTPS.
    [[nodiscard]] bool tls() const noexcept;
    /// Whether `server_options::web_root` holds a built console (an `index.html`) now.
    [[nodiscard]] bool console_built() const;
    /// Stops accepting, lets requests in flight finish for up to `grace`,
    /// then closes every connection and joins the threads. Idempotent.
    void stop(std::chrono::milliseconds grace);
    /// Blocks until `stop` has finished.
    void wait();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace helpdesk
