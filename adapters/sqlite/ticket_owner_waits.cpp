// The automations' side of ticket_repository (docs/product.md#automations).
// As for the SLA notices, SQLite's one writer holds the rows it read.
#include "repositories.hpp"
#include "ticket_rows.hpp"

#include <helpdesk/error.hpp>

#include <algorithm>
#include <string>

namespace helpdesk::sqlite::detail {

std::vector<ticket> ticket_repository::waiting_on_owner(ticket_status status, time_point since, std::int64_t limit) {
    // Every term of the partial index (status, owner_reminded, waiting_on_owner_since).
    static const std::string sql = "SELECT " + std::string{ticket_columns} +
                                   " FROM tickets WHERE status = ? AND owner_reminded = 0 AND "
                                   "waiting_on_owner_since IS NOT NULL AND waiting_on_owner_since <= ? "
                                   "ORDER BY waiting_on_owner_since, id LIMIT ?";
    auto query = db().prepare(sql);
    query.bind(status, since, std::max<std::int64_t>(limit, 0));
    std::vector<ticket> rows;
    while (query.step()) {
        rows.push_back(read_ticket(query));
    }
    return rows;
}

void ticket_repository::set_owner_reminded(ticket_id id) {
    auto query = db().prepare("UPDATE tickets SET owner_reminded = 1 WHERE id = ?");
    query.bind(id);
    query.run();
    if (query.changes() != 1) {
        throw error{errc::not_found, "ticket " + std::to_string(id) + " does not exist"};
    }
}

} // namespace helpdesk::sqlite::detail
