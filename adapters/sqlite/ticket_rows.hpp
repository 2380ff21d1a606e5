#pragma once

#include <helpdesk/domain/ticket.hpp>

#include "sql/row_mappers.hpp"
#include "statement.hpp"

#include <string_view>

namespace helpdesk::sqlite::detail {

/// The ticket columns, in the order `read_ticket` expects them.
using sql::ticket_columns;

/// The ticket in the current row of a `SELECT ticket_columns ...`.
/// Throws `error{internal}` for an unknown status or priority value.
[[nodiscard]] ticket read_ticket(const statement& row);

} // namespace helpdesk::sqlite::detail
