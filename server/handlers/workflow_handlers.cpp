#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"

namespace helpdesk::server::handlers {

response workflow_status(call& c) {
    const auto body = form::read(c, false);
    const auto status = body.required_text("status");
    const auto note = body.text("comment");
    const auto& number = c.params.at(0);
    const auto t = c.ctx.core.tickets().workflow_update_status(
        number, status, note ? std::optional<std::string_view>{*note} : std::nullopt);
    std::vector<account_summary> people;
    return json_response(ticket_json(t, people));
}

} // namespace helpdesk::server::handlers
