#pragma once

#include <string>
#include <string_view>

namespace helpdesk::postgres::detail {

/// The SLA columns `sla_contribution` reads beside employee, priority and
/// department, as a select list with
/// `prefix` before each name (`"t."`) and `alias_prefix` before its alias
/// (`"o_"` names them o_priority, ...; empty keeps the names).
[[nodiscard]] std::string sla_compliance_columns(std::string_view prefix, std::string_view alias_prefix = {});

/// One measured ticket's contribution to `sla_compliance_stats`
/// (docs/product.md#sla), under its owner and under employee 0: per target,
/// 1 in met (its clock stopped by its due date), late (stopped after it, as
/// `state_at(sla_clock)` judges a stopped clock) or open (not stopped), times
/// `sign` ("" or "-"). Reads relation `src` with the columns of
/// `sla_compliance_columns` prefixed by `prefix`; an unmeasured ticket
/// (sla_version 0) gives no rows.
[[nodiscard]] std::string sla_contribution(std::string_view src, std::string_view prefix,
                                           std::string_view sign);

/// Upserts the rows of CTE `sla_delta` (employee, priority, department and
/// the six counts) into shard `$SHARD` of `sla_compliance_stats`, one row per
/// key, skipping keys whose counts sum to zero (a write that moved nothing).
[[nodiscard]] std::string sla_compliance_upsert();

/// The column list of CTE `sla_delta`.
inline constexpr std::string_view sla_delta_columns =
    "sla_delta (employee, priority, department, first_response_met, first_response_late, "
    "first_response_open, "
    "resolution_met, resolution_late, resolution_open)";

} // namespace helpdesk::postgres::detail
