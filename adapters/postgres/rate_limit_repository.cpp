// In a write transaction `find` locks the bucket `FOR UPDATE` and `save` is an
// `INSERT ... ON CONFLICT DO UPDATE`; under REPEATABLE READ a bucket written
// (or first created) by a concurrent transaction makes either fail with
// `transient_conflict` (SQLSTATE 40001) instead of losing that transaction's
// take, and the engine re-runs the take.
#include "repositories.hpp"

#include <string>

namespace helpdesk::postgres::detail {

std::optional<rate_bucket> rate_limit_repository::find(std::string_view key) {
    static const std::string sql =
        "SELECT milli_tokens, updated_at FROM rate_limit_buckets WHERE bucket_key = $1";
    static const std::string locking_sql = sql + " FOR UPDATE";
    params p;
    p.bind(key);
    auto r = db().execute(mode() == tx_mode::write ? locking_sql : sql, p);
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return rate_bucket{r.int64(0, 0), r.time(0, 1)};
}

void rate_limit_repository::save(std::string_view key, const rate_bucket& b) {
    params p;
    p.bind(key, b.milli_tokens, b.updated_at);
    (void)db().execute(
        "INSERT INTO rate_limit_buckets (bucket_key, milli_tokens, updated_at) VALUES ($1, $2, $3) "
        "ON CONFLICT (bucket_key) DO UPDATE SET milli_tokens = EXCLUDED.milli_tokens, "
        "updated_at = EXCLUDED.updated_at",
        p);
}

std::int64_t rate_limit_repository::purge(time_point idle_before) {
    params p;
    p.bind(idle_before);
    return db().execute("DELETE FROM rate_limit_buckets WHERE updated_at < $1", p).affected();
}

} // namespace helpdesk::postgres::detail
