#include "services/tickets/ticket_paging.hpp"

#include "services/field_checker.hpp"
#include "services/service_support.hpp"

#include <charconv>

namespace helpdesk::detail {

namespace {
char field_code(ticket_order_field f) noexcept {
    switch (f) {
    case ticket_order_field::submit_date: return 's';
    case ticket_order_field::update_date: return 'u';
    case ticket_order_field::priority: return 'p';
    }
    return 's';
}

bool parse_int(std::string_view text, std::int64_t& out) noexcept {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size() && !text.empty();
}
} // namespace

std::string encode_cursor(const ticket_order& order, const keyset& position) {
    return std::string{field_code(order.field)} + (order.descending ? "d" : "a") + "." +
           std::to_string(position.key) + "." + std::to_string(position.id);
}

keyset decode_cursor(std::string_view cursor, const ticket_order& order) {
    const auto bad = [] {
        return error(errc::invalid_argument, "invalid cursor", {{"cursor", {"Invalid cursor."}}});
    };
    const auto prefix = encode_cursor(order, {}).substr(0, 3);
    if (cursor.substr(0, 3) != prefix) {
        throw bad();
    }
    const auto rest = cursor.substr(3);
    const auto dot = rest.find('.');
    keyset k;
    if (dot == std::string_view::npos || !parse_int(rest.substr(0, dot), k.key) ||
        !parse_int(rest.substr(dot + 1), k.id)) {
        throw bad();
    }
    if (order.field == ticket_order_field::priority &&
        (k.key < static_cast<std::int64_t>(priority::low) || k.key > static_cast<std::int64_t>(priority::critical))) {
        throw bad();
    }
    return k;
}

keyset keyset_of(const ticket& t, const ticket_order& order) noexcept {
    switch (order.field) {
    case ticket_order_field::submit_date: return {t.submit_date.time_since_epoch().count(), t.id};
    case ticket_order_field::update_date: return {t.update_date.time_since_epoch().count(), t.id};
    case ticket_order_field::priority: return {static_cast<std::int64_t>(t.ticket_priority), t.id};
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
    } else {
        throw error(errc::invalid_argument, "unknown ordering",
                    {{"ordering", {"Use submit_date, update_date or priority, with - for descending."}}});
    }
    return order;
}

ticket_page_request page_request_of(const ticket_list_request& r) {
    ticket_page_request request;
    request.filter = r.filter;
    request.order = parse_ordering(r.ordering);
    const auto offset = page_offset(r.page_number, r.page_size);
    if (r.cursor) {
        if (!r.cursor->empty()) {
            request.after = decode_cursor(*r.cursor, request.order);
        }
        request.with_count = false;
    } else {
        request.offset = offset;
    }
    request.limit = r.page_size;
    return request;
}

ticket_list page_of(ticket_page_result result, const ticket_page_request& request, const ticket_list_request& asked) {
    ticket_list out;
    out.count = result.count;
    out.has_next = static_cast<std::int64_t>(result.rows.size()) > request.limit;
    if (out.has_next) {
        result.rows.resize(static_cast<std::size_t>(request.limit));
    }
    if (asked.cursor) {
        out.has_previous = request.after.has_value();
        if (out.has_next) {
            out.next_cursor = encode_cursor(request.order, keyset_of(result.rows.back(), request.order));
        }
    } else {
        out.has_previous = asked.page_number > 1;
    }
    out.results = std::move(result.rows);
    return out;
}

ticket_list empty_page(const ticket_list_request& asked) {
    ticket_list out;
    if (!asked.cursor) {
        out.count = 0;
        out.has_previous = asked.page_number > 1;
    }
    return out;
}

} // namespace helpdesk::detail
