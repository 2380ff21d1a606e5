// The FTS index and the stats aggregate follow ticket writes through triggers
// in the same transaction.
#include "repositories.hpp"
#include "ticket_list.hpp"
#include "ticket_rows.hpp"
#include "ticket_stats.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

std::int64_t ticket_repository::next_ticket_sequence() { return next_sequence_value(db(), "ticket"); }

void ticket_repository::insert(ticket& t) {
    static const std::string sql =
        sql::insert_sql("tickets", sql::ticket_write_columns, sql::placeholder_style::question);
    auto query = db().prepare(sql);
    sql::bind_ticket_fields(query, t);
    query.run();
    t.id = query.last_insert_rowid();
}

bool ticket_repository::update(const ticket& t, std::int64_t expected_version) {
    static const std::string sql = sql::update_sql("tickets", sql::ticket_write_columns, "id, version",
                                                   sql::placeholder_style::question);
    auto query = db().prepare(sql);
    sql::bind_ticket_fields(query, t);
    query.bind(t.id, expected_version);
    query.run();
    return query.changes() == 1;
}

std::optional<ticket> ticket_repository::find(ticket_id id) {
    static const std::string sql = "SELECT " + std::string{ticket_columns} + " FROM tickets WHERE id = ?";
    return db().query_one(sql, read_ticket, id);
}

std::optional<ticket> ticket_repository::find_by_number(std::string_view number) {
    static const std::string sql = "SELECT " + std::string{ticket_columns} + " FROM tickets WHERE ticket_number = ?";
    return db().query_one(sql, read_ticket, number);
}

ticket_page_result ticket_repository::list(const ticket_page_request& request) { return list_tickets(db(), request); }

ticket_stats ticket_repository::stats(std::optional<account_id> employee, time_point as_of) {
    return read_ticket_stats(db(), employee, as_of);
}

} // namespace helpdesk::sqlite::detail
