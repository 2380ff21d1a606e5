#pragma once

#include <helpdesk/error.hpp>

#include <cstdint>
#include <string>
#include <type_traits>

namespace helpdesk::sql {

/// The enum stored as the integer `value`, whose largest member is `last`.
/// Throws `error{internal}` for a value no build of ours writes.
template <class E>
requires std::is_enum_v<E>
[[nodiscard]] E enum_from_column(std::int64_t value, E last) {
    if (value < 0 || value > static_cast<std::int64_t>(last)) {
        throw error{errc::internal, "stored row holds an unknown enum value " + std::to_string(value)};
    }
    return static_cast<E>(value);
}

} // namespace helpdesk::sql
