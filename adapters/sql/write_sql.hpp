#pragma once

#include "bindings.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace helpdesk::sql {

/// The number of columns in a list written as `a, b, c`, such as `ticket_write_columns`.
[[nodiscard]] constexpr std::size_t column_count(std::string_view columns) noexcept {
    std::size_t count = columns.empty() ? 0 : 1;
    for (const char c : columns) {
        count += c == ',' ? 1 : 0;
    }
    return count;
}

/// The `number`th placeholder (from 1) in `style`: `?`, or `$<number>`.
[[nodiscard]] std::string placeholder(placeholder_style style, std::size_t number);

/// `<column> = <placeholder>, ...` for the comma-separated `columns`, with
/// placeholders from number `first` on.
[[nodiscard]] std::string assignments(std::string_view columns, placeholder_style style,
                                      std::size_t first = 1);

/// `INSERT INTO <table> (<columns>) VALUES (<a placeholder a column>)`.
[[nodiscard]] std::string insert_sql(std::string_view table, std::string_view columns,
                                     placeholder_style style);

/// `UPDATE <table> SET <column> = <placeholder>, ... WHERE <key> = <placeholder>
/// AND ...`: the comma-separated `columns` take the first placeholders, the
/// comma-separated `keys` the ones after them.
[[nodiscard]] std::string update_sql(std::string_view table, std::string_view columns, std::string_view keys,
                                     placeholder_style style);

} // namespace helpdesk::sql
