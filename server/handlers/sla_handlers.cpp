#include "handlers/handlers.hpp"

#include "app/form.hpp"

#include <wire/sla_policy_view.hpp>

namespace helpdesk::server::handlers {

response get_sla_policy(call& c) {
    return json_response(wire::sla_policy_json(c.desk().sla().current(c.actor())));
}

response change_sla_policy(call& c) {
    const auto body = form::read(c, false);
    // The members sent replace the current policy's; the rest stays.
    const auto& members = body.fields().object();
    return json_response(wire::sla_policy_json(c.desk().sla().change(
        c.actor(), [&](const sla_policy& current) { return wire::read_sla_policy(members, current); })));
}

} // namespace helpdesk::server::handlers
