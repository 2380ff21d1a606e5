#include "outbox_repository.hpp"

#include "enum_column.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace helpdesk::postgres::detail {

namespace {

constexpr std::string_view event_columns =
    "id, kind, account_id, ticket_id, payload, created_at, state, attempts, "
    "last_error, next_attempt_at";

[[nodiscard]] outbox_event read_event(const result& r, int row) {
    outbox_event e;
    e.id = r.int64(row, 0);
    e.kind = r.text(row, 1);
    e.account = r.optional_int64(row, 2);
    e.ticket = r.optional_int64(row, 3);
    e.payload = r.text(row, 4);
    e.created_at = r.time(row, 5);
    e.state = enum_from_column(r.int64(row, 6), outbox_state::dead);
    e.attempts = static_cast<std::int32_t>(r.int64(row, 7));
    e.last_error = r.optional_text(row, 8);
    e.next_attempt_at = r.time(row, 9);
    return e;
}

} // namespace

void outbox_repository::insert(outbox_event& e) {
    if (const auto id = db().take_reserved_id(connection::reserved_for::outbox)) {
        // Nothing waits for this row: it travels with the next round trip.
        params p;
        p.bind(*id, e.kind, e.account, e.ticket, e.payload, e.created_at, e.state, e.attempts, e.last_error,
               e.next_attempt_at, db().shard());
        db().defer(
            "WITH e AS (INSERT INTO outbox_events (id, kind, account_id, ticket_id, payload, created_at, "
            "state, attempts, last_error, next_attempt_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING state) "
            "INSERT INTO outbox_counts (state, shard, n) SELECT state, $11::smallint, 1 FROM e "
            "ON CONFLICT (state, shard) DO UPDATE SET n = outbox_counts.n + 1",
            std::move(p));
        e.id = *id;
        return;
    }
    params p;
    p.bind(e.kind, e.account, e.ticket, e.payload, e.created_at, e.state, e.attempts, e.last_error,
           e.next_attempt_at, db().shard());
    auto r = db().execute(
        "WITH e AS (INSERT INTO outbox_events (kind, account_id, ticket_id, payload, created_at, state, "
        "attempts, "
        "last_error, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, state), "
        "c AS (INSERT INTO outbox_counts (state, shard, n) SELECT state, $10::smallint, 1 FROM e "
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
    params p;
    p.bind(id);
    auto r = db().execute(sql, p);
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return read_event(r, 0);
}

void outbox_repository::update(const outbox_event& e) {
    params p;
    p.bind(e.state, e.attempts, e.last_error, e.next_attempt_at, e.id, db().shard());
    // The old state comes from the locked row itself, so the counts move from
    // exactly the state being replaced.
    auto r =
        db().execute("WITH old AS (SELECT id, state FROM outbox_events WHERE id = $5 FOR NO KEY UPDATE), "
                     "upd AS (UPDATE outbox_events AS e SET state = $1, attempts = $2, last_error = $3, "
                     "next_attempt_at = $4 "
                     "FROM old WHERE e.id = old.id RETURNING old.state AS old_state, e.state AS new_state), "
                     "c AS (INSERT INTO outbox_counts (state, shard, n) "
                     "SELECT s, $6::smallint, sum(d) FROM (SELECT old_state, -1 FROM upd UNION ALL SELECT "
                     "new_state, 1 FROM upd) "
                     "AS x (s, d) GROUP BY s HAVING sum(d) <> 0 "
                     "ON CONFLICT (state, shard) DO UPDATE SET n = outbox_counts.n + excluded.n) "
                     "SELECT count(*) FROM upd",
                     p);
    if (r.int64(0, 0) == 0) {
        throw error{errc::not_found, "outbox event " + std::to_string(e.id) + " does not exist"};
    }
}

std::int64_t outbox_repository::count(outbox_state state) {
    params p;
    p.bind(state);
    return db().execute("SELECT coalesce(sum(n), 0) FROM outbox_counts WHERE state = $1", p).int64(0, 0);
}

} // namespace helpdesk::postgres::detail
