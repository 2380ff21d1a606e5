#pragma once

#include <helpdesk/domain/ticket.hpp>

#include "result.hpp"

#include <string_view>

namespace helpdesk::postgres::detail {

/// The ticket columns, in the order `read_ticket` expects them.
inline constexpr std::string_view ticket_columns =
    "id, ticket_number, employee, subject, category, sub_category, description, scheduled_date, priority, "
    "department, status, assigned_to, submit_date, update_date, response_seconds, resolution_seconds, "
    "time_closed, rejection_reason, finalized, version";

/// The ticket in row `row` of a `SELECT ticket_columns ...`.
/// Throws `error{internal}` for an unknown status or priority value.
[[nodiscard]] ticket read_ticket(const result& r, int row);

} // namespace helpdesk::postgres::detail
