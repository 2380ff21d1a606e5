#include "write_sql.hpp"

#include <algorithm>
#include <vector>

namespace helpdesk::sql {

namespace {

// The names of a list written as `a, b, c`.
[[nodiscard]] std::vector<std::string_view> split_columns(std::string_view columns) {
    std::vector<std::string_view> names;
    for (auto start = columns.find_first_not_of(' '); start < columns.size();) {
        const auto comma = std::min(columns.find(',', start), columns.size());
        names.push_back(columns.substr(start, comma - start));
        start = columns.find_first_not_of(' ', comma + 1);
    }
    return names;
}


// `<column> = <placeholder>` for each column, joined by `separator`.
[[nodiscard]] std::string compare_each(std::string_view columns, placeholder_style style, std::size_t first,
                                       std::string_view separator) {
    std::string text;
    std::size_t number = first;
    for (const auto name : split_columns(columns)) {
        if (number != first) {
            text += separator;
        }
        text += std::string{name} + " = " + placeholder(style, number++);
    }
    return text;
}

} // namespace

std::string placeholder(placeholder_style style, std::size_t number) {
    return style == placeholder_style::question ? std::string{"?"} : "$" + std::to_string(number);
}

std::string assignments(std::string_view columns, placeholder_style style, std::size_t first) {
    return compare_each(columns, style, first, ", ");
}

std::string insert_sql(std::string_view table, std::string_view columns, placeholder_style style) {
    std::string values;
    for (std::size_t number = 1; number <= column_count(columns); ++number) {
        values += (number > 1 ? ", " : "") + placeholder(style, number);
    }
    return "INSERT INTO " + std::string{table} + " (" + std::string{columns} + ") VALUES (" + values + ")";
}

std::string update_sql(std::string_view table, std::string_view columns, std::string_view keys,
                       placeholder_style style) {
    return "UPDATE " + std::string{table} + " SET " + assignments(columns, style) + " WHERE " +
           compare_each(keys, style, column_count(columns) + 1, " AND ");
}

} // namespace helpdesk::sql
