// A database made before the stores shared their migration numbers
// (tests/data/upgrade, committed SQL, never rebuilt) opens with today's
// store, upgrades, keeps every row, and ends with the schema of a new one.
#include <helpdesk/adapters/sqlite.hpp>

#include "store_factories.hpp"
#include "store_fixtures.hpp"
#include "upgrade_sample.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace contract;

namespace {

const std::filesystem::path upgrade_data{HELPDESK_UPGRADE_DATA_DIR};

/// The tables later steps than the dumps' add, which an upgrade creates empty.
constexpr const char* tables_after_the_dumps[] = {"sla_policies", "sla_policy_holidays", "sla_policy_hours",
                                                  "sla_policy_targets", "account_history",
                                                  "canned_replies", "department_assignment",
                                                  "staff_availability", "sla_compliance_stats"};

/// `before`, the row counts of an old database, with the tables of later steps, empty.
[[nodiscard]] std::map<std::string, std::string> upgraded_counts(std::map<std::string, std::string> before) {
    for (const auto* table : tables_after_the_dumps) {
        before.emplace(table, "0");
    }
    return before;
}

[[nodiscard]] std::string read_text(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A connection of the test's own to a SQLite file.
class sqlite_file {
public:
    explicit sqlite_file(const std::filesystem::path& path) {
        REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) ==
                SQLITE_OK);
    }
    ~sqlite_file() { sqlite3_close(db_); }
    sqlite_file(const sqlite_file&) = delete;
    sqlite_file& operator=(const sqlite_file&) = delete;

    void exec(const std::string& sql) {
        char* message = nullptr;
        const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
        const std::string text = message != nullptr ? message : "";
        sqlite3_free(message);
        REQUIRE_MESSAGE(rc == SQLITE_OK, text);
    }
    /// Each row of `sql` as its columns joined by '|'.
    [[nodiscard]] std::vector<std::string> rows(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
        std::vector<std::string> out;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            std::string row;
            for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                row += (c == 0 ? "" : "|") + std::string{text != nullptr ? text : "NULL"};
            }
            out.push_back(std::move(row));
        }
        sqlite3_finalize(stmt);
        return out;
    }
    /// Rows per table, but `schema_version`'s, which the upgrade renumbers.
    [[nodiscard]] std::map<std::string, std::string> counts() {
        std::map<std::string, std::string> n;
        for (const auto& table : rows("SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version'")) {
            n[table] = rows("SELECT count(*) FROM \"" + table + "\"").at(0);
        }
        return n;
    }
    /// Every table, index, trigger and view with its SQL (SQLite's statistics aside).
    [[nodiscard]] std::vector<std::string> schema() {
        return rows("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' "
                    "ORDER BY type, name");
    }

private:
    sqlite3* db_ = nullptr;
};

/// Loads the SQLite dump into a new file on a connection of its own: the
/// dump writes its full-text table into the schema directly, which only a
/// connection opened afterwards sees.
void load_sqlite_dump(const std::filesystem::path& path) {
    sqlite_file raw{path};
    raw.exec(read_text(upgrade_data / "sqlite-v5.dump"));
}

} // namespace

TEST_CASE("upgrade: a SQLite database of schema v5 under the old numbering opens without loss") {
    sqlite_file_factory old_db;
    std::map<std::string, std::string> before;
    load_sqlite_dump(old_db.path());
    {
        sqlite_file raw{old_db.path()};
        CHECK(raw.rows("SELECT group_concat(version) FROM (SELECT version FROM schema_version WHERE version "
                       "> 0 ORDER BY version)") == std::vector<std::string>{"1,2,3,4,5"});
        before = raw.counts();
    }
    REQUIRE(before.at("tickets") == "10");
    REQUIRE(before.at("ticket_history") != "0");
    {
        auto s = old_db.open();
        sqlite_file raw{old_db.path()};
        CHECK(raw.counts() == upgraded_counts(before));
        // Renumbered to the shared steps; step 2 recorded with the old step 2's time.
        CHECK(raw.rows("SELECT group_concat(version) FROM (SELECT version FROM schema_version WHERE version "
                       "> 0 ORDER BY version)") == std::vector<std::string>{steps_up_to()});
        CHECK(raw.rows("SELECT count(DISTINCT applied_at) FROM schema_version WHERE version IN (2, 3)") ==
              std::vector<std::string>{"1"});
        CHECK(raw.rows("SELECT count(*) FROM schema_version WHERE version = 0") ==
              std::vector<std::string>{"1"});
        check_upgrade_sample(*s);
    }
    // Reopening changes nothing more.
    {
        auto s = old_db.open();
        sqlite_file raw{old_db.path()};
        CHECK(raw.rows("SELECT count(*) FROM schema_version") ==
              std::vector<std::string>{std::to_string(newest_schema_step + 1)}); // and the mark, row 0
    }
    sqlite_file_factory fresh;
    (void)fresh.open();
    sqlite_file upgraded{old_db.path()};
    sqlite_file created{fresh.path()};
    CHECK(upgraded.schema() == created.schema());
    CHECK(created.rows("SELECT group_concat(version) FROM (SELECT version FROM schema_version WHERE version "
                       "> 0 ORDER BY version)") == std::vector<std::string>{steps_up_to()});
    CHECK(created.rows("SELECT count(*) FROM schema_version WHERE version = 0") ==
          std::vector<std::string>{"1"});
}

TEST_CASE("upgrade: a SQLite database of the shared numbering whose file header was reset (as a .dump and "
          "restore leaves it) opens unchanged") {
    sqlite_file_factory db;
    (void)db.open();
    std::vector<std::string> steps;
    {
        sqlite_file raw{db.path()};
        steps = raw.rows("SELECT version, applied_at FROM schema_version ORDER BY version");
        raw.exec("PRAGMA user_version = 0");
    }
    REQUIRE(steps.size() == newest_schema_step + 1); // and the mark, row 0
    auto s = db.open();
    sqlite_file raw{db.path()};
    CHECK(raw.rows("SELECT version, applied_at FROM schema_version ORDER BY version") == steps);
}

TEST_CASE("upgrade: opening a SQLite database that needs no change does not wait for another writer") {
    sqlite_file_factory db;
    (void)db.open();
    sqlite_file writer{db.path()};
    writer.exec("BEGIN IMMEDIATE");
    helpdesk::sqlite::options quick;
    quick.busy_timeout = std::chrono::milliseconds{50};
    std::shared_ptr<helpdesk::store> opened;
    CHECK_NOTHROW(opened = helpdesk::sqlite::open(db.url(), quick));
    CHECK(opened != nullptr);
    writer.exec("ROLLBACK");
}

TEST_CASE("upgrade: a SQLite database at the old v1 gets every later step") {
    sqlite_file_factory old_db;
    load_sqlite_dump(old_db.path());
    {
        sqlite_file raw{old_db.path()};
        // Back to the old version 1, as that code left it.
        raw.exec("DROP TABLE api_keys; DROP INDEX outbox_events_by_state;"
                 "ALTER TABLE outbox_events DROP COLUMN lease; ALTER TABLE outbox_events DROP COLUMN secret;"
                 "ALTER TABLE outbox_events DROP COLUMN delivered_to; DROP TABLE rate_limit_buckets;"
                 "DROP TABLE refresh_tokens; DELETE FROM schema_version WHERE version > 1;");
    }
    auto s = old_db.open();
    sqlite_file raw{old_db.path()};
    CHECK(raw.rows("SELECT group_concat(version) FROM (SELECT version FROM schema_version WHERE version > 0 "
                   "ORDER BY version)") == std::vector<std::string>{steps_up_to()});
    sqlite_file_factory fresh;
    (void)fresh.open();
    sqlite_file created{fresh.path()};
    CHECK(raw.schema() == created.schema());
}

#ifdef HELPDESK_WITH_POSTGRES
namespace {

/// The dump's statements for `schema`: made in `upgrade_source`, loaded into
/// the test's own schema (which exists already), psql's meta-commands skipped.
[[nodiscard]] std::string postgres_dump_for(const std::string& schema) {
    std::istringstream lines{read_text(upgrade_data / "postgres-v6.dump")};
    std::string out;
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("\\") || line == "CREATE SCHEMA upgrade_source;") {
            continue;
        }
        for (auto at = line.find("upgrade_source"); at != std::string::npos;
             at = line.find("upgrade_source", at)) {
            line.replace(at, std::string_view{"upgrade_source"}.size(), schema);
            at += schema.size();
        }
        out += line + "\n";
    }
    return out;
}

/// Rows per table of the factory's schema, but `schema_version`'s.
[[nodiscard]] std::map<std::string, std::string> postgres_counts(postgres_factory& db) {
    const std::string tables =
        db.run("SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables "
               "WHERE table_schema = '" +
               db.schema() + "' AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'");
    std::map<std::string, std::string> counts;
    std::istringstream names{tables};
    for (std::string table; std::getline(names, table, ',');) {
        counts[table] = db.run("SELECT count(*) FROM " + db.schema() + "." + table);
    }
    return counts;
}

/// The columns, indexes, constraints and functions of the factory's schema,
/// with its name written as `S`.
[[nodiscard]] std::string postgres_schema(postgres_factory& db) {
    const std::string s = "'" + db.schema() + "'";
    return db.run(
        "SELECT replace(concat_ws(E'\\n', "
        " (SELECT string_agg(concat_ws(' ', table_name, column_name, data_type, is_nullable, column_default, "
        "   is_identity, generation_expression), E'\\n' ORDER BY table_name, ordinal_position) "
        "  FROM information_schema.columns WHERE table_schema = " +
        s +
        "), "
        " (SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = " +
        s +
        "), "
        " (SELECT string_agg(c.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid), E'\\n' "
        "   ORDER BY c.relname, con.conname) FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
        "   JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = " +
        s +
        "), "
        " (SELECT string_agg(p.proname || ' ' || pg_get_functiondef(p.oid), E'\\n' ORDER BY p.proname) "
        "   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = " +
        s + ")), " + s + ", 'S')");
}

} // namespace

TEST_CASE("upgrade: a PostgreSQL database of schema v6 opens without loss") {
    try {
        postgres_factory old_db;
        old_db.run(postgres_dump_for(old_db.schema()));
        old_db.run("RESET search_path");
        CHECK(old_db.run("SELECT string_agg(version::text, ',' ORDER BY version) FROM " + old_db.schema() +
                         ".schema_version") == "1,2,3,4,5,6");
        const auto before = postgres_counts(old_db);
        REQUIRE(before.at("tickets") == "10");
        {
            auto s = old_db.open();
            CHECK(postgres_counts(old_db) == upgraded_counts(before));
            CHECK(old_db.run("SELECT string_agg(version::text, ',' ORDER BY version) FROM " +
                             old_db.schema() + ".schema_version") == steps_up_to());
            check_upgrade_sample(*s);
        }
        postgres_factory fresh;
        (void)fresh.open();
        CHECK(postgres_schema(old_db) == postgres_schema(fresh));
    } catch (const postgres_unconfigured&) {
    }
}
#endif
