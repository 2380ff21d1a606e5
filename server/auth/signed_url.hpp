#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::server {

/// The query string "u=<user>&exp=<unix>&sig=<base64url HMAC-SHA256 of "<path>\n<user>\n<exp>">" for `path` (e.g.
/// "/api/attachments/7/download/"), so a file link works in `<img src>` without a bearer token (docs/product.md#sessions-and-tokens).
/// Throws error{internal} when `secret` is empty or OpenSSL fails. Thread-safe.
[[nodiscard]] std::string sign_url_query(std::string_view path, std::int64_t user, std::int64_t expires_at,
                                         std::string_view secret);

/// Checks a signature made by sign_url_query; returns the user on success, nullopt when the signature is wrong,
/// the parameters are malformed (not canonical decimal integers, or a signature that is not 43 base64url
/// characters), or now > expires_at. Constant-time comparison. Throws error{internal} when `secret` is empty.
/// Thread-safe.
[[nodiscard]] std::optional<std::int64_t> verify_signed_url(std::string_view path, std::string_view user,
                                                            std::string_view expires, std::string_view sig,
                                                            std::int64_t now, std::string_view secret);

} // namespace helpdesk::server
