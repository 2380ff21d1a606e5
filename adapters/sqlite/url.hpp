#pragma once

#include <string>
#include <string_view>

namespace helpdesk::sqlite::detail {

/// Where a SQLite store lives, as parsed from its URL.
struct database_location {
    std::string path;        ///< file path as given (absolute or relative); empty in memory
    bool in_memory = false;  ///< `sqlite::memory:`
};

/// Parses `sqlite:///abs/path.db` (→ `/abs/path.db`), `sqlite://rel/path.db`
/// (→ `rel/path.db`) or `sqlite::memory:`. The scheme is case-insensitive;
/// the path is taken verbatim (no percent-decoding). Refuses anything else,
/// an empty path, a path that SQLite would treat specially (`:memory:`, or one
/// starting with `file:`), and `?`, `#` or NUL in the path, with
/// `error{invalid_argument}`.
[[nodiscard]] database_location parse_url(std::string_view url);

} // namespace helpdesk::sqlite::detail
