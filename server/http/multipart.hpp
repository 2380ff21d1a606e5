#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::server {

/// One part of a multipart/form-data body (RFC 7578).
struct form_part {
    std::string name;                     ///< the Content-Disposition `name` parameter (non-empty)
    std::optional<std::string> file_name; ///< `filename*` (preferred) or `filename`, decoded; absent for plain fields
    std::string content_type;             ///< the part's Content-Type, or "text/plain" (RFC 7578 §4.4) when absent
    std::string body;                     ///< the part's bytes, exactly as sent (binary-safe)
};

/// Bounds on what a single body may make the parser do.
struct multipart_limits {
    std::size_t max_parts = 32;             ///< more parts than this is refused
    std::size_t max_part_header_bytes = 8192; ///< the header block of one part, CRLFs included
};

/// Parses `body` given the request's Content-Type header value (boundary parameter, quoted or not, case-insensitive
/// media type). Throws error{invalid_argument} with a clear detail on: missing/invalid boundary (RFC 2046: 1–70
/// chars), missing closing delimiter, part without Content-Disposition form-data + name, bad header syntax, too many
/// parts, oversized part headers. Accepts CRLF line endings (and tolerates preamble/epilogue); bare CR or LF line
/// ends are refused. Decodes filename="..." with backslash escapes, and filename*=UTF-8''pct-encoded (preferred when
/// both are present). Returns parts in order. Linear in the body size. Pure; thread-safe.
[[nodiscard]] std::vector<form_part> parse_multipart(std::string_view content_type, std::string_view body,
                                                     const multipart_limits& limits = {});

/// True when a Content-Type header value is multipart/form-data (media type compared case-insensitively).
[[nodiscard]] bool is_multipart_form(std::string_view content_type) noexcept;

} // namespace helpdesk::server
