#pragma once

#include "services/paging.hpp"

#include <helpdesk/ports/queries.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <string_view>

namespace helpdesk::detail {

/// The cursors of a ticket list under `order`: tags `s`, `u`, `p`, `f` and
/// `r` for the five sort keys, so cursors handed out stay valid.
[[nodiscard]] cursor_kind ticket_cursor(const ticket_order& order) noexcept;
/// The keyset value of `t` under `order`.
[[nodiscard]] keyset keyset_of(const ticket& t, const ticket_order& order) noexcept;
/// Parses `submit_date`, `-update_date`, `priority`, ...; throws invalid_argument.
[[nodiscard]] ticket_order parse_ordering(std::string_view text);

} // namespace helpdesk::detail
