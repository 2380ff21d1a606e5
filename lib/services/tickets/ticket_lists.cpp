// Lists of tickets: everything the actor may see, and the staff queues.
#include "services/tickets/ticket_paging.hpp"

#include "services/field_checker.hpp"

#include "services/service_support.hpp"
#include "services/ticket_support.hpp"

#include <helpdesk/services/ticket_service.hpp>

namespace helpdesk {
namespace {

/// A page of the tickets `r` asks for, once the policy allows `act`.
/// Employees see their own tickets only, whatever the filter says.
ticket_list list_tickets(engine_context& context, account_id actor_id, const ticket_list_request& r, action act) {
    ticket_page_request request;
    request.filter = r.filter;
    const auto now = context.time_source().now();
    request.filter.as_of = now; // the instant the SLA filter and the views judge states at
    request.order = detail::parse_ordering(r.ordering);
    const auto kind = detail::ticket_cursor(request.order);
    const auto window = detail::window_of(r, kind);
    request.offset = window.offset;
    request.limit = window.limit;
    request.after = window.after;
    request.with_count = window.with_count;
    if (request.filter.search && detail::trim(*request.filter.search).empty()) {
        request.filter.search.reset(); // an empty search box filters nothing
    }
    // Text with no searchable word (only punctuation) matches no ticket.
    const bool unmatchable = request.filter.search && search_terms(*request.filter.search).empty();
    const auto empty = [&] {
        ticket_list out;
        static_cast<list_page<ticket>&>(out) = detail::empty_page<ticket>(r);
        return out;
    };
    return detail::in_read_transaction(context, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        can(who, act, nullptr).enforce();
        if (!is_staff(who.actor_role)) {
            // Asking for someone else's tickets finds nothing.
            if (request.filter.employee && *request.filter.employee != who.id) {
                return empty();
            }
            request.filter.employee = who.id;
        }
        if (unmatchable) {
            return empty();
        }
        ticket_list out;
        static_cast<list_page<ticket>&>(out) = detail::page_from(
            tx.tickets().list(request), r, kind, [&](const ticket& t) { return detail::keyset_of(t, request.order); });
        out.people = detail::people_of(tx, out.results);
        out.viewer = who;
        out.as_of = now;
        return out;
    });
}

ticket_list staff_queue(engine_context& context, account_id actor_id, ticket_filter filter,
                        const page_request& asked) {
    ticket_list_request request;
    static_cast<page_request&>(request) = asked;
    request.filter = std::move(filter);
    return list_tickets(context, actor_id, request, action::use_ticket_queues);
}

} // namespace

ticket_list ticket_service::list(account_id actor_id, const ticket_list_request& r) {
    return list_tickets(context_, actor_id, r, action::list_tickets);
}

ticket_list ticket_service::new_queue(account_id actor_id, const page_request& request) {
    ticket_filter filter;
    filter.statuses = {ticket_status::new_};
    return staff_queue(context_, actor_id, std::move(filter), request);
}

ticket_list ticket_service::open_queue(account_id actor_id, const page_request& request) {
    ticket_filter filter;
    filter.statuses = {ticket_status::open};
    return staff_queue(context_, actor_id, std::move(filter), request);
}

ticket_list ticket_service::assigned_to_me(account_id actor_id, const page_request& request) {
    ticket_filter filter;
    filter.assigned_to = actor_id;
    filter.statuses = {ticket_status::open, ticket_status::in_progress, ticket_status::on_hold, ticket_status::pending};
    return staff_queue(context_, actor_id, std::move(filter), request);
}

} // namespace helpdesk
