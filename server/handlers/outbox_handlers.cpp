#include "handlers/handlers.hpp"

#include "app/json_views.hpp"
#include "app/query.hpp"

#include <wire/list_queries.hpp>
#include <wire/outbox_view.hpp>

namespace helpdesk::server::handlers {

response dead_events(call& c) {
    const auto page = wire::read_page_query(url_query(c));
    const auto found =
        c.ctx.core.outbox().list(c.actor(), outbox_state::dead, {.page_number = page.number, .page_size = page.size});
    boost::json::array rows;
    for (const auto& e : found.results) {
        rows.push_back(wire::outbox_event_json(e));
    }
    return json_response(page_json(c, std::move(rows), found.count.value_or(0), page));
}

response requeue_event(call& c) {
    return json_response(wire::outbox_event_json(c.ctx.core.outbox().requeue(c.actor(), c.id_param(0))));
}

} // namespace helpdesk::server::handlers
