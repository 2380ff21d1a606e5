#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace helpdesk::server {

/// Base64url (RFC 4648 §5) of `bytes`, without '=' padding. Pure; never throws except std::bad_alloc.
[[nodiscard]] std::string base64url_encode(std::string_view bytes);

/// Decodes unpadded base64url into `out` (replacing its contents). Returns false on any character outside the
/// alphabet, on '=' padding, on an impossible length, or on a non-canonical final character (non-zero unused
/// bits), so each byte string has exactly one accepted encoding. `out` is unspecified after a failure.
[[nodiscard]] bool base64url_decode(std::string_view text, std::string& out);

} // namespace helpdesk::server
