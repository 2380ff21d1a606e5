#include "connection.hpp"
#include "error_mapping.hpp"
#include "migrations.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

namespace {

[[nodiscard]] int current_version(connection& db) {
    auto query = db.prepare("SELECT coalesce(max(version), 0) FROM schema_version");
    return query.step() ? static_cast<int>(query.column_int64(0)) : 0;
}

void apply(connection& db, const migration& step) {
    db.execute("BEGIN IMMEDIATE");
    try {
        // Another process may have applied it while we waited for the lock.
        if (current_version(db) < step.version) {
            db.execute(std::string{step.sql}.c_str());
            db.prepare("INSERT INTO schema_version (version, applied_at) "
                       "VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
                .bind(step.version)
                .run();
        }
        db.execute("COMMIT");
    } catch (...) {
        if (sqlite3_get_autocommit(db.handle()) == 0) {
            sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        }
        throw;
    }
}

} // namespace

void migrate(connection& db) {
    db.execute("CREATE TABLE IF NOT EXISTS schema_version ("
               " version INTEGER PRIMARY KEY,"
               " applied_at TEXT NOT NULL)");
    const int start = current_version(db);
    if (start > migrations().back().version) {
        throw error{errc::storage_unavailable, "sqlite schema version " + std::to_string(start) +
                                                   " is newer than this build supports"};
    }
    for (const auto& step : migrations()) {
        if (step.version > start) {
            apply(db, step);
        }
    }
}

} // namespace helpdesk::sqlite::detail
