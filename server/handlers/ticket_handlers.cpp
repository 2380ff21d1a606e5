#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"
#include "app/query.hpp"
#include "handlers/list_response.hpp"

#include <wire/list_queries.hpp>
#include <wire/request_readers.hpp>

#include <helpdesk/error.hpp>

namespace helpdesk::server::handlers {

namespace {

response list_body(const call& c, const ticket_list& found, const page_request& asked) {
    json_arena arena;
    return list_response(
        c, found, asked,
        [&](const ticket& t) { return ticket_json(t, found.people, found.viewer, found.as_of, arena.storage()); },
        arena.storage());
}

using queue_call = ticket_list (ticket_service::*)(account_id, const page_request&);

response queue(call& c, queue_call which) {
    const auto asked = wire::read_page_query(url_query(c));
    return list_body(c, (c.desk().tickets().*which)(c.actor(), asked), asked);
}

} // namespace

response list_tickets(call& c) {
    const auto r = wire::read_ticket_list_query(url_query(c));
    return list_body(c, c.desk().tickets().list(c.actor(), r), r);
}

response create_ticket(call& c) {
    const auto body = form::read(c, true);
    const auto r = wire::read_create_ticket(body.fields());
    const auto key = c.header("Idempotency-Key");
    const auto created = c.desk().tickets().create(c.actor(), r, key);
    return json_response(ticket_details_json(created, url_signer{c.shared, c.actor()}), http::status::created);
}

response new_tickets(call& c) {
    return queue(c, &ticket_service::new_queue);
}

response open_tickets(call& c) {
    return queue(c, &ticket_service::open_queue);
}

response my_tickets(call& c) {
    return queue(c, &ticket_service::assigned_to_me);
}

response ticket_stats(call& c) {
    return json_response(wire::stats_json(c.desk().tickets().stats(c.actor())));
}

response ticket_detail(call& c) {
    auto& tickets = c.desk().tickets();
    const auto& key = c.params.at(0);
    const auto found = parse_ticket_number(key) ? tickets.get_by_number(c.actor(), key)
                                                : tickets.get(c.actor(), c.id_param(0));
    json_arena arena;
    return json_response(ticket_details_json(found, url_signer{c.shared, c.actor()}, arena.storage()));
}

} // namespace helpdesk::server::handlers
