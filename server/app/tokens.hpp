#pragma once

#include "app/app.hpp"

#include <helpdesk/domain/account.hpp>

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace helpdesk::server {

/// 128 random bits as 32 hex characters (session ids and token ids).
[[nodiscard]] std::string random_id();

/// The id of the refresh token that replaces `refresh_id` at rotation: 128 bits of
/// HMAC-SHA256(jwt secret, "refresh-successor\0" + `refresh_id`) in base64url (22 characters). Derived, not
/// drawn, so that repeating a rotation whose answer was lost names the same successor (see
/// `session_service::rotate`); only a holder of the secret can compute it.
[[nodiscard]] std::string successor_refresh_id(const app& shared, std::string_view refresh_id);

/// Signs a fresh access token and a refresh token (`jti` = `refresh_id`) for
/// `a` in `session`, and returns the login body: `{access, refresh, ...}`
/// with the account's public fields.
[[nodiscard]] boost::json::object token_body(const app& shared, const account& a, const std::string& session,
                                             const std::string& refresh_id);

/// When a refresh token issued now expires.
[[nodiscard]] time_point refresh_expiry(const app& shared);

} // namespace helpdesk::server
