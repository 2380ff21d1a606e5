// The automations' side of ticket_repository (docs/product.md#automations),
// locked and skipped as the SLA notices are (ticket_sla_notices.cpp).
#include "repositories.hpp"
#include "ticket_rows.hpp"

#include <helpdesk/error.hpp>

#include <algorithm>
#include <string>

namespace helpdesk::postgres::detail {

std::vector<ticket> ticket_repository::waiting_on_owner(ticket_status status, time_point since, std::int64_t limit) {
    // Every term of the partial index (status, owner_reminded, waiting_on_owner_since, id).
    static const std::string select = "SELECT " + std::string{ticket_columns} +
                                      " FROM tickets WHERE status = $1 AND NOT owner_reminded AND "
                                      "waiting_on_owner_since IS NOT NULL AND waiting_on_owner_since <= $2 "
                                      "ORDER BY waiting_on_owner_since, id LIMIT $3";
    static const std::string reserve = select + " FOR NO KEY UPDATE SKIP LOCKED";
    params p;
    p.bind(status, since, std::max<std::int64_t>(limit, 0));
    const auto r = db().execute(mode() == tx_mode::write ? reserve : select, p);
    std::vector<ticket> rows;
    for (int i = 0; i < r.rows(); ++i) {
        rows.push_back(read_ticket(r, i));
    }
    return rows;
}

void ticket_repository::set_owner_reminded(ticket_id id) {
    params p;
    p.bind(id);
    if (db().execute("UPDATE tickets SET owner_reminded = true WHERE id = $1", p).affected() != 1) {
        throw error{errc::not_found, "ticket " + std::to_string(id) + " does not exist"};
    }
}

} // namespace helpdesk::postgres::detail
