// The search vector is a generated column, recomputed by the writing
// statement; the stats aggregate (this connection's shard) is upserted by the
// same statement that inserts or updates the ticket, which knows the old and
// new values; so is the SLA compliance aggregate (sla_compliance_delta.hpp).
// Statements that can break a unique or foreign key run under a savepoint,
// so a conflict leaves the transaction usable. The ticket number
// is `nextval` of its sequence: gaps allowed. `insert` also reserves an id for
// the next history row and outbox event of this transaction: `insert_history`
// (ticket_records.cpp) and the outbox's `insert` then set `e.id` to it and
// defer their row to the next round trip (its failure is thrown by that later
// call); without a reserved id they insert at once.
#include "repositories.hpp"
#include "sla_compliance_delta.hpp"
#include "ticket_list.hpp"
#include "ticket_rows.hpp"
#include "ticket_stats.hpp"

#include <string>

namespace helpdesk::postgres::detail {

namespace {

// Upserts the rows of CTE `delta` (employee, status, priority, department and
// the five measures) into this connection's shard, one row per key.
constexpr std::string_view stats_upsert =
    "INSERT INTO ticket_stats (employee, status, priority, department, shard, n, sum_response, n_response, "
    "sum_resolution, n_resolution) "
    "SELECT employee, status, priority, department, $SHARD::smallint, sum(n), sum(sum_response), "
    "sum(n_response), "
    "sum(sum_resolution), sum(n_resolution) FROM delta GROUP BY employee, status, priority, department "
    "HAVING sum(n) <> 0 OR sum(sum_response) <> 0 OR sum(n_response) <> 0 OR sum(sum_resolution) <> 0 "
    "OR sum(n_resolution) <> 0 "
    "ON CONFLICT (employee, status, priority, department, shard) DO UPDATE SET "
    "n = ticket_stats.n + excluded.n, sum_response = ticket_stats.sum_response + excluded.sum_response, "
    "n_response = ticket_stats.n_response + excluded.n_response, "
    "sum_resolution = ticket_stats.sum_resolution + excluded.sum_resolution, "
    "n_resolution = ticket_stats.n_resolution + excluded.n_resolution";

// One ticket's contribution, under its owner and under employee 0, from
// relation `src` with columns prefixed by `prefix`, times `sign`.
[[nodiscard]] std::string contribution(std::string_view src, std::string_view prefix, std::string_view sign) {
    const std::string c{prefix};
    const std::string s{sign};
    return "SELECT k.e, " + c + "status, " + c + "priority, " + c + "department, " + s + "1, " + s +
           "coalesce(" + c + "response_seconds, 0), " + s + "(" + c + "response_seconds IS NOT NULL)::int, " +
           s + "coalesce(" + c + "resolution_seconds, 0), " + s + "(" + c +
           "resolution_seconds IS NOT NULL)::int FROM " + std::string{src} + " CROSS JOIN LATERAL (VALUES (" +
           c + "employee), (0::bigint)) AS k (e)";
}

[[nodiscard]] std::string with_shard(std::string sql, std::string_view placeholder) {
    for (auto at = sql.find("$SHARD"); at != std::string::npos; at = sql.find("$SHARD", at)) {
        sql.replace(at, 6, placeholder);
    }
    return sql;
}

// A new ticket is followed by its "created" history row and its outbox
// event (see ticket_service::create). Drawing their ids here, in the insert's
// own round trip, lets those inserts be deferred to the next one (see
// `connection::defer`) and still set the id the port promises. An id drawn
// and not used is a gap, as a rolled-back insert leaves. (Updates draw none:
// the services write history and events before they save the ticket.)
constexpr std::string_view reserve_ids = "nextval('ticket_history_id_seq'), nextval('outbox_events_id_seq')";

// The placeholder of the `n`th value bound after the ticket's write columns.
[[nodiscard]] std::string after_ticket_fields(std::size_t n) {
    return "$" + std::to_string(sql::column_count(sql::ticket_write_columns) + n);
}

constexpr std::string_view delta_columns = "delta (employee, status, priority, department, n, sum_response, "
                                           "n_response, sum_resolution, n_resolution)";

const std::string insert_sql = with_shard(
    "WITH t AS (" + sql::insert_sql("tickets", sql::ticket_write_columns, sql::placeholder_style::numbered) +
        " RETURNING id, employee, status, priority, department, response_seconds, resolution_seconds, " +
        sla_compliance_columns("") + "), " + std::string{delta_columns} + " AS (" + contribution("t", "t.", "") +
        "), s AS (" + std::string{stats_upsert} + "), " + std::string{sla_delta_columns} + " AS (" +
        sla_contribution("t", "t.", "") + "), c AS (" + sla_compliance_upsert() + ") SELECT id, " +
        std::string{reserve_ids} + " FROM t",
    after_ticket_fields(1));

// `old` locks the row and keeps its values; the UPDATE joins it, so RETURNING
// yields old and new values of exactly the row version replaced. FOR NO KEY
// UPDATE, the lock the UPDATE itself takes: FOR UPDATE would also conflict
// with the KEY SHARE locks that inserting this ticket's comments and history
// (foreign keys) took earlier in the same transactions, and two writers of
// one ticket would deadlock instead of one waiting for the other.
const std::string update_sql = with_shard(
    "WITH old AS (SELECT id, employee, status, priority, department, response_seconds, resolution_seconds, " +
        sla_compliance_columns("") + " FROM tickets WHERE id = " +
        after_ticket_fields(1) +
        " FOR NO KEY UPDATE), "
        "upd AS (UPDATE tickets AS t SET " +
        sql::assignments(sql::ticket_write_columns, sql::placeholder_style::numbered) +
        " FROM old WHERE t.id = old.id AND t.version = " + after_ticket_fields(2) +
        " "
        "RETURNING old.employee AS o_employee, old.status AS o_status, old.priority AS o_priority, "
        "old.department AS o_department, old.response_seconds AS o_response_seconds, "
        "old.resolution_seconds AS o_resolution_seconds, t.employee, t.status, t.priority, t.department, "
        "t.response_seconds, t.resolution_seconds, " +
        sla_compliance_columns("old.", "o_") + ", " + sla_compliance_columns("t.") + "), " +
        std::string{delta_columns} + " AS (" + contribution("upd AS u", "u.o_", "-") + " UNION ALL " +
        contribution("upd AS u", "u.", "") + "), s AS (" + std::string{stats_upsert} + "), " +
        std::string{sla_delta_columns} + " AS (" + sla_contribution("upd AS u", "u.o_", "-") + " UNION ALL " +
        sla_contribution("upd AS u", "u.", "") + "), c AS (" + sla_compliance_upsert() +
        ") SELECT count(*) FROM upd",
    after_ticket_fields(3));

} // namespace

std::int64_t ticket_repository::next_ticket_sequence() {
    return db().execute("SELECT nextval('ticket_number_seq')").int64(0, 0);
}

void ticket_repository::insert(ticket& t) {
    params p;
    sql::bind_ticket_fields(p, t);
    p.bind(db().shard());
    const auto r = db().execute(insert_sql, p, true);
    t.id = r.int64(0, 0);
    db().reserve_id(connection::reserved_for::history, r.int64(0, 1));
    db().reserve_id(connection::reserved_for::outbox, r.int64(0, 2));
}

bool ticket_repository::update(const ticket& t, std::int64_t expected_version) {
    params p;
    sql::bind_ticket_fields(p, t);
    p.bind(t.id, expected_version, db().shard());
    return db().execute(update_sql, p, true).int64(0, 0) == 1;
}

std::optional<ticket> ticket_repository::find(ticket_id id) {
    static const std::string sql = "SELECT " + std::string{ticket_columns} + " FROM tickets WHERE id = $1";
    return fetch_one(db(), sql, read_ticket, id);
}

std::optional<ticket> ticket_repository::find_by_number(std::string_view number) {
    static const std::string sql =
        "SELECT " + std::string{ticket_columns} + " FROM tickets WHERE ticket_number = $1";
    return fetch_one(db(), sql, read_ticket, number);
}

ticket_page_result ticket_repository::list(const ticket_page_request& request) {
    return list_tickets(db(), request);
}

ticket_stats ticket_repository::stats(std::optional<account_id> employee, time_point as_of) {
    return read_ticket_stats(db(), employee, as_of);
}

} // namespace helpdesk::postgres::detail
