#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::postgres::detail {

/// Turns a user's search text into `to_tsquery` input that means what the
/// SQLite adapter's FTS5 query means: each whitespace-separated term becomes
/// a quoted lexeme (`'term'`, quotes doubled, backslashes escaped), so
/// tsquery operators in the text (`&`, `|`, `!`, `<->`, `:*`, parentheses)
/// are searched as words, never interpreted; terms are ANDed (`&`); the last
/// one matches as a prefix (`:*`). A term the parser splits (`a-b`, `a'b`)
/// becomes a phrase, as in FTS5. Terms without a letter or digit are skipped
/// (bytes >= 0x80 count as letters); nullopt when no term is left.
[[nodiscard]] std::optional<std::string> to_tsquery_text(std::string_view text);

} // namespace helpdesk::postgres::detail
