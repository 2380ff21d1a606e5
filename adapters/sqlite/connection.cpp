#include "connection.hpp"

#include "error_mapping.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

namespace {

[[nodiscard]] int open_flags(connection_role role) noexcept {
    // NOMUTEX: each connection is used by one thread at a time (the store
    // guarantees it), so SQLite's own per-connection mutex is pure overhead.
    const int base = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (role == connection_role::reader) {
        return base | SQLITE_OPEN_READWRITE;
    }
    return base | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
}

[[nodiscard]] std::string pragmas(connection_role role, const options& opts) {
    std::string sql = "PRAGMA busy_timeout=" + std::to_string(opts.busy_timeout.count()) + ";";
    sql += "PRAGMA foreign_keys=ON;"
           "PRAGMA temp_store=MEMORY;";
    // Page cache per connection (negative = KiB).
    sql += "PRAGMA cache_size=-" + std::to_string(opts.cache_kib) + ";";
    const auto mmap = "PRAGMA mmap_size=" + std::to_string(opts.mmap_bytes) + ";";
    switch (role) {
    case connection_role::writer:
        // NORMAL in WAL mode: durable across application crashes, may lose
        // the last commits on power loss; no fsync per commit.
        // 1 KiB pages (set before the file's first write; an existing
        // database keeps its size): a ticket create dirties ~20 b-tree pages
        // and WAL writes each one whole, so smaller pages cut the bytes per
        // commit; measured +30 % creates/s with no loss on reads.
        sql += "PRAGMA page_size=1024;"
               "PRAGMA journal_mode=WAL;"
               "PRAGMA synchronous=NORMAL;"
               // Fewer, larger checkpoints: hot pages (indexes, aggregates)
               // are copied back once per checkpoint instead of every 1000.
               "PRAGMA wal_autocheckpoint=4000;";
        sql += mmap;
        break;
    case connection_role::reader:
        sql += "PRAGMA query_only=ON;";
        sql += mmap;
        break;
    case connection_role::memory:
        break;
    }
    return sql;
}

} // namespace

connection::connection(const std::string& path, connection_role role, const options& opts)
    : role_{role} {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, open_flags(role), nullptr);
    db_.reset(raw);
    if (rc != SQLITE_OK) {
        throw_error(raw, rc, "sqlite open");
    }
    sqlite3_extended_result_codes(raw, 1);
    execute(pragmas(role, opts).c_str());
}

connection::~connection() { cache_.clear(); }

void connection::execute(const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = message != nullptr ? message : "";
        sqlite3_free(message);
        throw to_error(sqlite3_extended_errcode(db_.get()), "sqlite execute", text);
    }
}

} // namespace helpdesk::sqlite::detail
