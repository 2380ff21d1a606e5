#include "error_mapping.hpp"

#include <string>

namespace helpdesk::sqlite::detail {

namespace {

[[nodiscard]] errc code_for(int extended_code) noexcept {
    switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_FOREIGNKEY:
    case SQLITE_BUSY_SNAPSHOT:
        return errc::conflict;
    default:
        break;
    }
    switch (extended_code & 0xff) {
    // BUSY/LOCKED only surface after busy_timeout expired: the store is not
    // reachable in time, which is not the caller's lost race.
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
        return errc::storage_unavailable;
    default:
        return errc::internal;
    }
}

} // namespace

error to_error(int extended_code, std::string_view context, std::string_view message) {
    const auto code = code_for(extended_code);
    // A conflict's first line is for people (servers show only that line);
    // SQLite's own text, naming tables and columns, follows on the next.
    std::string detail = code == errc::conflict ? "the change conflicts with stored data (a duplicate, or a row "
                                                  "that no longer exists)\n"
                                                : "";
    detail += context;
    detail += ": ";
    detail += message.empty() ? std::string_view{sqlite3_errstr(extended_code)} : message;
    return error{code, std::move(detail)};
}

void throw_error(sqlite3* db, int rc, std::string_view context) {
    const int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
    // The handle's code may be stale when rc came from elsewhere (e.g. open).
    const int code = (extended & 0xff) == (rc & 0xff) ? extended : rc;
    const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw to_error(code, context, message != nullptr ? message : "");
}

} // namespace helpdesk::sqlite::detail
