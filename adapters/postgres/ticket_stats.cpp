#include "ticket_stats.hpp"

#include "list_runner.hpp"
#include "row_view.hpp"
#include "sql/sla_compliance_sql.hpp"
#include "sql/ticket_stats_sum.hpp"

#include <string>

namespace helpdesk::postgres::detail {

ticket_stats read_ticket_stats(connection& db, std::optional<account_id> employee, time_point as_of) {
    params p;
    p.bind(employee.value_or(0)); // employee 0 holds the all-tickets rows
    auto r = db.execute("SELECT status, priority, department, sum(n), sum(sum_response), sum(n_response), "
                        "sum(sum_resolution), sum(n_resolution) FROM ticket_stats WHERE employee = $1 "
                        "GROUP BY status, priority, department HAVING sum(n) > 0",
                        p);
    sql::ticket_stats_sum sum;
    for (int i = 0; i < r.rows(); ++i) {
        sum.add(row_view{r, i});
    }
    for_each_row(db, sql::sla_compliance_query(employee, as_of, sql::placeholder_style::numbered),
                 [&](const row_view& row) { sum.add_sla(row); });
    return sum.result();
}

} // namespace helpdesk::postgres::detail
