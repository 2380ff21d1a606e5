#include "repositories.hpp"
#include "row_view.hpp"
#include "sql/list_plans.hpp"
#include "sql/row_mappers.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

namespace {

// Never the hash: no read hands it out.
constexpr std::string_view select_keys =
    "SELECT id, name, prefix, created_by, created_at, revoked_at, last_used_at FROM api_keys ";
static_assert(select_keys.substr(7, sql::api_key_columns.size()) == sql::api_key_columns);

[[nodiscard]] api_key read_key(const statement& row) {
    return sql::read_api_key(row_view{row});
}

} // namespace

void api_key_repository::insert(api_key& k, std::string_view key_hash) {
    auto query = db().prepare("INSERT INTO api_keys (name, prefix, key_hash, created_by, created_at, revoked_at, "
                              "last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    query.bind(k.name, k.prefix, key_hash, k.created_by, k.created_at, k.revoked_at, k.last_used_at);
    query.run();
    k.id = query.last_insert_rowid();
}

std::optional<api_key> api_key_repository::find_by_hash(std::string_view key_hash) {
    static const std::string sql = std::string{select_keys} + "WHERE key_hash = ?";
    return db().query_one(sql, read_key, key_hash);
}

std::optional<api_key> api_key_repository::find(row_id id) {
    static const std::string sql = std::string{select_keys} + "WHERE id = ?";
    return db().query_one(sql, read_key, id);
}

bool api_key_repository::revoke(row_id id, time_point now) {
    auto query = db().prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    query.bind(now, id);
    query.run();
    return query.changes() == 1;
}

bool api_key_repository::touch(row_id id, time_point now, time_point stale_before) {
    auto query = db().prepare(
        "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)");
    query.bind(now, id, stale_before);
    query.run();
    return query.changes() == 1;
}

} // namespace helpdesk::sqlite::detail
