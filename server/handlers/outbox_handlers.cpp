#include "handlers/handlers.hpp"

#include "app/json_views.hpp"
#include "app/query.hpp"
#include "handlers/list_response.hpp"

#include <wire/list_queries.hpp>
#include <wire/outbox_view.hpp>

namespace helpdesk::server::handlers {

response dead_events(call& c) {
    const auto asked = wire::read_page_query(url_query(c));
    return list_response(c, c.desk().outbox().list(c.actor(), outbox_state::dead, asked), asked,
                         [](const outbox_event& e) { return wire::outbox_event_json(e); });
}

response requeue_event(call& c) {
    return json_response(wire::outbox_event_json(c.desk().outbox().requeue(c.actor(), c.id_param(0))));
}

} // namespace helpdesk::server::handlers
