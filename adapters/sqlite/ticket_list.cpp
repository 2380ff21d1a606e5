#include "ticket_list.hpp"

#include "fts_query.hpp"
#include "ticket_rows.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace helpdesk::sqlite::detail {

namespace {

/// The WHERE clause of a filter and the values its placeholders take.
class ticket_where {
public:
    /// `per_status`: leave the statuses out of `sql()`/`bind` (the caller
    /// runs one branch per status).
    ticket_where(const ticket_filter& filter, bool per_status) : filter_{filter}, per_status_{per_status} {
        statuses_.assign(filter.statuses.begin(), filter.statuses.end());
        std::sort(statuses_.begin(), statuses_.end());
        statuses_.erase(std::unique(statuses_.begin(), statuses_.end()), statuses_.end());
        if (filter.search) {
            fts_ = to_fts_query(*filter.search);
        }

        if (per_status_) {
            sql_ += " AND status = ?";
        } else if (!statuses_.empty()) {
            sql_ += " AND status IN (?";
            for (std::size_t i = 1; i < statuses_.size(); ++i) {
                sql_ += ", ?";
            }
            sql_ += ")";
        }
        if (filter.ticket_priority) {
            sql_ += " AND priority = ?";
        }
        if (filter.department) {
            sql_ += " AND department = ?";
        }
        if (filter.category) {
            sql_ += " AND category = ?";
        }
        if (filter.sub_category) {
            sql_ += " AND sub_category = ?";
        }
        if (filter.assigned_to) {
            sql_ += " AND assigned_to = ?";
        }
        if (filter.employee) {
            sql_ += " AND employee = ?";
        }
        if (fts_) {
            sql_ += " AND id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?)";
        }
        if (filter.submitted_after) {
            sql_ += " AND submit_date >= ?";
        }
        if (filter.submitted_before) {
            sql_ += " AND submit_date < ?";
        }
    }

    /// ` AND ...` conditions (possibly empty).
    [[nodiscard]] const std::string& sql() const noexcept { return sql_; }

    /// Binds the filter values in the order `sql()` names them.
    void bind(statement& query, std::optional<ticket_status> branch = std::nullopt) const {
        if (per_status_) {
            query.bind(branch.value_or(ticket_status::new_));
        } else {
            for (auto status : statuses_) {
                query.bind(status);
            }
        }
        if (filter_.ticket_priority) {
            query.bind(*filter_.ticket_priority);
        }
        if (filter_.department) {
            query.bind(*filter_.department);
        }
        if (filter_.category) {
            query.bind(*filter_.category);
        }
        if (filter_.sub_category) {
            query.bind(*filter_.sub_category);
        }
        if (filter_.assigned_to) {
            query.bind(*filter_.assigned_to);
        }
        if (filter_.employee) {
            query.bind(*filter_.employee);
        }
        if (fts_) {
            query.bind(*fts_);
        }
        if (filter_.submitted_after) {
            query.bind(*filter_.submitted_after);
        }
        if (filter_.submitted_before) {
            query.bind(*filter_.submitted_before);
        }
    }

    /// True when the count can be read from the stats aggregate.
    [[nodiscard]] bool countable_from_stats() const noexcept {
        return !filter_.ticket_priority && !filter_.department && !filter_.category && !filter_.sub_category &&
               !filter_.assigned_to && !fts_ && !filter_.submitted_after && !filter_.submitted_before;
    }

    [[nodiscard]] const std::vector<ticket_status>& statuses() const noexcept { return statuses_; }

private:
    const ticket_filter& filter_;
    bool per_status_;
    std::vector<ticket_status> statuses_; // sorted, distinct: fewer SQL variants
    std::optional<std::string> fts_;      // nullopt: no usable search term
    std::string sql_;
};

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

[[nodiscard]] std::int64_t count_from_stats(connection& db, const ticket_where& where,
                                            std::optional<account_id> employee) {
    std::string sql = "SELECT coalesce(sum(n), 0) FROM ticket_stats WHERE employee = ?";
    if (!where.statuses().empty()) {
        sql += " AND status IN (?";
        for (std::size_t i = 1; i < where.statuses().size(); ++i) {
            sql += ", ?";
        }
        sql += ")";
    }
    auto query = db.prepare(sql);
    query.bind(employee.value_or(0)); // employee 0 holds the all-tickets rows
    for (auto status : where.statuses()) {
        query.bind(status);
    }
    return query.step() ? query.column_int64(0) : 0;
}

[[nodiscard]] std::int64_t count_matching(connection& db, const ticket_where& where) {
    auto query = db.prepare("SELECT count(*) FROM tickets WHERE 1" + where.sql());
    where.bind(query);
    return query.step() ? query.column_int64(0) : 0;
}

} // namespace

ticket_page_result list_tickets(connection& db, const ticket_page_request& request) {
    const ticket_where where{request.filter, false};
    // SQLite cannot merge the ordered index ranges of `status IN (...)`, so it
    // would sort every match; one ordered, limited branch per status merged by
    // an outer sort reads at most statuses x (offset + limit) rows instead.
    const bool per_status = where.statuses().size() > 1;
    const ticket_where branch_where{request.filter, true};
    const std::string_view column = order_column(request.order.field);
    const std::string_view direction = request.order.descending ? " DESC" : " ASC";

    auto order_by = [&] {
        std::string text = " ORDER BY ";
        text += column;
        text += direction;
        text += ", id";
        text += direction;
        return text;
    };
    auto select_part = [&](const ticket_where& w) {
        std::string text = "SELECT " + std::string{ticket_columns} + " FROM tickets WHERE 1" + w.sql();
        if (request.after) {
            text += " AND (";
            text += column;
            text += request.order.descending ? ", id) < (?, ?)" : ", id) > (?, ?)";
        }
        return text;
    };

    std::string sql;
    if (per_status) {
        sql = "SELECT * FROM (";
        for (std::size_t i = 0; i < where.statuses().size(); ++i) {
            sql += i == 0 ? "" : " UNION ALL ";
            sql += "SELECT * FROM (" + select_part(branch_where) + order_by() + " LIMIT ?)";
        }
        sql += ")" + order_by();
    } else {
        sql = select_part(where) + order_by();
    }
    sql += request.after ? " LIMIT ?" : " LIMIT ? OFFSET ?";

    const std::int64_t limit = std::max<std::int64_t>(request.limit, 0);
    const std::int64_t offset = request.after ? 0 : std::max<std::int64_t>(request.offset, 0);
    ticket_page_result result;
    {
        auto query = db.prepare(sql);
        auto bind_keyset = [&] {
            if (request.after) {
                query.bind(request.after->key, request.after->id);
            }
        };
        if (per_status) {
            for (auto status : where.statuses()) {
                branch_where.bind(query, status);
                bind_keyset();
                // Saturating: offset + limit may exceed int64 for absurd offsets.
                query.bind(limit > INT64_MAX - offset ? INT64_MAX : limit + offset);
            }
        } else {
            where.bind(query);
            bind_keyset();
        }
        query.bind(limit);
        if (!request.after) {
            query.bind(offset);
        }
        while (query.step()) {
            result.rows.push_back(read_ticket(query));
        }
    }
    if (request.with_count) {
        result.count = where.countable_from_stats() ? count_from_stats(db, where, request.filter.employee)
                                                    : count_matching(db, where);
    }
    return result;
}

} // namespace helpdesk::sqlite::detail
