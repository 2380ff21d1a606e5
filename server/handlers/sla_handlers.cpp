#include "handlers/handlers.hpp"

#include "app/form.hpp"

#include <wire/sla_policy_view.hpp>

namespace helpdesk::server::handlers {

response get_sla_policy(call& c) {
    return json_response(wire::sla_policy_json(c.desk().sla().current(c.actor())));
}

response change_sla_policy(call& c) {
    const auto body = form::read(c, false);
    auto& sla = c.desk().sla();
    // The members sent replace the current policy's; the rest stays.
    auto draft = wire::read_sla_policy(body.fields().object(), sla.current(c.actor()));
    return json_response(wire::sla_policy_json(sla.change(c.actor(), std::move(draft))));
}

} // namespace helpdesk::server::handlers
