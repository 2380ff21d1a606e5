// Writers run one at a time, so `find` needs no lock to reserve its row.
#include "repositories.hpp"
#include "row_view.hpp"
#include "sql/row_mappers.hpp"

namespace helpdesk::sqlite::detail {

void session_repository::insert(const session_token& t) {
    auto query = db().prepare("INSERT INTO refresh_tokens (token_hash, session_hash, account_id, created_at, "
                              "expires_at) VALUES (?, ?, ?, ?, ?)");
    query.bind(t.token_hash, t.session_hash, t.account, t.created_at, t.expires_at);
    query.run();
}

std::optional<session_token> session_repository::find(std::string_view token_hash) {
    auto query =
        db().prepare("SELECT token_hash, session_hash, account_id, created_at, expires_at, revoked_at "
                     "FROM refresh_tokens WHERE token_hash = ?");
    query.bind(token_hash);
    if (!query.step()) {
        return std::nullopt;
    }
    return sql::read_session_token(row_view{query});
}

bool session_repository::revoke(std::string_view token_hash, time_point now) {
    auto query =
        db().prepare("UPDATE refresh_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL");
    query.bind(now, token_hash);
    query.run();
    return query.changes() == 1;
}

std::int64_t session_repository::revoke_session(account_id account, std::string_view session_hash,
                                                time_point now) {
    auto query = db().prepare("UPDATE refresh_tokens SET revoked_at = ? "
                              "WHERE account_id = ? AND session_hash = ? AND revoked_at IS NULL");
    query.bind(now, account, session_hash);
    query.run();
    return query.changes();
}

std::int64_t session_repository::revoke_all(account_id account,
                                            std::optional<std::string_view> keep_session_hash,
                                            time_point now) {
    if (keep_session_hash) {
        auto query = db().prepare("UPDATE refresh_tokens SET revoked_at = ? "
                                  "WHERE account_id = ? AND session_hash <> ? AND revoked_at IS NULL");
        query.bind(now, account, *keep_session_hash);
        query.run();
        return query.changes();
    }
    auto query =
        db().prepare("UPDATE refresh_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL");
    query.bind(now, account);
    query.run();
    return query.changes();
}

std::int64_t session_repository::purge(account_id account, time_point expired_before) {
    auto query = db().prepare("DELETE FROM refresh_tokens WHERE account_id = ? AND expires_at < ?");
    query.bind(account, expired_before);
    query.run();
    return query.changes();
}

} // namespace helpdesk::sqlite::detail
