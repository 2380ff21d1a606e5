#include "pipeline/authentication.hpp"

#include "app/session_cookie.hpp"
#include "auth/jwt.hpp"
#include "auth/signed_url.hpp"

#include <helpdesk/error.hpp>

#include <boost/beast/core/string.hpp>

#include <openssl/crypto.h>

#include <charconv>
#include <optional>
#include <string_view>

namespace helpdesk::server {

namespace {

bool equal_secret(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<std::string_view> bearer_token(const call& c) {
    const auto value = c.header("Authorization");
    if (!value) {
        return std::nullopt;
    }
    constexpr std::string_view scheme = "Bearer ";
    if (value->size() <= scheme.size() || !boost::beast::iequals(value->substr(0, scheme.size()), scheme)) {
        throw error(errc::unauthenticated, "The Authorization header must be `Bearer <token>`.");
    }
    return value->substr(scheme.size());
}

void authenticate_bearer(call& c) {
    const auto token = bearer_token(c);
    if (!token) {
        throw error(errc::unauthenticated, "Sign in first: this needs a bearer token.");
    }
    const auto claims = jwt_verify(*token, c.shared.options.jwt_secret, "access", unix_now());
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(claims.sub.data(), claims.sub.data() + claims.sub.size(), id);
    if (ec != std::errc{} || end != claims.sub.data() + claims.sub.size() || id <= 0) {
        throw error(errc::unauthenticated, "The token's subject is not an account.");
    }
    c.who = caller{id, claims.sid};
}

void authenticate_bearer_or_cookie(call& c) {
    if (!cookie_mode(c)) {
        authenticate_bearer(c);
        return;
    }
    // The cookie alone suffices; a stale or bad bearer is no reason to
    // keep a session the person is trying to end.
    try {
        authenticate_bearer(c);
    } catch (const error& e) {
        if (e.code() != errc::unauthenticated) {
            throw;
        }
    }
}

void authenticate_signed_url(call& c) {
    auto param = [&](std::string_view name) -> std::string {
        const auto it = c.url.params().find(name);
        return it == c.url.params().end() ? std::string{} : std::string{(*it).value};
    };
    const auto user = verify_signed_url(c.url.path(), param("u"), param("exp"), param("sig"), unix_now(),
                                        c.shared.options.jwt_secret);
    if (!user) {
        throw error(errc::unauthenticated, "The link is invalid or has expired; fetch a fresh one.");
    }
    c.who = caller{*user, {}};
}

void authenticate_api_key(call& c) {
    // Looked up by its SHA-256 (an index probe on the hash, so no secret
    // is compared here); unknown and revoked keys are refused alike.
    const auto presented = c.header("X-API-Key");
    auto key = presented ? c.desk().api_keys().authenticate(*presented) : std::nullopt;
    if (!key) {
        throw error(errc::unauthenticated, "A valid X-API-Key header is required.");
    }
    c.key = std::move(key);
}

void authenticate_metrics(const call& c) {
    if (!c.shared.options.metrics_token) {
        return;
    }
    const auto token = bearer_token(c);
    if (!token || !equal_secret(*token, *c.shared.options.metrics_token)) {
        throw error(errc::unauthenticated, "The metrics need their bearer token.");
    }
}

} // namespace

void authenticate(call& c, access scheme) {
    switch (scheme) {
    case access::anyone: return;
    case access::bearer: authenticate_bearer(c); return;
    case access::bearer_or_cookie: authenticate_bearer_or_cookie(c); return;
    case access::signed_url: authenticate_signed_url(c); return;
    case access::api_key: authenticate_api_key(c); return;
    case access::metrics: authenticate_metrics(c); return;
    }
}

} // namespace helpdesk::server
