// Automatic assignment: staff availability and each department's mode.
#include "handlers/handlers.hpp"

#include "app/form.hpp"

#include <wire/assignment_views.hpp>

namespace helpdesk::server::handlers {

response get_availability(call& c) {
    return json_response(wire::availability_json(c.desk().assignment().my_availability(c.actor())));
}

response set_availability(call& c) {
    const auto body = form::read(c, false);
    const auto available = body.flag("available");
    if (!available) {
        throw error(errc::invalid_argument, "Say whether you are available.",
                    {{"available", {"This field is required."}}});
    }
    return json_response(wire::availability_json(c.desk().assignment().set_my_availability(c.actor(), *available)));
}

response list_assignment_departments(call& c) {
    return json_response(wire::departments_json(c.desk().assignment().departments(c.actor())));
}

response set_assignment_mode(call& c) {
    const auto body = form::read(c, false);
    const auto mode = body.required_text("mode");
    return json_response(wire::department_json(c.desk().assignment().set_mode(c.actor(), c.params.at(0), mode)));
}

} // namespace helpdesk::server::handlers
