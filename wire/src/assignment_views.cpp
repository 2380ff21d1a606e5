#include <wire/assignment_views.hpp>
#include <wire/json_values.hpp>

#include <helpdesk/rules/assignment.hpp>

#include <boost/json/array.hpp>

namespace helpdesk::wire {

boost::json::object availability_json(const availability& a) {
    return {{"account", a.account}, {"available", a.available}, {"chosen", a.chosen}};
}

boost::json::object department_json(const department_assignment& d) {
    return {{"department", d.department}, {"mode", to_string(d.mode)}, {"last_assignee", optional_number(d.last_assignee)}};
}

boost::json::object departments_json(const std::vector<department_assignment>& departments) {
    boost::json::array rows;
    rows.reserve(departments.size());
    for (const auto& d : departments) {
        rows.push_back(department_json(d));
    }
    return {{"departments", std::move(rows)}};
}

} // namespace helpdesk::wire
