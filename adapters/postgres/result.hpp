#pragma once

#include <helpdesk/time.hpp>

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace helpdesk::postgres::detail {

/// Frees a `PGresult`.
struct result_deleter {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
};

/// An owned `PGresult`.
using result_handle = std::unique_ptr<PGresult, result_deleter>;

/// The rows of a successful statement, read in text format. Storage
/// conventions: times are BIGINT microseconds since the epoch, dates INTEGER
/// days since the epoch, enums SMALLINT underlying values, flags BOOLEAN.
/// Accessors do no bounds checks beyond libpq's own (out of range reads as
/// NULL). Not thread-safe; owns its result.
class result {
public:
    explicit result(result_handle handle) noexcept : handle_{std::move(handle)} {}

    [[nodiscard]] int rows() const noexcept { return PQntuples(handle_.get()); }
    /// The raw result, owned by this object.
    [[nodiscard]] PGresult* handle() const noexcept { return handle_.get(); }
    /// Rows inserted, updated or deleted (`PQcmdTuples`), 0 when not reported.
    [[nodiscard]] std::int64_t affected() const noexcept;

    [[nodiscard]] bool is_null(int row, int column) const noexcept {
        return PQgetisnull(handle_.get(), row, column) != 0;
    }
    /// Throws `error{internal}` when the text is not an integer.
    [[nodiscard]] std::int64_t int64(int row, int column) const;
    [[nodiscard]] bool boolean(int row, int column) const noexcept;
    [[nodiscard]] std::string text(int row, int column) const;
    [[nodiscard]] time_point time(int row, int column) const {
        return time_point{std::chrono::microseconds{int64(row, column)}};
    }
    [[nodiscard]] std::optional<std::int64_t> optional_int64(int row, int column) const;
    [[nodiscard]] std::optional<std::string> optional_text(int row, int column) const;
    [[nodiscard]] std::optional<time_point> optional_time(int row, int column) const;
    [[nodiscard]] std::optional<date> optional_date(int row, int column) const;

private:
    result_handle handle_;
};

} // namespace helpdesk::postgres::detail
