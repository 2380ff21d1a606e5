#include "sla_compliance_sql.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace helpdesk::sql {

namespace {

// The tickets of one target whose clock has not stopped and is past its due
// date, per key. The WHERE terms repeat the partial indexes' predicate so
// that both stores choose them. Placeholders are added in text order (SQLite
// numbers `?` by position).
[[nodiscard]] std::string overdue_part(bindings& values, int kind, std::string_view target,
                                       std::optional<account_id> employee, time_point as_of) {
    const std::string due = "sla_" + std::string{target} + "_due";
    std::string sql = "SELECT " + std::to_string(kind) +
                      ", priority, department, count(*), 0, 0, 0, 0, 0 FROM tickets WHERE ";
    if (employee) {
        sql += "employee = " + values.add(*employee) + " AND ";
    }
    sql += "sla_" + std::string{target} + "_stopped_at IS NULL AND " + due + " IS NOT NULL AND " + due +
           " < " + values.add(as_of) + " GROUP BY priority, department";
    return sql;
}

} // namespace

statement_text sla_compliance_query(std::optional<account_id> employee, time_point as_of,
                                    placeholder_style style) {
    bindings values{style};
    std::string sql =
        "SELECT 0, priority, department, sum(first_response_met), sum(first_response_late), "
        "sum(first_response_open), sum(resolution_met), sum(resolution_late), sum(resolution_open) "
        "FROM sla_compliance_stats WHERE employee = " +
        values.add(employee.value_or(0)) + // employee 0 holds the all-tickets rows
        " GROUP BY priority, department UNION ALL ";
    sql += overdue_part(values, 1, "first_response", employee, as_of) + " UNION ALL ";
    sql += overdue_part(values, 2, "resolution", employee, as_of);
    return {std::move(sql), values.values()};
}

} // namespace helpdesk::sql
