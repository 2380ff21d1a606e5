#include "app/tokens.hpp"

#include "auth/base64url.hpp"
#include "auth/hmac_sha256.hpp"
#include "auth/jwt.hpp"

#include <wire/small_views.hpp>

#include <helpdesk/error.hpp>

#include <openssl/rand.h>

#include <array>

namespace helpdesk::server {

std::string random_id() {
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw error(errc::internal, "the random number generator failed");
    }
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const auto b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 15]);
    }
    return out;
}

std::string successor_refresh_id(const app& shared, std::string_view refresh_id) {
    static constexpr std::string_view purpose{"refresh-successor\0", 18};
    const auto tag = hmac_sha256(shared.options.jwt_secret, {purpose, refresh_id});
    return base64url_encode(std::string_view{reinterpret_cast<const char*>(tag.data()), 16});
}

time_point refresh_expiry(const app& shared) {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()) +
           shared.options.refresh_token_lifetime;
}

boost::json::object token_body(const app& shared, const account& a, const std::string& session,
                               const std::string& refresh_id) {
    const auto now = unix_now();
    jwt_claims access;
    access.sub = std::to_string(a.id);
    access.role = std::string{to_string(a.account_role)};
    access.iat = now;
    access.exp = now + shared.options.access_token_lifetime.count();
    access.jti = random_id();
    access.type = "access";
    access.sid = session;
    jwt_claims refresh = access;
    refresh.exp = now + shared.options.refresh_token_lifetime.count();
    refresh.jti = refresh_id;
    refresh.type = "refresh";
    return wire::token_pair_json(jwt_sign(access, shared.options.jwt_secret), jwt_sign(refresh, shared.options.jwt_secret),
                                 shared.options.access_token_lifetime.count(), a);
}

} // namespace helpdesk::server
