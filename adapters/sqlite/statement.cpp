#include "statement.hpp"

#include "error_mapping.hpp"

namespace helpdesk::sqlite::detail {

statement::~statement() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

void statement::bind_at(int index, std::int64_t value) {
    if (const int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) {
        throw_error(db_, rc, "sqlite bind");
    }
}

void statement::bind_at(int index, std::string_view value) {
    const int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) {
        throw_error(db_, rc, "sqlite bind");
    }
}

void statement::bind_at(int index, std::nullopt_t) {
    if (const int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) {
        throw_error(db_, rc, "sqlite bind");
    }
}

bool statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    throw_error(db_, rc, "sqlite step");
}

void statement::run() {
    while (step()) {
    }
}

bool statement::is_null(int column) const noexcept { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t statement::column_int64(int column) const noexcept { return sqlite3_column_int64(stmt_, column); }

double statement::column_double(int column) const noexcept { return sqlite3_column_double(stmt_, column); }

std::string statement::column_text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (text == nullptr) {
        return {};
    }
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

time_point statement::column_time(int column) const noexcept {
    return time_point{std::chrono::microseconds{column_int64(column)}};
}

date statement::column_date(int column) const noexcept {
    return date{std::chrono::days{column_int64(column)}};
}

std::optional<std::int64_t> statement::column_optional_int64(int column) const noexcept {
    if (is_null(column)) {
        return std::nullopt;
    }
    return column_int64(column);
}

std::optional<std::string> statement::column_optional_text(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return column_text(column);
}

std::optional<time_point> statement::column_optional_time(int column) const noexcept {
    if (is_null(column)) {
        return std::nullopt;
    }
    return column_time(column);
}

std::optional<date> statement::column_optional_date(int column) const noexcept {
    if (is_null(column)) {
        return std::nullopt;
    }
    return column_date(column);
}

} // namespace helpdesk::sqlite::detail
