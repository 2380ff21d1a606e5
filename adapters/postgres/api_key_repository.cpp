// `revoke` and `touch` are conditional updates: under REPEATABLE READ a
// concurrent change of the same key surfaces as `transient_conflict`, and the
// re-run finds the condition settled. The insert runs under a savepoint, so a
// conflict leaves the transaction usable.
#include "repositories.hpp"
#include "row_view.hpp"
#include "sql/list_plans.hpp"
#include "sql/row_mappers.hpp"

#include <string>

namespace helpdesk::postgres::detail {

namespace {

// Never the hash: no read hands it out.
constexpr std::string_view select_keys =
    "SELECT id, name, prefix, created_by, created_at, revoked_at, last_used_at FROM api_keys ";
static_assert(select_keys.substr(7, sql::api_key_columns.size()) == sql::api_key_columns);

[[nodiscard]] api_key read_key(const result& r, int row) {
    return sql::read_api_key(row_view{r, row});
}

} // namespace

void api_key_repository::insert(api_key& k, std::string_view key_hash) {
    params p;
    p.bind(k.name, k.prefix, key_hash, k.created_by, k.created_at, k.revoked_at, k.last_used_at);
    auto r = db().execute("INSERT INTO api_keys (name, prefix, key_hash, created_by, created_at, revoked_at, "
                          "last_used_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                          p, true);
    k.id = r.int64(0, 0);
}

std::optional<api_key> api_key_repository::find_by_hash(std::string_view key_hash) {
    static const std::string sql = std::string{select_keys} + "WHERE key_hash = $1";
    return fetch_one(db(), sql, read_key, key_hash);
}

std::optional<api_key> api_key_repository::find(row_id id) {
    static const std::string sql = std::string{select_keys} + "WHERE id = $1";
    return fetch_one(db(), sql, read_key, id);
}

bool api_key_repository::revoke(row_id id, time_point now) {
    params p;
    p.bind(now, id);
    return db().execute("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", p).affected() == 1;
}

bool api_key_repository::touch(row_id id, time_point now, time_point stale_before) {
    params p;
    p.bind(now, id, stale_before);
    return db().execute("UPDATE api_keys SET last_used_at = $1 "
                        "WHERE id = $2 AND (last_used_at IS NULL OR last_used_at <= $3)",
                        p)
               .affected() == 1;
}

} // namespace helpdesk::postgres::detail
