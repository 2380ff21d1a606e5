#pragma once

#include <optional>
#include <string_view>

namespace helpdesk::detail {

/// Decodes the UTF-8 code point at `text[pos]` and advances `pos`; nullopt
/// for a malformed, overlong or surrogate sequence.
[[nodiscard]] std::optional<char32_t> next_code_point(std::string_view text, std::size_t& pos) noexcept;

/// True for letters of the scripts people write names and subjects in
/// (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, Thai, Georgian,
/// Hangul, kana, CJK). Digits, symbols, emoji and marks are not letters.
[[nodiscard]] bool is_letter(char32_t c) noexcept;

/// True for code points that must not appear in stored text: C0 and C1
/// controls (except tab and line breaks when `multi_line`), DEL, and the
/// bidirectional overrides and isolates that disguise text (U+202A–U+202E,
/// U+2066–U+2069).
[[nodiscard]] bool is_forbidden_in_text(char32_t c, bool multi_line) noexcept;

/// True for combining marks (accents written as separate code points).
[[nodiscard]] bool is_combining_mark(char32_t c) noexcept;

} // namespace helpdesk::detail
