// Comments, attachments, history and idempotency keys of ticket_repository.
#include "repositories.hpp"
#include "row_view.hpp"
#include "sql/list_plans.hpp"
#include "sql/row_mappers.hpp"

#include <utility>

namespace helpdesk::postgres::detail {

namespace {

[[nodiscard]] attachment read_attachment(const result& r, int row) {
    return sql::read_attachment(row_view{r, row});
}

template <class Row, class Read> [[nodiscard]] std::vector<Row> read_all(const result& r, Read read) {
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        rows.push_back(read(r, i));
    }
    return rows;
}

} // namespace

// Comments, attachments and history reference a ticket the caller just read
// in this transaction, so their foreign keys cannot fail in normal use: no
// savepoint (a failure aborts the transaction, which the caller abandons).
void ticket_repository::insert_comment(comment& c) {
    params p;
    p.bind(c.ticket, c.author, c.text, c.is_internal, c.created_at);
    c.id = db().execute("INSERT INTO comments (ticket_id, author, text, is_internal, created_at) "
                        "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                        p)
               .int64(0, 0);
}

void ticket_repository::insert_attachment(attachment& a) {
    params p;
    p.bind(a.ticket, a.file_name, a.content_type, a.size, a.blob_key, a.uploaded_by, a.upload_date);
    a.id =
        db().execute(
                "INSERT INTO attachments (ticket_id, file_name, content_type, size, blob_key, uploaded_by, "
                "upload_date) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                p)
            .int64(0, 0);
}

std::vector<attachment> ticket_repository::attachments(ticket_id id) {
    params p;
    p.bind(id);
    auto r = db().execute(
        "SELECT id, ticket_id, file_name, content_type, size, blob_key, uploaded_by, upload_date "
        "FROM attachments WHERE ticket_id = $1 ORDER BY id",
        p);
    return read_all<attachment>(r, read_attachment);
}

std::optional<attachment> ticket_repository::find_attachment(row_id id) {
    return fetch_one(db(),
                     "SELECT id, ticket_id, file_name, content_type, size, blob_key, uploaded_by, upload_date "
                     "FROM attachments WHERE id = $1",
                     read_attachment, id);
}

void ticket_repository::insert_history(history_event& e) {
    if (const auto id = db().take_reserved_id(connection::reserved_for::history)) {
        // Nothing waits for this row: it travels with the next round trip.
        params p;
        p.bind(*id, e.ticket, e.actor, e.at, sql::history_kind_column(e.kind), e.old_value, e.new_value,
               e.is_internal);
        db().defer("INSERT INTO ticket_history (id, ticket_id, actor, at, kind, old_value, new_value, "
                   "is_internal) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                   std::move(p));
        e.id = *id;
        return;
    }
    params p;
    p.bind(e.ticket, e.actor, e.at, sql::history_kind_column(e.kind), e.old_value, e.new_value,
           e.is_internal);
    e.id =
        db().execute(
                "INSERT INTO ticket_history (ticket_id, actor, at, kind, old_value, new_value, is_internal) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                p)
            .int64(0, 0);
}

std::optional<std::pair<ticket_id, std::string>> ticket_repository::find_idempotency(account_id owner,
                                                                                     std::string_view key) {
    params p;
    p.bind(owner, key);
    auto r =
        db().execute("SELECT ticket_id, fingerprint FROM idempotency_keys WHERE owner = $1 AND key = $2", p);
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return std::pair{r.int64(0, 0), r.text(0, 1)};
}

void ticket_repository::insert_idempotency(account_id owner, std::string_view key,
                                           std::string_view fingerprint, ticket_id id, time_point at) {
    params p;
    p.bind(owner, key, fingerprint, id, at);
    (void)db().execute("INSERT INTO idempotency_keys (owner, key, fingerprint, ticket_id, created_at) "
                       "VALUES ($1, $2, $3, $4, $5)",
                       p, true);
}

} // namespace helpdesk::postgres::detail
