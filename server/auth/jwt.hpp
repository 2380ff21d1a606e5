#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::server {

/// The claims of the server's HS256 tokens (docs/product.md#sessions-and-tokens). Times are Unix seconds.
struct jwt_claims {
    std::string sub;                 ///< subject: the account id, as a string
    std::string role;                ///< the account's role; optional on the wire (empty when absent)
    std::int64_t iat = 0;            ///< issued at
    std::int64_t exp = 0;            ///< expires at
    std::optional<std::int64_t> nbf; ///< not before; sent only when set
    std::string jti;                 ///< unique token id (refresh tokens are revoked by it)
    std::string type;                ///< "access" or "refresh"
    std::string sid;                 ///< session id; sent only when non-empty
};

/// Signs header {"alg":"HS256","typ":"JWT"} + claims (nbf only when set; sid only when non-empty) and returns the
/// compact serialisation. Throws error{internal} when `secret` is empty or OpenSSL fails. Thread-safe.
[[nodiscard]] std::string jwt_sign(const jwt_claims& claims, std::string_view secret);

/// Verifies and decodes. Throws error{unauthenticated} ("token is malformed", "token algorithm is not allowed",
/// "token signature is invalid", "token has expired", "token is not valid yet", "token is of the wrong type") for:
/// not 3 segments, bad base64url, non-JSON or non-object header/claims, alg other than exactly "HS256" (including
/// "none", "hs256", "HS512", "RS256"), a "crit" header, missing/wrong-typed claims (sub, exp, iat, jti, type
/// required; role, nbf, sid checked when present), bad signature, exp <= now - leeway, nbf or iat > now + leeway,
/// type != expected_type. Bounded input (tokens over 4096 bytes are malformed). The signature is checked before the
/// claims are parsed. Throws error{internal} when `secret` is empty. Thread-safe.
[[nodiscard]] jwt_claims jwt_verify(std::string_view token, std::string_view secret, std::string_view expected_type,
                                    std::int64_t now, std::int64_t leeway_seconds = 30);

} // namespace helpdesk::server
