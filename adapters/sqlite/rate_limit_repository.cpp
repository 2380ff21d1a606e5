// Writers run one at a time (`BEGIN IMMEDIATE`, across processes sharing the
// file too), so a read-then-save of a bucket is never interleaved with
// another.
#include "repositories.hpp"

namespace helpdesk::sqlite::detail {

std::optional<rate_bucket> rate_limit_repository::find(std::string_view key) {
    auto query = db().prepare("SELECT milli_tokens, updated_at FROM rate_limit_buckets WHERE bucket_key = ?");
    query.bind(key);
    if (!query.step()) {
        return std::nullopt;
    }
    return rate_bucket{query.column_int64(0), query.column_time(1)};
}

void rate_limit_repository::save(std::string_view key, const rate_bucket& b) {
    auto query =
        db().prepare("INSERT INTO rate_limit_buckets (bucket_key, milli_tokens, updated_at) VALUES (?, ?, ?) "
                     "ON CONFLICT (bucket_key) DO UPDATE SET milli_tokens = excluded.milli_tokens, "
                     "updated_at = excluded.updated_at");
    query.bind(key, b.milli_tokens, b.updated_at);
    query.run();
}

std::int64_t rate_limit_repository::purge(time_point idle_before) {
    auto query = db().prepare("DELETE FROM rate_limit_buckets WHERE updated_at < ?");
    query.bind(idle_before);
    query.run();
    return query.changes();
}

} // namespace helpdesk::sqlite::detail
