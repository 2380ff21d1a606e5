// Automatic assignment: staff availability and each department's mode.
#include "handlers/handlers.hpp"

#include "app/form.hpp"

#include <boost/json.hpp>

namespace helpdesk::server::handlers {

namespace {

boost::json::object availability_json(const availability& a) {
    return {{"account", a.account}, {"available", a.available}, {"chosen", a.chosen}};
}

boost::json::object department_json(const department_assignment& d) {
    boost::json::object out{{"department", d.department}, {"mode", to_string(d.mode)}};
    out["last_assignee"] = d.last_assignee ? boost::json::value(*d.last_assignee) : boost::json::value(nullptr);
    return out;
}

} // namespace

response get_availability(call& c) {
    return json_response(availability_json(c.desk().assignment().my_availability(c.actor())));
}

response set_availability(call& c) {
    const auto body = form::read(c, false);
    const auto available = body.flag("available");
    if (!available) {
        throw error(errc::invalid_argument, "Say whether you are available.",
                    {{"available", {"This field is required."}}});
    }
    return json_response(availability_json(c.desk().assignment().set_my_availability(c.actor(), *available)));
}

response list_assignment_departments(call& c) {
    boost::json::array departments;
    for (const auto& d : c.desk().assignment().departments(c.actor())) {
        departments.push_back(department_json(d));
    }
    return json_response(boost::json::object{{"departments", std::move(departments)}});
}

response set_assignment_mode(call& c) {
    const auto body = form::read(c, false);
    const auto mode = body.required_text("mode");
    return json_response(department_json(c.desk().assignment().set_mode(c.actor(), c.params.at(0), mode)));
}

} // namespace helpdesk::server::handlers
