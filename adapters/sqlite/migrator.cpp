#include "sql/migrator.hpp"

#include "connection.hpp"
#include "error_mapping.hpp"
#include "migrations.hpp"
#include "sql/schema_steps.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

namespace {

// `PRAGMA user_version` of a database whose `schema_version` rows use the
// shared numbering (sql/schema_steps.hpp). Databases made before it hold 0.
constexpr int shared_numbering_mark = 1;

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

[[nodiscard]] int user_version(connection& db) {
    auto query = db.prepare("PRAGMA user_version");
    return query.step() ? static_cast<int>(query.column_int64(0)) : 0;
}

/// Moves a database made before the shared numbering to it: its recorded
/// versions are renumbered by `sql::sqlite_legacy_versions` (highest first,
/// so no number collides), step 2 (nothing to do for SQLite) is recorded
/// when a later one is, and the mark is set, all in one transaction. A new
/// database is only marked.
void adopt_shared_numbering(connection& db) {
    db.execute("BEGIN IMMEDIATE");
    try {
        if (user_version(db) < shared_numbering_mark) {
            const auto& legacy = sql::sqlite_legacy_versions;
            for (auto step = std::rbegin(legacy); step != std::rend(legacy); ++step) {
                db.prepare("UPDATE schema_version SET version = ? WHERE version = ?")
                    .bind(step->second, step->first)
                    .run();
            }
            db.execute("INSERT INTO schema_version (version, applied_at) "
                       "SELECT 2, applied_at FROM schema_version WHERE version = 3");
            db.execute(("PRAGMA user_version = " + std::to_string(shared_numbering_mark)).c_str());
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
