#pragma once

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace helpdesk::server {

/// The CORS allow-list from configuration (docs/product.md#server-protections: no `*` with credentials).
struct cors_policy {
    std::vector<std::string> allowed_origins; ///< "scheme://host[:port]" entries; malformed entries never match
    std::chrono::seconds max_age{600};        ///< how long a browser may cache a preflight answer
};

/// Response headers to add, and whether the origin passed.
struct cors_headers {
    std::vector<std::pair<std::string, std::string>> headers; ///< name, value; always includes Vary: Origin
    bool origin_allowed = false;                              ///< the origin (and, for preflight, the request) passed
};

/// Whether `origin` is on the allow-list (the exact-match rules below). Pure; thread-safe.
[[nodiscard]] bool origin_allowed(const cors_policy& p, std::string_view origin) noexcept;

/// Whether two serialised origins (`scheme://host[:port]`) are the same origin:
/// scheme and host compared case-insensitively, a default port equal to none.
/// False when either is not an origin. Pure; thread-safe.
[[nodiscard]] bool same_origin(std::string_view a, std::string_view b) noexcept;

/// For a request with `origin` (empty when absent). Exact match of scheme://host[:port] (case-insensitive scheme and
/// host, default ports 80/443 equivalent to none), never "*" and never "null" (even if listed);
/// allowed → Access-Control-Allow-Origin: <origin>, Access-Control-Allow-Credentials: true, Vary: Origin; otherwise
/// only Vary: Origin. Pure; thread-safe.
[[nodiscard]] cors_headers cors_for_request(const cors_policy& p, std::string_view origin);

/// For an OPTIONS preflight: allowed origin AND requested method (case-sensitive) in `allowed_methods` AND every
/// requested header in the safe list (Authorization, Content-Type, If-Match, Idempotency-Key, X-API-Key,
/// X-Helpdesk-Session, case-insensitive, comma-separated) → the above plus Access-Control-Allow-Methods, -Allow-Headers, -Max-Age;
/// otherwise origin_allowed=false and only Vary: Origin. Pure; thread-safe.
[[nodiscard]] cors_headers cors_for_preflight(const cors_policy& p, std::string_view origin,
                                              std::string_view request_method, std::string_view request_headers,
                                              std::span<const std::string_view> allowed_methods);

} // namespace helpdesk::server
