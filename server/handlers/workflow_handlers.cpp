#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"

#include <helpdesk/error.hpp>

namespace helpdesk::server::handlers {

response workflow_status(call& c) {
    const auto body = form::read(c, false);
    const auto status = body.required_text("status");
    const auto note = body.text("comment");
    const auto& number = c.params.at(0);
    const auto changed = c.desk().tickets().workflow_update_status(
        *c.key, number, status, note ? std::optional<std::string_view>{*note} : std::nullopt);
    // One ticket shape everywhere: owner and assignee as people, as the owner
    // sees them (public data only; no signed URLs for the caller).
    std::vector<account_summary> people{changed.employee};
    if (changed.assigned_to) {
        people.push_back(*changed.assigned_to);
    }
    // The caller is a system, not an account: no actions to offer it.
    return json_response(ticket_json(changed.item, people, std::nullopt, changed.as_of));
}

} // namespace helpdesk::server::handlers
