#pragma once

#include <helpdesk/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <sqlite3.h>

namespace helpdesk::sqlite::detail {

/// A prepared statement borrowed from a connection's cache for one use.
/// Parameters are bound in order with `bind`, rows read with `step` and the
/// `column_*` accessors. The destructor resets the statement and clears its
/// bindings so the cache can hand it out again. Not thread-safe (like the
/// connection it belongs to). Text is bound as a copy, so temporaries are safe.
///
/// Storage conventions: times are INTEGER microseconds since the epoch, dates
/// INTEGER days since the epoch, enums their underlying integer, bools 0/1.
class statement {
public:
    /// Borrows `stmt` (owned by the cache) of connection `db`.
    statement(sqlite3* db, sqlite3_stmt* stmt) noexcept : db_{db}, stmt_{stmt} {}
    ~statement();
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;

    /// Binds each value to the next parameter (1, 2, ...). Throws `error{internal}`.
    template <class... Ts>
    statement& bind(const Ts&... values) {
        (bind_at(++next_, values), ...);
        return *this;
    }

    void bind_at(int index, std::int64_t value);
    void bind_at(int index, int value) { bind_at(index, static_cast<std::int64_t>(value)); }
    void bind_at(int index, bool value) { bind_at(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    void bind_at(int index, std::string_view value);
    void bind_at(int index, const std::string& value) { bind_at(index, std::string_view{value}); }
    void bind_at(int index, const char* value) { bind_at(index, std::string_view{value}); }
    void bind_at(int index, std::nullopt_t);
    void bind_at(int index, time_point value) { bind_at(index, value.time_since_epoch().count()); }
    void bind_at(int index, date value) {
        bind_at(index, static_cast<std::int64_t>(value.time_since_epoch().count()));
    }
    template <class E>
        requires std::is_enum_v<E>
    void bind_at(int index, E value) {
        bind_at(index, static_cast<std::int64_t>(value));
    }
    template <class T>
    void bind_at(int index, const std::optional<T>& value) {
        if (value) {
            bind_at(index, *value);
        } else {
            bind_at(index, std::nullopt);
        }
    }

    /// Advances to the next row: true when a row is available, false when done.
    /// Throws the mapped `helpdesk::error` on failure.
    [[nodiscard]] bool step();
    /// Runs a statement that returns no rows to completion.
    void run();

    [[nodiscard]] bool is_null(int column) const noexcept;
    [[nodiscard]] std::int64_t column_int64(int column) const noexcept;
    [[nodiscard]] bool column_bool(int column) const noexcept { return column_int64(column) != 0; }
    [[nodiscard]] std::string column_text(int column) const;
    [[nodiscard]] double column_double(int column) const noexcept;
    [[nodiscard]] time_point column_time(int column) const noexcept;
    [[nodiscard]] date column_date(int column) const noexcept;
    [[nodiscard]] std::optional<std::int64_t> column_optional_int64(int column) const noexcept;
    [[nodiscard]] std::optional<std::string> column_optional_text(int column) const;
    [[nodiscard]] std::optional<time_point> column_optional_time(int column) const noexcept;
    [[nodiscard]] std::optional<date> column_optional_date(int column) const noexcept;

    /// Rows changed by the last `run` on this connection.
    [[nodiscard]] std::int64_t changes() const noexcept { return sqlite3_changes64(db_); }
    /// Rowid of the last insert on this connection.
    [[nodiscard]] std::int64_t last_insert_rowid() const noexcept { return sqlite3_last_insert_rowid(db_); }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_;
    int next_ = 0;
};

} // namespace helpdesk::sqlite::detail
