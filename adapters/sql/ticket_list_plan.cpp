#include "ticket_list_plan.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

namespace helpdesk::sql {

namespace {

/// A filter's distinct statuses and usable search text, shared by the page
/// query and the count.
struct normalized_filter {
    normalized_filter(const ticket_filter& f, const ticket_list_dialect& dialect) : filter{f} {
        statuses.assign(f.statuses.begin(), f.statuses.end());
        std::sort(statuses.begin(), statuses.end());
        statuses.erase(std::unique(statuses.begin(), statuses.end()), statuses.end());
        if (f.search) {
            search = dialect.search_text(*f.search);
        }
    }

    /// The statuses whose ordered index ranges a page is merged from. A
    /// search needs no extra branches: its few hits are fetched by id.
    [[nodiscard]] std::vector<ticket_status> branches(const ticket_list_dialect& dialect) const {
        if (dialect.branch_every_status && statuses.empty() && !search) {
            return {std::begin(all_ticket_statuses), std::end(all_ticket_statuses)};
        }
        return statuses;
    }

    /// True when the count can be read from the stats aggregate.
    [[nodiscard]] bool countable_from_stats() const noexcept {
        return !filter.ticket_priority && !filter.department && !filter.category && !filter.sub_category &&
               !filter.assigned_to && !search && !filter.submitted_after && !filter.submitted_before &&
               !filter.sla;
    }

    const ticket_filter& filter;
    std::vector<ticket_status> statuses; // sorted, distinct: fewer SQL variants
    std::optional<std::string> search;   // the store's query text; nullopt: no usable term
};

[[nodiscard]] std::string status_in(const std::vector<ticket_status>& statuses, bindings& b) {
    std::string sql = " AND status IN (";
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        sql += i == 0 ? "" : ", ";
        sql += b.add(statuses[i]);
    }
    return sql + ")";
}

/// Appends `condition` and the placeholder of `value` when the filter has one.
template <class T>
void compare(std::string& sql, bindings& b, std::string_view condition, const std::optional<T>& value) {
    if (value) {
        sql += condition;
        sql += b.add(*value);
    }
}

/// ` AND ...` for a ticket whose overall SLA state is `state` at `now`,
/// through the outlook columns of schema step 8 (rules/sla_outlook.hpp):
/// breached and at risk are each one range over an indexed column.
/// `ordered_walk`: the page walks the submission order, so the breach
/// instant is tested row by row (ticket_list_dialect::breached_in_submission_order).
[[nodiscard]] std::string sla_condition(sla_state state, time_point now, bool ordered_walk, bindings& b) {
    if (state == sla_state::breached) {
        return ordered_walk ? " AND sla_breached_after IS NOT NULL AND +sla_breached_after < " + b.add(now)
                            : " AND sla_breached_after < " + b.add(now);
    }
    std::string sql = " AND (sla_breached_after IS NULL OR sla_breached_after >= " + b.add(now) + ")";
    if (state == sla_state::at_risk) {
        return sql + " AND sla_at_risk_from <= " + b.add(now);
    }
    sql += " AND (sla_at_risk_from IS NULL OR sla_at_risk_from > " + b.add(now) + ")";
    return sql + " AND sla_settled = " + b.add(static_cast<std::int64_t>(state));
}

/// ` AND ...` conditions of `f`, binding their values as it goes.
/// `branch`: this one status instead of the filter's list. `order`: the
/// page's order; none for the count.
[[nodiscard]] std::string conditions(const normalized_filter& f, std::optional<ticket_status> branch,
                                     std::optional<ticket_order_field> order, const ticket_list_dialect& dialect,
                                     bindings& b) {
    std::string sql;
    if (branch) {
        sql += " AND status = " + b.add(*branch);
    } else if (!f.statuses.empty()) {
        sql += status_in(f.statuses, b);
    }
    const auto& filter = f.filter;
    compare(sql, b, " AND priority = ", filter.ticket_priority);
    compare(sql, b, " AND department = ", filter.department);
    compare(sql, b, " AND category = ", filter.category);
    compare(sql, b, " AND sub_category = ", filter.sub_category);
    compare(sql, b, " AND assigned_to = ", filter.assigned_to);
    compare(sql, b, " AND employee = ", filter.employee);
    if (f.search) {
        sql += dialect.search_condition(b.add(*f.search));
    }
    compare(sql, b, " AND submit_date >= ", filter.submitted_after);
    compare(sql, b, " AND submit_date < ", filter.submitted_before);
    if (filter.sla) {
        const bool ordered_walk =
            dialect.breached_in_submission_order && order == ticket_order_field::submit_date;
        sql += sla_condition(*filter.sla, filter.as_of, ordered_walk, b);
    }
    return sql;
}

[[nodiscard]] std::string_view order_column(ticket_order_field field) noexcept {
    switch (field) {
    case ticket_order_field::update_date:
        return "update_date";
    case ticket_order_field::priority:
        return "priority";
    case ticket_order_field::first_response_due:
        return "sla_first_response_order";
    case ticket_order_field::resolution_due:
        return "sla_resolution_order";
    case ticket_order_field::submit_date:
        break;
    }
    return "submit_date";
}

[[nodiscard]] statement_text count_from_stats(const normalized_filter& f,
                                              const ticket_list_dialect& dialect) {
    bindings b{dialect.placeholders};
    std::string sql = "SELECT coalesce(sum(n), 0) FROM ticket_stats WHERE employee = " +
                      b.add(f.filter.employee.value_or(0)); // employee 0 holds the all-tickets rows
    if (!f.statuses.empty()) {
        sql += status_in(f.statuses, b);
    }
    return {std::move(sql), b.values()};
}

[[nodiscard]] statement_text count_matching(const normalized_filter& f, const ticket_list_dialect& dialect) {
    bindings b{dialect.placeholders};
    std::string sql = "SELECT count(*) FROM tickets WHERE " + std::string{dialect.always_true} +
                      conditions(f, std::nullopt, std::nullopt, dialect, b);
    return {std::move(sql), b.values()};
}

} // namespace

ticket_list_plan plan_ticket_list(const ticket_page_request& request, const ticket_list_dialect& dialect,
                                  std::string_view columns) {
    const normalized_filter filter{request.filter, dialect};
    const auto branches = filter.branches(dialect);
    const bool per_status = branches.size() > 1;
    const std::string_view column = order_column(request.order.field);
    const std::string_view direction = request.order.descending ? " DESC" : " ASC";
    const std::int64_t limit = std::max<std::int64_t>(request.limit, 0);
    const std::int64_t offset = request.after ? 0 : std::max<std::int64_t>(request.offset, 0);

    const std::string order_by =
        " ORDER BY " + std::string{column} + std::string{direction} + ", id" + std::string{direction};
    // The merged branches are ordered again outside, by a column each must
    // select: the due-date keys are not among the columns read, so they
    // trail them (readers take the columns they know by position).
    std::string selected{columns};
    if (selected.find(column) == std::string::npos) {
        selected += ", " + std::string{column};
    }
    bindings b{dialect.placeholders};
    auto select_part = [&](std::optional<ticket_status> branch) {
        std::string text = "SELECT " + selected + " FROM tickets WHERE " +
                           std::string{dialect.always_true} + conditions(filter, branch, request.order.field, dialect, b);
        if (request.after) {
            text += " AND (" + std::string{column} + ", id) " + (request.order.descending ? "<" : ">") + " (";
            text += b.add(request.after->key);
            text += ", " + b.add(request.after->id) + ")";
        }
        return text;
    };

    std::string sql;
    if (per_status) {
        // Saturating: offset + limit may exceed int64 for absurd offsets.
        const std::int64_t branch_limit = limit > INT64_MAX - offset ? INT64_MAX : limit + offset;
        sql = "SELECT * FROM (";
        for (std::size_t i = 0; i < branches.size(); ++i) {
            if (dialect.parenthesized_branches) {
                sql += i == 0 ? "(" : " UNION ALL (";
            } else {
                sql += i == 0 ? "SELECT * FROM (" : " UNION ALL SELECT * FROM (";
            }
            // Separate statements: the branch's placeholders come before its limit's.
            sql += select_part(branches[i]);
            sql += order_by + " LIMIT ";
            sql += b.add(branch_limit) + ")";
        }
        sql += dialect.parenthesized_branches ? ") AS branches" : ")";
        sql += order_by;
    } else {
        sql = select_part(std::nullopt) + order_by;
    }
    sql += " LIMIT " + b.add(limit);
    if (!request.after) {
        sql += " OFFSET " + b.add(offset);
    }

    ticket_list_plan plan;
    plan.page = {std::move(sql), b.values()};
    if (request.with_count) {
        plan.count = filter.countable_from_stats() ? count_from_stats(filter, dialect)
                                                   : count_matching(filter, dialect);
    }
    return plan;
}

} // namespace helpdesk::sql
