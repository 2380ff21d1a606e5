#pragma once

#include <helpdesk/domain/sla_policy.hpp>

#include <boost/json/object.hpp>

namespace helpdesk::wire {

/// An SLA policy version as admins read it: `{"version", "created_at",
/// "created_by", "calendar": {"time_zone", "week": {"monday": [{"start":
/// "09:00", "end": "17:00"}], ...}, "holidays": ["2026-12-25"]}, "targets":
/// {"Critical": {"first_response": {"amount", "unit"}, "resolution": {...},
/// "around_the_clock"}, ...}, "overrides": [{"department", "priority",
/// "first_response", "resolution", "around_the_clock"}], "at_risk_percent",
/// "pausing_statuses": ["On Hold", "Pending"]}`.
[[nodiscard]] boost::json::object sla_policy_json(const sla_policy& policy);

/// A policy from a request body in the shape of `sla_policy_json`
/// (`version`, `created_at` and `created_by` are ignored): the members sent replace
/// `base`'s, the others keep it (a week day left out keeps its hours;
/// `holidays`, `overrides` and `pausing_statuses` are replaced whole).
/// Throws invalid_argument naming every member of the wrong type or form
/// (`calendar.week.monday[0].start`, ...) and every unknown member; the
/// values themselves are judged by `sla_policy_errors`.
[[nodiscard]] sla_policy read_sla_policy(const boost::json::object& body, sla_policy base);

} // namespace helpdesk::wire
