#pragma once

#include <helpdesk/services/scheduler_service.hpp>

#include <boost/json/object.hpp>

namespace helpdesk::wire {

/// What one scheduler pass did: `{"tickets_checked", "sla_notices",
/// "auto_closed", "owners_reminded"}`.
[[nodiscard]] boost::json::object scheduler_pass_json(const scheduler_pass& pass);

} // namespace helpdesk::wire
