#include "ticket_list.hpp"

#include "ticket_rows.hpp"
#include "tsquery.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace helpdesk::postgres::detail {

namespace {

/// A filter's distinct statuses and usable search text, shared by the page
/// query and the count.
struct normalized_filter {
    explicit normalized_filter(const ticket_filter& f) : filter{f} {
        statuses.assign(f.statuses.begin(), f.statuses.end());
        std::sort(statuses.begin(), statuses.end());
        statuses.erase(std::unique(statuses.begin(), statuses.end()), statuses.end());
        if (f.search) {
            search = to_tsquery_text(*f.search);
        }
    }

    /// The statuses whose ordered index ranges a page is merged from: the
    /// filter's, or every status when it names none (there is no
    /// whole-table ordering index, see migration 2). A search needs no
    /// branches: its few hits are fetched by id.
    [[nodiscard]] std::vector<ticket_status> branches() const {
        if (!statuses.empty() || search) {
            return statuses;
        }
        return {std::begin(all_ticket_statuses), std::end(all_ticket_statuses)};
    }

    /// True when the count can be read from the stats aggregate.
    [[nodiscard]] bool countable_from_stats() const noexcept {
        return !filter.ticket_priority && !filter.department && !filter.category && !filter.sub_category &&
               !filter.assigned_to && !search && !filter.submitted_after && !filter.submitted_before;
    }

    const ticket_filter& filter;
    std::vector<ticket_status> statuses; // sorted, distinct: fewer SQL variants
    std::optional<std::string> search;   // tsquery text; nullopt: no usable term
};

[[nodiscard]] std::string status_in(const std::vector<ticket_status>& statuses, params& p) {
    std::string sql = " AND status IN (";
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        sql += i == 0 ? "" : ", ";
        sql += p.add(statuses[i]);
    }
    return sql + ")";
}

/// ` AND ...` conditions of `f`, binding their values into `p` as it goes.
/// `branch`: this one status instead of the filter's list.
[[nodiscard]] std::string conditions(const normalized_filter& f, std::optional<ticket_status> branch,
                                     params& p) {
    std::string sql;
    if (branch) {
        sql += " AND status = " + p.add(*branch);
    } else if (!f.statuses.empty()) {
        sql += status_in(f.statuses, p);
    }
    const auto& filter = f.filter;
    if (filter.ticket_priority) {
        sql += " AND priority = " + p.add(*filter.ticket_priority);
    }
    if (filter.department) {
        sql += " AND department = " + p.add(*filter.department);
    }
    if (filter.category) {
        sql += " AND category = " + p.add(*filter.category);
    }
    if (filter.sub_category) {
        sql += " AND sub_category = " + p.add(*filter.sub_category);
    }
    if (filter.assigned_to) {
        sql += " AND assigned_to = " + p.add(*filter.assigned_to);
    }
    if (filter.employee) {
        sql += " AND employee = " + p.add(*filter.employee);
    }
    if (f.search) {
        // The matching ids are collected first through the GIN index (an
        // init plan, run once): left as a plain filter, the planner guesses
        // a prefix match is common and walks an ordering index instead,
        // testing every row (170 ms for a 100-hit search at 1 M tickets).
        // The query text is folded like the stored vector (see migrations).
        sql += " AND id = ANY(ARRAY(SELECT id FROM tickets WHERE search @@ to_tsquery('simple'::regconfig, hd_fold(" +
               p.add(*f.search) + "))))";
    }
    if (filter.submitted_after) {
        sql += " AND submit_date >= " + p.add(*filter.submitted_after);
    }
    if (filter.submitted_before) {
        sql += " AND submit_date < " + p.add(*filter.submitted_before);
    }
    return sql;
}

[[nodiscard]] std::string_view order_column(ticket_order_field field) noexcept {
    switch (field) {
    case ticket_order_field::update_date:
        return "update_date";
    case ticket_order_field::priority:
        return "priority";
    case ticket_order_field::submit_date:
        break;
    }
    return "submit_date";
}

[[nodiscard]] std::int64_t count_from_stats(connection& db, const normalized_filter& f) {
    params p;
    std::string sql = "SELECT coalesce(sum(n), 0) FROM ticket_stats WHERE employee = " +
                      p.add(f.filter.employee.value_or(0)); // employee 0 holds the all-tickets rows
    if (!f.statuses.empty()) {
        sql += status_in(f.statuses, p);
    }
    return db.execute(sql, p).int64(0, 0);
}

[[nodiscard]] std::int64_t count_matching(connection& db, const normalized_filter& f) {
    params p;
    const std::string sql = "SELECT count(*) FROM tickets WHERE true" + conditions(f, std::nullopt, p);
    return db.execute(sql, p).int64(0, 0);
}

} // namespace

ticket_page_result list_tickets(connection& db, const ticket_page_request& request) {
    const normalized_filter filter{request.filter};
    const auto branches = filter.branches();
    const bool per_status = branches.size() > 1;
    const std::string_view column = order_column(request.order.field);
    const std::string_view direction = request.order.descending ? " DESC" : " ASC";
    const std::int64_t limit = std::max<std::int64_t>(request.limit, 0);
    const std::int64_t offset = request.after ? 0 : std::max<std::int64_t>(request.offset, 0);

    const std::string order_by =
        " ORDER BY " + std::string{column} + std::string{direction} + ", id" + std::string{direction};
    params p;
    auto select_part = [&](std::optional<ticket_status> branch) {
        std::string text = "SELECT " + std::string{ticket_columns} + " FROM tickets WHERE true" +
                           conditions(filter, branch, p);
        if (request.after) {
            text += " AND (" + std::string{column} + ", id) " + (request.order.descending ? "<" : ">") + " (";
            text += p.add(request.after->key) + ", " + p.add(request.after->id) + ")";
        }
        return text;
    };

    std::string sql;
    if (per_status) {
        // Saturating: offset + limit may exceed int64 for absurd offsets.
        const std::int64_t branch_limit = limit > INT64_MAX - offset ? INT64_MAX : limit + offset;
        sql = "SELECT * FROM (";
        for (std::size_t i = 0; i < branches.size(); ++i) {
            sql += i == 0 ? "(" : " UNION ALL (";
            sql += select_part(branches[i]) + order_by + " LIMIT " + p.add(branch_limit) + ")";
        }
        sql += ") AS branches" + order_by;
    } else {
        sql = select_part(std::nullopt) + order_by;
    }
    sql += " LIMIT " + p.add(limit);
    if (!request.after) {
        sql += " OFFSET " + p.add(offset);
    }

    ticket_page_result page;
    auto r = db.execute(sql, p);
    for (int i = 0; i < r.rows(); ++i) {
        page.rows.push_back(read_ticket(r, i));
    }
    if (request.with_count) {
        page.count =
            filter.countable_from_stats() ? count_from_stats(db, filter) : count_matching(db, filter);
    }
    return page;
}

} // namespace helpdesk::postgres::detail
