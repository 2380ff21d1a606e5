#include "sql/migrator.hpp"

#include "connection.hpp"
#include "error_mapping.hpp"
#include "migrations.hpp"
#include "sql/schema_steps.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

namespace {

// The `schema_version` row that marks a database whose rows use the shared
// numbering (sql/schema_steps.hpp); databases made before it have none. It is
// a row, not the file header's `PRAGMA user_version`, so that a `.dump` and
// restore keep it. Version 0 is never a step, and `max(version)` ignores it.
constexpr int shared_numbering_mark = 0;

[[nodiscard]] int current_version(connection& db) {
    auto query = db.prepare("SELECT coalesce(max(version), 0) FROM schema_version");
    return query.step() ? static_cast<int>(query.column_int64(0)) : 0;
}

void rollback(connection& db) noexcept {
    if (sqlite3_get_autocommit(db.handle()) == 0) {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

/// Each step in its own `BEGIN IMMEDIATE` transaction, which also records it.
class sqlite_target final : public sql::migration_target {
public:
    explicit sqlite_target(connection& db) noexcept : db_{db} {}
    int current_version() override { return detail::current_version(db_); }
    void run_script(std::string_view sql) override { db_.execute(std::string{sql}.c_str()); }
    void record_version(int version) override {
        db_.prepare("INSERT INTO schema_version (version, applied_at) "
                    "VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
            .bind(version)
            .run();
    }
    void begin_step() override { db_.execute("BEGIN IMMEDIATE"); }
    void commit_step() override { db_.execute("COMMIT"); }
    void rollback_step() noexcept override { rollback(db_); }
    std::string_view store_name() const noexcept override { return "sqlite"; }

private:
    connection& db_;
};

[[nodiscard]] bool uses_shared_numbering(connection& db) {
    auto query = db.prepare("SELECT count(*) FROM schema_version WHERE version = ?");
    query.bind(shared_numbering_mark);
    return query.step() && query.column_int64(0) > 0;
}

/// Moves a database made before the shared numbering to it: its recorded
/// versions are renumbered by `sql::sqlite_legacy_versions` (highest first,
/// so no number collides), step 2 (nothing to do for SQLite) is recorded
/// when a later one is, and the mark is recorded, all in one transaction. A
/// new database is only marked. A marked database is left alone without
/// taking the write lock, so opening it never waits for another writer.
void adopt_shared_numbering(connection& db) {
    if (uses_shared_numbering(db)) {
        return;
    }
    db.execute("BEGIN IMMEDIATE");
    try {
        // Another process may have adopted it while we waited for the lock.
        if (!uses_shared_numbering(db)) {
            const auto& legacy = sql::sqlite_legacy_versions;
            for (auto step = std::rbegin(legacy); step != std::rend(legacy); ++step) {
                db.prepare("UPDATE schema_version SET version = ? WHERE version = ?")
                    .bind(step->second, step->first)
                    .run();
            }
            db.execute("INSERT INTO schema_version (version, applied_at) "
                       "SELECT 2, applied_at FROM schema_version WHERE version = 3");
            db.prepare("INSERT INTO schema_version (version, applied_at) "
                       "VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
                .bind(shared_numbering_mark)
                .run();
        }
        db.execute("COMMIT");
    } catch (...) {
        rollback(db);
        throw;
    }
}

} // namespace

void migrate(connection& db) {
    db.execute("CREATE TABLE IF NOT EXISTS schema_version ("
               " version INTEGER PRIMARY KEY,"
               " applied_at TEXT NOT NULL)");
    adopt_shared_numbering(db);
    sqlite_target target{db};
    sql::apply_migrations(target, migrations());
}

} // namespace helpdesk::sqlite::detail
