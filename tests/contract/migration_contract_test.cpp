// Migrations, on every store that can be reopened: the shared steps
// (adapters/sql/schema_steps.hpp) are each recorded once, in order, and
// reopening applies nothing again.
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>
#include <tuple>

using namespace contract;

namespace {

/// The steps every store records, in order.
constexpr const char* all_steps = "1,2,3,4,5,6,7,8";

/// `schema_version` as "version applied_at" rows joined by ';'.
[[nodiscard]] std::string recorded_steps(sqlite_file_factory& factory) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(factory.path().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(
                db,
                "SELECT group_concat(version || ' ' || applied_at, ';') FROM "
                "(SELECT version, applied_at FROM schema_version WHERE version > 0 ORDER BY version)",
                -1, &stmt, nullptr) == SQLITE_OK);
    std::string rows;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
        rows = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return rows;
}

#ifdef HELPDESK_WITH_POSTGRES
[[nodiscard]] std::string recorded_steps(postgres_factory& factory) {
    return factory.run("SELECT string_agg(version || ' ' || applied_at, ';' ORDER BY version) FROM " +
                       factory.schema() + ".schema_version");
}
#endif

/// The version numbers of `recorded_steps`, joined by ','.
[[nodiscard]] std::string versions_of(const std::string& rows) {
    std::string versions;
    for (std::size_t at = 0; at < rows.size();) {
        const auto end = rows.find(';', at);
        versions += (versions.empty() ? "" : ",") + rows.substr(at, rows.find(' ', at) - at);
        at = end == std::string::npos ? rows.size() : end + 1;
    }
    return versions;
}

} // namespace

TEST_CASE_TEMPLATE_DEFINE("migrations: every shared step is recorded once and not applied again on reopen",
                          Factory, migrations_id) {
    Factory factory;
    helpdesk::account kept;
    {
        auto s = factory.open();
        kept = add_account(*s, make_account(1));
        (void)add_ticket(*s, kept.id, at());
    }
    const auto first = recorded_steps(factory);
    CHECK(versions_of(first) == all_steps);
    auto s = factory.open();
    in_read(*s, [&](helpdesk::transaction& tx) { CHECK(tx.accounts().find(kept.id)); });
    CHECK(recorded_steps(factory) == first);
    // Sequences continue across reopen.
    in_write(*s, [](helpdesk::transaction& tx) { CHECK(tx.tickets().next_ticket_sequence() == 2); });
}

#ifdef HELPDESK_WITH_POSTGRES
TEST_CASE_TEMPLATE_APPLY(migrations_id, std::tuple<sqlite_file_factory, postgres_factory>);
#else
TEST_CASE_TEMPLATE_APPLY(migrations_id, std::tuple<sqlite_file_factory>);
#endif
