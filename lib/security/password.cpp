#include <helpdesk/security/password.hpp>

#include <helpdesk/error.hpp>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <charconv>
#include <string>
#include <vector>

namespace helpdesk {
namespace {

constexpr std::string_view algorithm = "pbkdf2_sha256";
constexpr std::size_t digest_size = 32; // SHA-256, Django's dklen=None
constexpr std::size_t encoded_digest_size = 44; // base64 of 32 bytes, padded
constexpr std::size_t salt_length = 22; // Django >= 3.1: 22 chars ≈ 128 bits
// Far above any real setting (Django 5 uses 870,000); a larger count in a
// stored hash is an attack on CPU time, not a password.
constexpr std::int64_t max_iterations = 10'000'000;

constexpr std::string_view salt_alphabet =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

bool is_ascii_alnum(unsigned char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

struct parsed_hash {
    std::int32_t iterations;
    std::string_view salt;
    std::string_view digest_b64;
};

// Splits Django's `algorithm$iterations$salt$hash`. Everything is checked up
// front so a malformed (or hostile) hash never reaches PBKDF2.
std::optional<parsed_hash> parse_encoded(std::string_view encoded) noexcept {
    std::array<std::string_view, 4> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        const auto pos = encoded.find('$', start);
        if (pos == std::string_view::npos) return std::nullopt;
        parts[i] = encoded.substr(start, pos - start);
        start = pos + 1;
    }
    parts[3] = encoded.substr(start);

    if (parts[0] != algorithm) return std::nullopt;

    const auto count = parts[1];
    // Digits only (from_chars would take a leading '-'); the length bound
    // keeps the value far from overflow before the range check.
    if (count.empty() || count.size() > 10) return std::nullopt;
    for (const char c : count)
        if (c < '0' || c > '9') return std::nullopt;
    std::int64_t iterations = 0;
    std::from_chars(count.data(), count.data() + count.size(), iterations);
    if (iterations < 1 || iterations > max_iterations) return std::nullopt;

    // Django accepts any salt without '$' (older versions used 12 chars).
    const auto salt = parts[2];
    if (salt.empty()) return std::nullopt;

    // The hash part may not contain another '$' and must be the base64 of a
    // 32-byte digest; anything else can never match, so call it malformed.
    const auto digest = parts[3];
    if (digest.size() != encoded_digest_size || digest.back() != '=') return std::nullopt;
    for (std::size_t i = 0; i + 1 < digest.size(); ++i) {
        const auto c = static_cast<unsigned char>(digest[i]);
        if (!is_ascii_alnum(c) && c != '+' && c != '/') return std::nullopt;
    }

    return parsed_hash{static_cast<std::int32_t>(iterations), salt, digest};
}

// PBKDF2-HMAC-SHA256, base64-encoded as Django stores it.
std::string derive_b64(std::string_view password, std::string_view salt, std::int32_t iterations) {
    std::array<unsigned char, digest_size> digest{};
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(),
                          static_cast<int>(digest.size()), digest.data()) != 1)
        throw error(errc::internal, "PBKDF2 failed in OpenSSL");

    // EVP_EncodeBlock writes standard, padded base64 plus a terminating NUL.
    std::array<unsigned char, encoded_digest_size + 1> b64{};
    const int n = EVP_EncodeBlock(b64.data(), digest.data(), static_cast<int>(digest.size()));
    OPENSSL_cleanse(digest.data(), digest.size());
    return std::string(reinterpret_cast<const char*>(b64.data()), static_cast<std::size_t>(n));
}

void check_iterations(std::int32_t iterations) {
    if (iterations < 1 || iterations > max_iterations)
        throw error(errc::invalid_argument,
                    "Password hash iterations must be between 1 and 10000000.");
}

// OpenSSL takes lengths as int; refuse what it cannot take instead of truncating.
void check_password_size(std::string_view password) {
    if (password.size() > 1'000'000)
        throw error(errc::invalid_argument, "Password is too long.");
}

std::string encode(std::string_view password, std::string_view salt, std::int32_t iterations) {
    std::string out;
    out.reserve(algorithm.size() + 12 + salt.size() + encoded_digest_size);
    out.append(algorithm).append("$").append(std::to_string(iterations)).append("$");
    out.append(salt).append("$").append(derive_b64(password, salt, iterations));
    return out;
}

} // namespace

std::string hash_password(std::string_view password, std::int32_t iterations,
                          random_source& random) {
    check_iterations(iterations);
    check_password_size(password);

    // Rejection sampling: 248 = 4 * 62 is the largest multiple of the
    // alphabet size that fits a byte, so accepted bytes map uniformly.
    constexpr unsigned limit = 256 - (256 % salt_alphabet.size());
    std::string salt;
    salt.reserve(salt_length);
    std::array<unsigned char, 32> pool{};
    while (salt.size() < salt_length) {
        random.fill(pool);
        for (const unsigned char b : pool) {
            if (b >= limit) continue;
            salt.push_back(salt_alphabet[b % salt_alphabet.size()]);
            if (salt.size() == salt_length) break;
        }
    }
    OPENSSL_cleanse(pool.data(), pool.size());
    return encode(password, salt, iterations);
}

std::string hash_password_with_salt(std::string_view password, std::string_view salt,
                                    std::int32_t iterations) {
    check_iterations(iterations);
    check_password_size(password);
    if (salt.empty())
        throw error(errc::invalid_argument, "Password salt must not be empty.");
    if (salt.size() > 255)
        throw error(errc::invalid_argument, "Password salt is too long.");
    for (const char c : salt)
        if (!is_ascii_alnum(static_cast<unsigned char>(c)))
            throw error(errc::invalid_argument, "Password salt must contain only letters and digits.");
    return encode(password, salt, iterations);
}

bool verify_password(std::string_view password, std::string_view encoded) {
    const auto parsed = parse_encoded(encoded);
    if (!parsed || parsed->salt.size() > 1024 || password.size() > 1'000'000) return false;
    const auto expected = derive_b64(password, parsed->salt, parsed->iterations);
    // Both are exactly encoded_digest_size long (checked in parse_encoded).
    return CRYPTO_memcmp(expected.data(), parsed->digest_b64.data(), encoded_digest_size) == 0;
}

std::optional<std::int32_t> password_hash_iterations(std::string_view encoded) noexcept {
    const auto parsed = parse_encoded(encoded);
    if (!parsed) return std::nullopt;
    return parsed->iterations;
}

std::optional<std::string> password_weakness(std::string_view password) {
    std::size_t characters = 0;
    bool upper = false, lower = false, digit = false, symbol = false;
    for (const char ch : password) {
        const auto c = static_cast<unsigned char>(ch);
        // Count code points, not bytes: UTF-8 continuation bytes are 10xxxxxx.
        if ((c & 0xC0) != 0x80) ++characters;
        if (c >= 'A' && c <= 'Z') upper = true;
        else if (c >= 'a' && c <= 'z') lower = true;
        else if (c >= '0' && c <= '9') digit = true;
        else symbol = true; // anything not an ASCII letter or digit
    }

    std::vector<std::string_view> missing;
    if (characters < min_password_length) missing.emplace_back("at least 8 characters");
    if (!upper) missing.emplace_back("an upper-case letter");
    if (!lower) missing.emplace_back("a lower-case letter");
    if (!digit) missing.emplace_back("a digit");
    if (!symbol) missing.emplace_back("a symbol");
    if (missing.empty()) return std::nullopt;

    std::string sentence = "Password needs ";
    for (std::size_t i = 0; i < missing.size(); ++i) {
        if (i > 0) sentence += (i + 1 == missing.size()) ? " and " : ", ";
        sentence += missing[i];
    }
    sentence += '.';
    return sentence;
}

} // namespace helpdesk
