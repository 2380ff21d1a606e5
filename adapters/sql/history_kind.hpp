#pragma once

#include <helpdesk/domain/ticket.hpp>

#include <string>
#include <string_view>

namespace helpdesk::sql {

// The one place where a history entry's kind meets its TEXT column (both
// stores store the kind's name, e.g. `status_changed`).

/// The kind of a stored history entry, from its `kind` column.
[[nodiscard]] inline decltype(history_event::kind) history_kind_from_column(std::string text) {
    return text;
}

/// The `kind` column's text for a history entry's kind.
[[nodiscard]] inline std::string_view
history_kind_column(const decltype(history_event::kind)& kind) noexcept {
    return kind;
}

} // namespace helpdesk::sql
