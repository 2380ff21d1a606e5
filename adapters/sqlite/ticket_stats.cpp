#include "ticket_stats.hpp"

#include "sql/enum_column.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

ticket_stats read_ticket_stats(connection& db, std::optional<account_id> employee) {
    auto query = db.prepare("SELECT status, priority, department, n, sum_response, n_response, sum_resolution, "
                            "n_resolution FROM ticket_stats WHERE employee = ? AND n > 0");
    query.bind(employee.value_or(0)); // employee 0 holds the all-tickets rows
    ticket_stats stats;
    std::int64_t sum_response = 0;
    std::int64_t n_response = 0;
    std::int64_t sum_resolution = 0;
    std::int64_t n_resolution = 0;
    while (query.step()) {
        const auto status = sql::enum_from_column(query.column_int64(0), ticket_status::withdrawn);
        const auto prio = sql::enum_from_column(query.column_int64(1), priority::critical);
        const auto n = query.column_int64(3);
        stats.total += n;
        stats.by_status[std::string{to_string(status)}] += n;
        stats.by_priority[std::string{to_string(prio)}] += n;
        stats.by_department[query.column_text(2)] += n;
        sum_response += query.column_int64(4);
        n_response += query.column_int64(5);
        sum_resolution += query.column_int64(6);
        n_resolution += query.column_int64(7);
    }
    if (n_response > 0) {
        stats.mean_response_seconds = static_cast<double>(sum_response) / static_cast<double>(n_response);
    }
    if (n_resolution > 0) {
        stats.mean_resolution_seconds = static_cast<double>(sum_resolution) / static_cast<double>(n_resolution);
    }
    return stats;
}

} // namespace helpdesk::sqlite::detail
