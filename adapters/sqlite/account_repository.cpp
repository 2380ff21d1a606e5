#include "repositories.hpp"
#include "row_view.hpp"
#include "sql/list_plans.hpp"
#include "sql/row_mappers.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

namespace {

using sql::account_columns;

[[nodiscard]] account read_account(const statement& row) {
    return sql::read_account(row_view{row});
}

} // namespace

std::int64_t next_sequence_value(connection& db, std::string_view name) {
    auto query = db.prepare("UPDATE sequences SET value = value + 1 WHERE name = ? RETURNING value");
    query.bind(name);
    if (!query.step()) {
        throw error{errc::internal, "sqlite sequence '" + std::string{name} + "' is missing"};
    }
    const auto value = query.column_int64(0);
    query.run(); // RETURNING rows must be drained before the update is final
    return value;
}

void account_repository::insert(account& a) {
    static const std::string sql =
        sql::insert_sql("accounts", std::string{sql::account_write_columns} + ", date_created",
                        sql::placeholder_style::question);
    auto query = db().prepare(sql);
    sql::bind_account_fields(query, a);
    query.bind(a.date_created);
    query.run();
    a.id = query.last_insert_rowid();
}

void account_repository::update(const account& a) {
    static const std::string sql =
        sql::update_sql("accounts", sql::account_write_columns, "id", sql::placeholder_style::question);
    auto query = db().prepare(sql);
    sql::bind_account_fields(query, a);
    query.bind(a.id);
    query.run();
    if (query.changes() == 0) {
        throw error{errc::not_found, "account " + std::to_string(a.id) + " does not exist"};
    }
}

bool account_repository::remove(account_id id) {
    auto query = db().prepare("DELETE FROM accounts WHERE id = ?");
    query.bind(id);
    query.run();
    return query.changes() == 1;
}

std::optional<account> account_repository::find(account_id id) {
    static const std::string sql = "SELECT " + std::string{account_columns} + " FROM accounts WHERE id = ?";
    return db().query_one(sql, read_account, id);
}

std::vector<account> account_repository::find_many(const std::vector<account_id>& ids) {
    std::vector<account> found;
    if (ids.empty()) {
        return found;
    }
    // The ids travel as one JSON array, so one prepared statement serves any count.
    static const std::string sql = "SELECT " + std::string{account_columns} +
                                   " FROM accounts WHERE id IN (SELECT value FROM json_each(?))";
    std::string list = "[";
    for (const auto id : ids) {
        list += (list.size() > 1 ? "," : "") + std::to_string(id);
    }
    list += "]";
    auto query = db().prepare(sql);
    query.bind(std::string_view{list});
    while (query.step()) {
        found.push_back(read_account(query));
    }
    return found;
}

std::optional<account> account_repository::find_by_email(std::string_view email) {
    // The column's NOCASE collation makes this case-insensitive and indexed.
    static const std::string sql = "SELECT " + std::string{account_columns} + " FROM accounts WHERE email = ?";
    return db().query_one(sql, read_account, email);
}

std::optional<account> account_repository::find_by_company_id(std::string_view company_id) {
    static const std::string sql =
        "SELECT " + std::string{account_columns} + " FROM accounts WHERE company_id = ?";
    return db().query_one(sql, read_account, company_id);
}

std::int64_t account_repository::next_company_sequence() { return next_sequence_value(db(), "company"); }

std::vector<account_id> account_repository::staff_ids() {
    auto query =
        db().prepare("SELECT id FROM accounts WHERE status = ? AND role IN (?, ?) AND is_active = 1 ORDER BY id");
    query.bind(account_status::approved, role::ticket_coordinator, role::system_admin);
    std::vector<account_id> ids;
    while (query.step()) {
        ids.push_back(query.column_int64(0));
    }
    return ids;
}

std::vector<account_id> account_repository::lock_active_admins() {
    // Writers run one at a time (BEGIN IMMEDIATE): counting inside the write
    // transaction is already safe against a concurrent change.
    auto query = db().prepare("SELECT id FROM accounts WHERE status = ? AND role = ? AND is_active = 1 ORDER BY id");
    query.bind(account_status::approved, role::system_admin);
    std::vector<account_id> ids;
    while (query.step()) {
        ids.push_back(query.column_int64(0));
    }
    return ids;
}

void account_repository::insert_history(account_history_entry& e) {
    auto query = db().prepare("INSERT INTO account_history (account_id, actor, at, field, old_value, new_value) "
                              "VALUES (?, ?, ?, ?, ?, ?)");
    query.bind(e.account, e.actor, e.at, e.field, e.old_value, e.new_value);
    query.run();
    e.id = query.last_insert_rowid();
}

void account_repository::insert_rejection(rejected_account& r) {
    auto query = db().prepare("INSERT INTO rejected_accounts (company_id, first_name, middle_name, last_name, "
                             "suffix, email, department, reason, rejected_by, rejected_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    query.bind(r.company_id, r.first_name, r.middle_name, r.last_name, r.suffix, r.email, r.department, r.reason,
               r.rejected_by, r.rejected_at);
    query.run();
    r.id = query.last_insert_rowid();
}

void account_repository::insert_reset_token(account_id id, std::string_view token_hash, time_point expires_at) {
    auto query =
        db().prepare("INSERT INTO password_reset_tokens (account_id, token_hash, expires_at) VALUES (?, ?, ?)");
    query.bind(id, token_hash, expires_at);
    query.run();
}

bool account_repository::reset_token_valid(std::string_view token_hash, time_point now) {
    auto query = db().prepare("SELECT 1 FROM password_reset_tokens "
                              "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?");
    query.bind(token_hash, now);
    const bool found = query.step();
    query.run();
    return found;
}

std::optional<account_id> account_repository::consume_reset_token(std::string_view token_hash, time_point now) {
    // One statement checks and marks, so a token cannot be consumed twice.
    auto query = db().prepare("UPDATE password_reset_tokens SET used_at = ? "
                             "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING account_id");
    query.bind(now, token_hash, now);
    if (!query.step()) {
        return std::nullopt;
    }
    const account_id id = query.column_int64(0);
    query.run();
    return id;
}

} // namespace helpdesk::sqlite::detail
