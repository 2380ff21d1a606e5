#include "scheduler_sql.hpp"

#include "row_mappers.hpp"
#include "write_sql.hpp"

namespace helpdesk::sql {

std::string due_sla_notices_sql(placeholder_style style) {
    return "SELECT " + std::string{ticket_columns} +
           " FROM tickets WHERE sla_next_notice_at IS NOT NULL AND sla_next_notice_at <= " + placeholder(style, 1) +
           " ORDER BY sla_next_notice_at, id LIMIT " + placeholder(style, 2);
}

std::string waiting_on_owner_sql(placeholder_style style) {
    // `= false` reads the flag as SQLite's 0 and PostgreSQL's boolean alike.
    return "SELECT " + std::string{ticket_columns} + " FROM tickets WHERE status = " + placeholder(style, 1) +
           " AND owner_reminded = false AND waiting_on_owner_since IS NOT NULL AND waiting_on_owner_since <= " +
           placeholder(style, 2) + " ORDER BY waiting_on_owner_since, id LIMIT " + placeholder(style, 3);
}

std::string set_sla_notified_sql(placeholder_style style) {
    return update_sql("tickets", "sla_notified, sla_next_notice_at", "id", style);
}

std::string set_owner_reminded_sql(placeholder_style style) {
    return update_sql("tickets", "owner_reminded", "id", style);
}

} // namespace helpdesk::sql
