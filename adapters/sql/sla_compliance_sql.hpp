#pragma once

#include <helpdesk/domain/account.hpp>

#include "bindings.hpp"

#include <optional>

namespace helpdesk::sql {

/// The statement behind the SLA compliance of the stats
/// (docs/product.md#sla), the same text for both stores. Its rows are
/// `kind, priority, department, c1 ... c6`:
/// - kind 0: the `sla_compliance_stats` aggregate of the key (summed over
///   PostgreSQL's shards): per target (first response, then resolution) the
///   measured tickets whose clock stopped by its due date, stopped after it,
///   and has not stopped;
/// - kind 1 (first response) and 2 (resolution): in c1, the tickets of the
///   key whose clock has not stopped and whose due date lies before `as_of`,
///   counted through the partial "overdue" indexes of schema step 13 (only
///   tickets with a running or paused clock are in them).
/// All tickets, or one owner's when `employee` is set; the ticket table is
/// never scanned.
[[nodiscard]] statement_text sla_compliance_query(std::optional<account_id> employee, time_point as_of,
                                                  placeholder_style style);

} // namespace helpdesk::sql
