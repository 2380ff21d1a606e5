#include "auth/signed_url.hpp"

#include "auth/base64url.hpp"
#include "auth/hmac_sha256.hpp"

#include <helpdesk/error.hpp>

#include <charconv>

namespace helpdesk::server {
namespace {

constexpr std::size_t signature_chars = 43; // base64url of 32 bytes, unpadded

void require_secret(std::string_view secret) {
    if (secret.empty()) throw error(errc::internal, "the URL signing secret is not configured");
}

// Only the form std::to_string produces ("-"? digits, no leading zeros, no "-0"), so the text that was signed
// is the one and only spelling of each number.
std::optional<std::int64_t> parse_canonical(std::string_view text) noexcept {
    if (text.empty() || text.size() > 20) return std::nullopt;
    const bool negative = text.front() == '-';
    const auto digits = negative ? text.substr(1) : text;
    if (digits.empty()) return std::nullopt;
    for (const char c : digits)
        if (c < '0' || c > '9') return std::nullopt;
    if (digits.size() > 1 && digits.front() == '0') return std::nullopt;
    if (negative && digits == "0") return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

} // namespace

std::string sign_url_query(std::string_view path, std::int64_t user, std::int64_t expires_at,
                           std::string_view secret) {
    require_secret(secret);
    const auto user_text = std::to_string(user);
    const auto exp_text = std::to_string(expires_at);
    const auto tag = hmac_sha256(secret, {path, "\n", user_text, "\n", exp_text});
    std::string query;
    query.reserve(16 + user_text.size() + exp_text.size() + signature_chars);
    query.append("u=").append(user_text).append("&exp=").append(exp_text).append("&sig=");
    query.append(base64url_encode({reinterpret_cast<const char*>(tag.data()), tag.size()}));
    return query;
}

std::optional<std::int64_t> verify_signed_url(std::string_view path, std::string_view user, std::string_view expires,
                                              std::string_view sig, std::int64_t now, std::string_view secret) {
    require_secret(secret);
    const auto user_id = parse_canonical(user);
    const auto expires_at = parse_canonical(expires);
    if (!user_id || !expires_at || sig.size() != signature_chars) return std::nullopt;
    std::string given;
    if (!base64url_decode(sig, given)) return std::nullopt;
    const auto expected = hmac_sha256(secret, {path, "\n", user, "\n", expires});
    if (!tag_equals(expected, given)) return std::nullopt;
    if (now > *expires_at) return std::nullopt;
    return user_id;
}

} // namespace helpdesk::server
