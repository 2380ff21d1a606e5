#include "statement_cache.hpp"

#include "error_mapping.hpp"

namespace helpdesk::sqlite::detail {

sqlite3_stmt* statement_cache::get(sqlite3* db, std::string_view sql) {
    if (auto found = statements_.find(sql); found != statements_.end()) {
        // A statement still stepping would be silently reset by a second user.
        if (sqlite3_stmt_busy(found->second.get()) != 0) {
            throw error{errc::internal, "sqlite statement reused while still in use"};
        }
        return found->second.get();
    }
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &raw, nullptr);
    std::unique_ptr<sqlite3_stmt, finalizer> owned{raw};
    if (rc != SQLITE_OK) {
        throw_error(db, rc, "sqlite prepare");
    }
    auto* stmt = owned.get();
    statements_.emplace(std::string{sql}, std::move(owned));
    return stmt;
}

} // namespace helpdesk::sqlite::detail
