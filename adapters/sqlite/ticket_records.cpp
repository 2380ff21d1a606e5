// Comments, attachments, history and idempotency keys of ticket_repository.
#include "repositories.hpp"
#include "row_view.hpp"
#include "sql/list_plans.hpp"
#include "sql/row_mappers.hpp"

namespace helpdesk::sqlite::detail {

namespace {

[[nodiscard]] attachment read_attachment(const statement& row) {
    return sql::read_attachment(row_view{row});
}

} // namespace

void ticket_repository::insert_comment(comment& c) {
    auto query = db().prepare(
        "INSERT INTO comments (ticket_id, author, text, is_internal, created_at) VALUES (?, ?, ?, ?, ?)");
    query.bind(c.ticket, c.author, c.text, c.is_internal, c.created_at);
    query.run();
    c.id = query.last_insert_rowid();
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
    return db().query_one("SELECT id, ticket_id, file_name, content_type, size, blob_key, uploaded_by, "
                          "upload_date FROM attachments WHERE id = ?",
                          read_attachment, id);
}

void ticket_repository::insert_history(history_event& e) {
    auto query = db().prepare("INSERT INTO ticket_history (ticket_id, actor, at, kind, old_value, new_value, "
                             "is_internal) VALUES (?, ?, ?, ?, ?, ?, ?)");
    query.bind(e.ticket, e.actor, e.at, sql::history_kind_column(e.kind), e.old_value, e.new_value,
               e.is_internal);
    query.run();
    e.id = query.last_insert_rowid();
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
