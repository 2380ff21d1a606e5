#include <wire/list_queries.hpp>

namespace helpdesk::wire {

namespace {

/// Reads `page`, `page_size` and `cursor` into the page part of `r`.
void read_page(query_parameters& q, page_request& r) {
    r.page_number = q.integer("page").value_or(r.page_number);
    r.page_size = q.integer("page_size").value_or(r.page_size);
    r.cursor = q.text("cursor");
}

} // namespace

ticket_list_request read_ticket_list_query(query_parameters q) {
    q.refuse_unknown({"page", "page_size", "cursor", "status", "priority", "department", "category", "sub_category",
                      "assigned_to", "employee", "search", "submitted_after", "submitted_before", "sla", "ordering"});
    ticket_list_request r;
    for (const auto& s : q.texts("status")) {
        if (const auto status = parse_ticket_status(s)) {
            r.filter.statuses.push_back(*status);
        } else {
            q.refuse("status", "Not a ticket status: " + s + ".");
        }
    }
    r.filter.ticket_priority = q.choice("priority", "a priority", parse_priority);
    r.filter.department = q.text("department");
    r.filter.category = q.text("category");
    r.filter.sub_category = q.text("sub_category");
    r.filter.assigned_to = q.id("assigned_to");
    r.filter.employee = q.id("employee");
    r.filter.search = q.text("search");
    r.filter.submitted_after = q.time("submitted_after");
    r.filter.submitted_before = q.time("submitted_before");
    r.filter.sla = q.choice("sla", "an SLA state", parse_sla_state);
    r.ordering = q.text("ordering").value_or(r.ordering);
    read_page(q, r);
    q.check();
    return r;
}

page_request read_page_query(query_parameters q) {
    q.refuse_unknown({"page", "page_size", "cursor"});
    page_request r;
    read_page(q, r);
    q.check();
    return r;
}

account_list_request read_account_list_query(query_parameters q) {
    q.refuse_unknown({"page", "page_size", "cursor", "role", "status", "department", "is_active"});
    account_list_request out;
    out.filter.is_active = q.choice("is_active", "true or false", [](std::string_view v) -> std::optional<bool> {
        if (v == "true" || v == "false") {
            return v == "true";
        }
        return std::nullopt;
    });
    out.filter.account_role = q.choice("role", "a role", parse_role);
    out.filter.status = q.choice("status", "an account status", parse_account_status);
    out.filter.department = q.text("department");
    read_page(q, out);
    q.check();
    return out;
}

} // namespace helpdesk::wire
