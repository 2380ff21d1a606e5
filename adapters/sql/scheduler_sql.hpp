#pragma once

#include "bindings.hpp"

#include <string>

namespace helpdesk::sql {

// The statements of the scheduler's side of ticket_repository, the same text
// for every SQL store; each store adds only how it reserves the rows it
// reads (a lock clause, or nothing).

/// `SELECT ticket_columns` of the tickets whose next SLA notice instant is at
/// or before placeholder 1, earliest first, at most placeholder 2 of them;
/// every term of the partial index `tickets_by_sla_notice`.
[[nodiscard]] std::string due_sla_notices_sql(placeholder_style style);

/// `SELECT ticket_columns` of the tickets in status placeholder 1 whose owner
/// was not reminded and that wait on their owner since placeholder 2 or
/// earlier, longest waiting first, at most placeholder 3 of them; every term
/// of the partial index `tickets_waiting_on_owner`.
[[nodiscard]] std::string waiting_on_owner_sql(placeholder_style style);

/// `UPDATE` of one ticket's sent SLA notices and next notice instant
/// (placeholders 1 and 2) by id (placeholder 3).
[[nodiscard]] std::string set_sla_notified_sql(placeholder_style style);

/// `UPDATE` of one ticket's reminded flag (placeholder 1) by id (placeholder 2).
[[nodiscard]] std::string set_owner_reminded_sql(placeholder_style style);

} // namespace helpdesk::sql
