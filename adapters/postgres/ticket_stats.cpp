#include "ticket_stats.hpp"

#include "sql/enum_column.hpp"

#include <string>

namespace helpdesk::postgres::detail {

ticket_stats read_ticket_stats(connection& db, std::optional<account_id> employee) {
    params p;
    p.bind(employee.value_or(0)); // employee 0 holds the all-tickets rows
    auto r = db.execute("SELECT status, priority, department, sum(n), sum(sum_response), sum(n_response), "
                        "sum(sum_resolution), sum(n_resolution) FROM ticket_stats WHERE employee = $1 "
                        "GROUP BY status, priority, department HAVING sum(n) > 0",
                        p);
    ticket_stats stats;
    std::int64_t sum_response = 0;
    std::int64_t n_response = 0;
    std::int64_t sum_resolution = 0;
    std::int64_t n_resolution = 0;
    for (int i = 0; i < r.rows(); ++i) {
        const auto status = sql::enum_from_column(r.int64(i, 0), ticket_status::withdrawn);
        const auto prio = sql::enum_from_column(r.int64(i, 1), priority::critical);
        const auto n = r.int64(i, 3);
        stats.total += n;
        stats.by_status[std::string{to_string(status)}] += n;
        stats.by_priority[std::string{to_string(prio)}] += n;
        stats.by_department[r.text(i, 2)] += n;
        sum_response += r.int64(i, 4);
        n_response += r.int64(i, 5);
        sum_resolution += r.int64(i, 6);
        n_resolution += r.int64(i, 7);
    }
    if (n_response > 0) {
        stats.mean_response_seconds = static_cast<double>(sum_response) / static_cast<double>(n_response);
    }
    if (n_resolution > 0) {
        stats.mean_resolution_seconds =
            static_cast<double>(sum_resolution) / static_cast<double>(n_resolution);
    }
    return stats;
}

} // namespace helpdesk::postgres::detail
