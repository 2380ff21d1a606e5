// The scheduler's side of ticket_repository (SQL in sql/scheduler_sql.hpp).
// In a write transaction the rows read are locked FOR NO KEY UPDATE SKIP
// LOCKED: schedulers in several processes take disjoint batches, and a
// ticket being changed meanwhile is left for the next pass (under REPEATABLE
// READ a row changed after this transaction began fails it, and the pass
// runs again).
#include "repositories.hpp"
#include "ticket_rows.hpp"

#include "sql/scheduler_sql.hpp"

#include <helpdesk/error.hpp>

#include <algorithm>
#include <string>

namespace helpdesk::postgres::detail {

namespace {

constexpr auto style = sql::placeholder_style::numbered;
constexpr std::string_view reserve = " FOR NO KEY UPDATE SKIP LOCKED";

// The rows of `select` (reserved in a write transaction) bound to `p`.
std::vector<ticket> tickets_of(connection& db, tx_mode mode, const std::string& select, const std::string& reserving,
                               const params& p) {
    const auto r = db.execute(mode == tx_mode::write ? reserving : select, p);
    std::vector<ticket> rows;
    for (int i = 0; i < r.rows(); ++i) {
        rows.push_back(read_ticket(r, i));
    }
    return rows;
}

void update_one(connection& db, const std::string& sql, ticket_id id, params& p) {
    p.bind(id);
    if (db.execute(sql, p).affected() != 1) {
        throw error{errc::not_found, "ticket " + std::to_string(id) + " does not exist"};
    }
}

} // namespace

std::vector<ticket> ticket_repository::due_sla_notices(time_point now, std::int64_t limit) {
    static const std::string select = sql::due_sla_notices_sql(style);
    static const std::string reserving = select + std::string{reserve};
    params p;
    p.bind(now, std::max<std::int64_t>(limit, 0));
    return tickets_of(db(), mode(), select, reserving, p);
}

void ticket_repository::set_sla_notified(ticket_id id, std::int32_t sent, std::optional<time_point> next) {
    static const std::string sql = sql::set_sla_notified_sql(style);
    params p;
    p.bind(sent, next);
    update_one(db(), sql, id, p);
}

std::vector<ticket> ticket_repository::waiting_on_owner(ticket_status status, time_point since, std::int64_t limit) {
    static const std::string select = sql::waiting_on_owner_sql(style);
    static const std::string reserving = select + std::string{reserve};
    params p;
    p.bind(status, since, std::max<std::int64_t>(limit, 0));
    return tickets_of(db(), mode(), select, reserving, p);
}

void ticket_repository::set_owner_reminded(ticket_id id) {
    static const std::string sql = sql::set_owner_reminded_sql(style);
    params p;
    p.bind(true);
    update_one(db(), sql, id, p);
}

} // namespace helpdesk::postgres::detail
