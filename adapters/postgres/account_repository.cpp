// Statements that can break a unique or foreign key run under a savepoint, so
// a conflict leaves the transaction usable. The company number is `nextval` of
// its sequence: gaps allowed.
#include "repositories.hpp"
#include "row_view.hpp"
#include "sql/list_plans.hpp"
#include "sql/row_mappers.hpp"

#include <string>

namespace helpdesk::postgres::detail {

namespace {

using sql::account_columns;

[[nodiscard]] account read_account(const result& r, int row) {
    return sql::read_account(row_view{r, row});
}

[[nodiscard]] std::optional<account> find_one(connection& db, tx_mode mode, std::string_view sql,
                                              const auto& key) {
    // In a write transaction the row is reserved until commit (the port's
    // contract): FOR SHARE stops a concurrent change of it (a demotion racing
    // an assignment, two admins demoting each other) without blocking other
    // readers, or the key-share locks that ticket inserts take on their owner.
    if (mode == tx_mode::write) {
        return fetch_one(db, std::string{sql} + " FOR SHARE", read_account, key);
    }
    return fetch_one(db, sql, read_account, key);
}

} // namespace

void account_repository::insert(account& a) {
    static const std::string sql =
        sql::insert_sql("accounts", std::string{sql::account_write_columns} + ", date_created",
                        sql::placeholder_style::numbered) +
        " RETURNING id";
    params p;
    sql::bind_account_fields(p, a);
    p.bind(a.date_created);
    a.id = db().execute(sql, p, true).int64(0, 0);
}

void account_repository::update(const account& a) {
    static const std::string sql =
        sql::update_sql("accounts", sql::account_write_columns, "id", sql::placeholder_style::numbered);
    params p;
    sql::bind_account_fields(p, a);
    p.bind(a.id);
    auto r = db().execute(sql, p, true);
    if (r.affected() == 0) {
        throw error{errc::not_found, "account " + std::to_string(a.id) + " does not exist"};
    }
}

bool account_repository::remove(account_id id) {
    params p;
    p.bind(id);
    return db().execute("DELETE FROM accounts WHERE id = $1", p, true).affected() == 1;
}

std::optional<account> account_repository::find(account_id id) {
    static const std::string sql = "SELECT " + std::string{account_columns} + " FROM accounts WHERE id = $1";
    return find_one(db(), mode(), sql, id);
}

std::vector<account> account_repository::find_many(const std::vector<account_id>& ids) {
    std::vector<account> found;
    if (ids.empty()) {
        return found;
    }
    // One array parameter, so one prepared statement serves any count.
    static const std::string sql =
        "SELECT " + std::string{account_columns} + " FROM accounts WHERE id = ANY($1::bigint[])";
    std::string list = "{";
    for (const auto id : ids) {
        list += (list.size() > 1 ? "," : "") + std::to_string(id);
    }
    list += "}";
    params p;
    p.bind(std::string_view{list});
    const bool writing = mode() == tx_mode::write;
    auto r = writing ? db().execute(sql + " FOR SHARE", p) : db().execute(sql, p);
    found.reserve(static_cast<std::size_t>(r.rows()));
    for (int row = 0; row < r.rows(); ++row) {
        found.push_back(read_account(r, row));
    }
    return found;
}

std::optional<account> account_repository::find_by_email(std::string_view email) {
    // Same expression as the unique index: case-insensitive and indexed.
    static const std::string sql =
        "SELECT " + std::string{account_columns} + " FROM accounts WHERE lower(email) = lower($1)";
    return find_one(db(), mode(), sql, email);
}

std::optional<account> account_repository::find_by_company_id(std::string_view company_id) {
    static const std::string sql =
        "SELECT " + std::string{account_columns} + " FROM accounts WHERE company_id = $1";
    return find_one(db(), mode(), sql, company_id);
}

std::int64_t account_repository::next_company_sequence() {
    return db().execute("SELECT nextval('company_number_seq')").int64(0, 0);
}

std::vector<account_id> account_repository::staff_ids() {
    params p;
    p.bind(account_status::approved, role::ticket_coordinator, role::system_admin);
    auto r = db().execute(
        "SELECT id FROM accounts WHERE status = $1 AND role IN ($2, $3) AND is_active ORDER BY id", p);
    std::vector<account_id> ids;
    for (int i = 0; i < r.rows(); ++i) {
        ids.push_back(r.int64(i, 0));
    }
    return ids;
}

std::vector<account_id> account_repository::lock_active_admins() {
    // FOR UPDATE in id order: a second transaction counting the admins waits
    // for the first, and under REPEATABLE READ a row the first changed makes
    // it fail with a serialisation error (transient_conflict), so the engine
    // runs it again on what the first left. Same order, so no deadlock.
    params p;
    p.bind(account_status::approved, role::system_admin);
    const bool writing = mode() == tx_mode::write;
    static const std::string sql =
        "SELECT id FROM accounts WHERE status = $1 AND role = $2 AND is_active ORDER BY id";
    auto r = writing ? db().execute(sql + " FOR UPDATE", p) : db().execute(sql, p);
    std::vector<account_id> ids;
    for (int i = 0; i < r.rows(); ++i) {
        ids.push_back(r.int64(i, 0));
    }
    return ids;
}

void account_repository::insert_history(account_history_entry& e) {
    params p;
    p.bind(e.account, e.actor, e.at, e.field, e.old_value, e.new_value);
    e.id = db().execute("INSERT INTO account_history (account_id, actor, at, field, old_value, new_value) "
                        "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                        p, true)
               .int64(0, 0);
}

void account_repository::insert_rejection(rejected_account& x) {
    params p;
    p.bind(x.company_id, x.first_name, x.middle_name, x.last_name, x.suffix, x.email, x.department, x.reason,
           x.rejected_by, x.rejected_at);
    auto r =
        db().execute("INSERT INTO rejected_accounts (company_id, first_name, middle_name, last_name, suffix, "
                     "email, department, reason, rejected_by, rejected_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                     p);
    x.id = r.int64(0, 0);
}

void account_repository::insert_reset_token(account_id id, std::string_view token_hash,
                                            time_point expires_at) {
    params p;
    p.bind(id, token_hash, expires_at);
    (void)db().execute(
        "INSERT INTO password_reset_tokens (account_id, token_hash, expires_at) VALUES ($1, $2, $3)", p,
        true);
}

bool account_repository::reset_token_valid(std::string_view token_hash, time_point now) {
    params p;
    p.bind(now, token_hash);
    return db()
               .execute("SELECT 1 FROM password_reset_tokens "
                        "WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
                        p)
               .rows() > 0;
}

std::optional<account_id> account_repository::consume_reset_token(std::string_view token_hash,
                                                                  time_point now) {
    // One statement checks and marks, so a token cannot be consumed twice.
    params p;
    p.bind(now, token_hash);
    auto r =
        db().execute("UPDATE password_reset_tokens SET used_at = $1 "
                     "WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING account_id",
                     p);
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return r.int64(0, 0);
}

} // namespace helpdesk::postgres::detail
