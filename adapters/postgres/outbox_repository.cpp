// Inserts and updates keep the per-state counts (`outbox_counts`, this
// connection's shard) in the same statement; `count` and `list` sum the
// shards. In a write transaction `due` locks its rows `FOR UPDATE SKIP
// LOCKED`, so concurrent claimers get disjoint events without waiting.
// `update_if_leased` locks the row only while its lease is the held one; under
// the store's repeatable-read writes a concurrent settle of the same row fails
// this transaction as a transient conflict (retried by the services).
#include "repositories.hpp"
#include "row_view.hpp"
#include "sql/list_plans.hpp"
#include "sql/row_mappers.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace helpdesk::postgres::detail {

namespace {

using sql::event_columns;

// The UPDATE of `update` and `update_if_leased` ($1..$9, and $10 the held
// lease when `leased`). The old state comes from the locked row itself, so
// the counts move from exactly the state being replaced; a row whose lease
// changed is not selected, so nothing is written or counted.
[[nodiscard]] std::string update_sql(bool leased) {
    return std::string{"WITH old AS (SELECT id, state FROM outbox_events WHERE id = $8"} +
           (leased ? " AND lease = $10" : "") +
           " FOR NO KEY UPDATE), "
           "upd AS (UPDATE outbox_events AS e SET state = $1, attempts = $2, last_error = $3, "
           "next_attempt_at = $4, lease = $5, secret = $6, delivered_to = $7 "
           "FROM old WHERE e.id = old.id RETURNING old.state AS old_state, e.state AS new_state), "
           "c AS (INSERT INTO outbox_counts (state, shard, n) "
           "SELECT s, $9::smallint, sum(d) FROM (SELECT old_state, -1 FROM upd UNION ALL SELECT "
           "new_state, 1 FROM upd) "
           "AS x (s, d) GROUP BY s HAVING sum(d) <> 0 "
           "ON CONFLICT (state, shard) DO UPDATE SET n = outbox_counts.n + excluded.n) "
           "SELECT count(*) FROM upd";
}

[[nodiscard]] params update_params(const outbox_event& e, int shard) {
    params p;
    p.bind(e.state, e.attempts, e.last_error, e.next_attempt_at, e.lease, e.secret, join_channel_names(e.delivered_to),
           e.id, shard);
    return p;
}

[[nodiscard]] outbox_event read_event(const result& r, int row) {
    return sql::read_event(row_view{r, row});
}

} // namespace

void outbox_repository::insert(outbox_event& e) {
    if (const auto id = db().take_reserved_id(connection::reserved_for::outbox)) {
        // Nothing waits for this row: it travels with the next round trip.
        params p;
        p.bind(*id, e.kind, e.account, e.ticket, e.payload, e.created_at, e.state, e.attempts, e.last_error,
               e.next_attempt_at, e.lease, e.secret, join_channel_names(e.delivered_to), db().shard());
        db().defer(
            "WITH e AS (INSERT INTO outbox_events (id, kind, account_id, ticket_id, payload, created_at, "
            "state, attempts, last_error, next_attempt_at, lease, secret, delivered_to) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING state) "
            "INSERT INTO outbox_counts (state, shard, n) SELECT state, $14::smallint, 1 FROM e "
            "ON CONFLICT (state, shard) DO UPDATE SET n = outbox_counts.n + 1",
            std::move(p));
        e.id = *id;
        return;
    }
    params p;
    p.bind(e.kind, e.account, e.ticket, e.payload, e.created_at, e.state, e.attempts, e.last_error,
           e.next_attempt_at, e.lease, e.secret, join_channel_names(e.delivered_to), db().shard());
    auto r = db().execute(
        "WITH e AS (INSERT INTO outbox_events (kind, account_id, ticket_id, payload, created_at, state, "
        "attempts, last_error, next_attempt_at, lease, secret, delivered_to) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id, state), "
        "c AS (INSERT INTO outbox_counts (state, shard, n) SELECT state, $13::smallint, 1 FROM e "
        "ON CONFLICT (state, shard) DO UPDATE SET n = outbox_counts.n + 1) "
        "SELECT id FROM e",
        p);
    e.id = r.int64(0, 0);
}

std::vector<outbox_event> outbox_repository::due(time_point now, std::int64_t limit) {
    // Walks the partial index of pending events in id order; the state term
    // repeats the index's predicate so the planner may use it.
    static const std::string select = "SELECT " + std::string{event_columns} +
                                      " FROM outbox_events WHERE state = 0 AND next_attempt_at <= $1 "
                                      "ORDER BY id LIMIT $2";
    static const std::string reserve = select + " FOR UPDATE SKIP LOCKED";
    params p;
    p.bind(now, std::max<std::int64_t>(limit, 0));
    auto r = db().execute(mode() == tx_mode::write ? reserve : select, p);
    std::vector<outbox_event> rows;
    for (int i = 0; i < r.rows(); ++i) {
        rows.push_back(read_event(r, i));
    }
    return rows;
}

std::optional<outbox_event> outbox_repository::find(row_id id) {
    static const std::string sql =
        "SELECT " + std::string{event_columns} + " FROM outbox_events WHERE id = $1";
    return fetch_one(db(), sql, read_event, id);
}

void outbox_repository::update(const outbox_event& e) {
    static const std::string sql = update_sql(false);
    if (db().execute(sql, update_params(e, db().shard())).int64(0, 0) == 0) {
        throw error{errc::not_found, "outbox event " + std::to_string(e.id) + " does not exist"};
    }
}

bool outbox_repository::update_if_leased(const outbox_event& e, std::string_view held_lease) {
    static const std::string sql = update_sql(true);
    auto p = update_params(e, db().shard());
    p.add(held_lease);
    return db().execute(sql, p).int64(0, 0) == 1;
}

std::int64_t outbox_repository::count(outbox_state state) {
    params p;
    p.bind(state);
    return db().execute("SELECT coalesce(sum(n), 0) FROM outbox_counts WHERE state = $1", p).int64(0, 0);
}

} // namespace helpdesk::postgres::detail
