#pragma once

#include <string>
#include <string_view>

namespace helpdesk::smtp::detail {

/// `text` with `& < > " '` replaced by entities, safe inside HTML text and
/// quoted attribute values.
[[nodiscard]] std::string html_escape(std::string_view text);

/// Percent-encodes every byte but RFC 3986's unreserved characters
/// (`A-Z a-z 0-9 - . _ ~`), for one URL path segment or query value.
[[nodiscard]] std::string url_encode(std::string_view text);

/// `text` made safe for one header line: CR, LF and every other control
/// character become a space, so a value can never start a new header.
[[nodiscard]] std::string header_safe(std::string_view text);

} // namespace helpdesk::smtp::detail
