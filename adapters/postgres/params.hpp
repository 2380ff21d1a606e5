#pragma once

#include <helpdesk/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace helpdesk::postgres::detail {

/// Values for the `$1, $2, ...` placeholders of one statement, in text
/// format (the server infers each type from where it is used). Same storage
/// conventions as `result`. Text with a NUL byte is refused with `error{invalid_argument}`. `add` returns the
/// placeholder (`$n`) the value took, so fragments can be written as they are bound.
class params {
public:
    /// Appends each value.
    template <class... Ts> params& bind(const Ts&... values) {
        (add(values), ...);
        return *this;
    }

    std::string add(std::int64_t value) { return push(std::to_string(value)); }
    std::string add(int value) { return add(static_cast<std::int64_t>(value)); }
    std::string add(bool value) { return push(value ? "t" : "f"); }
    std::string add(std::string_view value) { return push(std::string{value}); }
    std::string add(const std::string& value) { return push(value); }
    std::string add(const char* value) { return push(std::string{value}); }
    std::string add(std::nullopt_t) { return push(std::nullopt); }
    std::string add(time_point value) {
        return add(static_cast<std::int64_t>(value.time_since_epoch().count()));
    }
    std::string add(date value) { return add(static_cast<std::int64_t>(value.time_since_epoch().count())); }
    template <class E>
    requires std::is_enum_v<E> std::string add(E value) { return add(static_cast<std::int64_t>(value)); }
    template <class T> std::string add(const std::optional<T>& value) {
        return value ? add(*value) : add(std::nullopt);
    }

    [[nodiscard]] int size() const noexcept { return static_cast<int>(values_.size()); }
    /// C strings for libpq (null for SQL NULL); valid while this object lives unchanged.
    [[nodiscard]] std::vector<const char*> pointers() const;

private:
    /// Throws `error{invalid_argument}` for text with a NUL byte, which
    /// PostgreSQL cannot store (libpq would silently cut it there).
    std::string push(std::optional<std::string> value);

    std::vector<std::optional<std::string>> values_;
};

} // namespace helpdesk::postgres::detail
