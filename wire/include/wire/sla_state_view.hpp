#pragma once

#include <helpdesk/domain/sla_measure.hpp>
#include <helpdesk/time.hpp>

#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>

/// The JSON shape of a ticket's SLA standing (docs/product.md#sla).
namespace helpdesk::wire {

/// Adds to a ticket's view `first_response_due` and `resolution_due` (RFC
/// 3339, null when the clock has none) and `sla`: `{"state", "first_response",
/// "resolution", "policy_version"}` with the states at `as_of` (`state` is the
/// worse of the two), or null for a ticket not measured.
void add_sla_fields(boost::json::object& ticket_view, const sla_measure& m, time_point as_of);

} // namespace helpdesk::wire
