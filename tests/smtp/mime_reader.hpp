#pragma once

// Test-side MIME reading, written apart from the adapter's encoder: headers
// (unfolded), RFC 2047 words, quoted-printable, base64, multipart parts.

#include <string>
#include <string_view>
#include <vector>

namespace smtptest {

/// A leaf part: its headers (unfolded) and its decoded body.
struct mime_part {
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body; ///< decoded per Content-Transfer-Encoding, CRLF turned into LF
    [[nodiscard]] std::string header(std::string_view name) const;
};

/// The names of the top-level headers, in order.
[[nodiscard]] std::vector<std::string> header_names(const std::string& raw);
/// The raw (unfolded, not decoded) value of the first top-level header `name`; empty when absent.
[[nodiscard]] std::string header(const std::string& raw, std::string_view name);
/// How many top-level headers are called `name`.
[[nodiscard]] int header_count(const std::string& raw, std::string_view name);
/// Decodes RFC 2047 encoded words (B and Q, UTF-8), dropping the blanks between adjacent words.
[[nodiscard]] std::string decode_words(std::string_view value);
/// Quoted-printable decoding (soft breaks removed).
[[nodiscard]] std::string decode_quoted_printable(std::string_view text);
/// Base64 decoding; ignores line breaks.
[[nodiscard]] std::string decode_base64(std::string_view text);
/// The leaf parts of a multipart message (or the body as one part).
[[nodiscard]] std::vector<mime_part> parts(const std::string& raw);
/// The decoded body of the first part of type `type` (`text/plain`); empty when none.
[[nodiscard]] std::string part_body(const std::string& raw, std::string_view type);

} // namespace smtptest
