#pragma once

#include <helpdesk/ports/queries.hpp>

#include "connection.hpp"

#include <optional>

namespace helpdesk::postgres::detail {

/// Stats from the `ticket_stats` aggregate: all tickets, or one owner's.
/// Groups the shards of each key and skips keys whose count is 0; reads at
/// most statuses x priorities x departments x shards rows through the primary
/// key, never the tickets. SLA compliance at `as_of` from the
/// `sla_compliance_stats` aggregate and the overdue indexes
/// (sql/sla_compliance_sql.hpp). Throws the mapped `helpdesk::error`.
[[nodiscard]] ticket_stats read_ticket_stats(connection& db, std::optional<account_id> employee,
                                             time_point as_of);

} // namespace helpdesk::postgres::detail
