#pragma once

#include "statement.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace helpdesk::sqlite::detail {

/// The current row of a statement with the accessors of the shared row
/// mappers (sql/row_mappers.hpp).
class row_view {
public:
    explicit row_view(const statement& row) noexcept : row_{row} {}
    [[nodiscard]] std::int64_t int64(int c) const { return row_.column_int64(c); }
    [[nodiscard]] bool boolean(int c) const { return row_.column_bool(c); }
    [[nodiscard]] std::string text(int c) const { return row_.column_text(c); }
    [[nodiscard]] time_point time(int c) const { return row_.column_time(c); }
    [[nodiscard]] std::optional<std::int64_t> optional_int64(int c) const {
        return row_.column_optional_int64(c);
    }
    [[nodiscard]] std::optional<std::string> optional_text(int c) const {
        return row_.column_optional_text(c);
    }
    [[nodiscard]] std::optional<time_point> optional_time(int c) const {
        return row_.column_optional_time(c);
    }
    [[nodiscard]] std::optional<date> optional_date(int c) const { return row_.column_optional_date(c); }

private:
    const statement& row_;
};

} // namespace helpdesk::sqlite::detail
