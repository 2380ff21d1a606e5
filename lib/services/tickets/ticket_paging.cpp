#include "services/tickets/ticket_paging.hpp"

#include "services/field_checker.hpp"

#include <helpdesk/rules/sla_outlook.hpp>

namespace helpdesk::detail {

cursor_kind ticket_cursor(const ticket_order& order) noexcept {
    cursor_kind kind;
    kind.descending = order.descending;
    switch (order.field) {
    case ticket_order_field::submit_date: kind.tag = 's'; break;
    case ticket_order_field::update_date: kind.tag = 'u'; break;
    case ticket_order_field::first_response_due: kind.tag = 'f'; break;
    case ticket_order_field::resolution_due: kind.tag = 'r'; break;
    case ticket_order_field::priority:
        kind.tag = 'p';
        kind.min_key = static_cast<std::int64_t>(priority::low);
        kind.max_key = static_cast<std::int64_t>(priority::critical);
        break;
    }
    return kind;
}

keyset keyset_of(const ticket& t, const ticket_order& order) noexcept {
    switch (order.field) {
    case ticket_order_field::submit_date: return {t.submit_date.time_since_epoch().count(), t.id};
    case ticket_order_field::update_date: return {t.update_date.time_since_epoch().count(), t.id};
    case ticket_order_field::priority: return {static_cast<std::int64_t>(t.ticket_priority), t.id};
    case ticket_order_field::first_response_due: return {due_sort_key(t.sla.first_response.due), t.id};
    case ticket_order_field::resolution_due: return {due_sort_key(t.sla.resolution.due), t.id};
    }
    return {0, t.id};
}

ticket_order parse_ordering(std::string_view text) {
    ticket_order order;
    order.descending = !text.empty() && text.front() == '-';
    const auto name = order.descending ? text.substr(1) : text;
    if (name == "submit_date") {
        order.field = ticket_order_field::submit_date;
    } else if (name == "update_date") {
        order.field = ticket_order_field::update_date;
    } else if (name == "priority") {
        order.field = ticket_order_field::priority;
    } else if (name == "first_response_due") {
        order.field = ticket_order_field::first_response_due;
    } else if (name == "resolution_due") {
        order.field = ticket_order_field::resolution_due;
    } else {
        throw error(errc::invalid_argument, "unknown ordering",
                    {{"ordering", {"Use submit_date, update_date, priority, first_response_due or "
                                   "resolution_due, with - for descending."}}});
    }
    return order;
}

} // namespace helpdesk::detail
