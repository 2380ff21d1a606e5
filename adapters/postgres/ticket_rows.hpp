#pragma once

#include <helpdesk/domain/ticket.hpp>

#include "result.hpp"
#include "sql/row_mappers.hpp"

#include <string_view>

namespace helpdesk::postgres::detail {

/// The ticket columns, in the order `read_ticket` expects them.
using sql::ticket_columns;

/// The ticket in row `row` of a `SELECT ticket_columns ...`.
/// Throws `error{internal}` for an unknown status or priority value.
[[nodiscard]] ticket read_ticket(const result& r, int row);

} // namespace helpdesk::postgres::detail
