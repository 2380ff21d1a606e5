#pragma once

#include <helpdesk/domain/ticket.hpp>

#include <string_view>

namespace helpdesk::sql {

// The one place where a history entry's kind meets its TEXT column (both
// stores store the kind's name, e.g. `status_changed`).

/// The kind of a stored history entry, from its `kind` column.
[[nodiscard]] inline history_kind history_kind_from_column(std::string_view text) {
    return history_kind_from_store(text);
}

/// The `kind` column's text for a history entry's kind.
[[nodiscard]] inline std::string_view history_kind_column(history_kind kind) noexcept {
    return to_string(kind);
}

} // namespace helpdesk::sql
