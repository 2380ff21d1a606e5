// The SLA scheduler's side of ticket_repository. In a write transaction the
// due rows are locked FOR NO KEY UPDATE SKIP LOCKED: schedulers in several
// processes take disjoint batches, and a ticket being changed meanwhile is
// left for the next pass (under REPEATABLE READ a row changed after this
// transaction began fails it, and the pass runs again).
#include "repositories.hpp"
#include "ticket_rows.hpp"

#include <helpdesk/error.hpp>

#include <algorithm>
#include <string>

namespace helpdesk::postgres::detail {

std::vector<ticket> ticket_repository::due_sla_notices(time_point now, std::int64_t limit) {
    // The IS NOT NULL term repeats the partial index's predicate.
    static const std::string select = "SELECT " + std::string{ticket_columns} +
                                      " FROM tickets WHERE sla_next_notice_at IS NOT NULL AND "
                                      "sla_next_notice_at <= $1 ORDER BY sla_next_notice_at, id LIMIT $2";
    static const std::string reserve = select + " FOR NO KEY UPDATE SKIP LOCKED";
    params p;
    p.bind(now, std::max<std::int64_t>(limit, 0));
    const auto r = db().execute(mode() == tx_mode::write ? reserve : select, p);
    std::vector<ticket> rows;
    for (int i = 0; i < r.rows(); ++i) {
        rows.push_back(read_ticket(r, i));
    }
    return rows;
}

void ticket_repository::set_sla_notified(ticket_id id, std::int32_t sent, std::optional<time_point> next) {
    params p;
    p.bind(sent, next, id);
    if (db().execute("UPDATE tickets SET sla_notified = $1, sla_next_notice_at = $2 WHERE id = $3", p).affected() !=
        1) {
        throw error{errc::not_found, "ticket " + std::to_string(id) + " does not exist"};
    }
}

} // namespace helpdesk::postgres::detail
