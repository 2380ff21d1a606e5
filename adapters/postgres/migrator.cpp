#include <helpdesk/error.hpp>

#include "connection.hpp"
#include "migrations.hpp"

#include <string>

namespace helpdesk::postgres::detail {

namespace {

// Held until the migrating transaction ends; keyed by the schema, so tenants
// in separate schemas of one database migrate independently.
constexpr const char* lock_sql =
    "SELECT pg_advisory_xact_lock(1751410029, hashtext(coalesce(current_schema(), '')))";

[[nodiscard]] int current_version(connection& db) {
    auto r = db.execute("SELECT coalesce(max(version), 0) FROM schema_version");
    return r.rows() == 1 ? static_cast<int>(r.int64(0, 0)) : 0;
}

void apply_pending(connection& db) {
    db.execute_script(lock_sql);
    db.execute_script("CREATE TABLE IF NOT EXISTS schema_version ("
                      " version INTEGER PRIMARY KEY,"
                      " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    // Read after taking the lock: another process may have just migrated.
    const int start = current_version(db);
    if (start > migrations().back().version) {
        throw error{errc::storage_unavailable, "postgres schema version " + std::to_string(start) +
                                                   " is newer than this build supports"};
    }
    for (const auto& step : migrations()) {
        if (step.version > start) {
            db.execute_script(std::string{step.sql}.c_str());
            params version;
            version.bind(step.version);
            db.execute("INSERT INTO schema_version (version) VALUES ($1)", version);
        }
    }
}

} // namespace

void migrate(connection& db) {
    db.execute_script("BEGIN");
    try {
        apply_pending(db);
        db.execute_script("COMMIT");
    } catch (...) {
        if (db.healthy() && db.in_transaction()) {
            result_handle ignored{PQexec(db.handle(), "ROLLBACK")};
        }
        throw;
    }
}

} // namespace helpdesk::postgres::detail
