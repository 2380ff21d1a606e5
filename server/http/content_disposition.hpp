#pragma once

#include <string>
#include <string_view>

namespace helpdesk::server {

/// RFC 6266 header value: `inline` or `attachment`, with filename="<ASCII fallback>" (quotes, backslashes, control
/// chars, '%', ';' and non-ASCII replaced by '_', one '_' per UTF-8 character; empty → "download") and
/// filename*=UTF-8''<RFC 5987 percent-encoding> (control characters and invalid UTF-8 bytes become '_' there too,
/// so the value is always one safe header line). Pure; thread-safe.
[[nodiscard]] std::string content_disposition(bool inline_display, std::string_view file_name);

} // namespace helpdesk::server
