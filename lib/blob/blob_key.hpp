#pragma once

#include <helpdesk/error.hpp>

#include <string>
#include <string_view>

namespace helpdesk::detail {

/// Longest accepted key; well under the 255-byte file-name limit, leaving
/// room for the temporary suffix the directory store appends.
inline constexpr std::size_t max_blob_key_size = 128;

/// True when `key` is `[A-Za-z0-9_-]+` and not too long: no separator, no
/// dot, so no key can name a path outside the store or a temporary file.
[[nodiscard]] inline bool is_valid_blob_key(std::string_view key) noexcept {
    if (key.empty() || key.size() > max_blob_key_size) return false;
    for (const char c : key) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

/// Throws `error{invalid_argument}` unless `is_valid_blob_key(key)`.
inline void check_blob_key(std::string_view key) {
    if (!is_valid_blob_key(key))
        throw error(errc::invalid_argument,
                    "A blob key must be 1 to 128 characters from [A-Za-z0-9_-].");
}

} // namespace helpdesk::detail
