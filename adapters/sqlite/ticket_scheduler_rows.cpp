// The scheduler's side of ticket_repository (SQL in sql/scheduler_sql.hpp).
// SQLite has one writer at a time, so a write transaction holds the rows it
// read until it ends; nothing else can take them meanwhile.
#include "repositories.hpp"
#include "ticket_rows.hpp"

#include "sql/scheduler_sql.hpp"

#include <helpdesk/error.hpp>

#include <algorithm>
#include <string>

namespace helpdesk::sqlite::detail {

namespace {

template <class... Keys> std::vector<ticket> tickets_of(connection& db, const std::string& sql, const Keys&... keys) {
    auto query = db.prepare(sql);
    query.bind(keys...);
    std::vector<ticket> rows;
    while (query.step()) {
        rows.push_back(read_ticket(query));
    }
    return rows;
}

template <class... Values> void update_one(connection& db, const std::string& sql, ticket_id id, const Values&... values) {
    auto query = db.prepare(sql);
    query.bind(values..., id);
    query.run();
    if (query.changes() != 1) {
        throw error{errc::not_found, "ticket " + std::to_string(id) + " does not exist"};
    }
}

constexpr auto style = sql::placeholder_style::question;

} // namespace

std::vector<ticket> ticket_repository::due_sla_notices(time_point now, std::int64_t limit) {
    static const std::string sql = sql::due_sla_notices_sql(style);
    return tickets_of(db(), sql, now, std::max<std::int64_t>(limit, 0));
}

void ticket_repository::set_sla_notified(ticket_id id, std::int32_t sent, std::optional<time_point> next) {
    static const std::string sql = sql::set_sla_notified_sql(style);
    update_one(db(), sql, id, sent, next);
}

std::vector<ticket> ticket_repository::waiting_on_owner(ticket_status status, time_point since, std::int64_t limit) {
    static const std::string sql = sql::waiting_on_owner_sql(style);
    return tickets_of(db(), sql, status, since, std::max<std::int64_t>(limit, 0));
}

void ticket_repository::set_owner_reminded(ticket_id id) {
    static const std::string sql = sql::set_owner_reminded_sql(style);
    update_one(db(), sql, id, true);
}

} // namespace helpdesk::sqlite::detail
