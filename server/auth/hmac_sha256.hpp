#pragma once

#include <array>
#include <initializer_list>
#include <string_view>

namespace helpdesk::server {

/// An HMAC-SHA256 tag.
using hmac_sha256_tag = std::array<unsigned char, 32>;

/// HMAC-SHA256 (OpenSSL EVP_MAC) keyed with `key` over the concatenation of `parts` (no separator added).
/// Throws error{internal} if OpenSSL fails. Thread-safe: each thread reuses its own MAC context.
[[nodiscard]] hmac_sha256_tag hmac_sha256(std::string_view key, std::initializer_list<std::string_view> parts);

/// Constant-time equality of `tag` and `candidate` (false when the sizes differ; the size is not secret).
[[nodiscard]] bool tag_equals(const hmac_sha256_tag& tag, std::string_view candidate) noexcept;

} // namespace helpdesk::server
