#include "auth/jwt.hpp"

#include "auth/base64url.hpp"
#include "auth/hmac_sha256.hpp"

#include <helpdesk/error.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <limits>

namespace helpdesk::server {
namespace {

constexpr std::size_t max_token_size = 4096;
// base64url of {"alg":"HS256","typ":"JWT"}: the only header this server issues.
constexpr std::string_view signed_header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

[[noreturn]] void refuse(const char* detail) { throw error(errc::unauthenticated, detail); }
[[noreturn]] void malformed() { refuse("token is malformed"); }

void require_secret(std::string_view secret) {
    if (secret.empty()) throw error(errc::internal, "the token signing secret is not configured");
}

// Claims are small and flat; a stack buffer serves the whole parse without touching the heap in the common case.
struct json_arena {
    std::array<unsigned char, 2048> buffer;
    boost::json::monotonic_resource resource{buffer.data(), buffer.size()};
};

boost::json::object parse_object(std::string_view text, boost::json::storage_ptr storage) {
    boost::json::parse_options options;
    options.max_depth = 8;
    boost::system::error_code ec;
    auto value = boost::json::parse(text, ec, std::move(storage), options);
    if (ec || !value.is_object()) malformed();
    return std::move(value.as_object());
}

std::string_view string_claim(const boost::json::object& claims, std::string_view key, bool required) {
    const auto* v = claims.if_contains(key);
    if (v == nullptr) {
        if (required) malformed();
        return {};
    }
    if (!v->is_string()) malformed();
    return v->get_string();
}

std::optional<std::int64_t> int_claim(const boost::json::object& claims, std::string_view key, bool required) {
    const auto* v = claims.if_contains(key);
    if (v == nullptr) {
        if (required) malformed();
        return std::nullopt;
    }
    // Only integral NumericDates: this server never issues fractions, and a uint64 beyond int64 is nonsense.
    if (!v->is_int64()) malformed();
    return v->get_int64();
}

std::int64_t saturating_add(std::int64_t a, std::int64_t b) noexcept {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r))
        return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
    return r;
}

} // namespace

std::string jwt_sign(const jwt_claims& claims, std::string_view secret) {
    require_secret(secret);
    boost::json::object body;
    body.reserve(8);
    body.emplace("sub", claims.sub);
    body.emplace("role", claims.role);
    body.emplace("iat", claims.iat);
    body.emplace("exp", claims.exp);
    if (claims.nbf) body.emplace("nbf", *claims.nbf);
    body.emplace("jti", claims.jti);
    body.emplace("type", claims.type);
    if (!claims.sid.empty()) body.emplace("sid", claims.sid);

    std::string token;
    token.reserve(256);
    token.append(signed_header);
    token.push_back('.');
    token.append(base64url_encode(boost::json::serialize(body)));
    const auto tag = hmac_sha256(secret, {token});
    token.push_back('.');
    token.append(base64url_encode({reinterpret_cast<const char*>(tag.data()), tag.size()}));
    return token;
}

jwt_claims jwt_verify(std::string_view token, std::string_view secret, std::string_view expected_type,
                      std::int64_t now, std::int64_t leeway_seconds) {
    require_secret(secret);
    if (token.empty() || token.size() > max_token_size) malformed();
    const auto first_dot = token.find('.');
    if (first_dot == std::string_view::npos) malformed();
    const auto second_dot = token.find('.', first_dot + 1);
    if (second_dot == std::string_view::npos || token.find('.', second_dot + 1) != std::string_view::npos)
        malformed();
    const auto header_b64 = token.substr(0, first_dot);
    const auto payload_b64 = token.substr(first_dot + 1, second_dot - first_dot - 1);
    const auto signature_b64 = token.substr(second_dot + 1);
    if (header_b64.empty() || payload_b64.empty()) malformed();

    std::string scratch;
    scratch.reserve(max_token_size);
    // The header is read before the signature is checked, but only to refuse every algorithm except HS256.
    if (header_b64 != signed_header) {
        if (!base64url_decode(header_b64, scratch)) malformed();
        json_arena arena;
        const auto header = parse_object(scratch, &arena.resource);
        const auto* alg = header.if_contains("alg");
        if (alg == nullptr || !alg->is_string() || alg->get_string() != "HS256")
            refuse("token algorithm is not allowed");
        if (const auto* typ = header.if_contains("typ"); typ != nullptr && !(typ->is_string() && typ->get_string() == "JWT"))
            malformed();
        // RFC 7515 §4.1.11: extensions marked critical that we do not understand make the token unusable.
        if (header.contains("crit")) malformed();
    }

    if (!base64url_decode(signature_b64, scratch)) malformed();
    const auto expected = hmac_sha256(secret, {token.substr(0, second_dot)});
    if (!tag_equals(expected, scratch)) refuse("token signature is invalid");

    if (!base64url_decode(payload_b64, scratch)) malformed();
    json_arena arena;
    const auto body = parse_object(scratch, &arena.resource);

    jwt_claims claims;
    claims.sub = string_claim(body, "sub", true);
    claims.role = string_claim(body, "role", false);
    claims.jti = string_claim(body, "jti", true);
    claims.type = string_claim(body, "type", true);
    claims.sid = string_claim(body, "sid", false);
    claims.exp = *int_claim(body, "exp", true);
    claims.iat = *int_claim(body, "iat", true);
    claims.nbf = int_claim(body, "nbf", false);
    if (claims.sub.empty() || claims.jti.empty()) malformed();

    const auto leeway = leeway_seconds < 0 ? 0 : leeway_seconds;
    if (saturating_add(claims.exp, leeway) <= now) refuse("token has expired");
    const auto latest_start = saturating_add(now, leeway);
    if (claims.iat > latest_start || (claims.nbf && *claims.nbf > latest_start)) refuse("token is not valid yet");
    if (claims.type != expected_type) refuse("token is of the wrong type");
    return claims;
}

} // namespace helpdesk::server
