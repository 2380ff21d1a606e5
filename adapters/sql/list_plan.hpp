#pragma once

#include <helpdesk/ports/queries.hpp>

#include "bindings.hpp"

#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::sql {

/// How a store spells what a list statement needs.
struct list_dialect {
    placeholder_style placeholders = placeholder_style::question;
    /// A condition that always holds, after which the conditions follow as ` AND ...`.
    std::string_view always_true = "1";
    /// The boolean false, as compared with a boolean column.
    std::string_view false_literal = "0";
};

/// The window of every row, uncounted: for reads that embed a whole list.
inline constexpr page_window every_row{.offset = 0,
                                       .limit = std::numeric_limits<std::int64_t>::max(),
                                       .after = std::nullopt,
                                       .with_count = false};

/// A list's order: by `key_column` then id, or by id alone when `key_column` is empty.
struct list_order {
    std::string_view key_column{};
    bool descending = false;
};

/// The statements of one page of a list.
struct list_plan {
    statement_text page{};                 ///< selects the page's rows, in order
    std::optional<statement_text> count{}; ///< the total when requested: one integer
};

/// Plans one page of `table`: `SELECT columns FROM table WHERE <always_true>
/// <conditions> [AND (key, id) </> (?, ?) | AND id </> ?] ORDER BY [key dir,]
/// id dir LIMIT ? [OFFSET ?]` (no LIMIT for `every_row`), and `count(*)` under the same conditions when
/// `window.with_count`. `conditions` is text of the form ` AND ...` written
/// with `values`, whose placeholders the page statement continues. Keyset
/// mode seeks, so a page costs the same at any depth.
[[nodiscard]] list_plan plan_list(std::string_view columns, std::string_view table, std::string conditions,
                                  const bindings& values, const list_order& order, const page_window& window,
                                  const list_dialect& dialect);

} // namespace helpdesk::sql
