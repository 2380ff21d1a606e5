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

/// True for combining marks (accents written as separate code points).
[[nodiscard]] bool is_combining_mark(char32_t c) noexcept;

} // namespace helpdesk::detail
