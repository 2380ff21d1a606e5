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

/// Every step in the one transaction `migrate` holds (PostgreSQL's DDL is
/// transactional), so no step has a transaction of its own.
class postgres_target final : public sql::migration_target {
public:
    explicit postgres_target(connection& db) noexcept : db_{db} {}
    int current_version() override {
        auto r = db_.execute("SELECT coalesce(max(version), 0) FROM schema_version");
        return r.rows() == 1 ? static_cast<int>(r.int64(0, 0)) : 0;
    }
    void run_script(std::string_view sql) override { db_.execute_script(std::string{sql}.c_str()); }
    void record_version(int version) override {
        params p;
        p.bind(version);
        db_.execute("INSERT INTO schema_version (version) VALUES ($1)", p);
    }
    std::string_view store_name() const noexcept override { return "postgres"; }

private:
    connection& db_;
};

} // namespace

void migrate(connection& db) {
    db.execute_script("BEGIN");
    try {
        db.execute_script(lock_sql);
        db.execute_script("CREATE TABLE IF NOT EXISTS schema_version ("
                          " version INTEGER PRIMARY KEY,"
                          " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        // The version is read after taking the lock: another process may have just migrated.
        postgres_target target{db};
        sql::apply_migrations(target, migrations());
        db.execute_script("COMMIT");
    } catch (...) {
        if (db.healthy() && db.in_transaction()) {
            result_handle ignored{PQexec(db.handle(), "ROLLBACK")};
        }
        throw;
    }
}

} // namespace helpdesk::postgres::detail
