#include "ticket_stats.hpp"

#include "list_runner.hpp"
#include "row_view.hpp"
#include "sql/sla_compliance_sql.hpp"
#include "sql/ticket_stats_sum.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

ticket_stats read_ticket_stats(connection& db, std::optional<account_id> employee, time_point as_of) {
    auto query = db.prepare("SELECT status, priority, department, n, sum_response, n_response, sum_resolution, "
                            "n_resolution FROM ticket_stats WHERE employee = ? AND n > 0");
    query.bind(employee.value_or(0)); // employee 0 holds the all-tickets rows
    sql::ticket_stats_sum sum;
    while (query.step()) {
        sum.add(row_view{query});
    }
    for_each_row(db, sql::sla_compliance_query(employee, as_of, sql::placeholder_style::question),
                 [&](const row_view& row) { sum.add_sla(row); });
    return sum.result();
}

} // namespace helpdesk::sqlite::detail
