#pragma once

#include "result.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace helpdesk::postgres::detail {

/// One row of a result with the accessors of the shared row mappers
/// (sql/row_mappers.hpp).
class row_view {
public:
    row_view(const result& r, int row) noexcept : r_{r}, row_{row} {}
    [[nodiscard]] std::int64_t int64(int c) const { return r_.int64(row_, c); }
    [[nodiscard]] bool boolean(int c) const { return r_.boolean(row_, c); }
    [[nodiscard]] std::string text(int c) const { return r_.text(row_, c); }
    [[nodiscard]] time_point time(int c) const { return r_.time(row_, c); }
    [[nodiscard]] std::optional<std::int64_t> optional_int64(int c) const {
        return r_.optional_int64(row_, c);
    }
    [[nodiscard]] std::optional<std::string> optional_text(int c) const { return r_.optional_text(row_, c); }
    [[nodiscard]] std::optional<time_point> optional_time(int c) const { return r_.optional_time(row_, c); }
    [[nodiscard]] std::optional<date> optional_date(int c) const { return r_.optional_date(row_, c); }

private:
    const result& r_;
    int row_;
};

} // namespace helpdesk::postgres::detail
