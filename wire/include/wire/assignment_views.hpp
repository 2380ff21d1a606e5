#pragma once

#include <helpdesk/services/assignment_service.hpp>

#include <boost/json/object.hpp>

#include <vector>

/// The JSON shapes of automatic assignment's settings.
namespace helpdesk::wire {

/// A staff member's availability: `{"account", "available", "chosen"}`.
[[nodiscard]] boost::json::object availability_json(const availability& a);

/// A department's assignment setting: `{"department", "mode", "last_assignee"}`
/// (`last_assignee` null when nobody was assigned automatically yet).
[[nodiscard]] boost::json::object department_json(const department_assignment& d);

/// Every department's setting: `{"departments": [department_json, ...]}`.
[[nodiscard]] boost::json::object departments_json(const std::vector<department_assignment>& departments);

} // namespace helpdesk::wire
