// Comments, attachments, history and idempotency keys of ticket_repository.
#include "ticket_repository.hpp"

namespace helpdesk::sqlite::detail {

namespace {

[[nodiscard]] comment read_comment(const statement& row) {
    comment c;
    c.id = row.column_int64(0);
    c.ticket = row.column_int64(1);
    c.author = row.column_optional_int64(2);
    c.text = row.column_text(3);
    c.is_internal = row.column_bool(4);
    c.created_at = row.column_time(5);
    return c;
}

[[nodiscard]] attachment read_attachment(const statement& row) {
    attachment a;
    a.id = row.column_int64(0);
    a.ticket = row.column_int64(1);
    a.file_name = row.column_text(2);
    a.content_type = row.column_text(3);
    a.size = row.column_int64(4);
    a.blob_key = row.column_text(5);
    a.uploaded_by = row.column_int64(6);
    a.upload_date = row.column_time(7);
    return a;
}

[[nodiscard]] history_event read_history(const statement& row) {
    history_event e;
    e.id = row.column_int64(0);
    e.ticket = row.column_int64(1);
    e.actor = row.column_optional_int64(2);
    e.at = row.column_time(3);
    e.kind = history_kind_from_store(row.column_text(4));
    e.old_value = row.column_optional_text(5);
    e.new_value = row.column_optional_text(6);
    e.is_internal = row.column_bool(7);
    return e;
}

} // namespace

void ticket_repository::insert_comment(comment& c) {
    auto query = db().prepare(
        "INSERT INTO comments (ticket_id, author, text, is_internal, created_at) VALUES (?, ?, ?, ?, ?)");
    query.bind(c.ticket, c.author, c.text, c.is_internal, c.created_at);
    query.run();
    c.id = query.last_insert_rowid();
}

std::vector<comment> ticket_repository::comments(ticket_id id, bool include_internal) {
    auto query = db().prepare(include_internal
                                 ? "SELECT id, ticket_id, author, text, is_internal, created_at FROM comments "
                                   "WHERE ticket_id = ? ORDER BY id"
                                 : "SELECT id, ticket_id, author, text, is_internal, created_at FROM comments "
                                   "WHERE ticket_id = ? AND is_internal = 0 ORDER BY id");
    query.bind(id);
    std::vector<comment> rows;
    while (query.step()) {
        rows.push_back(read_comment(query));
    }
    return rows;
}

void ticket_repository::insert_attachment(attachment& a) {
    auto query = db().prepare("INSERT INTO attachments (ticket_id, file_name, content_type, size, blob_key, "
                             "uploaded_by, upload_date) VALUES (?, ?, ?, ?, ?, ?, ?)");
    query.bind(a.ticket, a.file_name, a.content_type, a.size, a.blob_key, a.uploaded_by, a.upload_date);
    query.run();
    a.id = query.last_insert_rowid();
}

std::vector<attachment> ticket_repository::attachments(ticket_id id) {
    auto query = db().prepare("SELECT id, ticket_id, file_name, content_type, size, blob_key, uploaded_by, "
                             "upload_date FROM attachments WHERE ticket_id = ? ORDER BY id");
    query.bind(id);
    std::vector<attachment> rows;
    while (query.step()) {
        rows.push_back(read_attachment(query));
    }
    return rows;
}

std::optional<attachment> ticket_repository::find_attachment(row_id id) {
    auto query = db().prepare("SELECT id, ticket_id, file_name, content_type, size, blob_key, uploaded_by, "
                             "upload_date FROM attachments WHERE id = ?");
    query.bind(id);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_attachment(query);
}

void ticket_repository::insert_history(history_event& e) {
    auto query = db().prepare("INSERT INTO ticket_history (ticket_id, actor, at, kind, old_value, new_value, "
                             "is_internal) VALUES (?, ?, ?, ?, ?, ?, ?)");
    query.bind(e.ticket, e.actor, e.at, to_string(e.kind), e.old_value, e.new_value, e.is_internal);
    query.run();
    e.id = query.last_insert_rowid();
}

std::vector<history_event> ticket_repository::history(ticket_id id, bool include_internal) {
    auto query = db().prepare(include_internal
                                 ? "SELECT id, ticket_id, actor, at, kind, old_value, new_value, is_internal "
                                   "FROM ticket_history WHERE ticket_id = ? ORDER BY id"
                                 : "SELECT id, ticket_id, actor, at, kind, old_value, new_value, is_internal "
                                   "FROM ticket_history WHERE ticket_id = ? AND is_internal = 0 ORDER BY id");
    query.bind(id);
    std::vector<history_event> rows;
    while (query.step()) {
        rows.push_back(read_history(query));
    }
    return rows;
}

std::optional<std::pair<ticket_id, std::string>> ticket_repository::find_idempotency(account_id owner,
                                                                                   std::string_view key) {
    auto query = db().prepare("SELECT ticket_id, fingerprint FROM idempotency_keys WHERE owner = ? AND key = ?");
    query.bind(owner, key);
    if (!query.step()) {
        return std::nullopt;
    }
    return std::pair{query.column_int64(0), query.column_text(1)};
}

void ticket_repository::insert_idempotency(account_id owner, std::string_view key, std::string_view fingerprint,
                                           ticket_id id, time_point at) {
    auto query = db().prepare("INSERT INTO idempotency_keys (owner, key, fingerprint, ticket_id, created_at) "
                             "VALUES (?, ?, ?, ?, ?)");
    query.bind(owner, key, fingerprint, id, at);
    query.run();
}

} // namespace helpdesk::sqlite::detail
