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
    const auto t = c.ctx.core.tickets().workflow_update_status(
        *c.key, number, status, note ? std::optional<std::string_view>{*note} : std::nullopt);
    // One ticket shape everywhere: owner and assignee as people, read through
    // the owner's view (public data only; no signed URLs for the caller). The
    // change is already saved: a failed read must not turn it into an error.
    auto shown = t;
    std::vector<account_summary> people;
    try {
        auto details = c.ctx.core.tickets().get(t.employee, t.id);
        people.push_back(details.employee);
        if (details.assigned_to) {
            people.push_back(*details.assigned_to);
        }
        shown = std::move(details.item);
    } catch (const error&) {
        people.clear();
    }
    // The caller is a system, not an account: no actions to offer it.
    return json_response(ticket_json(shown, people, std::nullopt));
}

} // namespace helpdesk::server::handlers
