// In a write transaction `find` locks its row `FOR UPDATE`; under REPEATABLE
// READ a token changed by another transaction since the snapshot then fails
// with `transient_conflict`, so two rotations of one token cannot both
// succeed. The insert runs under a savepoint, so a conflict leaves the
// transaction usable.
#include "repositories.hpp"
#include "row_view.hpp"
#include "sql/row_mappers.hpp"

#include <string>

namespace helpdesk::postgres::detail {

void session_repository::insert(const session_token& t) {
    params p;
    p.bind(t.token_hash, t.session_hash, t.account, t.created_at, t.expires_at);
    (void)db().execute(
        "INSERT INTO refresh_tokens (token_hash, session_hash, account_id, created_at, expires_at) "
        "VALUES ($1, $2, $3, $4, $5)",
        p, true);
}

std::optional<session_token> session_repository::find(std::string_view token_hash) {
    static const std::string sql =
        "SELECT token_hash, session_hash, account_id, created_at, expires_at, revoked_at "
        "FROM refresh_tokens WHERE token_hash = $1";
    static const std::string locking_sql = sql + " FOR UPDATE";
    params p;
    p.bind(token_hash);
    auto r = db().execute(mode() == tx_mode::write ? locking_sql : sql, p);
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return sql::read_session_token(row_view{r, 0});
}

bool session_repository::revoke(std::string_view token_hash, time_point now) {
    params p;
    p.bind(now, token_hash);
    return db().execute(
                   "UPDATE refresh_tokens SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL",
                   p)
               .affected() == 1;
}

std::int64_t session_repository::revoke_session(account_id account, std::string_view session_hash,
                                                time_point now) {
    params p;
    p.bind(now, account, session_hash);
    return db()
        .execute("UPDATE refresh_tokens SET revoked_at = $1 "
                 "WHERE account_id = $2 AND session_hash = $3 AND revoked_at IS NULL",
                 p)
        .affected();
}

std::int64_t session_repository::revoke_all(account_id account,
                                            std::optional<std::string_view> keep_session_hash,
                                            time_point now) {
    params p;
    p.bind(now, account);
    if (keep_session_hash) {
        p.bind(*keep_session_hash);
        return db()
            .execute("UPDATE refresh_tokens SET revoked_at = $1 "
                     "WHERE account_id = $2 AND session_hash <> $3 AND revoked_at IS NULL",
                     p)
            .affected();
    }
    return db()
        .execute("UPDATE refresh_tokens SET revoked_at = $1 WHERE account_id = $2 AND revoked_at IS NULL", p)
        .affected();
}

std::int64_t session_repository::purge(account_id account, time_point expired_before) {
    params p;
    p.bind(account, expired_before);
    return db().execute("DELETE FROM refresh_tokens WHERE account_id = $1 AND expires_at < $2", p).affected();
}

} // namespace helpdesk::postgres::detail
