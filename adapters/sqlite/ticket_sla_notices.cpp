// The SLA scheduler's side of ticket_repository. SQLite has one writer at a
// time, so a write transaction's `due_sla_notices` holds its rows until it
// ends; nothing else can take them meanwhile.
#include "repositories.hpp"
#include "ticket_rows.hpp"

#include <helpdesk/error.hpp>

#include <algorithm>
#include <string>

namespace helpdesk::sqlite::detail {

std::vector<ticket> ticket_repository::due_sla_notices(time_point now, std::int64_t limit) {
    // The IS NOT NULL term repeats the partial index's predicate.
    static const std::string sql = "SELECT " + std::string{ticket_columns} +
                                   " FROM tickets WHERE sla_next_notice_at IS NOT NULL AND sla_next_notice_at <= ? "
                                   "ORDER BY sla_next_notice_at, id LIMIT ?";
    auto query = db().prepare(sql);
    query.bind(now, std::max<std::int64_t>(limit, 0));
    std::vector<ticket> rows;
    while (query.step()) {
        rows.push_back(read_ticket(query));
    }
    return rows;
}

void ticket_repository::set_sla_notified(ticket_id id, std::int32_t sent, std::optional<time_point> next) {
    auto query = db().prepare("UPDATE tickets SET sla_notified = ?, sla_next_notice_at = ? WHERE id = ?");
    query.bind(sent, next, id);
    query.run();
    if (query.changes() != 1) {
        throw error{errc::not_found, "ticket " + std::to_string(id) + " does not exist"};
    }
}

} // namespace helpdesk::sqlite::detail
