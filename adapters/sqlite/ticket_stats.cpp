#include "ticket_stats.hpp"

#include "row_view.hpp"
#include "sql/ticket_stats_sum.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

ticket_stats read_ticket_stats(connection& db, std::optional<account_id> employee) {
    auto query = db.prepare("SELECT status, priority, department, n, sum_response, n_response, sum_resolution, "
                            "n_resolution FROM ticket_stats WHERE employee = ? AND n > 0");
    query.bind(employee.value_or(0)); // employee 0 holds the all-tickets rows
    sql::ticket_stats_sum sum;
    while (query.step()) {
        sum.add(row_view{query});
    }
    return sum.result();
}

} // namespace helpdesk::sqlite::detail
