#pragma once

#include <helpdesk/ports/random_source.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk {

/// Django's default iteration count for new hashes (docs/product.md#passwords).
inline constexpr std::int32_t default_password_iterations = 600'000;

/// Hashes `password` with PBKDF2-SHA256 (OpenSSL) and a fresh 22-character
/// salt, in Django's format `pbkdf2_sha256$<iterations>$<salt>$<base64 hash>`.
/// Throws `error{invalid_argument}` for iterations < 1.
[[nodiscard]] std::string hash_password(std::string_view password, std::int32_t iterations,
                                        random_source& random);

/// Same, with a caller-chosen salt (letters and digits); for tests and imports.
[[nodiscard]] std::string hash_password_with_salt(std::string_view password, std::string_view salt,
                                                  std::int32_t iterations);

/// True when `password` matches `encoded` (any iteration count, as Django
/// does); false for a malformed hash. Compares in constant time.
[[nodiscard]] bool verify_password(std::string_view password, std::string_view encoded);

/// The iteration count recorded in `encoded`, or nullopt when malformed.
[[nodiscard]] std::optional<std::int32_t> password_hash_iterations(std::string_view encoded) noexcept;

/// The fewest characters (code points) a password may have.
inline constexpr std::size_t min_password_length = 8;

/// The password rule as a sentence for people (what `password_weakness` checks).
inline constexpr std::string_view password_rule =
    "At least 8 characters, with an upper-case letter, a lower-case letter, a digit and a symbol.";

/// Why `password` is too weak (at least 8 characters with an upper- and
/// lower-case letter, a digit and a symbol); empty when it is strong enough.
[[nodiscard]] std::optional<std::string> password_weakness(std::string_view password);

} // namespace helpdesk
