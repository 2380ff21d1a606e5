#pragma once

#include <helpdesk/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace helpdesk::sql {

/// How a store writes a statement's placeholders.
enum class placeholder_style {
    question, ///< `?` each time (SQLite)
    numbered, ///< `$1`, `$2`, ... (PostgreSQL)
};

/// One value bound to a placeholder: integers (ids, enums, times in
/// microseconds), text, or NULL.
using value = std::variant<std::int64_t, std::string, std::nullopt_t>;

/// A statement's values in placeholder order, with the placeholder text each
/// took, so SQL fragments can be written as their values are added.
class bindings {
public:
    /// Placeholders in `style`.
    explicit bindings(placeholder_style style) noexcept : style_{style} {}

    /// Appends an integer; returns its placeholder.
    std::string add(std::int64_t v) { return push(v); }
    /// Appends text; returns its placeholder.
    std::string add(std::string_view v) { return push(std::string{v}); }
    /// Appends microseconds since the epoch; returns its placeholder.
    std::string add(time_point v) { return add(static_cast<std::int64_t>(v.time_since_epoch().count())); }
    /// Appends an enum's underlying value; returns its placeholder.
    template <class E>
    requires std::is_enum_v<E> std::string add(E v) { return add(static_cast<std::int64_t>(v)); }
    /// Appends NULL; returns its placeholder.
    std::string add(std::nullopt_t) { return push(std::nullopt); }
    /// Appends the value, or NULL when empty; returns its placeholder.
    template <class T> std::string add(const std::optional<T>& v) { return v ? add(*v) : add(std::nullopt); }

    /// The values in placeholder order.
    [[nodiscard]] const std::vector<value>& values() const noexcept { return values_; }

private:
    std::string push(value v);

    placeholder_style style_;
    std::vector<value> values_;
};

/// SQL text with the values of its placeholders.
struct statement_text {
    std::string sql{};
    std::vector<value> values{};
};

} // namespace helpdesk::sql
