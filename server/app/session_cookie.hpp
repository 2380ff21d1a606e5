#pragma once

#include "app/call.hpp"

#include <optional>
#include <string>
#include <string_view>

/// Cookie sessions for browsers. A request on the token routes that carries
/// `X-Helpdesk-Session: cookie` gets its refresh token in an HttpOnly,
/// SameSite=Strict cookie scoped to `/api/token/` instead of the JSON body,
/// and refresh and logout read it from there. Scripts never see the refresh
/// token; cross-site requests cannot use it (see server/README.md).
namespace helpdesk::server {

/// The refresh-token cookie's name.
inline constexpr std::string_view refresh_cookie_name = "helpdesk_refresh";

/// The header a client sends to ask for cookie mode, and its only value.
inline constexpr std::string_view session_mode_header = "X-Helpdesk-Session";

/// Whether `c` asks for cookie mode. Absent header: false. Any value other
/// than `cookie` throws `error{invalid_argument}` naming the header.
[[nodiscard]] bool cookie_mode(const call& c);

/// For a cookie-mode request: when an `Origin` header is present it must be
/// the server's own origin (the request's `Host` under this server's scheme,
/// or the configured public URL's origin) or on the CORS allow-list; throws
/// `error{permission_denied}` otherwise.
void check_cookie_origin(const call& c);

/// The refresh token in the request's `Cookie` header(s), if any (empty
/// values count as absent). Two different `helpdesk_refresh` values throw
/// `error{unauthenticated}`: one of them was planted.
[[nodiscard]] std::optional<std::string> refresh_cookie(const call& c);

/// The `Set-Cookie` value that stores `token`: `Path=/api/token/; HttpOnly;
/// SameSite=Strict; Max-Age=<refresh lifetime>`, plus `Secure` when the
/// server speaks TLS or its public URL is https.
[[nodiscard]] std::string refresh_cookie_header(const app& a, std::string_view token);

/// The `Set-Cookie` value that removes the cookie (`Max-Age=0`, same attributes).
[[nodiscard]] std::string cleared_cookie_header(const app& a);

} // namespace helpdesk::server
