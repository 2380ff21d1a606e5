// Per-state counts are kept by triggers in `outbox_counts`. SQLite runs one
// writer at a time, so `due` in a write transaction reserves its rows
// trivially.
#include "repositories.hpp"
#include "row_view.hpp"
#include "sql/list_plans.hpp"
#include "sql/row_mappers.hpp"

#include <algorithm>
#include <string>

namespace helpdesk::sqlite::detail {

namespace {

using sql::event_columns;

[[nodiscard]] outbox_event read_event(const statement& row) {
    return sql::read_event(row_view{row});
}

} // namespace

void outbox_repository::insert(outbox_event& e) {
    auto query = db().prepare("INSERT INTO outbox_events (kind, account_id, ticket_id, payload, created_at, state, "
                             "attempts, last_error, next_attempt_at, lease, secret, delivered_to) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    query.bind(e.kind, e.account, e.ticket, e.payload, e.created_at, e.state, e.attempts, e.last_error,
               e.next_attempt_at, e.lease, e.secret, join_channel_names(e.delivered_to));
    query.run();
    e.id = query.last_insert_rowid();
}

std::vector<outbox_event> outbox_repository::due(time_point now, std::int64_t limit) {
    // Walks the partial index of pending events in id order; the state term
    // repeats the index's WHERE so the planner may use it.
    static const std::string sql = "SELECT " + std::string{event_columns} +
                                   " FROM outbox_events WHERE state = 0 AND next_attempt_at <= ? ORDER BY id LIMIT ?";
    auto query = db().prepare(sql);
    query.bind(now, std::max<std::int64_t>(limit, 0));
    std::vector<outbox_event> rows;
    while (query.step()) {
        rows.push_back(read_event(query));
    }
    return rows;
}

std::optional<outbox_event> outbox_repository::find(row_id id) {
    static const std::string sql = "SELECT " + std::string{event_columns} + " FROM outbox_events WHERE id = ?";
    return db().query_one(sql, read_event, id);
}

void outbox_repository::update(const outbox_event& e) {
    auto query = db().prepare("UPDATE outbox_events SET state = ?, attempts = ?, last_error = ?, "
                             "next_attempt_at = ?, lease = ?, secret = ?, delivered_to = ? WHERE id = ?");
    query.bind(e.state, e.attempts, e.last_error, e.next_attempt_at, e.lease, e.secret,
               join_channel_names(e.delivered_to), e.id);
    query.run();
    if (query.changes() == 0) {
        throw error{errc::not_found, "outbox event " + std::to_string(e.id) + " does not exist"};
    }
}

bool outbox_repository::update_if_leased(const outbox_event& e, std::string_view held_lease) {
    auto query = db().prepare("UPDATE outbox_events SET state = ?, attempts = ?, last_error = ?, "
                             "next_attempt_at = ?, lease = ?, secret = ?, delivered_to = ? "
                             "WHERE id = ? AND lease = ?");
    query.bind(e.state, e.attempts, e.last_error, e.next_attempt_at, e.lease, e.secret,
               join_channel_names(e.delivered_to), e.id, held_lease);
    query.run();
    return query.changes() == 1;
}

std::int64_t outbox_repository::count(outbox_state state) {
    auto query = db().prepare("SELECT n FROM outbox_counts WHERE state = ?");
    query.bind(state);
    return query.step() ? query.column_int64(0) : 0;
}

} // namespace helpdesk::sqlite::detail
