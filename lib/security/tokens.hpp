#pragma once

#include <helpdesk/ports/random_source.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace helpdesk::detail {

/// `bytes` random bytes from `random`, as lowercase hex.
[[nodiscard]] std::string random_hex(random_source& random, std::size_t bytes);

/// SHA-256 of `text` as lowercase hex (how single-use tokens are stored).
[[nodiscard]] std::string sha256_hex(std::string_view text);

} // namespace helpdesk::detail
