#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::sqlite::detail {

/// Turns a user's search text into a safe FTS5 query: each whitespace-
/// separated term becomes a string literal (`"term"`, inner quotes doubled),
/// terms are ANDed, and the last one matches as a prefix (`"term"*`), so
/// typing a partial word finds it. FTS5 operators in the text (`OR`, `NEAR`,
/// `col:`, `^`, parentheses) are thus searched as words, never interpreted.
/// Terms without a letter or digit (which the tokenizer would drop) are
/// skipped; nullopt when no term is left.
[[nodiscard]] std::optional<std::string> to_fts_query(std::string_view text);

} // namespace helpdesk::sqlite::detail
