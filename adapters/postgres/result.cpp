#include "result.hpp"

#include <helpdesk/error.hpp>

#include <charconv>
#include <cstring>

namespace helpdesk::postgres::detail {

std::int64_t result::affected() const noexcept {
    const char* text = PQcmdTuples(handle_.get());
    std::int64_t value = 0;
    if (text != nullptr) {
        std::from_chars(text, text + std::strlen(text), value);
    }
    return value;
}

std::int64_t result::int64(int row, int column) const {
    const char* text = PQgetvalue(handle_.get(), row, column);
    const auto length = static_cast<std::size_t>(PQgetlength(handle_.get(), row, column));
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text, text + length, value);
    if (ec != std::errc{} || end != text + length) {
        throw error{errc::internal, "postgres returned a non-integer where an integer was expected"};
    }
    return value;
}

bool result::boolean(int row, int column) const noexcept {
    const char* text = PQgetvalue(handle_.get(), row, column);
    return text != nullptr && text[0] == 't';
}

std::string result::text(int row, int column) const {
    return std::string(PQgetvalue(handle_.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(handle_.get(), row, column)));
}

std::optional<std::int64_t> result::optional_int64(int row, int column) const {
    if (is_null(row, column)) {
        return std::nullopt;
    }
    return int64(row, column);
}

std::optional<std::string> result::optional_text(int row, int column) const {
    if (is_null(row, column)) {
        return std::nullopt;
    }
    return text(row, column);
}

std::optional<time_point> result::optional_time(int row, int column) const {
    if (is_null(row, column)) {
        return std::nullopt;
    }
    return time(row, column);
}

std::optional<date> result::optional_date(int row, int column) const {
    if (is_null(row, column)) {
        return std::nullopt;
    }
    return date{std::chrono::days{int64(row, column)}};
}

} // namespace helpdesk::postgres::detail
