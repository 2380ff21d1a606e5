#pragma once

#include "connection.hpp"

#include <helpdesk/ports/queries.hpp>

#include <optional>

namespace helpdesk::sqlite::detail {

/// Stats over all tickets, or one owner's, summed from the trigger-maintained
/// `ticket_stats` aggregate (at most statuses x priorities x departments rows;
/// the ticket table is not read). Only keys with tickets appear in the maps;
/// a mean is nullopt when no ticket has the duration yet. SLA compliance at
/// `as_of` from the `sla_compliance_stats` aggregate and the overdue indexes
/// (sql/sla_compliance_sql.hpp). Throws the mapped `helpdesk::error`.
[[nodiscard]] ticket_stats read_ticket_stats(connection& db, std::optional<account_id> employee, time_point as_of);

} // namespace helpdesk::sqlite::detail
