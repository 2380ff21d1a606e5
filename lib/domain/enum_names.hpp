#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace helpdesk::detail {

/// Looks `text` up in a table of (value, name) pairs; exact, case-sensitive.
template <class Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::pair<Enum, std::string_view> (&names)[N], std::string_view text) noexcept {
    for (const auto& [value, name] : names) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

/// The name of `value` in a table of (value, name) pairs.
template <class Enum, std::size_t N>
std::string_view enum_name(const std::pair<Enum, std::string_view> (&names)[N], Enum value) noexcept {
    for (const auto& [v, name] : names) {
        if (v == value) {
            return name;
        }
    }
    return {};
}

} // namespace helpdesk::detail
