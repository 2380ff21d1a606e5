#pragma once

#include <helpdesk/domain/catalog.hpp>
#include <helpdesk/domain/sla_policy.hpp>
#include <helpdesk/error.hpp>
#include <helpdesk/ports/time_zones.hpp>

#include <cstdint>

namespace helpdesk {

/// Largest amount of an SLA target, in any unit.
inline constexpr std::int32_t max_sla_amount = 10'000;

/// What is wrong with `policy`, keyed by its API field names
/// (`calendar.time_zone`, `calendar.week`, `calendar.holidays`,
/// `targets.High.resolution`, `overrides[0].department`, `at_risk_percent`,
/// `pausing_statuses`); empty when it can be used. Targets are 1 to
/// `max_sla_amount` of their unit; an override names a department of
/// `choices`, once per priority; the at-risk share is 1–99 %; the pausing
/// statuses are distinct, among Open, In Progress, On Hold and Pending.
[[nodiscard]] field_errors sla_policy_errors(const sla_policy& policy, const time_zones& zones,
                                             const catalog& choices);

} // namespace helpdesk
