#include "outbox_repository.hpp"

#include "enum_column.hpp"

#include <algorithm>
#include <string>

namespace helpdesk::sqlite::detail {

namespace {

[[nodiscard]] outbox_event read_event(const statement& row) {
    outbox_event e;
    e.id = row.column_int64(0);
    e.kind = row.column_text(1);
    e.account = row.column_optional_int64(2);
    e.ticket = row.column_optional_int64(3);
    e.payload = row.column_text(4);
    e.created_at = row.column_time(5);
    e.state = enum_from_column(row.column_int64(6), outbox_state::dead);
    e.attempts = static_cast<std::int32_t>(row.column_int64(7));
    e.last_error = row.column_optional_text(8);
    e.next_attempt_at = row.column_time(9);
    return e;
}

} // namespace

void outbox_repository::insert(outbox_event& e) {
    auto query = db().prepare("INSERT INTO outbox_events (kind, account_id, ticket_id, payload, created_at, state, "
                             "attempts, last_error, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    query.bind(e.kind, e.account, e.ticket, e.payload, e.created_at, e.state, e.attempts, e.last_error,
               e.next_attempt_at);
    query.run();
    e.id = query.last_insert_rowid();
}

std::vector<outbox_event> outbox_repository::due(time_point now, std::int64_t limit) {
    // Walks the partial index of pending events in id order; the state term
    // repeats the index's WHERE so the planner may use it.
    auto query = db().prepare("SELECT id, kind, account_id, ticket_id, payload, created_at, state, attempts, "
                             "last_error, next_attempt_at FROM outbox_events "
                             "WHERE state = 0 AND next_attempt_at <= ? ORDER BY id LIMIT ?");
    query.bind(now, std::max<std::int64_t>(limit, 0));
    std::vector<outbox_event> rows;
    while (query.step()) {
        rows.push_back(read_event(query));
    }
    return rows;
}

std::optional<outbox_event> outbox_repository::find(row_id id) {
    auto query = db().prepare("SELECT id, kind, account_id, ticket_id, payload, created_at, state, attempts, "
                             "last_error, next_attempt_at FROM outbox_events WHERE id = ?");
    query.bind(id);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_event(query);
}

void outbox_repository::update(const outbox_event& e) {
    auto query = db().prepare("UPDATE outbox_events SET state = ?, attempts = ?, last_error = ?, "
                             "next_attempt_at = ? WHERE id = ?");
    query.bind(e.state, e.attempts, e.last_error, e.next_attempt_at, e.id);
    query.run();
    if (query.changes() == 0) {
        throw error{errc::not_found, "outbox event " + std::to_string(e.id) + " does not exist"};
    }
}

std::int64_t outbox_repository::count(outbox_state state) {
    auto query = db().prepare("SELECT n FROM outbox_counts WHERE state = ?");
    query.bind(state);
    return query.step() ? query.column_int64(0) : 0;
}

} // namespace helpdesk::sqlite::detail
