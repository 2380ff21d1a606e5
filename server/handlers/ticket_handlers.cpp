#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"
#include "app/query.hpp"

#include <helpdesk/error.hpp>

namespace helpdesk::server::handlers {

namespace {

[[noreturn]] void bad_filter(std::string_view name, std::string message) {
    throw error(errc::invalid_argument, "The " + std::string{name} + " filter is not valid.",
                {{std::string{name}, {std::move(message)}}});
}

std::optional<time_point> time_filter(const call& c, std::string_view name) {
    const auto text = query_text(c, name);
    if (!text) {
        return std::nullopt;
    }
    if (const auto t = parse_rfc3339(*text)) {
        return t;
    }
    if (const auto d = parse_iso_date(*text)) {
        return time_point{*d};
    }
    bad_filter(name, "Must be an RFC 3339 time or a YYYY-MM-DD date.");
}

ticket_list_request list_request(const call& c) {
    ticket_list_request r;
    for (const auto& s : query_all(c, "status")) {
        const auto status = parse_ticket_status(s);
        if (!status) {
            bad_filter("status", "Not a ticket status: " + s + ".");
        }
        r.filter.statuses.push_back(*status);
    }
    if (const auto p = query_text(c, "priority")) {
        r.filter.ticket_priority = parse_priority(*p);
        if (!r.filter.ticket_priority) {
            bad_filter("priority", "Not a priority.");
        }
    }
    r.filter.department = query_text(c, "department");
    r.filter.category = query_text(c, "category");
    r.filter.sub_category = query_text(c, "sub_category");
    r.filter.assigned_to = query_id(c, "assigned_to");
    r.filter.employee = query_id(c, "employee");
    r.filter.search = query_text(c, "search");
    r.filter.submitted_after = time_filter(c, "submitted_after");
    r.filter.submitted_before = time_filter(c, "submitted_before");
    r.ordering = query_text(c, "ordering").value_or("-submit_date");
    r.page_number = query_int(c, "page", 1);
    r.page_size = query_int(c, "page_size", 20);
    r.cursor = query_text(c, "cursor");
    return r;
}

response list_body(const call& c, const ticket_list& found, std::int64_t page_number) {
    json_arena arena;
    boost::json::array rows(arena.storage());
    rows.reserve(found.results.size());
    for (const auto& t : found.results) {
        rows.push_back(ticket_json(t, found.people, found.viewer, arena.storage()));
    }
    return json_response(
        page_json(c, std::move(rows), found.count, page_number, found.has_next, found.has_previous, found.next_cursor));
}

using queue_call = ticket_list (ticket_service::*)(account_id, std::int64_t, std::int64_t);

response queue(call& c, queue_call which) {
    const auto page_number = query_int(c, "page", 1);
    const auto page_size = query_int(c, "page_size", 20);
    return list_body(c, (c.ctx.core.tickets().*which)(c.actor(), page_number, page_size), page_number);
}

} // namespace

response list_tickets(call& c) {
    const auto r = list_request(c);
    return list_body(c, c.ctx.core.tickets().list(c.actor(), r), r.page_number);
}

response create_ticket(call& c) {
    const auto body = form::read(c, true);
    create_ticket_request r;
    r.subject = body.text("subject").value_or("");
    r.category = body.text("category").value_or("");
    r.sub_category = body.text("sub_category").value_or("");
    r.description = body.text("description").value_or("");
    r.scheduled_date = body.text("scheduled_date");
    r.attachments = body.files("attachments");
    // Present in any type is an attempt to set what only staff set (defect 3).
    r.status = body.raw("status");
    r.priority = body.raw("priority");
    r.department = body.raw("department");
    r.assigned_to = body.raw("assigned_to");
    const auto key = c.header("Idempotency-Key");
    const auto created = c.ctx.core.tickets().create(c.actor(), r, key);
    return json_response(ticket_details_json(created, url_signer{c.ctx, c.actor()}), http::status::created);
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
    return json_response(stats_json(c.ctx.core.tickets().stats(c.actor())));
}

response ticket_detail(call& c) {
    auto& tickets = c.ctx.core.tickets();
    const auto& key = c.params.at(0);
    const auto found = parse_ticket_number(key) ? tickets.get_by_number(c.actor(), key)
                                                : tickets.get(c.actor(), c.id_param(0));
    json_arena arena;
    return json_response(ticket_details_json(found, url_signer{c.ctx, c.actor()}, arena.storage()));
}

} // namespace helpdesk::server::handlers
