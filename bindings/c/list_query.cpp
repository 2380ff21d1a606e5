#include "list_query.hpp"

#include "json_in.hpp"

#include <helpdesk/time.hpp>

namespace helpdesk::capi {

namespace {

std::optional<time_point> time_filter(request_object& query, std::string_view name) {
    const auto text = query.text(name);
    if (!text) {
        return std::nullopt;
    }
    if (const auto t = parse_rfc3339(*text)) {
        return t;
    }
    if (const auto d = parse_iso_date(*text)) {
        return time_point{*d};
    }
    query.refuse(name, "Must be an RFC 3339 time or a YYYY-MM-DD date.");
    return std::nullopt;
}

} // namespace

ticket_list_request read_list_query(const char* query_json) {
    auto query = request_object::parse_optional(query_json, "query_json");
    ticket_list_request r;
    for (const auto& s : query.texts("status")) {
        if (const auto status = parse_ticket_status(s)) {
            r.filter.statuses.push_back(*status);
        } else {
            query.refuse("status", "Not a ticket status: " + s + ".");
        }
    }
    if (const auto p = query.text("priority")) {
        r.filter.ticket_priority = parse_priority(*p);
        if (!r.filter.ticket_priority) {
            query.refuse("priority", "Not a priority: " + *p + ".");
        }
    }
    r.filter.department = query.text("department");
    r.filter.category = query.text("category");
    r.filter.sub_category = query.text("sub_category");
    r.filter.assigned_to = query.id("assigned_to");
    r.filter.employee = query.id("employee");
    r.filter.search = query.text("search");
    r.filter.submitted_after = time_filter(query, "submitted_after");
    r.filter.submitted_before = time_filter(query, "submitted_before");
    r.ordering = query.text("ordering").value_or(r.ordering);
    r.page_number = query.integer("page").value_or(r.page_number);
    r.page_size = query.integer("page_size").value_or(r.page_size);
    r.cursor = query.text("cursor");
    query.check();
    return r;
}

} // namespace helpdesk::capi
